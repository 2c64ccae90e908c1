// A worksheet form: restore answers, save on every change, keep tabs in step, export, import, print, chart.
import { config, t, worksheetInfo, formatTime } from "./config.js";
import * as store from "./storage.js";
import * as assessments from "./assessments.js";
import { fieldNames, getValue, setValue, parseImport, LIMITS } from "./serialise.js";
import { exportJSON, download, fileName } from "./files.js";
import { toMarkdown } from "./markdown.js";
import { drawChart, chartSpec, hasScores } from "./chart.js";
import { el, button, reveal, status, notice, clearNotice, importError, ask } from "./view.js";

const SAVE_DELAY = 300;

export function mount(form) {
  const sheet = form.dataset.worksheet;
  const info = worksheetInfo(sheet) || { title: sheet };
  const names = new Set(fieldNames(form));
  const mirrors = new Map();
  const dirty = new Set(); // fields changed here and not yet saved
  let assessment;
  let saved; // what storage held for this worksheet when last read or written
  let answers; // every answer of this worksheet, including those to questions no longer in it
  let timer;
  let known = false; // the assessment is in the stored index (a first-use default is not, until saved)

  // -- print mirrors: textareas clip when printed, so each has a print-only copy of its text ------------
  for (const field of form.querySelectorAll("textarea[name], input[type=text][name]")) {
    const mirror = el("div", "toolkit-print-answer");
    mirror.setAttribute("aria-hidden", "true");
    field.after(mirror);
    mirrors.set(field, mirror);
  }
  const syncMirror = (field) => {
    const mirror = mirrors.get(field);
    if (!mirror) return;
    mirror.textContent = field.value;
    field.classList.toggle("toolkit-field--filled", field.value.trim() !== "");
  };

  // -- storage problems are shown, never thrown ---------------------------------------------------------
  const onUnavailable = (event) => {
    const reason = event.detail && event.detail.reason;
    notice(form, "storage", t(reason === "quota" ? "storage.quota" : "storage.unavailable"), [
      button(t("storage.save_to_file"), exportFile, "primary"),
    ]);
    status(form, t("status.not_saved"));
  };
  document.addEventListener("toolkit:storage-unavailable", onUnavailable);
  document.addEventListener("toolkit:storage-available", () => {
    clearNotice(form, "storage");
    status(form, t("status.saved", { time: formatTime(new Date().toISOString()) }));
  });
  if (store.storageProblem()) onUnavailable({ detail: { reason: store.storageProblem() } });

  // -- loading and saving -------------------------------------------------------------------------------
  function load(announce = true) {
    assessment = assessments.current();
    known = !!assessments.find(assessment.id);
    const record = assessments.readAnswers(assessment.id, sheet);
    saved = { ...record.answers };
    answers = Object.create(null);
    for (const key in record.answers) if (record.answers[key]) answers[key] = record.answers[key];
    dirty.clear();
    for (const name of names) setValue(form, name, answers[name] || "");
    for (const field of mirrors.keys()) syncMirror(field);
    fillAssessments();
    refresh();
    if (announce && record.updated) status(form, t("status.restored", { time: formatTime(record.updated, true) }));
    else if (announce) status(form, "");
  }

  // A first-use default (not stored yet) gives way to an assessment another tab has stored meanwhile.
  function adoptStored() {
    if (known || assessments.find(assessment.id) || !assessments.load().assessments.length) return false;
    assessment = assessments.current();
    saved = {};
    return true;
  }

  function save() {
    clearTimeout(timer);
    if (!dirty.size) return;
    const time = new Date().toISOString();
    // A first-use default that another tab has meanwhile stored under its own id: join that one instead.
    adoptStored();
    const record = assessments.readAnswers(assessment.id, sheet); // merge: keep what other tabs saved
    applyExternal(record.answers);
    // A cleared answer is kept as "", so another tab can tell "cleared" from "not known when written".
    for (const name of dirty) record.answers[name] = answers[name] || "";
    const onDevice = assessments.writeAnswers(assessment.id, sheet, { updated: time, answers: record.answers });
    assessment = assessments.touch(assessment, sheet, time);
    known = true;
    saved = { ...record.answers };
    dirty.clear();
    if (onDevice && !store.storageProblem()) {
      clearNotice(form, "storage");
      status(form, t("status.saved", { time: formatTime(time) }));
    } else status(form, t("status.not_saved"));
    fillAssessments();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  function changed(event) {
    const field = event.target;
    if (!field.name || !names.has(field.name)) return;
    const value = getValue(form, field.name);
    if (value === (answers[field.name] || "")) return; // e.g. the "change" a textarea fires on blur
    if (value) answers[field.name] = value;
    else delete answers[field.name];
    dirty.add(field.name);
    syncMirror(field);
    if (field.type === "radio") refresh();
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
  function applyExternal(incoming) {
    let changedHere = false;
    for (const key of new Set([...Object.keys(incoming), ...Object.keys(saved)])) {
      if (!(key in incoming)) {
        // The other tab wrote without knowing this answer (both saved at once): write it again.
        if (saved[key] && !dirty.has(key)) (dirty.add(key), schedule());
        continue;
      }
      const theirs = incoming[key];
      if (theirs === (saved[key] || "")) continue;
      saved[key] = theirs;
      if (dirty.has(key)) {
        if ((answers[key] || "") !== theirs) conflict(key, theirs);
        continue;
      }
      if (theirs) answers[key] = theirs;
      else delete answers[key];
      if (names.has(key)) {
        setValue(form, key, theirs);
        const field = form.elements.namedItem(key);
        if (mirrors.has(field)) syncMirror(field);
      }
      changedHere = true;
    }
    if (changedHere) refresh();
    return changedHere;
  }

  function conflict(key, theirs) {
    const field = form.elements.namedItem(key);
    const label = field && field.labels && field.labels[0] ? field.labels[0].textContent.replace(/\s+/g, " ").trim() : key;
    const other = el("blockquote", "toolkit-notice__quote", theirs || "—");
    notice(form, "conflict-" + key, t("sync.conflict", { question: label }), [other]);
  }

  window.addEventListener("storage", (event) => {
    if (event.key === store.fullKey(`answers/${assessment.id}/${sheet}`)) {
      // Deleted elsewhere (My worksheets): the page keeps its answers but does not write them back unasked.
      if (event.newValue === null) return;
      if (applyExternal(assessments.readAnswers(assessment.id, sheet).answers)) notice(form, "sync", t("sync.changed"));
    } else if (event.key === null || event.key === store.fullKey("index")) {
      if (adoptStored()) applyExternal(assessments.readAnswers(assessment.id, sheet).answers);
      fillAssessments();
    }
  });

  // -- assessments --------------------------------------------------------------------------------------
  const select = form.querySelector("[data-assessment]");
  function fillAssessments() {
    if (!select) return;
    const list = assessments.load().assessments;
    if (!list.some((a) => a.id === assessment.id)) list.push(assessment);
    select.replaceChildren(...list.map((a) => {
      const option = el("option", null, a.name);
      option.value = a.id;
      return option;
    }));
    select.value = assessment.id;
    printHead();
  }
  select && select.addEventListener("change", () => {
    save();
    assessments.select(select.value);
    load();
  });
  async function newAssessment() {
    const answer = await ask({
      title: t("assessment.new_title"),
      field: { label: t("assessment.name_label"), hint: t("assessment.name_hint") },
      actions: [{ label: t("dialog.save"), value: "save" }],
    });
    if (answer.action !== "save") return;
    save();
    assessments.create(answer.value);
    load(false);
    status(form, t("assessment.created", { name: answer.value }));
  }

  // -- files: export, Markdown, import ------------------------------------------------------------------
  function record() {
    save();
    return { updated: assessment.sheets && assessment.sheets[sheet], answers };
  }
  function exportFile() {
    exportJSON(assessment, sheet, record());
  }
  function markdown() {
    const current = record();
    return toMarkdown(form, current.answers, { title: info.title, assessment: assessment.name, date: formatTime(new Date().toISOString(), true) });
  }
  async function copyMarkdown() {
    try {
      await navigator.clipboard.writeText(markdown());
      status(form, t("export.copied"));
    } catch (error) {
      status(form, t("export.copy_failed"));
    }
  }
  const input = form.querySelector("[data-import]");
  input && input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      await importFile(file);
    } finally {
      input.value = "";
    }
  });
  async function importFile(file) {
    if (file.size > LIMITS.bytes) return importError(form, t("import.too_big"));
    let text;
    try {
      text = await file.text();
    } catch (error) {
      return importError(form, t("import.not_json"));
    }
    const doc = parseImport(text);
    if (doc.error) return importError(form, t(doc.error));
    if (doc.worksheet !== sheet) return importError(form, t("import.other_worksheet", { worksheet: worksheetInfo(doc.worksheet).title }));
    importError(form, null);
    save();
    const list = assessments.load().assessments;
    let target = list.find((a) => a.name === doc.assessment.name);
    if (target && Object.values(assessments.readAnswers(target.id, sheet).answers).some(Boolean)) {
      const answer = await ask({
        title: t("import.replace_title", { name: target.name }),
        body: t("import.replace_body"),
        actions: [{ label: t("import.replace"), value: "replace", kind: "warning" }, { label: t("import.as_new"), value: "new" }],
      });
      if (answer.action === "cancel") return;
      if (answer.action === "new") target = assessments.create(t("import.imported_name", { name: doc.assessment.name }));
    }
    if (!target) target = assessments.create(doc.assessment.name, doc.assessment.created);
    const time = doc.updated || new Date().toISOString();
    assessments.writeAnswers(target.id, sheet, { updated: time, answers: doc.answers });
    assessments.touch(target, sheet, time);
    assessments.select(target.id);
    load(false);
    status(form, t("import.done", { name: assessment.name }));
  }

  // -- orphans, chart, print ----------------------------------------------------------------------------
  const orphans = form.querySelector("[data-orphans]");
  const summary = form.querySelector("[data-summary]");
  function refresh() {
    if (orphans) {
      const keys = Object.keys(answers).filter((key) => !names.has(key));
      const list = orphans.querySelector("[data-orphans-list]");
      list.replaceChildren(...keys.flatMap((key) => [el("dt", null, key), el("dd", null, answers[key])]));
      orphans.hidden = !keys.length;
    }
    if (summary) {
      const spec = chartSpec(config(), sheet, (id) => (id === sheet ? answers : assessments.readAnswers(assessment.id, id).answers));
      summary.hidden = !spec || !hasScores(spec.series);
      if (!summary.hidden) drawChart(summary.querySelector("[data-summary-body]"), spec);
    }
  }
  const head = form.querySelector("[data-print-head]");
  function printHead() {
    if (head) head.textContent = `${t("export.assessment")}: ${assessment.name} · ${t("worksheet.printed")}: ${formatTime(new Date().toISOString(), true)}`;
  }
  window.addEventListener("beforeprint", () => {
    printHead();
    for (const field of mirrors.keys()) syncMirror(field);
  });

  const actions = {
    new: newAssessment,
    "export-json": exportFile,
    "export-md": () => download(fileName(assessment.name, sheet, "md"), markdown(), "text/markdown"),
    "copy-md": copyMarkdown,
    print: () => {
      try {
        window.print();
      } catch (error) {
        /* printing blocked (sandboxed frame): the browser's own print still works */
      }
    },
  };
  form.addEventListener("click", (event) => {
    const target = event.target.closest("[data-action]");
    if (target && actions[target.dataset.action]) actions[target.dataset.action]();
  });

  load();
  reveal(form);
  form.worksheet = { save, load, markdown }; // for tests and the embed code
}
