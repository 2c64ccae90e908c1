// The report of an assessment as a list of blocks, the one model every output is made from: the page,
// Word (docx.js), Markdown and the clipboard. A worksheet's questions are read from its own form (the
// page holds each worksheet's form in a <template>), so the report always asks what the worksheets ask.
//   {type: "title"|"heading"|"paragraph"|"list"|"table"|"chart"|"compare", ...}
import { config, t, formatTime } from "../worksheet/config.js";
import { ownLabel, choiceLabel as choiceText } from "../worksheet/serialise.js";

const squash = (text) => (text || "").replace(/\s+/g, " ").trim();

function labelIn(form, name) {
  const field = form.querySelector(`[name="${CSS.escape(name)}"]`);
  if (!field) return name;
  if (field.type === "radio") return squash(field.closest("fieldset")?.querySelector("legend")?.textContent);
  const label = form.querySelector(`label[for="${CSS.escape(field.id)}"]`);
  return label ? squash(label.textContent) : ownLabel(form, name);
}

// A written answer: a list question's lines as a list, otherwise paragraphs (lines kept).
function answerBlocks(text, asList) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (asList) return [{ type: "list", items: lines.map((l) => l.trim()).filter(Boolean) }];
  return text.replace(/\r\n?/g, "\n").split(/\n\s*\n/).filter((p) => p.trim()).map((p) => ({ type: "paragraph", text: p }));
}

/** One worksheet's blocks: every question, answered or "Not answered yet"; scores as a table. */
export function sheetBlocks(form, answers, level = 1) {
  const out = [];
  const notAnswered = () => ({ type: "paragraph", text: t("check.not_answered"), muted: true });
  for (const part of form.querySelectorAll(".toolkit-group > h2, [data-question]")) {
    if (part.tagName === "H2") {
      out.push({ type: "heading", level: level + 1, text: squash(part.textContent) });
      continue;
    }
    const grouped = part.closest(".toolkit-group")?.querySelector(":scope > h2");
    out.push({ type: "heading", level: level + (grouped ? 2 : 1), text: squash(part.querySelector(".toolkit-question__heading")?.textContent), id: part.dataset.question });
    const names = [...new Set([...part.querySelectorAll("[name]")].map((input) => input.name))];
    const radios = names.filter((name) => part.querySelector(`[name="${CSS.escape(name)}"]`).type === "radio");
    // Parts that pair a choice with its evidence or reasons ("<prefix>/score" + "<prefix>/evidence") form a table.
    const prefix = (name) => name.replace(/\/[^/]*$/, "");
    const paired = radios.length > 1 || (radios.length === 1 && names.some((n) => n !== radios[0] && prefix(n) === prefix(radios[0]) && prefix(n) !== part.dataset.question));
    if (paired) {
      const rows = radios.map((name) => {
        const others = names.filter((n) => n !== name && prefix(n) === prefix(name));
        const value = answers[name];
        return [labelIn(form, name), value ? choiceText(form, name, value) : t("check.not_answered"), others.map((n) => answers[n] || "").filter(Boolean).join("\n")];
      });
      const extra = names.filter((n) => !radios.includes(n) && !radios.some((r) => prefix(r) === prefix(n)));
      out.push({ type: "table", header: [t("report.item"), t("report.answer"), t("report.evidence")], rows });
      for (const name of extra) out.push({ type: "paragraph", text: labelIn(form, name), bold: true }, ...(answers[name] ? answerBlocks(answers[name], false) : [notAnswered()]));
      continue;
    }
    for (const name of names) {
      const value = answers[name] || "";
      const radio = radios.includes(name);
      const label = name === part.dataset.question ? "" : labelIn(form, name);
      if (radio) {
        out.push({ type: "paragraph", text: `${label ? label + ": " : ""}${value ? choiceText(form, name, value) : t("check.not_answered")}` });
        continue;
      }
      if (label) out.push({ type: "paragraph", text: label, bold: true });
      out.push(...(value ? answerBlocks(value, part.dataset.answer === "list") : [notAnswered()]));
    }
  }
  return out;
}

/** The action plan as a table's header and rows (accepted actions only, in their order). */
export function actionTable(actions) {
  const principles = Object.fromEntries(config().principles.map((p) => [p.id, p.label]));
  const header = [t("action.what"), t("action.owner"), t("action.due"), t("action.principles"), t("action.priority"), t("action.status")];
  const rows = actions.map((a) => [a.what, a.owner, a.due ? formatTime(`${a.due}T12:00:00`, true).replace(/,.*$/, "") : "", a.principles.map((id) => principles[id] || id).join(", "), a.priority ? t(`action.priority_${a.priority}`) : "", a.status ? t(`action.status_${a.status}`) : ""]);
  return { header, rows };
}

/** The action plan as report blocks. */
export function actionBlocks(actions) {
  const { header, rows } = actionTable(actions);
  return [{ type: "heading", level: 1, text: t("action.title") }, rows.length ? { type: "table", header, rows } : { type: "paragraph", text: t("action.none"), muted: true }];
}
