// The report page: one document of an assessment for a meeting: every worksheet with answers, in order,
// each question with its answer or "Not answered yet", the scores chart, the review against its baseline,
// who contributed, the action plan and the date; printed, or saved for Word (.docx), as Markdown, as
// formatted text on the clipboard, and the action plan as CSV. Nothing is sent anywhere.
import { config, t, formatTime } from "../worksheet/config.js";
import * as assessments from "../worksheet/assessments.js";
import { el, button, reveal, status } from "../worksheet/view.js";
import { inertLine } from "../worksheet/text.js";
import { sheetBlocks, actionBlocks, actionTable } from "./blocks.js";

const answersOf = (id, sheet) => assessments.readAnswers(id, sheet).answers;
const hasAnswers = (answers) => Object.values(answers).some(Boolean);

/** Every block of the report of `assessment` (see blocks.js). */
export async function reportBlocks(assessment, forms) {
  const cfg = config();
  const { readActions } = await import("../worksheet/actions.js");
  const blocks = [{ type: "title", text: assessment.name }];
  blocks.push({ type: "paragraph", text: t("report.made", { date: formatTime(new Date().toISOString(), true) }) });
  if (Array.isArray(assessment.contributors) && assessment.contributors.length) {
    blocks.push({ type: "paragraph", text: `${t("team.contributors")} ${assessment.contributors.join(", ")}` });
  }
  if (assessment.baseline) blocks.push({ type: "paragraph", text: t("baseline.badge", { date: formatTime(assessment.baseline, true) }) });
  const scoring = cfg.worksheets.filter((s) => cfg.scores[s.id]);
  for (const sheet of cfg.worksheets) {
    const answers = answersOf(assessment.id, sheet.id);
    if (!forms.has(sheet.id) || !hasAnswers(answers)) continue;
    blocks.push({ type: "heading", level: 1, text: sheet.title, sheet: sheet.id, newPage: true }, ...sheetBlocks(forms.get(sheet.id), answers, 1));
    if (scoring.length > 1 && sheet.id === scoring[scoring.length - 1].id) blocks.push(...scoreSummary(assessment, scoring));
  }
  const baseline = assessment.review_of && assessments.find(assessment.review_of);
  if (baseline) blocks.push(...(await comparisonBlocks(baseline, assessment)));
  const plan = actionBlocks(readActions(assessment.id));
  blocks.push({ ...plan[0], newPage: true }, ...plan.slice(1));
  return blocks;
}

// Every scoring step side by side: a chart on the page, a table everywhere.
function scoreSummary(assessment, scoring) {
  const cfg = config();
  const header = [t("summary.principle"), ...scoring.map((s) => s.title)];
  const rows = cfg.principles.map((p) => [p.label, ...scoring.map((s) => {
    const value = answersOf(assessment.id, s.id)[`${cfg.scores[s.id]}/${p.id}/score`];
    return value ? t(`score.${value}`) : t("summary.not_scored");
  })]);
  return [{ type: "heading", level: 2, text: t("summary.title") }, { type: "chart", sheet: scoring[scoring.length - 1].id, assessment: assessment.id }, { type: "table", header, rows }];
}

