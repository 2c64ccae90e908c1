// Answers between the form, storage and files: plain strings keyed by question id (or "id/part").
import { config, worksheetInfo } from "./config.js";

export const FORMAT = "social-care-commissioning-toolkit/worksheet";
export const VERSION = 1;
export const LIMITS = { bytes: 2 * 1024 * 1024, answers: 5000, length: 100000, key: 300, name: 200 };
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
const KEY = /^[a-z0-9][a-z0-9._/-]*$/;

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const safeKey = (key) => !FORBIDDEN.has(key) && key.length <= LIMITS.key && KEY.test(key);

/** A prototype-free copy holding only string answers under safe keys ("" marks a cleared answer). */
export function plainAnswers(source, keepCleared = false) {
  const answers = Object.create(null);
  if (isObject(source)) {
    for (const key of Object.keys(source)) {
      if (safeKey(key) && typeof source[key] === "string" && (keepCleared || source[key] !== "")) answers[key] = source[key];
    }
  }
  return answers;
}

const isField = (el) => el.name && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && !/^(file|button|submit|reset)$/.test(el.type);

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

export function exportDocument(assessment, sheet, record) {
  const answers = {};
  for (const key of Object.keys(record.answers).sort()) if (record.answers[key]) answers[key] = record.answers[key];
  return {
    format: FORMAT,
    version: VERSION,
    toolkit_version: String(config().toolkit_version || ""),
    exported: new Date().toISOString(),
    worksheet: sheet,
    assessment: { name: assessment.name, created: assessment.created, updated: assessment.updated },
    updated: record.updated || assessment.updated,
    answers,
  };
}

const date = (value) => (typeof value === "string" && value.length <= 40 && !isNaN(Date.parse(value)) ? value : undefined);

/** Check a saved file before anything is stored: {answers, worksheet, assessment, updated} or {error}. */
export function parseImport(text) {
  const refuse = (error) => ({ error });
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return refuse("import.not_json");
  }
  if (!isObject(doc)) return refuse("import.not_json");
  if (doc.format !== FORMAT) return refuse("import.wrong_format");
  if (!Number.isInteger(doc.version) || doc.version < 1) return refuse("import.invalid");
  if (doc.version > VERSION) return refuse("import.newer");
  if (typeof doc.worksheet !== "string" || !worksheetInfo(doc.worksheet)) return refuse("import.unknown_worksheet");
  const a = doc.assessment;
  const raw = doc.answers;
  if (!isObject(a) || typeof a.name !== "string" || !a.name.trim() || a.name.length > LIMITS.name) return refuse("import.invalid");
  if (!isObject(raw)) return refuse("import.invalid");
  const keys = [doc, a, raw].flatMap((o) => Object.keys(o));
  if (keys.some((key) => FORBIDDEN.has(key))) return refuse("import.invalid");
  if (Object.keys(raw).length > LIMITS.answers) return refuse("import.invalid");
  const answers = Object.create(null);
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (!safeKey(key) || typeof value !== "string" || value.length > LIMITS.length) return refuse("import.invalid");
    if (value !== "") answers[key] = value;
  }
  return {
    worksheet: doc.worksheet,
    assessment: { name: a.name.trim(), created: date(a.created), updated: date(a.updated) },
    updated: date(doc.updated) || null,
    answers,
  };
}
