// A whole assessment in one file (format version 2), and the name of the person who fills it in: asked
// once, kept on this device (storage key `person`), editable on My worksheets, optional. Loaded on request.
import { t } from "./config.js";
import * as store from "./storage.js";
import * as assessments from "./assessments.js";
import { exportWhole, readPerson } from "./files.js";
import { ask } from "./view.js";

export const personName = () => readPerson().name;

export function setPersonName(name) {
  store.set("person", JSON.stringify({ name: name.trim().slice(0, 200), asked: true }));
}

/** The first time a file is saved: who is filling this in? (Optional: skipping is remembered too.) */
async function askOnce() {
  const person = readPerson();
  if (person.asked) return person.name;
  const answer = await ask({
    title: t("person.title"),
    body: t("person.body"),
    field: { label: t("person.label"), hint: t("person.hint"), value: "", optional: true },
    actions: [{ label: t("dialog.save"), value: "save" }, { label: t("person.skip"), value: "skip" }],
  });
  if (answer.action === "cancel") return null;
  setPersonName(answer.action === "save" ? answer.value : "");
  return personName();
}

/** Every stored worksheet of an assessment: {id: {updated, answers}} (retired worksheets included). */
export function sheetsOf(id) {
  const sheets = {};
  for (const sheet of assessments.storedSheets(id)) {
    const record = assessments.readAnswers(id, sheet);
    sheets[sheet] = { updated: record.updated, answers: record.answers };
  }
  return sheets;
}

/** Save the whole assessment to a file; false when the person cancelled. */
export async function saveWhole(assessment) {
  const person = await askOnce();
  if (person === null) return false;
  exportWhole(assessments.find(assessment.id) || assessment, sheetsOf(assessment.id), person);
  assessments.markSavedToFile(assessment.id);
  return true;
}
