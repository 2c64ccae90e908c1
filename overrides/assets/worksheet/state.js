// A worksheet page's state and the decisions about it, as plain functions of data: no DOM, no storage.
// worksheet.js reads storage, applies what these return and shows it; tests/js/state.test.mjs tests them.
// The page's state `s`, read here and changed only by worksheet.js:
//   answers    {question id: text} (never ""): every answer of this worksheet, to questions no longer in it too
//   base       what storage held when this page last read or wrote it (a field being typed in: before typing)
//   epoch      the stored record's epoch last seen: a new one means its answers were replaced (an import)
//   existed    a record was stored when last read: none now means it was deleted
//   known      the assessment is in the stored index (a first-use default is not, until saved)
//   conflicts  stored alternatives, per question, to the answer in the box
//   dirty      ids changed here and not yet saved;  resolved: ids whose conflict was settled here, not saved
//   pending    another tab's text for a field being typed in here, kept as a conflict when this page saves
//   shown      unsaved text shown in the notice of a deletion or replacement made elsewhere
// A stored `record` is merge.js readRecord's.
import { mergeAnswers } from "./merge.js";

/** The state after reading `record` (`known`: listed in the index). The texts already `shown` stay. */
export function fromRecord(record, known) {
  const answers = Object.create(null);
  for (const key in record.answers) if (record.answers[key]) answers[key] = record.answers[key];
  return {
    answers,
    base: { ...record.answers },
    epoch: record.epoch,
    existed: record.exists,
    known,
    conflicts: record.conflicts,
    dirty: new Set(),
    resolved: new Set(),
    pending: Object.create(null),
  };
}

/**
 * A deletion or a replacement made elsewhere (another tab, My worksheets, an import), which wins: null if
 * none, else {deleted, shown}. Deleted: the assessment was known and is no longer `listed` in the index, or
 * its record existed and is gone. Replaced: `record` has a new epoch. `shown`: the text typed here and not
 * saved, for the person to copy, with the texts already shown (another tab's writes can arrive one key at
 * a time, so one loss may be seen twice).
 */
export function lostElsewhere(s, record, listed) {
  const deleted = !!((s.known && !listed) || (s.existed && !record.exists));
  const replaced = !deleted && s.epoch && record.epoch && record.epoch !== s.epoch;
  if (!deleted && !replaced) return null;
  return { deleted, shown: [...new Set([...s.shown, ...[...s.dirty].map((key) => s.answers[key]).filter(Boolean)])] };
}

/** A first-use default (`id`, not stored yet) gives way to an assessment another tab has stored meanwhile. */
export const adopts = (index, id) => index.assessments.length > 0 && !index.assessments.some((a) => a.id === id);

/**
 * The record a save writes: this page's changes merged into what is `stored` now (merge.js: what other tabs
 * saved is kept), less the conflicts settled here. The stored epoch is kept, so a save is never taken for a
 * replacement; this page's when none is stored, a `newEpoch()` on the first save. `labels` are the words
 * of the questions changed.
 */
export function toSave(s, stored, { time, labels, title, newEpoch }) {
  const merged = mergeAnswers({ stored, base: s.base, mine: s.answers, changed: s.dirty });
  for (const key of s.resolved) delete merged.conflicts[key];
  return {
    updated: time,
    epoch: stored.epoch || s.epoch || newEpoch(),
    answers: merged.answers,
    conflicts: merged.conflicts,
    labels: { ...stored.labels, ...labels },
    title,
  };
}

/** The state once `record` is written: nothing left to save; what it holds is what the page last saw. */
export function saved(record) {
  return {
    known: true,
    existed: true,
    epoch: record.epoch,
    base: { ...record.answers },
    conflicts: record.conflicts,
    dirty: new Set(),
    resolved: new Set(),
    pending: Object.create(null),
    shown: [],
  };
}

/** The stored answers ([id, text]) that replace what the page shows: those to fields not being typed in. */
export function toTake(s, stored) {
  return Object.keys(stored).filter((key) => !s.dirty.has(key) && (s.answers[key] || "") !== stored[key]).map((key) => [key, stored[key]]);
}

/**
 * Another tab saved this worksheet (`stored`): what this page takes, never overwriting text typed here and
 * not saved. Returns {next, take, resave, changed}: `next` the state's new base, pending, dirty, epoch,
 * existed and conflicts; `take` the stored texts to show. A field not typed in here takes the stored text
 * (and its base follows); a field typed in here keeps its text, and the other tab's different text waits in
 * pending (its base stays as it was, so the save's merge sees both sides changed and keeps both). An answer
 * the other tab wrote without knowing it (both saved at once) is to be saved again (`resave`, made dirty).
 * `changed`: the other tab changed an answer this page had.
 */
export function fromOtherTab(s, stored) {
  const base = { ...s.base };
  const pending = Object.assign(Object.create(null), s.pending);
  const resave = [];
  let changed = false;
  for (const key of new Set([...Object.keys(stored.answers), ...Object.keys(s.base)])) {
    const theirs = stored.answers[key];
    if (!(key in stored.answers)) {
      if (s.base[key] && !s.dirty.has(key)) resave.push(key);
    } else if (s.dirty.has(key)) {
      if (theirs !== (s.base[key] || "") && theirs !== (s.answers[key] || "") && theirs) pending[key] = theirs;
    } else if (theirs !== (s.base[key] || "")) {
      base[key] = theirs;
      changed = true;
    }
  }
  const next = {
    base,
    pending,
    dirty: new Set([...s.dirty, ...resave]),
    epoch: stored.epoch || s.epoch,
    existed: stored.exists || s.existed,
    conflicts: stored.conflicts,
  };
  return { next, take: toTake(s, stored.answers), resave, changed };
}

/**
 * The person chose a text for a question with a conflict (the text goes in the box, by worksheet.js): its
 * base becomes what is stored now (`storedText`), so the save writes the choice over it rather than keep
 * the stored text as a conflict again, and the question's other texts are dropped.
 */
export function chosen(s, key, storedText) {
  const pending = Object.assign(Object.create(null), s.pending);
  delete pending[key];
  return {
    base: { ...s.base, [key]: storedText || "" },
    pending,
    dirty: new Set([...s.dirty, key]),
    resolved: new Set([...s.resolved, key]),
  };
}

/** The texts offered beside the answer in the box, per question: stored conflicts, then pending text. */
export function alternatives(s) {
  const offered = new Map();
  for (const key of new Set([...Object.keys(s.conflicts), ...Object.keys(s.pending)])) {
    offered.set(key, [...new Set([...(s.conflicts[key] || []), ...(s.pending[key] ? [s.pending[key]] : [])])]);
  }
  return offered;
}

/** How many of `questions` have no answer in `given` (a question of several parts: none of its parts). */
export function unanswered(questions, given) {
  return questions.filter((q) => !Object.keys(given).some((k) => given[k] && (k === q || k.startsWith(q + "/")))).length;
}