async function comparisonBlocks(baseline, review) {
  const { scoreRows, changedAnswers } = await import("../worksheet/compare.js");
  const cfg = config();
  const date = formatTime(baseline.baseline || baseline.updated, true);
  const sheetsOf = (id) => Object.fromEntries(assessments.storedSheets(id).map((s) => [s, answersOf(id, s)]));
  const then = sheetsOf(baseline.id);
  const now = sheetsOf(review.id);
  const out = [{ type: "heading", level: 1, text: t("compare.title", { date }), newPage: true }, { type: "compare", baseline: baseline.id, review: review.id }];
  for (const sheet of cfg.worksheets.filter((s) => cfg.scores[s.id])) {
    const values = (all) => Object.fromEntries(cfg.principles.map((p) => [p.id, (all[sheet.id] || {})[`${cfg.scores[sheet.id]}/${p.id}/score`]]));
    const rows = scoreRows(cfg.principles, cfg.levels.score, values(then), values(now));
    if (rows.every((r) => !r.then && !r.now)) continue;
    out.push({ type: "heading", level: 2, text: t("compare.scores_caption", { title: sheet.title }), docOnly: true }, {
      type: "table", docOnly: true, header: [t("summary.principle"), t("compare.then", { date }), t("compare.now"), t("compare.change")],
      rows: rows.map((r) => [r.axis.label, r.then ? t(`score.${r.then}`) : t("summary.not_scored"), r.now ? t(`score.${r.now}`) : t("summary.not_scored"), t(`compare.${r.change}`)]),
    });
  }
  const changed = changedAnswers(then, now);
  const label = (sheet, key) => assessments.readAnswers(review.id, sheet).labels[key] || assessments.readAnswers(baseline.id, sheet).labels[key] || key;
  out.push({ type: "heading", level: 2, text: t("compare.changed_title"), docOnly: true });
  out.push(changed.length
    ? { type: "table", docOnly: true, header: [t("compare.question"), t("compare.then", { date }), t("compare.now")], rows: changed.map((c) => [label(c.sheet, c.key), c.then || "—", c.now || "—"]) }
    : { type: "paragraph", docOnly: true, text: t("compare.none_changed") });
  return out;
}

// -- the page ---------------------------------------------------------------------------------------------

async function renderBlocks(container, blocks) {
  container.replaceChildren();
  for (const block of blocks) {
    if (block.docOnly) continue;
    let node;
    if (block.type === "title") node = el("h2", "toolkit-report__title", block.text);
    else if (block.type === "heading") {
      node = el(`h${block.level + 2}`, block.level === 1 ? "toolkit-report__section" : null, block.text);
    } else if (block.type === "paragraph") {
      node = el("p", block.muted ? "toolkit-report__empty" : null);
      const lines = String(block.text).split("\n");
      const target = block.bold ? node.appendChild(el("strong")) : node;
      lines.forEach((line, i) => target.append(...(i ? [el("br"), line] : [line])));
    } else if (block.type === "list") {
      node = el("ul");
      for (const item of block.items) node.append(el("li", null, item));
    } else if (block.type === "table") {
      node = el("table", "toolkit-chart-table toolkit-report__table");
      const head = node.appendChild(el("thead")).appendChild(el("tr"));
      for (const text of block.header) {
        const th = head.appendChild(el("th", null, text));
        th.scope = "col";
      }
      const body = node.appendChild(el("tbody"));
      for (const row of block.rows) {
        const tr = body.appendChild(el("tr"));
        row.forEach((text, i) => {
          const cell = tr.appendChild(el(i ? "td" : "th", "toolkit-report__cell", text));
          if (!i) cell.scope = "row";
        });
      }
    } else if (block.type === "chart") {
      node = el("div", "toolkit-summary__body");
      const { chartSpec, drawChart } = await import("../worksheet/chart.js");
      drawChart(node, chartSpec(config(), block.sheet, (id) => answersOf(block.assessment, id), false));
      node.querySelector("table")?.remove(); // the same figures follow as a table
    } else if (block.type === "compare") {
      node = el("div", "toolkit-compare");
      const { drawComparison } = await import("../worksheet/compare.js");
      await drawComparison(node, assessments.find(block.baseline), assessments.find(block.review));
      node.querySelector("h3")?.remove(); // the section has its own heading
    }
    if (node) container.append(node);
  }
}

