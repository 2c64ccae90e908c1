// Pure merging of stored worksheet records and assessment indexes: no DOM, no storage, unit-tested by
// `node --test` (tests/js/). A record is {updated, epoch, answers: {key: text}, conflicts: {key: [text]},
// labels: {key: text}, title}; `conflicts` holds, per question, the other answers kept beside the one in
// the box until a person chooses (two tabs, or a frame granted storage, changed the same answer).
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
const KEY = /^[a-z0-9][a-z0-9._/-]*$/;

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
export const safeKey = (key, max = 300) => typeof key === "string" && !FORBIDDEN.has(key) && key.length <= max && KEY.test(key);

/** A prototype-free map of safe keys to strings; "" (a cleared answer) kept only when asked. */
export function stringMap(source, keepEmpty = false) {
  const out = Object.create(null);
  if (isObject(source)) {
    for (const key of Object.keys(source)) {
      if (safeKey(key) && typeof source[key] === "string" && (keepEmpty || source[key] !== "")) out[key] = source[key];
    }
  }
  return out;
}

/** Conflicts as {key: [distinct non-empty texts]}, dropping any that equal the answer in the box. */
export function conflictMap(source, answers = {}) {
  const out = Object.create(null);
  if (!isObject(source)) return out;
  for (const key of Object.keys(source)) {
    if (!safeKey(key) || !Array.isArray(source[key])) continue;
    const others = [...new Set(source[key].filter((text) => typeof text === "string" && text !== "" && text !== (answers[key] || "")))];
    if (others.length) out[key] = others;
  }
  return out;
}

/** A stored record, checked: whatever is malformed is dropped rather than trusted. */
export function readRecord(value) {
  const record = isObject(value) ? value : {};
  const answers = stringMap(record.answers, true);
  return {
    exists: isObject(value),
    updated: typeof record.updated === "string" ? record.updated : null,
    epoch: typeof record.epoch === "string" ? record.epoch : null,
    answers,
    conflicts: conflictMap(record.conflicts, answers),
    labels: stringMap(record.labels),
    title: typeof record.title === "string" ? record.title : null,
  };
}

function addOthers(conflicts, key, texts, answer) {
  const others = [...(conflicts[key] || []), ...texts].filter((text) => text && text !== answer);
  if (others.length) conflicts[key] = [...new Set(others)];
  else delete conflicts[key];
}

/**
 * Three-way merge of one worksheet: `stored` is what storage holds now, `base` what this page last saw
 * there, `mine` this page's answers and `changed` the keys this page changed since. A key changed on both
 * sides to different non-empty texts keeps this page's text in the box and the other as a conflict, so
 * neither is lost. Keys this page did not change take the stored text.
 */
export function mergeAnswers({ stored, base, mine, changed }) {
  const answers = Object.assign(Object.create(null), stored.answers);
  const conflicts = Object.assign(Object.create(null), stored.conflicts);
  for (const key of changed) {
    const theirs = stored.answers[key] || "";
    const value = mine[key] || "";
    answers[key] = value;
    const theyChanged = theirs !== (base[key] || "");
    if (theyChanged && theirs && value && theirs !== value) addOthers(conflicts, key, [theirs], value);
    else addOthers(conflicts, key, [], value);
  }
  return { answers, conflicts };
}

/** Settle a conflict: `chosen` goes in the box and the alternatives are dropped. */
export function resolveConflict(record, key, chosen) {
  const answers = Object.assign(Object.create(null), record.answers, { [key]: chosen });
  const conflicts = Object.assign(Object.create(null), record.conflicts);
  delete conflicts[key];
  return { ...record, answers, conflicts };
}

/**
 * Answers kept in the page (storage was refused) meeting what the device already holds, e.g. after a
 * frame is granted storage: the device's text stays in the box, and where the page has a different text
 * for the same question, it is kept beside it as a conflict for the person to choose.
 */
export function reconcileRecords(device, page) {
  if (!device.exists) return page;
  const answers = Object.assign(Object.create(null), device.answers);
  const conflicts = Object.assign(Object.create(null), device.conflicts);
  for (const key of Object.keys(page.answers)) {
    const mine = page.answers[key];
    if (!mine) continue;
    if (!answers[key]) answers[key] = mine;
    else if (answers[key] !== mine) addOthers(conflicts, key, [mine], answers[key]);
  }
  for (const key of Object.keys(page.conflicts)) addOthers(conflicts, key, page.conflicts[key], answers[key] || "");
  const later = (a, b) => (a && b ? (a > b ? a : b) : a || b);
  return {
    ...device,
    updated: later(device.updated, page.updated),
    answers,
    conflicts,
    labels: Object.assign(Object.create(null), page.labels, device.labels),
  };
}

/** Two assessment indexes as one: every assessment of either, the later time of each worksheet. */
export function reconcileIndexes(device, page) {
  const later = (a, b) => (a && b ? (a > b ? a : b) : a || b);
  const byId = new Map(device.assessments.map((a) => [a.id, { ...a, sheets: { ...a.sheets } }]));
  for (const a of page.assessments) {
    const known = byId.get(a.id);
    if (!known) {
      byId.set(a.id, { ...a, sheets: { ...a.sheets } });
      continue;
    }
    for (const [sheet, time] of Object.entries(a.sheets)) known.sheets[sheet] = later(known.sheets[sheet], time);
    known.updated = later(known.updated, a.updated);
    known.saved_to_file = later(known.saved_to_file, a.saved_to_file);
  }
  return { current: device.current || page.current, assessments: [...byId.values()] };
}
