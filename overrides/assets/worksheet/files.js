// Files the user saves: JSON and Markdown downloads.
import * as store from "./storage.js";
import { exportDocument, exportAssessment } from "./format.js";

/** Who fills the worksheets in on this device (storage key `person`, asked by whole.js): {name, asked}. */
export function readPerson() {
  try {
    const stored = JSON.parse(store.get("person") || "null");
    return stored && typeof stored.name === "string" ? stored : { name: "", asked: false };
  } catch (error) {
    return { name: "", asked: false };
  }
}

const person = () => readPerson().name;

function slug(text) {
  const s = String(text).normalize("NFKD").replace(/[^\w\s.-]/g, "").trim().replace(/[\s_.]+/g, "-");
  return s.toLowerCase().slice(0, 60).replace(/^-+|-+$/g, "") || "assessment";
}

export function fileName(name, sheet, extension) {
  return `${slug(name)}-${slug(sheet)}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Save one worksheet of an assessment as a JSON file, version 1 (see docs/using/export-format.md). */
export function exportJSON(assessment, sheet, record) {
  const text = JSON.stringify(exportDocument(assessment, sheet, record, person()), null, 2) + "\n";
  download(fileName(assessment.name, sheet, "json"), text, "application/json");
}

/** Save a whole assessment (every worksheet) as one JSON file, version 2. */
export function exportWhole(assessment, sheets, name = person()) {
  const text = JSON.stringify(exportAssessment(assessment, sheets, name), null, 2) + "\n";
  download(fileName(assessment.name, "all-worksheets", "json"), text, "application/json");
}
