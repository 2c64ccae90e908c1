// Answers between the form, storage and files: plain strings keyed by question id (or "id/part").
import { config } from "./config.js";

// The format's limits come from its JSON Schema (docs/schemas/), through the build's page data, so the
// schema, these scripts and the format page cannot disagree. These are the same numbers, for a page
// whose data is missing.
const FALLBACK_LIMITS = { bytes: 32 * 1024 * 1024, answers: 5000, length: 100000, key: 300, name: 200 };
export const limits = () => ({ ...FALLBACK_LIMITS, ...(config().limits || {}) });


/**
 * A name made from a template and a user's name ("{name} (copy)") that still fits the name limit: the
 * user's part is shortened, never the words around it, so the file it is saved in always opens again.
 */
export function fitName(fill, name) {
  const max = limits().name; // counted as the browser's maxlength and the import check count: UTF-16 units
  const whole = fill(String(name).trim());
  if (whole.length <= max) return whole;
  const room = max - fill("…").length;
  const kept = [...String(name).trim()]; // whole characters, so an emoji or accent is never cut in two
  while (kept.join("").length > room) kept.pop();
  return fill(kept.join("").trimEnd() + "…");
}

const isField = (el) => el.name && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && !/^(file|button|submit|reset)$/.test(el.type);

const squash = (text) => (text || "").replace(/\s+/g, " ").trim();

/** A field's own label (a radio group's legend), as the page shows it. */
export function ownLabel(form, name) {
  const field = form.elements.namedItem(name);
  const first = field instanceof RadioNodeList ? field[0] : field;
  if (!first) return name;
  if (first.type === "radio") {
    const legend = first.closest("fieldset")?.querySelector("legend");
    return squash(legend && legend.textContent);
  }
  return squash(first.labels && first.labels[0] ? first.labels[0].textContent : name);
}

/**
 * The words of a choice as the page shows them ("Partly" for "partly"), or the value itself. Found by the
 * label's `for`, which works in a page and in a <template>'s copy of a form (the report) alike.
 */
export function choiceLabel(form, name, value) {
  const chosen = form.querySelector(`input[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
  const label = chosen && chosen.id && form.querySelector(`label[for="${CSS.escape(chosen.id)}"]`);
  return label ? squash(label.textContent) : value;
}

/** A field's label with its question's heading where the field is one part of a question. */
export function fieldLabel(form, name) {
  const field = form.elements.namedItem(name);
  const first = field instanceof RadioNodeList ? field[0] : field;
  const question = first && first.closest("[data-question]");
  const heading = question && question.dataset.question !== name ? squash(question.querySelector(".toolkit-question__heading")?.textContent) : "";
  const own = ownLabel(form, name);
  return heading && own !== heading ? `${heading}: ${own}` : own || name;
}

/** The answer fields' names, in document order. */
export function fieldNames(form) {
  return [...new Set([...form.elements].filter(isField).map((el) => el.name))];
}

export function getValue(form, name) {
  const field = form.elements.namedItem(name);
  return field ? field.value || "" : "";
}

export function setValue(form, name, value) {
  const field = form.elements.namedItem(name);
  if (!field) return;
  if (field instanceof RadioNodeList || field.type === "radio" || field.type === "checkbox") {
    for (const input of field.length === undefined ? [field] : field) input.checked = input.value === value;
  } else {
    field.value = value;
  }
}
