// Unit tests of the report's file makers (overrides/assets/report/): CSV cells, the zip, the Word XML.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cell, toCSV } from "../../overrides/assets/report/csv.js";
import { crc32, storedZip } from "../../overrides/assets/report/zip.js";
import { toDocx } from "../../overrides/assets/report/docx.js";

test("a cell a spreadsheet would run as a formula is made plain text", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r"]) assert.equal(cell(`${start}1+1`), `"'${start}1+1"`);
  assert.equal(cell('He said "yes"'), '"He said ""yes"""');
  assert.equal(cell("Llanelli ŵ"), '"Llanelli ŵ"');
});

test("the CSV starts with a byte-order mark and ends each row with CRLF", () => {
  assert.equal(toCSV([["a", "b"], ["c", "d"]]), '\uFEFF"a","b"\r\n"c","d"\r\n');
});

test("the zip's checksums are CRC-32", () => {
  assert.equal(crc32(new TextEncoder().encode("hello")), 0x3610a686);
  const zip = storedZip([{ name: "a.txt", data: "hello" }]);
  assert.equal(new DataView(zip.buffer).getUint32(0, true), 0x04034b50);
  assert.equal(new DataView(zip.buffer).getUint32(zip.length - 22, true), 0x06054b50);
});

test("text that XML cannot hold is left out of the Word file rather than breaking it", () => {
  const bytes = toDocx([{ type: "paragraph", text: "bad \u0001 char & <tag> ŵ" }], { title: "T", lang: "cy-GB", created: "2026-12-01T00:00:00Z" });
  const text = new TextDecoder().decode(bytes);
  const body = text.slice(text.indexOf("<w:body>"), text.indexOf("</w:body>"));
  assert.ok(body.includes("bad  char &amp; &lt;tag&gt; ŵ"));
  assert.ok(!body.includes("\u0001"));
  assert.ok(text.includes('<w:lang w:val="cy-GB"/>'));
});
