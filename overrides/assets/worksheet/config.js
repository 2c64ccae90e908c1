// Build-time data for the worksheet scripts: interface strings (content/ui.yaml), worksheets, chart axes.
// Rendered by partials/toolkit/worksheet-config.html as <script type="application/json">.
let data;

export function config() {
  if (!data) {
    const el = document.getElementById("toolkit-worksheet-config");
    try {
      data = JSON.parse(el ? el.textContent : "{}");
    } catch (error) {
      data = {};
    }
    data.strings = data.strings || {};
    data.worksheets = data.worksheets || [];
  }
  return data;
}

/** An interface string with its {placeholders} filled in. */
export function t(key, values = {}) {
  let text = config().strings[key] ?? key;
  for (const [name, value] of Object.entries(values)) text = text.split(`{${name}}`).join(String(value));
  return text;
}

export function worksheetInfo(id) {
  return config().worksheets.find((sheet) => sheet.id === id);
}

/** "10:42" or "23 November 2026" in the page's language. */
export function formatTime(iso, withDate = false) {
  const date = new Date(iso);
  if (isNaN(date)) return "";
  const lang = (document.documentElement.lang || "en").replace(/^(en|cy)$/, "$1-GB");
  const options = withDate
    ? { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }
    : { hour: "2-digit", minute: "2-digit" };
  return date.toLocaleString(lang, options);
}
