// Unit tests of the team and review rules (team.js, compare.js, format.js): who disagrees, which file of a
// person is used, what changed since a baseline, and which files are refused.
import { test, before } from "node:test";
import assert from "node:assert/strict";

let team, compare, format;
before(async () => {
  // The modules read the page's build-time data lazily; a page with none is enough here.
  globalThis.document = { getElementById: () => null, addEventListener() {}, documentElement: { lang: "en" } };
  team = await import("../../overrides/assets/worksheet/team.js");
  compare = await import("../../overrides/assets/worksheet/compare.js");
  format = await import("../../overrides/assets/worksheet/format.js");
});

const LEVELS = ["not-at-all", "partly", "mostly", "fully"];

test("people two or more points apart disagree; one point apart, or one person, do not", () => {
  assert.deepEqual(team.spread(["not-at-all", "partly", "fully"], LEVELS), { spread: 3, disagree: true, low: "not-at-all", high: "fully" });
  assert.equal(team.spread(["partly", "mostly", "mostly"], LEVELS).disagree, false);
  assert.equal(team.spread(["partly", "mostly"], LEVELS).spread, 1);
  assert.equal(team.spread(["fully"], LEVELS).disagree, false);
  assert.equal(team.spread(["partly", "nonsense"], LEVELS).spread, 0);
});

test("of two files from the same person the later is used; files without a name are each used", () => {
  const files = [
    { id: "a", person: "Ann", updated: "2026-11-01" },
    { id: "b", person: "ann ", updated: "2026-11-20" },
    { id: "c", person: "", updated: "2026-01-01" },
    { id: "d", person: "", updated: "2026-01-02" },
  ];
  assert.deepEqual(team.chooseLatest(files).map((f) => [f.id, f.used]), [["a", false], ["b", true], ["c", true], ["d", true]]);
});

test("scores then and now give the direction of change", () => {
  const axes = [{ id: "p1" }, { id: "p2" }, { id: "p3" }, { id: "p4" }];
  const rows = compare.scoreRows(axes, LEVELS, { p1: "partly", p2: "mostly", p3: "fully" }, { p1: "fully", p2: "partly", p3: "fully", p4: "partly" });
  assert.deepEqual(rows.map((r) => r.change), ["better", "worse", "same", "unknown"]);
});

test("changed written answers are listed; scores and unchanged answers are not", () => {
  const then = { evaluate: { "evaluate.core-purpose": "Old", "evaluate.data": "Same", "x/p/score": "partly" } };
  const now = { evaluate: { "evaluate.core-purpose": "New", "evaluate.data": "Same", "x/p/score": "fully" }, redesign: { "redesign.data": "Added" } };
  assert.deepEqual(compare.changedAnswers(then, now), [
    { sheet: "evaluate", key: "evaluate.core-purpose", then: "Old", now: "New" },
    { sheet: "redesign", key: "redesign.data", then: "", now: "Added" },
  ]);
});

const v2 = (extra = {}) => JSON.stringify({
  format: "social-care-commissioning-toolkit/worksheet", version: 2, assessment: { name: "Day services" },
  worksheets: { evaluate: { answers: { "evaluate.data": "x" } }, "retired-sheet": { answers: { "old.q": "kept" } } }, ...extra,
});

test("a whole-assessment file opens with every worksheet, even one this toolkit no longer has", () => {
  const doc = format.parseImport(v2({ respondent: { name: "Ann" } }));
  assert.equal(doc.version, 2);
  assert.equal(doc.respondent, "Ann");
  assert.deepEqual(Object.keys(doc.worksheets).sort(), ["evaluate", "retired-sheet"]);
});

test("hostile whole-assessment files are refused", () => {
  const cases = [
    v2().replace('"retired-sheet"', '"__proto__"'), // as JSON text: a real key, not a prototype
    v2({ worksheets: { "Bad Id": { answers: {} } } }),
    v2({ worksheets: { evaluate: { answers: { "evaluate.data": 5 } } } }),
    v2({ worksheets: [] }),
    v2({ respondent: "Ann" }),
    v2({ version: 3 }),
  ];
  for (const text of cases) assert.ok(format.parseImport(text).error, text);
  assert.equal(format.parseImport(v2({ version: 3 })).error, "import.newer");
});
