// What a worksheet page draws of its state around the questions: print copies and counts, notices about
// what is stored, the assessment picker and print heading, a baseline's lock, and the conflicts notices.
// Pieces drawn on every worksheet page share this one module: each module a page loads costs about 200
// bytes gzipped more than the same code in a module it already loads (bench/worksheet_bench.py).
import { t, formatTime } from "./config.js";
import { limits } from "./serialise.js";
import { el, button, notice, clearNotice, status, say, characterCount } from "./view.js";

// -- print copies and counts: a textarea clips when printed, so each text field has a print-only copy of
// its text right after it (the print stylesheet pairs them); where people type, the format's length limit
// is enforced and counted (GOV.UK character count), the count after the copy.
/** Returns {sync(field), syncAll()}: sync a field after every change of its value (others are skipped). */
export function mountMirrors(form) {
  const mirrors = new Map(); // field -> {mirror, count}
  for (const field of form.querySelectorAll("textarea[name], input[type=text][name]")) {
    field.maxLength = limits().length;
    const count = characterCount(field, limits().length);
    const mirror = el("div", "toolkit-print-answer");
    mirror.setAttribute("aria-hidden", "true");
    field.after(mirror);
    mirrors.set(field, { mirror, count });
  }
  const sync = (field) => {
    const parts = mirrors.get(field);
    if (!parts) return;
    parts.mirror.textContent = field.value;
    field.classList.toggle("toolkit-field--filled", field.value.trim() !== "");
    parts.count.update();
  };
  return { sync, syncAll: () => mirrors.forEach((parts, field) => sync(field)) };
}

// -- notices about what is stored -----------------------------------------------------------------------
/** Storage refused or full (`reason`, storage.js): answers are kept in the page only; offer a file. */
export function storageNotice(form, reason, saveToFile) {
  notice(form, "storage", t(reason === "quota" ? "storage.quota" : "storage.unavailable"), [
    button(t("storage.save_to_file"), saveToFile, "primary"),
  ]);
  status(form, t("status.not_saved"));
}

/** A deletion or a replacement made elsewhere (state.js lostElsewhere), with the unsaved text to copy. */
export function lossNotice(form, lost, name) {
  const kept = lost.shown.length ? [el("p", null, t("sync.unsaved_text")), ...lost.shown.map((text) => el("blockquote", "toolkit-notice__quote", text))] : [];
  notice(form, "sync", say(lost.deleted ? "sync.deleted" : "sync.replaced", { name }), kept);
  status(form, "");
}

/** Print, unless the page may not (a sandboxed frame): the browser's own print still works then. */
export function printPage() {
  try {
    window.print();
  } catch (error) {
    /* printing blocked */
  }
}

// -- the assessment ---------------------------------------------------------------------------------------
/** List `list` (the stored assessments) in the picker, and `current` even before its first answer stores it. */
export function fillPicker(select, list, current) {
  if (!list.some((a) => a.id === current.id)) list.push(current);
  select.replaceChildren(...list.map((a) => {
    const option = el("option", null, a.name); // the name alone: nothing around it to reorder
    option.value = a.id;
    return option;
  }));
  select.value = current.id;
}

/** "Assessment: <name> · Printed: <date>" at the top of the printed copy. */
export function printHead(head, assessment) {
  if (head) head.replaceChildren(`${t("export.assessment")}: `, el("bdi", null, assessment.name), ` · ${t("worksheet.printed")}: ${formatTime(new Date().toISOString(), true)}`);
}

/**
 * A baseline is read-only, its answers the record of a date: lock the fields when `stored` (the index's
 * entry) is one, and say so. True when locked.
 */
export function lockBaseline(form, names, stored, name) {
  const locked = !!(stored && stored.baseline);
  for (const key of names) {
    const field = form.elements.namedItem(key);
    for (const input of field instanceof RadioNodeList ? [...field] : [field]) {
      if (input.type === "radio") input.disabled = locked;
      else input.readOnly = locked;
    }
  }
  if (locked) notice(form, "baseline", say("baseline.read_only", { name, date: formatTime(stored.baseline, true) }));
  else clearNotice(form, "baseline");
  return locked;
}

// -- conflicts: a notice for each question two tabs changed, every text kept with a button to use it ------
/**
 * Show a notice per question in `offered` (Map of id to texts, state.js alternatives) and remove the rest.
 * `label(id)` names the question; `mine(id)` is the answer in the box when chosen; `choose(id, text)` acts.
 */
export function conflictNotices(form, offered, { label, mine, choose }) {
  for (const node of form.querySelectorAll('[data-notice^="conflict-"]')) {
    if (!offered.has(node.dataset.notice.slice("conflict-".length))) node.remove();
  }
  for (const [key, others] of offered) {
    const children = [];
    for (const other of others) children.push(el("blockquote", "toolkit-notice__quote", other), button(t("sync.use_other"), () => choose(key, other)));
    children.push(button(t("sync.keep_mine"), () => choose(key, mine(key)), "primary"));
    notice(form, "conflict-" + key, say("sync.conflict", { question: label(key) }), children);
  }
}
