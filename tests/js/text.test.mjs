// Unit tests of the plain-text rules for exports and display (overrides/assets/worksheet/text.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { inertLine, normaliseLines, oneLine, quoteBlock } from "../../overrides/assets/worksheet/text.js";

test("every kind of line break becomes one newline", () => {
  assert.equal(normaliseLines("a\r\nb\rc\u2028d\u2029e\u0085f\ng"), "a\nb\nc\nd\ne\nf\ng");
});

test("a lone carriage return cannot break out of the quote", () => {
  const quoted = quoteBlock("first\r# Heading\r- item\r\r> nested");
  for (const line of quoted.split("\n")) assert.match(line, /^>/, `every line stays in the quote: ${JSON.stringify(quoted)}`);
  assert.ok(quoted.includes("> \\# Heading"), quoted);
  assert.ok(quoted.includes("> \\- item"), quoted);
  assert.ok(quoted.includes("> \\> nested"), quoted);
});

test("each answer line stays its own line (a hard break), blank lines separate paragraphs", () => {
  assert.equal(quoteBlock("one\ntwo\n\nthree"), "> one\\\n> two\n>\n> three");
});

test("block starts are escaped at the start of a line only", () => {
  assert.equal(inertLine("1. first"), "1\\. first");
  assert.equal(inertLine("==="), "\\===");
  assert.equal(inertLine("```js"), "\\`\\`\\`js");
  assert.equal(inertLine("a - b # c"), "a - b # c");
  assert.equal(inertLine("<script>"), "\\<script\\>");
});

test("a name or choice is one line", () => {
  assert.equal(oneLine(" Day\rservices\u2028 2026 \n"), "Day services 2026");
});
