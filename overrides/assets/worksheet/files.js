// Files the user saves and opens: JSON and Markdown downloads, reading a chosen file.
import { exportDocument } from "./serialise.js";

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

/** Save one worksheet of an assessment as a JSON file (see docs/using/export-format.md). */
export function exportJSON(assessment, sheet, record) {
  const text = JSON.stringify(exportDocument(assessment, sheet, record), null, 2) + "\n";
  download(fileName(assessment.name, sheet, "json"), text, "application/json");
}
