// Named assessments (one per service or contract): the index in one key, answers per worksheet in their own.
//   index                          {current, assessments: [{id, name, created, updated, saved_to_file,
//                                    sheets: {worksheet: time}}]}
//   answers/<assessment>/<sheet>   {updated, epoch, answers: {question id: text}, conflicts, labels, title}
// `epoch` changes only when a worksheet's answers are replaced wholesale (an import), so another tab can
// tell a replacement from an ordinary edit; `labels` and `title` keep the words of the questions answered,
// so answers outlive a question or worksheet removed from the toolkit and are still shown by name.
import * as store from "./storage.js";
import { t } from "./config.js";
import { fitName } from "./serialise.js";
import { readRecord, reconcileIndexes, reconcileRecords } from "./merge.js";

const INDEX = "index";
const answersKey = (id, sheet) => `answers/${id}/${sheet}`;
const now = () => new Date().toISOString();
export const newEpoch = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 9);

function parse(raw) {
  try {
    return raw == null ? null : JSON.parse(raw);
  } catch (error) {
    return null;
  }
}

function readIndex(raw) {
  const index = parse(raw);
  const list = index && Array.isArray(index.assessments) ? index.assessments : [];
  return {
    current: index && typeof index.current === "string" ? index.current : null,
    assessments: list.filter((a) => a && typeof a.id === "string" && typeof a.name === "string")
      .map((a) => ({ ...a, sheets: a.sheets && typeof a.sheets === "object" ? a.sheets : {} })),
  };
}

export const load = () => readIndex(store.get(INDEX));

function save(index) {
  return store.set(INDEX, JSON.stringify(index));
}

function change(fn) {
  const index = load();
  const result = fn(index);
  save(index);
  return result;
}

export const find = (id, index = load()) => index.assessments.find((a) => a.id === id);

function fresh(name, created = now(), id = newEpoch()) {
  return { id, name, created, updated: created, sheets: {} };
}

/**
 * The assessment being worked on; on first use an unsaved default, stored when its first answer is. The
 * default's id is fixed, so two tabs that both start typing at once share it rather than make two.
 */
export function current() {
  const index = load();
  return find(index.current, index) || index.assessments[0] || fresh(t("assessment.default_name"), now(), "default");
}

/** Start an assessment; the name is made to fit the format's limit (see fitName). */
export function create(name, created, makeCurrent = true) {
  return change((index) => {
    const assessment = fresh(fitName((n) => n, name), created);
    index.assessments.push(assessment);
    if (makeCurrent || !index.current) index.current = assessment.id;
    return assessment;
  });
}

export function select(id) {
  change((index) => {
    index.current = id;
  });
}

export function rename(id, name) {
  change((index) => {
    const a = find(id, index);
    if (a) a.name = fitName((n) => n, name);
  });
}

/** Record that `sheet` of `assessment` changed at `time`, adding the assessment to the index if new. */
export function touch(assessment, sheet, time) {
  return change((index) => {
    let a = find(assessment.id, index);
    if (!a) {
      a = { ...assessment, sheets: {} };
      index.assessments.push(a);
      if (!index.current) index.current = a.id;
    }
    a.sheets[sheet] = time;
    a.updated = time;
    return a;
  });
}

/** Record that the assessment (or one worksheet of it) was saved to a file, for the reminder. */
export function markSavedToFile(id, time = now()) {
  change((index) => {
    const a = find(id, index);
    if (a) a.saved_to_file = time;
  });
}

/** Record who contributed to an assessment agreed from colleagues' files (team.js). */
export function setContributors(id, names) {
  change((index) => {
    const a = find(id, index);
    if (a) a.contributors = names;
  });
}

/** Mark an assessment as a baseline: dated and read-only from now on. */
export function markBaseline(id, time = now()) {
  change((index) => {
    const a = find(id, index);
    if (a) a.baseline = time;
  });
}

/** A review of a baseline: a new assessment starting from its answers, linked to it. */
export function startReview(id, name) {
  const copy = duplicate(id, name);
  if (!copy) return null;
  return change((index) => {
    const a = find(copy.id, index);
    a.review_of = id;
    delete a.baseline;
    delete a.saved_to_file;
    index.current = a.id;
    return a;
  });
}

/** A worksheet's stored record, checked (see merge.js readRecord). */
export function readAnswers(id, sheet) {
  return readRecord(parse(store.get(answersKey(id, sheet))));
}

/** Store a worksheet's record; true when it is on the device, false when kept in the page only. */
export function writeAnswers(id, sheet, record) {
  const { updated, epoch, answers, conflicts, labels, title } = record;
  const stored = { updated, epoch: epoch || newEpoch(), answers };
  if (conflicts && Object.keys(conflicts).length) stored.conflicts = conflicts;
  if (labels && Object.keys(labels).length) stored.labels = labels;
  if (title) stored.title = title;
  return store.set(answersKey(id, sheet), JSON.stringify(stored));
}

/** The worksheet ids with stored answers for an assessment, known to this toolkit or not. */
export function storedSheets(id) {
  return store.keys(`answers/${id}/`).map((key) => key.split("/").pop());
}

export function duplicate(id, name) {
  const original = find(id);
  if (!original) return null;
  const copy = create(name || fitName((n) => t("assessment.copy_name", { name: n }), original.name), undefined, false);
  for (const key of store.keys(`answers/${id}/`)) {
    store.set(`answers/${copy.id}/` + key.split("/").pop(), store.get(key));
  }
  return change((index) => {
    const a = find(copy.id, index);
    a.sheets = { ...original.sheets };
    a.updated = original.updated;
    return a;
  });
}

export function remove(id) {
  for (const key of store.keys(`answers/${id}/`)) store.remove(key);
  change((index) => {
    index.assessments = index.assessments.filter((a) => a.id !== id);
    if (index.current === id) index.current = index.assessments.length ? index.assessments[0].id : null;
  });
}

export function removeAll() {
  for (const key of store.keys()) store.remove(key);
}

// When a page that kept its answers in memory gains storage (a frame granted access), merge with what the
// device holds instead of writing over it.
store.setReconciler((key, onDevice, inPage) => {
  if (inPage === null || onDevice === null) return inPage;
  if (key === INDEX) return JSON.stringify(reconcileIndexes(readIndex(onDevice), readIndex(inPage)));
  if (key.startsWith("answers/")) {
    const merged = reconcileRecords(readRecord(parse(onDevice)), readRecord(parse(inPage)));
    return JSON.stringify({ ...merged, exists: undefined });
  }
  return inPage;
});
