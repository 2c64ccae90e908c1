// A worksheet as formatted text for the clipboard: headings, paragraphs and lists as HTML (pasted into
// Word or Outlook they stay headings and lists), and the same as plain text for programs without HTML.
// Built with DOM nodes and textContent only, so an answer is never read as markup.
import { t } from "./config.js";
import { ownLabel, choiceLabel as choiceText } from "./serialise.js";
import { normaliseLines, oneLine } from "./text.js";

function node(tag, text) {
  const element = document.createElement(tag);
  if (text != null) element.textContent = text;
  return element;
}

function answerNodes(text, asList) {
  const lines = normaliseLines(text).split("\n").map((line) => line.trim());
  if (asList) {
    const list = node("ul");
    for (const line of lines.filter(Boolean)) list.append(node("li", line));
    return [list];
  }
  // Paragraphs split at blank lines; the lines of a paragraph kept apart by line breaks.
  return normaliseLines(text).split(/\n\s*\n/).filter((p) => p.trim()).map((paragraph) => {
    const p = node("p");
    paragraph.split("\n").forEach((line, i) => {
      if (i) p.append(node("br"));
      p.append(line);
    });
    return p;
  });
}

/** The worksheet as a detached <div> of HTML: meta {title, assessment, date, labels}. */
export function toRichText(form, answers, meta) {
  const root = node("div");
  root.append(node("h1", meta.title), node("p", `${t("export.assessment")}: ${meta.assessment} · ${t("export.exported")}: ${meta.date}`));
  const used = new Set();
  for (const part of form.querySelectorAll(".toolkit-group > h2, [data-question]")) {
    if (part.tagName === "H2") {
      root.append(node("h2", oneLine(part.textContent)));
      continue;
    }
    root.append(node("h3", oneLine(part.querySelector(".toolkit-question__heading")?.textContent)));
    const names = [...new Set([...part.querySelectorAll("[name]")].map((input) => input.name))];
    for (const name of names) {
      used.add(name);
      const value = answers[name] || "";
      const label = name === part.dataset.question ? "" : ownLabel(form, name);
      const radio = form.elements.namedItem(name) instanceof RadioNodeList;
      if (label) {
        const line = node("p");
        line.append(node("strong", label + (radio ? ": " : "")), radio ? (value ? choiceText(form, name, value) : t("export.no_answer")) : "");
        root.append(line);
      }
      if (radio) continue;
      if (!value) root.append(node("p", t("export.no_answer")));
      else root.append(...answerNodes(value, part.dataset.answer === "list"));
    }
  }
  const orphans = Object.keys(answers).filter((key) => !used.has(key) && answers[key]);
  if (orphans.length) {
    root.append(node("h2", t("worksheet.orphans_title")));
    for (const key of orphans) root.append(node("h3", (meta.labels && meta.labels[key]) || key), ...answerNodes(answers[key], false));
  }
  return root;
}

/** The same content as plain text: headings on their own lines, list items with "- ". */
export function toPlainText(root) {
  const out = [];
  for (const child of root.children) {
    if (child.tagName === "UL") out.push(...[...child.children].map((li) => "- " + li.textContent), "");
    else if (child.tagName === "P") out.push([...child.childNodes].map((n) => (n.nodeName === "BR" ? "\n" : n.textContent)).join(""), "");
    else out.push(child.textContent, "");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
