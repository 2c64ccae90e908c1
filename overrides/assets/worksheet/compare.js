// A review against its baseline ("How do we keep on evaluating?"): the scores then and now on the same
// chart (as Outcomes Star overlays a first and a latest reading), a table of each score with the direction
// of change, and the written answers that changed, side by side. Loaded only on My worksheets, for a review.
import { config, t, formatTime } from "./config.js";
import * as assessments from "./assessments.js";
import { el } from "./view.js";
import { teamStyles } from "./team.js";

/** Rows of {axis, then, now, change: "better" | "worse" | "same" | "unknown"} (pure). */
export function scoreRows(axes, levels, then, now) {
  return axes.map((axis) => {
    const a = levels.indexOf(then[axis.id]);
    const b = levels.indexOf(now[axis.id]);
    const change = a < 0 || b < 0 ? "unknown" : b > a ? "better" : b < a ? "worse" : "same";
    return { axis, then: then[axis.id] || "", now: now[axis.id] || "", change };
  });
}

/** Written answers that differ: [{sheet, key, then, now}] in worksheet then key order (pure). */
export function changedAnswers(thenSheets, nowSheets, isScore = (key) => /\/(score|rating)$/.test(key)) {
  const out = [];
  for (const sheet of [...new Set([...Object.keys(thenSheets), ...Object.keys(nowSheets)])]) {
    const then = thenSheets[sheet] || {};
    const now = nowSheets[sheet] || {};
    for (const key of [...new Set([...Object.keys(then), ...Object.keys(now)])].sort()) {
      if (!isScore(key) && (then[key] || "") !== (now[key] || "")) out.push({ sheet, key, then: then[key] || "", now: now[key] || "" });
    }
  }
  return out;
}

const answersBySheet = (id) => Object.fromEntries(assessments.storedSheets(id).map((sheet) => [sheet, assessments.readAnswers(id, sheet).answers]));


export async function drawComparison(box, baseline, review) {
  teamStyles();
  const { drawChart } = await import("./chart.js");
  const { worksheets, scores, principles, levels } = config();
  const then = answersBySheet(baseline.id);
  const now = answersBySheet(review.id);
  const date = formatTime(baseline.baseline || baseline.updated, true);
  box.replaceChildren(el("h3", null, t("compare.title", { date })));
  for (const sheet of worksheets.filter((s) => scores[s.id])) {
    const values = (answers) => Object.fromEntries(principles.map((p) => [p.id, (answers[sheet.id] || {})[`${scores[sheet.id]}/${p.id}/score`]]));
    const rows = scoreRows(principles, levels.score, values(then), values(now));
    if (rows.every((row) => !row.then && !row.now)) continue;
    box.append(el("h4", null, sheet.title));
    const chart = el("div", "toolkit-summary__body");
    drawChart(chart, {
      axes: principles, levels: levels.score, levelLabel: (v) => t(`score.${v}`), heading: t("summary.principle"),
      series: [{ label: t("compare.then", { date }), values: values(then) }, { label: t("compare.now"), values: values(now) }],
    });
    box.append(chart);
    const table = el("table", "toolkit-chart-table toolkit-compare__scores");
    table.append(el("caption", null, t("compare.scores_caption", { title: sheet.title })));
    const head = table.appendChild(el("thead")).appendChild(el("tr"));
    for (const text of [t("summary.principle"), t("compare.then", { date }), t("compare.now"), t("compare.change")]) head.append(el("th", null, text));
    const body = table.appendChild(el("tbody"));
    for (const row of rows) {
      const tr = body.appendChild(el("tr"));
      const th = tr.appendChild(el("th", null, row.axis.label));
      th.scope = "row";
      tr.append(
        el("td", null, row.then ? t(`score.${row.then}`) : t("summary.not_scored")),
        el("td", null, row.now ? t(`score.${row.now}`) : t("summary.not_scored")),
        el("td", `toolkit-compare__${row.change}`, t(`compare.${row.change}`)),
      );
    }
    box.append(table);
  }
  const changed = changedAnswers(then, now);
  box.append(el("h4", null, t("compare.changed_title")));
  if (!changed.length) return box.append(el("p", null, t("compare.none_changed")));
  const labelOf = (sheet, key) => assessments.readAnswers(review.id, sheet).labels[key] || assessments.readAnswers(baseline.id, sheet).labels[key] || key;
  const table = el("table", "toolkit-chart-table toolkit-compare__answers");
  table.append(el("caption", null, t("compare.changed_caption")));
  const head = table.appendChild(el("thead")).appendChild(el("tr"));
  for (const text of [t("compare.question"), t("compare.then", { date }), t("compare.now")]) head.append(el("th", null, text));
  const body = table.appendChild(el("tbody"));
  for (const row of changed) {
    const tr = body.appendChild(el("tr"));
    const th = tr.appendChild(el("th", null, labelOf(row.sheet, row.key)));
    th.scope = "row";
    tr.append(el("td", "toolkit-compare__text", row.then || "—"), el("td", "toolkit-compare__text", row.now || "—"));
  }
  box.append(table);
}
