// A worksheet's questions and answers as plain Markdown, readable pasted into a report or an email.
// Answers are text: every line ending is normalised and whatever Markdown would read as structure (a
// heading, list, quote, HTML, link) is escaped, so no answer, name or choice can add structure (text.js).
import { t } from "./config.js";
import { ownLabel as labelOf, choiceLabel } from "./serialise.js";
import { oneLine, inertLine, quoteBlock as quote } from "./text.js";

const squash = oneLine;
const escape = (text) => inertLine(oneLine(text));

const valueText = (form, name, value) => (form.elements.namedItem(name) instanceof RadioNodeList ? choiceLabel(form, name, value) : value);

/** meta: {title, assessment, date}; answers: every stored answer (orphans included). */
export function toMarkdown(form, answers, meta) {
  const out = [`# ${meta.title}`, "", `${t("export.assessment")}: ${escape(meta.assessment)}  `, `${t("export.exported")}: ${meta.date}`];
  const used = new Set();
  for (const node of form.querySelectorAll(".toolkit-group > h2, [data-question]")) {
    if (node.tagName === "H2") {
      out.push("", `## ${squash(node.textContent)}`);
      continue;
    }
    const heading = node.querySelector(".toolkit-question__heading");
    out.push("", `### ${squash(heading && heading.textContent)}`);
    const names = [...new Set([...node.querySelectorAll("[name]")].map((input) => input.name))];
    for (const name of names) {
      used.add(name);
      const value = answers[name] || "";
      const label = name === node.dataset.question ? "" : labelOf(form, name);
      const radio = form.elements.namedItem(name) instanceof RadioNodeList;
      if (radio) out.push("", `**${label}:** ${value ? escape(valueText(form, name, value)) : `_${t("export.no_answer")}_`}`);
      else {
        if (label) out.push("", `**${label}**`);
        out.push("", value ? quote(value) : `_${t("export.no_answer")}_`);
      }
    }
  }
  const orphans = Object.keys(answers).filter((key) => !used.has(key));
  if (orphans.length) {
    out.push("", `## ${t("worksheet.orphans_title")}`);
    for (const key of orphans) out.push("", `**${escape(meta.labels && meta.labels[key] ? meta.labels[key] : key)}**`, "", quote(answers[key]));
  }
  return out.join("\n") + "\n";
}
