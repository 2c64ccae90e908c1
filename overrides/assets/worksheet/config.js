// Build-time data for the worksheet scripts: interface strings (content/ui.yaml), worksheets, chart axes.
// Written once per language as assets/worksheet/site-config.js, which sets window.toolkitWorksheetConfig
// (partials/toolkit/worksheet-config.html loads it). Its links are relative to the language's home folder,
// two levels above that file; they are made absolute here, so they work from any page.
let data;

export function config() {
  if (!data) {
    const shared = typeof window !== "undefined" && window.toolkitWorksheetConfig;
    data = shared && typeof shared === "object" ? structuredClone(shared) : {};
    data.strings = data.strings || {};
    data.worksheets = data.worksheets || [];
    const script = typeof document !== "undefined" && typeof document.querySelector === "function"
      && document.querySelector("script[data-toolkit-config]");
    const base = script && script.src ? new URL("../../", script.src) : null;
    if (base) {
      if (data.root) data.root = new URL(data.root, base).href;
      for (const sheet of data.worksheets) if (sheet.url) sheet.url = new URL(sheet.url, base).href;
    }
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

/**
 * "10:42", or "23 November 2026, 10:42" with the date, in the page's language. Written out from the
 * month names in content/ui.yaml (`date.months`) rather than by the browser, which has no Welsh in some
 * builds and would fall back to "November 23, 2026 at 10:42 AM". Day, month, year; a 24-hour clock.
 */
export function formatTime(iso, withDate = false) {
  const date = new Date(iso);
  if (isNaN(date)) return "";
  const two = (n) => String(n).padStart(2, "0");
  const time = `${two(date.getHours())}:${two(date.getMinutes())}`;
  if (!withDate) return time;
  const months = t("date.months").split("|");
  const month = months.length === 12 ? months[date.getMonth()] : String(date.getMonth() + 1);
  return t("date.format", { day: date.getDate(), month, year: date.getFullYear(), time });
}
