// Unit tests of a worksheet page's decisions (overrides/assets/worksheet/state.js): what it takes from
// another tab, when a save keeps a conflict, when a deletion or a replacement made elsewhere wins, what a
// save writes. Each case is a situation two tabs, My worksheets or an import can put a page in.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as state from "../../overrides/assets/worksheet/state.js";
import { readRecord } from "../../overrides/assets/worksheet/merge.js";

const stored = (answers, extra = {}) => readRecord({ updated: "2026-01-01T00:00:00Z", epoch: "e1", answers, ...extra });
// A page that read `answers` and then typed `typed` (not saved yet).
function page(answers, typed = {}, extra = {}) {
  const s = { shown: [], ...state.fromRecord(stored(answers), true), ...extra };
  for (const [key, text] of Object.entries(typed)) {
    if (text) s.answers[key] = text;
    else delete s.answers[key];
    s.dirty.add(key);
  }
  return s;
}
const plain = (object) => ({ ...object });

test("a page holds the stored answers without the cleared ones, and nothing yet to save", () => {
  const s = state.fromRecord(stored({ a: "one", b: "" }), true);
  assert.deepEqual(plain(s.answers), { a: "one" });
  assert.deepEqual(s.base, { a: "one", b: "" });
  assert.equal(s.epoch, "e1");
  assert.equal(s.existed, true);
  assert.equal(s.dirty.size, 0);
});

// -- another tab's record arrives ---------------------------------------------------------------------

test("another tab's edit to a field not being edited here is taken", () => {
  const s = page({ a: "before", b: "mine" }, { b: "typing" });
  const plan = state.fromOtherTab(s, stored({ a: "theirs", b: "mine" }));
  assert.deepEqual(plan.take, [["a", "theirs"]]);
  assert.equal(plan.next.base.a, "theirs", "the base follows, so the next save does not see a change here");
  assert.equal(plan.changed, true);
  assert.deepEqual(plain(plan.next.pending), {});
  assert.equal(s.base.a, "before", "the page's state is not changed in place");
});

test("the same field edited in both tabs keeps both texts: this page's in the box, theirs as a conflict", () => {
  const s = page({ a: "before" }, { a: "mine" });
  const plan = state.fromOtherTab(s, stored({ a: "theirs" }));
  assert.deepEqual(plan.take, [], "text typed here is never overwritten");
  assert.equal(plan.next.pending.a, "theirs", "offered beside the box until this page saves");
  assert.equal(plan.next.base.a, "before", "the base stays, so the save's merge sees both sides changed");
  Object.assign(s, plan.next);
  const record = state.toSave(s, stored({ a: "theirs" }), { time: "t", labels: {}, title: "T", newEpoch: () => "new" });
  assert.equal(record.answers.a, "mine");
  assert.deepEqual(record.conflicts.a, ["theirs"]);
});

test("the same text typed in both tabs is no conflict", () => {
  const plan = state.fromOtherTab(page({ a: "before" }, { a: "same" }), stored({ a: "same" }));
  assert.deepEqual(plain(plan.next.pending), {});
});

test("an answer the other tab wrote without knowing (both saved at once) is saved again", () => {
  const plan = state.fromOtherTab(page({ a: "kept", b: "old" }), stored({ b: "old" }));
  assert.deepEqual(plan.resave, ["a"]);
  assert.ok(plan.next.dirty.has("a"));
  assert.deepEqual(plan.take, []);
});

test("the record's epoch and conflicts come with it; a record once seen is known to exist", () => {
  const s = page({ a: "x" }, {}, { existed: false });
  const plan = state.fromOtherTab(s, stored({ a: "x" }, { epoch: null, conflicts: { a: ["y"] } }));
  assert.equal(plan.next.epoch, "e1", "a record without an epoch leaves the one last seen");
  assert.deepEqual(plan.next.conflicts.a, ["y"]);
  assert.equal(plan.next.existed, true);
  assert.equal(state.fromOtherTab({ ...s, existed: true }, readRecord(null)).next.existed, true, "so its deletion is noticed");
});

// -- a deletion or a replacement made elsewhere ---------------------------------------------------------

test("a deletion elsewhere is reported with the text typed here and not saved", () => {
  const s = page({ a: "saved" }, { a: "unsaved text", b: "more" });
  const lost = state.lostElsewhere(s, readRecord(null), true);
  assert.equal(lost.deleted, true);
  assert.deepEqual(lost.shown, ["unsaved text", "more"]);
});

test("an assessment removed from the index is deleted, even where its record is still there", () => {
  const s = page({ a: "x" });
  assert.equal(state.lostElsewhere(s, stored({ a: "x" }), false).deleted, true);
  assert.equal(state.lostElsewhere({ ...s, known: false }, stored({ a: "x" }), false), null, "a first-use default was never listed");
});

test("an import's new epoch replaces this page's answers", () => {
  const s = page({ a: "x" }, { a: "typed" });
  const lost = state.lostElsewhere(s, stored({ a: "imported" }, { epoch: "e2" }), true);
  assert.equal(lost.deleted, false);
  assert.deepEqual(lost.shown, ["typed"]);
});

test("an ordinary save elsewhere, or a record merged back after storage came back, is no loss", () => {
  const s = page({ a: "x" }, { a: "typed" });
  assert.equal(state.lostElsewhere(s, stored({ a: "other" }), true), null, "same epoch");
  assert.equal(state.lostElsewhere({ ...s, epoch: null }, stored({ a: "other" }, { epoch: "e2" }), true), null);
});

