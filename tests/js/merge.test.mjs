// Unit tests of the pure merging rules (overrides/assets/worksheet/merge.js): run by `make test` with
// `node --test`. Each case is a situation two tabs or a frame can be in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeAnswers, readRecord, reconcileIndexes, reconcileRecords, resolveConflict } from "../../overrides/assets/worksheet/merge.js";

const record = (answers, extra = {}) => readRecord({ updated: "2026-01-01T00:00:00Z", epoch: "e1", answers, ...extra });

test("an edit here to a field nobody else touched is simply taken", () => {
  const stored = record({ a: "old", b: "theirs" });
  const out = mergeAnswers({ stored, base: { a: "old", b: "theirs" }, mine: { a: "new", b: "theirs" }, changed: ["a"] });
  assert.deepEqual({ ...out.answers }, { a: "new", b: "theirs" });
  assert.deepEqual({ ...out.conflicts }, {});
});

test("the same field changed in two tabs keeps both texts: this page's in the box, the other as a conflict", () => {
  const stored = record({ a: "tab two" });
  const out = mergeAnswers({ stored, base: { a: "before" }, mine: { a: "tab one" }, changed: ["a"] });
  assert.equal(out.answers.a, "tab one");
  assert.deepEqual(out.conflicts.a, ["tab two"]);
});

test("another tab's edit to a field not changed here is kept, not overwritten", () => {
  const stored = record({ a: "x", b: "changed elsewhere" });
  const out = mergeAnswers({ stored, base: { a: "x", b: "before" }, mine: { a: "mine", b: "before" }, changed: ["a"] });
  assert.equal(out.answers.b, "changed elsewhere");
});

test("a field cleared here while another tab edited it keeps the edit only as the other side", () => {
  const stored = record({ a: "edited" });
  const out = mergeAnswers({ stored, base: { a: "before" }, mine: {}, changed: ["a"] });
  assert.equal(out.answers.a, "");
  assert.deepEqual({ ...out.conflicts }, {}, "a clear is not a text to choose between");
});

test("a stored conflict survives a later save and is dropped when the box holds the same text", () => {
  const stored = record({ a: "one" }, { conflicts: { a: ["two"] } });
  assert.deepEqual(mergeAnswers({ stored, base: { a: "one" }, mine: { a: "one!" }, changed: ["a"] }).conflicts.a, ["two"]);
  assert.equal(mergeAnswers({ stored, base: { a: "one" }, mine: { a: "two" }, changed: ["a"] }).conflicts.a, undefined);
});

test("resolving a conflict puts the chosen text in the box and forgets the others", () => {
  const resolved = resolveConflict(record({ a: "one" }, { conflicts: { a: ["two"] } }), "a", "two");
  assert.equal(resolved.answers.a, "two");
  assert.equal(resolved.conflicts.a, undefined);
});

test("a frame's answers granted storage merge with the device's field by field", () => {
  const device = record({ a: "device", b: "device only" });
  const page = record({ a: "frame", c: "frame only" });
  const out = reconcileRecords(device, page);
  assert.equal(out.answers.a, "device");
  assert.deepEqual(out.conflicts.a, ["frame"]);
  assert.equal(out.answers.b, "device only");
  assert.equal(out.answers.c, "frame only");
});

test("a record the device does not have yet is the page's as it is", () => {
  const page = record({ a: "frame" });
  assert.equal(reconcileRecords(readRecord(null), page), page);
});

test("merging indexes keeps every assessment of both and the later time of each worksheet", () => {
  const device = { current: "default", assessments: [
    { id: "default", name: "Mine", sheets: { evaluate: "2026-01-02" }, updated: "2026-01-02" },
    { id: "other", name: "Other", sheets: {} },
  ] };
  const page = { current: "default", assessments: [{ id: "default", name: "Mine", sheets: { evaluate: "2026-01-01", redesign: "2026-01-03" }, updated: "2026-01-03" }] };
  const out = reconcileIndexes(device, page);
  assert.deepEqual(out.assessments.map((a) => a.id), ["default", "other"]);
  assert.deepEqual(out.assessments[0].sheets, { evaluate: "2026-01-02", redesign: "2026-01-03" });
  assert.equal(out.assessments[0].updated, "2026-01-03");
});

test("a stored record is checked: prototype keys, non-strings and bad conflicts are dropped", () => {
  const parsed = readRecord(JSON.parse('{"answers": {"__proto__": "x", "a": 1, "b": "ok"}, "conflicts": {"b": ["ok", "other", 3], "constructor": ["x"]}}'));
  assert.deepEqual({ ...parsed.answers }, { b: "ok" });
  assert.deepEqual({ ...parsed.conflicts }, { b: ["other"] });
  assert.equal(Object.getPrototypeOf(parsed.answers), null);
});