/** Markdown of the blocks: headings, paragraphs, lists and tables, the user's text made inert. */
export function toMarkdown(blocks) {
  const safe = (text) => String(text ?? "").replace(/\r\n?/g, "\n").split("\n").map(inertLine).join("\\\n");
  const cell = (text) => inertLine(String(text ?? "").replace(/\s*\n\s*/g, " / ")).replace(/\|/g, "\\|");
  const out = [];
  for (const b of blocks) {
    if (b.type === "title") out.push(`# ${safe(b.text)}`, "");
    else if (b.type === "heading") out.push(`${"#".repeat(b.level + 1)} ${safe(b.text)}`, "");
    else if (b.type === "paragraph") out.push(b.bold ? `**${safe(b.text)}**` : b.muted ? `_${safe(b.text)}_` : safe(b.text), "");
    else if (b.type === "list") out.push(...b.items.map((item) => `- ${safe(item)}`), "");
    else if (b.type === "table") out.push(`| ${b.header.map(cell).join(" | ")} |`, `|${b.header.map(() => " --- |").join("")}`, ...b.rows.map((r) => `| ${r.map(cell).join(" | ")} |`), "");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

function plainText(blocks) {
  return blocks.map((b) => {
    if (b.type === "list") return b.items.map((i) => `- ${i}`).join("\n");
    if (b.type === "table") return [b.header, ...b.rows].map((r) => r.join("\t")).join("\n");
    return b.text || "";
  }).filter(Boolean).join("\n\n") + "\n";
}

export function mount(root) {
  const body = root.querySelector("[data-report-body]");
  const select = root.querySelector("[data-report-assessment]");
  const forms = new Map([...root.querySelectorAll("template[data-report-sheet]")].map((tpl) => [tpl.dataset.reportSheet, tpl.content.querySelector("form")]));
  let blocks = [];
  let assessment = null;

  async function draw() {
    const index = assessments.load();
    const wanted = new URLSearchParams(location.search).get("assessment");
    assessment = assessments.find(select.value || wanted || index.current, index) || index.assessments[0] || null;
    select.replaceChildren(...index.assessments.map((a) => {
      const option = el("option", null, a.name);
      option.value = a.id;
      return option;
    }));
    if (!assessment) {
      body.replaceChildren(el("p", null, t("mine.empty")));
      root.querySelector("[data-report-actions]").hidden = true;
      return;
    }
    select.value = assessment.id;
    root.querySelector("[data-report-actions]").hidden = false;
    performance.mark("toolkit:report-start");
    blocks = await reportBlocks(assessment, forms);
    await renderBlocks(body, blocks);
    performance.mark("toolkit:report-drawn");
    root.dataset.reportReady = "";
  }

  const lang = (document.documentElement.lang || "en").startsWith("cy") ? "cy-GB" : "en-GB";
  const files = () => import("../worksheet/files.js");
  const actions = {
    print: () => window.print(),
    word: async () => {
      const [{ toDocx }, f] = await Promise.all([import("./docx.js"), files()]);
      performance.mark("toolkit:docx-start");
      const bytes = toDocx(blocks.filter((b) => b.type !== "chart" && b.type !== "compare"), { title: assessment.name, lang });
      performance.mark("toolkit:docx-made");
      f.download(f.fileName(assessment.name, "report", "docx"), bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    },
    markdown: async () => {
      const f = await files();
      f.download(f.fileName(assessment.name, "report", "md"), toMarkdown(blocks), "text/markdown");
    },
    copy: async () => {
      try {
        const html = new Blob([new XMLSerializer().serializeToString(body)], { type: "text/html" }); // serialised, never parsed
        const text = new Blob([plainText(blocks.filter((b) => b.type !== "chart" && b.type !== "compare"))], { type: "text/plain" });
        await navigator.clipboard.write([new ClipboardItem({ "text/html": html, "text/plain": text })]);
        status(root, t("export.copied"));
      } catch (error) {
        status(root, t("export.copy_failed"));
      }
    },
    csv: async () => {
      const [{ toCSV }, { readActions }, f] = await Promise.all([import("./csv.js"), import("../worksheet/actions.js"), files()]);
      const { header, rows } = actionTable(readActions(assessment.id));
      f.download(f.fileName(assessment.name, "action-plan", "csv"), toCSV([header, ...rows]), "text/csv;charset=utf-8");
    },
  };
  root.addEventListener("click", (event) => {
    const target = event.target.closest("[data-report-action]");
    if (target && actions[target.dataset.reportAction]) actions[target.dataset.reportAction]();
  });
  select.addEventListener("change", () => {
    assessments.select(select.value);
    draw();
  });
  window.addEventListener("storage", () => draw());
  draw();
  reveal(root);
}
