// The saved-file format (docs/using/export-format.md, JSON Schemas in docs/schemas/), loaded only when a
// file is saved or opened. Version 1: one worksheet of one assessment. Version 2: a whole assessment,
// every worksheet of it. Both may name who filled it in (`respondent`). Reading checks everything before
// anything is stored and never trusts a key or a value it has not checked.
import { config, worksheetInfo } from "./config.js";
import { limits } from "./serialise.js";
import { safeKey as keyShape } from "./merge.js";

export const FORMAT = "social-care-commissioning-toolkit/worksheet";
export const NEWEST = 2; // the newest version this toolkit reads
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
const SHEET = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const MAX_SHEETS = 200;

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const date = (value) => (typeof value === "string" && value.length <= 40 && !isNaN(Date.parse(value)) ? value : undefined);

function sortedAnswers(answers) {
  const out = {};
  for (const key of Object.keys(answers).sort()) if (answers[key]) out[key] = answers[key];
  return out;
}

function head(assessment, person) {
  const doc = { format: FORMAT, toolkit_version: String(config().toolkit_version || ""), exported: new Date().toISOString() };
  if (person) doc.respondent = { name: person };
  const about = { name: assessment.name, created: assessment.created, updated: assessment.updated };
  if (assessment.baseline) about.baseline = assessment.baseline;
  if (Array.isArray(assessment.contributors) && assessment.contributors.length) about.contributors = assessment.contributors.map(String);
  return { doc, about };
}

/** Version 1: one worksheet. */
export function exportDocument(assessment, sheet, record, person = "") {
  const { doc, about } = head(assessment, person);
  return { ...doc, version: 1, worksheet: sheet, assessment: about, updated: record.updated || assessment.updated, answers: sortedAnswers(record.answers) };
}

/** Version 2: every worksheet of an assessment; `sheets` is {worksheet id: {updated, answers}}. */
export function exportAssessment(assessment, sheets, person = "") {
  const { doc, about } = head(assessment, person);
  const worksheets = {};
  for (const id of Object.keys(sheets).sort()) {
    const answers = sortedAnswers(sheets[id].answers);
    if (Object.keys(answers).length) worksheets[id] = { updated: sheets[id].updated || assessment.updated, answers };
  }
  return { ...doc, version: 2, assessment: about, worksheets };
}

// {answers} or {error}: every key safe, every value a string within the limits; blank answers dropped.
function readAnswers(raw) {
  const LIMITS = limits();
  if (!isObject(raw) || Object.keys(raw).length > LIMITS.answers) return { error: "import.invalid" };
  const answers = Object.create(null);
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (!keyShape(key, LIMITS.key) || typeof value !== "string" || value.length > LIMITS.length) return { error: "import.invalid" };
    if (value !== "") answers[key] = value;
  }
  return { answers };
}

/**
 * Check a saved file before anything is stored. Returns {error} (a ui.yaml key), or for version 1
 * {version: 1, worksheet, assessment, respondent, updated, answers}, for version 2
 * {version: 2, assessment, respondent, worksheets: {id: {updated, answers}}} (worksheets this toolkit
 * no longer has are kept, to be shown and saved again, never dropped).
 */
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
  if (doc.version > NEWEST) return refuse("import.newer");
  const a = doc.assessment;
  const LIMITS = limits();
  if (!isObject(a) || typeof a.name !== "string" || !a.name.trim() || a.name.length > LIMITS.name) return refuse("import.invalid");
  const r = doc.respondent;
  if (r !== undefined && (!isObject(r) || typeof r.name !== "string" || r.name.length > LIMITS.name)) return refuse("import.invalid");
  const objects = [doc, a, ...(isObject(r) ? [r] : [])];
  if (objects.flatMap((o) => Object.keys(o)).some((key) => FORBIDDEN.has(key))) return refuse("import.invalid");
  const contributors = Array.isArray(a.contributors) ? a.contributors.filter((name) => typeof name === "string" && name.length <= LIMITS.name).slice(0, 200) : undefined;
  const assessment = { name: a.name.trim(), created: date(a.created), updated: date(a.updated), baseline: date(a.baseline), contributors };
  const respondent = isObject(r) ? r.name.trim() : "";
  if (doc.version === 1) {
    if (typeof doc.worksheet !== "string" || !worksheetInfo(doc.worksheet)) return refuse("import.unknown_worksheet");
    const read = readAnswers(doc.answers);
    if (read.error) return refuse(read.error);
    return { version: 1, worksheet: doc.worksheet, assessment, respondent, updated: date(doc.updated) || null, answers: read.answers };
  }
  const raw = doc.worksheets;
  if (!isObject(raw) || Object.keys(raw).length > MAX_SHEETS) return refuse("import.invalid");
  const worksheets = Object.create(null);
  for (const id of Object.keys(raw)) {
    const sheet = raw[id];
    if (FORBIDDEN.has(id) || !SHEET.test(id) || id.length > 200 || !isObject(sheet)) return refuse("import.invalid");
    if (Object.keys(sheet).some((key) => FORBIDDEN.has(key))) return refuse("import.invalid");
    const read = readAnswers(sheet.answers);
    if (read.error) return refuse(read.error);
    worksheets[id] = { updated: date(sheet.updated) || null, answers: read.answers };
  }
  return { version: 2, assessment, respondent, worksheets };
}
