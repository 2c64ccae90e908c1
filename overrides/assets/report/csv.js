// The action plan as CSV for Excel and LibreOffice Calc: UTF-8 with a byte-order mark (Excel on Windows
// garbles accents without it), CRLF line ends, every cell quoted, and any cell that a spreadsheet would
// run as a formula (starting with =, +, -, @, a tab or a carriage return) made plain text with a leading
// apostrophe (CSV injection, OWASP). Pure: unit-tested by `node --test`.
const FORMULA = /^[=+\-@\t\r]/;

export function cell(value) {
  let text = String(value ?? "");
  if (FORMULA.test(text)) text = "'" + text;
  return `"${text.replace(/"/g, '""')}"`;
}

/** rows: arrays of cell values, the first the header. Returns the file's text, BOM first. */
export function toCSV(rows) {
  return "\uFEFF" + rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
