// Plain-text safety for exports and display: line ends, Markdown block starts, bidirectional isolation.
// Pure: unit-tested by `node --test`.

/** Every line break (CR LF, lone CR, Unicode line and paragraph separators, NEL) as "\n". */
export const normaliseLines = (text) => String(text ?? "").replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");

/** One line, for a name, a label or a choice: every run of white space (line breaks included) as one space. */
export const oneLine = (text) => normaliseLines(text).replace(/\s+/g, " ").trim();

// Characters that Markdown would read as inline HTML, links or code, anywhere in a line.
const INLINE = /[\\<>[\]`*_]/g;
// What starts a block when it opens a line: a heading, quote, list item, thematic break, setext
// underline, code fence, table row, or indented code.
const BLOCK_START = /^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|=+\s*$|-{2,}\s*$|~{3,}|\|)/;
const ORDERED_ITEM = /^(\d{1,9})([.)])(?=\s|$)/; // "1." or "1)": the delimiter is what gets escaped

/** A line of user text made inert: inline markup escaped, a block start escaped, leading indent dropped. */
export function inertLine(line) {
  const escaped = line.replace(INLINE, "\\$&").replace(/^[ \t]+/, "");
  return escaped.replace(BLOCK_START, (match, space, marker) => `${space}\\${marker}`).replace(ORDERED_ITEM, "$1\\$2");
}

/** Multi-line user text as a Markdown block quote: one source line per line (hard breaks), nothing escapes. */
export function quoteBlock(text) {
  const lines = normaliseLines(text).split("\n");
  return lines.map((line, i) => {
    const body = inertLine(line).trimEnd();
    // A hard break ("\\" at the end) only between two lines of text: at the end of a paragraph it would show.
    const breakAfter = body && i < lines.length - 1 && lines[i + 1].trim() ? "\\" : "";
    return ("> " + body + breakAfter).trimEnd();
  }).join("\n");
}