test("a loss seen twice (another tab's writes arrive one key at a time) keeps the text shown the first time", () => {
  const s = page({ a: "x" }, {}, { shown: ["typed before"] });
  assert.deepEqual(state.lostElsewhere(s, readRecord(null), true).shown, ["typed before"]);
});

// -- saving ------------------------------------------------------------------------------------------

test("a save writes this page's changes over what is stored now, keeping what other tabs saved", () => {
  const s = page({ a: "old", b: "old" }, { a: "new" });
  const now = stored({ a: "old", b: "theirs" }, { labels: { a: "Old words", b: "B" } });
  const record = state.toSave(s, now, { time: "t", labels: { a: "A" }, title: "Evaluate", newEpoch: () => "new" });
  assert.deepEqual(plain(record.answers), { a: "new", b: "theirs" });
  assert.deepEqual(record.labels, { a: "A", b: "B" }, "the words of a question changed here are the page's");
  assert.equal(record.updated, "t");
  assert.equal(record.title, "Evaluate");
});

test("a save keeps the stored epoch, so it is never taken for a replacement; a first save makes one", () => {
  const s = page({}, { a: "x" }, { epoch: "mine" });
  const opts = { time: "t", labels: {}, title: "T", newEpoch: () => "new" };
  assert.equal(state.toSave(s, stored({}, { epoch: "e9" }), opts).epoch, "e9");
  assert.equal(state.toSave(s, readRecord(null), opts).epoch, "mine");
  assert.equal(state.toSave({ ...s, epoch: null }, readRecord(null), opts).epoch, "new");
});

test("after a save nothing is left to save and the page's base is what it wrote", () => {
  const record = { epoch: "e3", answers: { a: "x" }, conflicts: {} };
  const next = state.saved(record);
  assert.equal(next.dirty.size + next.resolved.size, 0);
  assert.deepEqual(next.shown, []);
  assert.equal(next.epoch, "e3");
  assert.equal(next.known && next.existed, true);
  assert.deepEqual(next.base, { a: "x" });
  assert.notEqual(next.base, record.answers, "a copy: the page may change its base later");
});

test("after a save, stored answers to fields not typed in are shown", () => {
  const s = page({ a: "x", b: "y" }, { b: "typing" });
  assert.deepEqual(state.toTake(s, { a: "from another tab", b: "stored", c: "new" }), [["a", "from another tab"], ["c", "new"]]);
});

// -- conflicts --------------------------------------------------------------------------------------

test("choosing a text settles the conflict: the save writes the choice and keeps no alternative", () => {
  const opts = { time: "t", labels: {}, title: "T", newEpoch: () => "n" };
  const now = stored({ a: "mine" }, { conflicts: { a: ["theirs"] } });
  for (const choice of ["theirs", "mine"]) {
    const s = page({ a: "mine" }, {}, { conflicts: { a: ["theirs"] } });
    Object.assign(s, state.chosen(s, "a", now.answers.a));
    s.answers.a = choice; // worksheet.js puts the chosen text in the box
    const record = state.toSave(s, now, opts);
    assert.equal(record.answers.a, choice);
    assert.equal(record.conflicts.a, undefined, `chose ${choice}`);
  }
});

test("choosing a text while another tab has since changed it again writes the choice over it", () => {
  const s = page({ a: "before" }, { a: "mine" });
  Object.assign(s, state.fromOtherTab(s, stored({ a: "theirs" })).next);
  Object.assign(s, state.chosen(s, "a", "theirs" /* what is stored now */)); // and keeps "mine" in the box
  assert.equal(s.pending.a, undefined, "the other text is no longer offered");
  const again = state.fromOtherTab(s, stored({ a: "theirs" })).next;
  assert.equal(again.pending.a, undefined, "nor offered again when the same stored text arrives before the save");
  const record = state.toSave(s, stored({ a: "theirs" }), { time: "t", labels: {}, title: "T", newEpoch: () => "n" });
  assert.equal(record.answers.a, "mine");
  assert.equal(record.conflicts.a, undefined, "its base is what is stored now, so no conflict is kept");
});

test("the texts offered beside the box are the stored alternatives, then another tab's unsaved one", () => {
  const s = page({ a: "x", b: "y" }, {}, { conflicts: { a: ["one", "two"] } });
  s.pending = Object.assign(Object.create(null), { a: "two", b: "three" });
  assert.deepEqual([...state.alternatives(s)], [["a", ["one", "two"]], ["b", ["three"]]]);
});

// -- which assessment, what is left -----------------------------------------------------------------

test("a first-use default gives way to an assessment another tab has stored meanwhile", () => {
  assert.equal(state.adopts({ assessments: [{ id: "abc" }] }, "default"), true);
  assert.equal(state.adopts({ assessments: [] }, "default"), false, "nothing stored yet: keep the default");
  assert.equal(state.adopts({ assessments: [{ id: "default" }] }, "default"), false, "already stored");
});

test("a question is unanswered when none of its parts has an answer", () => {
  const given = { "q1/score": "partly", q2: "", q3x: "text", q4: "text" };
  assert.equal(state.unanswered(["q1", "q2", "q3", "q4"], given), 2, "q2 (cleared) and q3 (q3x is another question)");
});
