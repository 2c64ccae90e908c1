// Unit tests of which storage keys a copy of the toolkit owns (overrides/assets/worksheet/keys.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { isOwnKey } from "../../overrides/assets/worksheet/keys.js";

test("the keys a copy writes are its own", () => {
  for (const key of ["index", "person", "answers/default/evaluate", "answers/m3x9k2ab/big-idea.core-funding"]) {
    assert.ok(isOwnKey(key), key);
  }
});

test("the keys of a copy in a sub-folder are not, whatever the sub-folder is called", () => {
  for (const key of ["v2/index", "v2/answers/default/evaluate", "answers/index", "answers/abc/index",
    "answers/abc/answers/default/evaluate", "team-b/person", "answers/default", "answers//evaluate"]) {
    assert.ok(!isOwnKey(key), key);
  }
});
