// A worksheet form: restore answers, save on every change, keep tabs in step, export, import, print, chart.
// This module is the wiring, read top to bottom: what to do is decided in state.js (plain functions of
// data, unit-tested), what the page shows is drawn by sheet-view.js and parts.js, and what the person asks
// for (the bar's buttons, files to open, an earlier answer to use) runs in commands.js, loaded on request.
import { t, worksheetInfo, formatTime } from "./config.js";
import * as store from "./storage.js";
import * as assessments from "./assessments.js";
import * as state from "./state.js";
import { fieldNames, getValue, setValue, fieldLabel } from "./serialise.js";
import * as sheetView from "./sheet-view.js";
import { mountParts } from "./parts.js";
import { reveal, status, notice, clearNotice, say, missing, nextTask, acceptDrops } from "./view.js";
// Loaded when first needed, so a worksheet page fetches only what every page uses (see bench/).
const later = { commands: () => import("./commands.js") };

const SAVE_DELAY = 300;

export async function mount(form) {
  const sheet = form.dataset.worksheet;
  const info = worksheetInfo(sheet) || { title: sheet };
  const names = new Set(fieldNames(form));
  // The worksheet starts in three short tasks (see the end): first the answers, then the print copies and
  // counts of the text fields, then the parts beyond the questions. Until each is drawn it stands in, doing
  // nothing; it then catches up with the answers.
  let mirrors = { sync() {}, syncAll() {} };
  let parts = { refresh() {}, edited() {}, earlierChanged() {}, renderPlan() {}, showTeam: async () => {} };
  const select = form.querySelector("[data-assessment]");
  const head = form.querySelector("[data-print-head]");
  const input = form.querySelector("[data-import]");
  let assessment;
  const s = { known: false, shown: [], dirty: new Set() }; // what this page holds (state.js says what each is)
  let timer;
  let saving = false; // a save is writing (storage can report from inside it that it works again)
  const readStored = () => assessments.readAnswers(assessment.id, sheet);
  const answersOf = (id) => (id === sheet ? s.answers : assessments.readAnswers(assessment.id, id).answers);
  function put(key, text) {
    if (text) s.answers[key] = text;
    else delete s.answers[key]; // an empty text is no answer
  }
  function showValue(key, value) {
    if (!names.has(key)) return;
    setValue(form, key, value);
    mirrors.sync(form.elements.namedItem(key));
  }

  // -- storage problems are shown, never thrown ---------------------------------------------------------
  const onUnavailable = (event) => sheetView.storageNotice(form, event.detail && event.detail.reason, () => run("export-json"));
  document.addEventListener("toolkit:storage-unavailable", onUnavailable);
  document.addEventListener("toolkit:storage-available", () => {
    clearNotice(form, "storage");
    // What the page kept has been merged with what the device held (which keeps the device's epoch, so
    // this is not a replacement): show the result, and any conflicts.
    s.epoch = null;
    if (lostElsewhere()) return;
    sync(readStored());
    // What was typed since, still waiting for its pause, is written now, so "Saved" means every answer
    // (unless this is a save's own write working again: that save then writes them).
    if (!saving) save();
    if (!store.storageProblem()) status(form, t("status.saved", { time: formatTime(new Date().toISOString()) }));
  });
  if (store.storageProblem()) onUnavailable({ detail: { reason: store.storageProblem() } });
  // Answers only in this page (storage refused or full) are lost when it closes: the browser asks first.
  window.addEventListener("beforeunload", (event) => {
    save();
    if (store.unsaved()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // -- loading and saving -------------------------------------------------------------------------------
  function load(announce = true) {
    assessment = assessments.current();
    const known = !!assessments.find(assessment.id);
    const record = readStored();
    Object.assign(s, state.fromRecord(record, known));
    for (const name of names) setValue(form, name, s.answers[name] || "");
    mirrors.syncAll();
    fillAssessments();
    showConflicts();
    parts.refresh();
    lockIfBaseline();
    parts.renderPlan();
    if (announce && record.updated) status(form, t("status.restored", { time: formatTime(record.updated, true) }));
    else if (announce) status(form, "");
  }

  function adoptStored() {
    if (s.known || !state.adopts(assessments.load(), assessment.id)) return false;
    assessment = assessments.current();
    s.base = {};
    return true;
  }

  // A deletion or a replacement made elsewhere wins: this page shows what is stored now and says what
  // happened, with whatever it had not yet saved, so the person can copy it.
  function lostElsewhere() {
    const record = readStored();
    const lost = state.lostElsewhere(s, record, s.known && !!assessments.find(assessment.id));
    if (!lost) return false;
    s.shown = lost.shown;
    const name = assessment.name;
    load(false);
    sheetView.lossNotice(form, lost, name);
    return true;
  }

  function save() {
    clearTimeout(timer);
    if (!s.dirty.size) return;
    if (lostElsewhere()) return;
    if (lockIfBaseline()) return void s.dirty.clear();
    const time = new Date().toISOString();
    adoptStored(); // a first-use default that another tab has meanwhile stored under its own id: join it
    const labels = Object.fromEntries([...s.dirty].filter((key) => names.has(key)).map((key) => [key, fieldLabel(form, key)]));
    const record = state.toSave(s, readStored(), { time, labels, title: info.title, newEpoch: assessments.newEpoch });
    saving = true;
    const onDevice = assessments.writeAnswers(assessment.id, sheet, record);
    saving = false;
    assessment = assessments.touch(assessment, sheet, time);
    Object.assign(s, state.saved(record));
    takeStored(state.toTake(s, record.answers));
    showConflicts();
    if (onDevice && !store.storageProblem()) {
      clearNotice(form, "storage");
      status(form, t("status.saved", { time: formatTime(time) }));
    } else status(form, t("status.not_saved"));
    fillAssessments();
  }

  // Stored answers ([id, text], state.js toTake) replace what the page shows; true when any did.
  function takeStored(taken) {
    for (const [key, text] of taken) {
      put(key, text);
      showValue(key, text);
    }
    if (taken.length) parts.refresh();
    return taken.length > 0;
  }

  // -- typing: every change is saved a moment later, and when the page is left --------------------------
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  function changed(event) {
    const field = event.target;
    if (!field.name || !names.has(field.name)) return;
    const value = getValue(form, field.name);
    if (value === (s.answers[field.name] || "")) return; // e.g. the "change" a textarea fires on blur
    put(field.name, value);
    s.dirty.add(field.name);
    mirrors.sync(field);
    if (field.type === "radio") parts.refresh();
    else parts.edited();
    schedule();
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY);
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save();
  });
  window.addEventListener("pagehide", save);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && save());

  // -- other tabs: take their changes, but never overwrite text typed here and not yet saved ------------
  function sync(stored) {
    const plan = state.fromOtherTab(s, stored);
    Object.assign(s, plan.next);
    if (plan.resave.length) schedule();
    const shown = takeStored(plan.take);
    showConflicts();
    return plan.changed || shown;
  }
  window.addEventListener("storage", (event) => {
    if (event.key === store.fullKey(`answers/${assessment.id}/${sheet}`)) {
      if (lostElsewhere()) return;
      if (sync(readStored())) notice(form, "sync", t("sync.changed"));
    } else if (event.key && event.key.startsWith(store.fullKey(`answers/${assessment.id}/`))) {
      // an earlier step's answers (or the action plan's) changed in another tab
      parts.earlierChanged(event.key === store.fullKey(`answers/${assessment.id}/action-plan`));
    } else if (event.key === null || event.key === store.fullKey("index")) {
      if (lostElsewhere()) return;
      if (adoptStored()) sync(readStored());
      fillAssessments();
    }
  });

  // -- conflicts: both texts are kept, in every tab, until the person chooses one -----------------------
  function labelFor(key) {
    return names.has(key) ? fieldLabel(form, key) : readStored().labels[key] || key;
  }
  function choose(key, text) {
    Object.assign(s, state.chosen(s, key, readStored().answers[key]));
    put(key, text);
    showValue(key, text);
    save();
    parts.refresh();
    status(form, say("sync.chosen", { question: labelFor(key) }));
  }
  function showConflicts() {
    sheetView.conflictNotices(form, state.alternatives(s), { label: labelFor, mine: (key) => s.answers[key] || "", choose });
  }

  // -- the assessment: the picker, and a baseline's read-only lock --------------------------------------
  function fillAssessments() {
    if (!select) return;
    sheetView.fillPicker(select, assessments.load().assessments, assessment);
    sheetView.printHead(head, assessment);
  }
  function lockIfBaseline() {
    return sheetView.lockBaseline(form, names, assessments.find(assessment.id), assessment.name);
  }
  select && select.addEventListener("change", () => {
    save();
    assessments.select(select.value);
    load();
  });

  // -- what the person asks for: the bar's buttons, files to open, an earlier answer (commands.js) -------
  const run = (name, ...args) => later.commands().then((module) => module.run(name, page, ...args), missing);
  const use = (name, value, add) => run("use", name, value, add);
  const page = {
    form, sheet, names, input, title: info.title, save, load, answersOf, labelFor, fillAssessments, use,
    assessment: () => assessment,
    answers: () => s.answers,
    showTeam: () => parts.showTeam(),
  };
  function openChosen(files) {
    performance.mark("toolkit:files-chosen"); // bench/team_bench.py times from here to the team view
    return run("open", files);
  }
  if (input) {
    input.addEventListener("change", () => input.files && input.files.length && openChosen(input.files));
    acceptDrops(input.closest("[data-import-group]") || input, openChosen);
  }
  form.addEventListener("click", (event) => {
    const target = event.target.closest("[data-action]");
    if (target && target.dataset.action === "print") sheetView.printPage();
    else if (target) run(target.dataset.action);
  });
  window.addEventListener("beforeprint", () => {
    sheetView.printHead(head, assessment);
    mirrors.syncAll();
  });

  // -- start: the answers first, in the task that sets up saving, so what is typed from then on is kept ---
  // What was typed before this script ran (the boxes are there, empty, from the first paint) is kept over
  // the stored answer and saved, as typing after it would be. (The form is autocomplete="off", so the
  // browser never refills it on a reload: a value here was typed.)
  const typedEarly = [...names].map((key) => [key, getValue(form, key)]).filter(([, text]) => text);
  load();
  for (const [key, text] of typedEarly) {
    if (text === (s.answers[key] || "")) continue;
    showValue(key, text);
    put(key, text);
    s.dirty.add(key);
  }
  if (s.dirty.size) schedule();
  reveal(form);
  form.worksheet = { save, load, markdown: () => run("markdown") };
  await nextTask();
  mirrors = sheetView.mountMirrors(form); // print copies and character counts of the text fields
  mirrors.syncAll();
  await nextTask();
  // earlier answers, the action plan, check your answers, the chart, the team view: where the page has it
  parts = mountParts(form, sheet, page);
  parts.refresh();
  parts.renderPlan();
  parts.showTeam().catch(missing);
  form.dataset.worksheetReady = ""; // all three tasks done: for tests
}
