// Opening saved files, from a worksheet or My worksheets (one file picker that takes many, or files
// dropped on it). One file: your own answers, version 1 (a worksheet) or 2 (a whole assessment), opened
// into the assessment of the same name after asking before anything is replaced. Several files:
// colleagues' answers, opened together as a team session (team.js); a bad file is named and set aside
// with its reason, and the others still open. Loaded only when a file is chosen or dropped.
import { t, worksheetInfo } from "./config.js";
import * as assessments from "./assessments.js";
import { limits, fitName } from "./serialise.js";
import { parseImport } from "./format.js";
import { ask, say } from "./view.js";
import * as team from "./team.js";

const hasAnswers = (id, sheets) => sheets.some((sheet) => Object.values(assessments.readAnswers(id, sheet).answers).some(Boolean));

// The assessment a file opens into: the one with its name, after asking whether to replace its answers
// or open the file as a new assessment; null when the person cancels.
async function target(doc, sheets) {
  let found = assessments.load().assessments.find((a) => a.name === doc.assessment.name);
  if (found && hasAnswers(found.id, sheets)) {
    const answer = await ask({
      title: say("import.replace_title", { name: found.name }),
      body: t("import.replace_body"),
      actions: [{ label: t("import.replace"), value: "replace", kind: "warning" }, { label: t("import.as_new"), value: "new" }],
    });
    if (answer.action === "cancel") return null;
    if (answer.action === "new") found = assessments.create(fitName((name) => t("import.imported_name", { name }), doc.assessment.name));
  }
  return found || assessments.create(doc.assessment.name, doc.assessment.created);
}

async function openOne(file, root, sheet) {
  if (file.size > limits().bytes) return importError(root, t("import.too_big", { size: Math.floor(limits().bytes / 1048576) }));
  let text;
  try {
    text = await file.text();
  } catch (error) {
    return importError(root, t("import.not_json"));
  }
  const doc = parseImport(text);
  if (doc.error) return importError(root, t(doc.error));
  if (doc.version === 1 && sheet && doc.worksheet !== sheet) {
    return importError(root, t("import.other_worksheet", { worksheet: worksheetInfo(doc.worksheet).title }));
  }
  importError(root, null);
  const sheets = doc.version === 1 ? { [doc.worksheet]: { updated: doc.updated, answers: doc.answers } } : doc.worksheets;
  const into = await target(doc, Object.keys(sheets));
  if (!into) return null;
  for (const [id, record] of Object.entries(sheets)) {
    const time = record.updated || new Date().toISOString();
    // A new epoch: every tab with this worksheet open takes the file's answers instead of merging.
    assessments.writeAnswers(into.id, id, { updated: time, epoch: assessments.newEpoch(), answers: record.answers, title: (worksheetInfo(id) || {}).title });
    assessments.touch(into, id, time);
  }
  if (doc.assessment.contributors) assessments.setContributors(into.id, doc.assessment.contributors);
  assessments.select(into.id);
  return { kind: "own", name: into.name };
}

/**
 * Open chosen or dropped files. `root` holds the error summary; `sheet` is the worksheet of the page, if
 * any. Returns {kind: "own", name}, {kind: "team", opened, refused}, or null when nothing was opened.
 */
export async function openFiles(files, root, sheet) {
  const list = [...files];
  if (!list.length) return null;
  if (list.length === 1) return openOne(list[0], root, sheet);
  const { opened, refused } = await team.readFiles(list);
  importError(root, refused.length ? refused.map((r) => t("team.refused", { file: r.file, reason: r.reason })) : null);
  if (opened.length) team.addFiles(opened);
  return { kind: "team", opened, refused };
}

/**
 * Show the GOV.UK-style error summary (focused) and the message on the file field; one message or a list
 * (one per file set aside); null clears them.
 */
function importError(root, message) {
  const summary = root.querySelector("[data-error-summary]");
  const inline = root.querySelector("[data-import-error]");
  const group = root.querySelector("[data-import-group]");
  if (!summary) return;
  const messages = message == null ? [] : [].concat(message);
  summary.hidden = !messages.length;
  if (inline) inline.hidden = !messages.length;
  if (group) group.classList.toggle("toolkit-form-group--error", !!messages.length);
  if (!messages.length) return;
  const list = summary.querySelector("ul");
  const first = list.querySelector("li");
  list.replaceChildren(...messages.map((text) => {
    const item = first.cloneNode(true);
    item.querySelector("[data-error-message]").textContent = text;
    return item;
  }));
  if (inline) inline.textContent = messages.join(" ");
  summary.focus();
}
