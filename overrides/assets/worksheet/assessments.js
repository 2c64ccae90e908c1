// Named assessments (one per service or contract): the index in one key, answers per worksheet in their own.
//   index                          {current, assessments: [{id, name, created, updated, sheets: {worksheet: time}}]}
//   answers/<assessment>/<sheet>   {updated, answers: {question id: text}}
import * as store from "./storage.js";
import { t } from "./config.js";
import { plainAnswers } from "./serialise.js";

const INDEX = "index";
const answersKey = (id, sheet) => `answers/${id}/${sheet}`;
const now = () => new Date().toISOString();

function parse(raw) {
  try {
    return raw == null ? null : JSON.parse(raw);
  } catch (error) {
    return null;
  }
}

export function load() {
  const index = parse(store.get(INDEX));
  const list = index && Array.isArray(index.assessments) ? index.assessments : [];
  return {
    current: index && typeof index.current === "string" ? index.current : null,
    assessments: list.filter((a) => a && typeof a.id === "string" && typeof a.name === "string")
      .map((a) => ({ ...a, sheets: a.sheets && typeof a.sheets === "object" ? a.sheets : {} })),
  };
}

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

function fresh(name, created = now(), id = Date.now().toString(36) + Math.random().toString(36).slice(2, 7)) {
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

export function create(name, created, makeCurrent = true) {
  return change((index) => {
    const assessment = fresh(name, created);
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
    if (a) a.name = name;
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

export function readAnswers(id, sheet) {
  const record = parse(store.get(answersKey(id, sheet)));
  return {
    updated: record && typeof record.updated === "string" ? record.updated : null,
    answers: plainAnswers(record && record.answers, true),
  };
}

export function writeAnswers(id, sheet, record) {
  return store.set(answersKey(id, sheet), JSON.stringify(record));
}

export function duplicate(id) {
  const original = find(id);
  if (!original) return null;
  const copy = create(t("assessment.copy_name", { name: original.name }), undefined, false);
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
