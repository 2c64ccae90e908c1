// A worksheet form: restore answers, save on every change, keep tabs in step, export, import, print, chart.
import { config, t, worksheetInfo, formatTime } from "./config.js";
import * as store from "./storage.js";
import * as assessments from "./assessments.js";
import { fieldNames, getValue, setValue, limits, fieldLabel } from "./serialise.js";
import { mergeAnswers } from "./merge.js";
// Loaded when first needed, so a worksheet page fetches only what every page uses (see bench/).
const later = {
  open: () => import("./open-files.js"),
  files: () => import("./files.js"),
  markdown: () => import("./markdown.js"),
  richtext: () => import("./richtext.js"),
  chart: () => import("./chart.js"),
  carry: () => import("./carry.js"),
  check: () => import("./check.js"),
};
import { el, button, reveal, status, notice, clearNotice, importError, ask, characterCount, say } from "./view.js";

const SAVE_DELAY = 300;
// Resolves when `element` comes near the viewport: parts at the end of a long worksheet (check your
// answers, the action plan) load when the person gets to them, keeping the first load small.
function whenNear(element) {
  return new Promise((resolve) => {
    if (typeof IntersectionObserver !== "function") return resolve();
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        resolve();
      }
    }, { rootMargin: "800px 0px" });
    observer.observe(element);
  });
}

// A part loaded on demand that could not be fetched (offline, a server refusing it): the form still works.
const missing = (error) => console.error("toolkit worksheet: a part could not be loaded", error);

export function mount(form) {
  const sheet = form.dataset.worksheet;
  const info = worksheetInfo(sheet) || { title: sheet };
  const names = new Set(fieldNames(form));
  const mirrors = new Map();
  const dirty = new Set(); // fields changed here and not yet saved
  const resolved = new Set(); // fields whose conflict was settled here and not yet saved
  const pending = Object.create(null); // another tab's text for a field being typed in here, before saving
  let assessment;
  let base; // what storage held for this worksheet when last read or written (a typed field: before typing)
  let epoch; // the stored record's epoch last seen: a new one means its answers were replaced
  let existed; // a record was stored when last read: none now means it was deleted
  let conflicts; // stored alternatives, per question, to the answer in the box
  let answers; // every answer of this worksheet, including those to questions no longer in it
  let timer;
  let known = false; // the assessment is in the stored index (a first-use default is not, until saved)
  let shownUnsaved = []; // unsaved text shown in the notice of a deletion or replacement made elsewhere

  // -- print mirrors: textareas clip when printed, so each has a print-only copy of its text, right after
  // it (the print stylesheet pairs them); where people type, the format's length limit is enforced and
  // counted (GOV.UK character count), the count placed after the mirror.
  const counts = new Map();
  for (const field of form.querySelectorAll("textarea[name], input[type=text][name]")) {
    field.maxLength = limits().length;
    counts.set(field, characterCount(field, limits().length));
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
    counts.get(field).update();
  };
  const showValue = (key, value) => {
    if (!names.has(key)) return;
    setValue(form, key, value);
    const field = form.elements.namedItem(key);
    if (mirrors.has(field)) syncMirror(field);
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
    // What the page kept has been merged with what the device held (which keeps the device's epoch, so
    // this is not a replacement): show the result, and any conflicts.
    epoch = null;
    if (!lostElsewhere()) sync(assessments.readAnswers(assessment.id, sheet));
    status(form, t("status.saved", { time: formatTime(new Date().toISOString()) }));
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
    known = !!assessments.find(assessment.id);
    const record = assessments.readAnswers(assessment.id, sheet);
    base = { ...record.answers };
    epoch = record.epoch;
    existed = record.exists;
    conflicts = record.conflicts;
    answers = Object.create(null);
    for (const key in record.answers) if (record.answers[key]) answers[key] = record.answers[key];
    dirty.clear();
    resolved.clear();
    for (const key of Object.keys(pending)) delete pending[key];
    for (const name of names) setValue(form, name, answers[name] || "");
    for (const field of mirrors.keys()) syncMirror(field);
    fillAssessments();
    showConflicts();
    refresh();
    lockIfBaseline();
    actionPlan.render();
    if (announce && record.updated) status(form, t("status.restored", { time: formatTime(record.updated, true) }));
    else if (announce) status(form, "");
  }

  // A first-use default (not stored yet) gives way to an assessment another tab has stored meanwhile.
  function adoptStored() {
    if (known || assessments.find(assessment.id) || !assessments.load().assessments.length) return false;
    assessment = assessments.current();
    base = {};
    return true;
  }

  // A deletion or a replacement made elsewhere (another tab, My worksheets) wins: this page shows what is
  // stored now and says what happened, with whatever it had not yet saved, so the person can copy it.
  function lostElsewhere() {
    const record = assessments.readAnswers(assessment.id, sheet);
    const deleted = (known && !assessments.find(assessment.id)) || (existed && !record.exists);
    const replaced = !deleted && epoch && record.epoch && record.epoch !== epoch;
    if (!deleted && !replaced) return false;
    // Another tab's writes can reach this page one key at a time, so the same loss may be seen twice:
    // the text shown the first time stays in the notice.
    const unsavedText = [...new Set([...shownUnsaved, ...[...dirty].map((key) => answers[key]).filter(Boolean)])];
    shownUnsaved = unsavedText;
    const name = assessment.name;
    load(false);
    const kept = unsavedText.length ? [el("p", null, t("sync.unsaved_text")), ...unsavedText.map((text) => el("blockquote", "toolkit-notice__quote", text))] : [];
    notice(form, "sync", say(deleted ? "sync.deleted" : "sync.replaced", { name }), kept);
    status(form, "");
    return true;
  }

  function labelsOf(keys) {
    const labels = Object.create(null);
    for (const key of keys) if (names.has(key)) labels[key] = fieldLabel(form, key);
    return labels;
  }

  function save() {
    clearTimeout(timer);
    if (!dirty.size) return;
    if (lostElsewhere()) return;
    if (lockIfBaseline()) return void dirty.clear();
    const time = new Date().toISOString();
    // A first-use default that another tab has meanwhile stored under its own id: join that one instead.
    adoptStored();
    const stored = assessments.readAnswers(assessment.id, sheet); // merge: keep what other tabs saved
    const merged = mergeAnswers({ stored, base, mine: answers, changed: dirty });
    for (const key of resolved) delete merged.conflicts[key];
    const record = {
      updated: time,
      epoch: stored.epoch || epoch || assessments.newEpoch(),
      answers: merged.answers,
      conflicts: merged.conflicts,
      labels: { ...stored.labels, ...labelsOf(dirty) },
      title: info.title,
    };
    const onDevice = assessments.writeAnswers(assessment.id, sheet, record);
    assessment = assessments.touch(assessment, sheet, time);
    known = true;
    existed = true;
    epoch = record.epoch;
    dirty.clear();
    resolved.clear();
    shownUnsaved = [];
    for (const key of Object.keys(pending)) delete pending[key];
    base = { ...merged.answers };
    takeStored(merged.answers);
    conflicts = merged.conflicts;
    showConflicts();
    if (onDevice && !store.storageProblem()) {
      clearNotice(form, "storage");
      status(form, t("status.saved", { time: formatTime(time) }));
    } else status(form, t("status.not_saved"));
    fillAssessments();
  }

  // Stored answers to fields not being typed in here replace what the page shows.
  function takeStored(stored) {
    let changedHere = false;
    for (const key of Object.keys(stored)) {
      if (dirty.has(key) || (answers[key] || "") === stored[key]) continue;
      if (stored[key]) answers[key] = stored[key];
      else delete answers[key];
      showValue(key, stored[key]);
      changedHere = true;
    }
    if (changedHere) refresh();
    return changedHere;
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
    else checked.refresh(answers);
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
    let changedHere = false;
    for (const key of new Set([...Object.keys(stored.answers), ...Object.keys(base)])) {
      if (!(key in stored.answers)) {
        // The other tab wrote without knowing this answer (both saved at once): write it again.
        if (base[key] && !dirty.has(key)) (dirty.add(key), schedule());
        continue;
      }
      const theirs = stored.answers[key];
      if (dirty.has(key)) {
        // Both changed it: shown now, kept as a conflict when this page saves (base stays as it was).
        if (theirs !== (base[key] || "") && theirs !== (answers[key] || "") && theirs) pending[key] = theirs;
        continue;
      }
      if (theirs === (base[key] || "")) continue;
      base[key] = theirs;
      changedHere = true;
    }
    epoch = stored.epoch || epoch;
    existed = stored.exists || existed;
    conflicts = stored.conflicts;
    const shown = takeStored(Object.fromEntries(Object.keys(stored.answers).filter((key) => !dirty.has(key)).map((key) => [key, stored.answers[key]])));
    showConflicts();
    return changedHere || shown;
  }

  // -- conflicts: both texts are kept, in every tab, until the person chooses one -----------------------
  function labelFor(key) {
    return names.has(key) ? fieldLabel(form, key) : assessments.readAnswers(assessment.id, sheet).labels[key] || key;
  }
  function choose(key, text) {
    const stored = assessments.readAnswers(assessment.id, sheet);
    base[key] = stored.answers[key] || "";
    if (text) answers[key] = text;
    else delete answers[key];
    showValue(key, text);
    delete pending[key];
    dirty.add(key);
    resolved.add(key);
    save();
    refresh();
    status(form, say("sync.chosen", { question: labelFor(key) }));
  }
  function showConflicts() {
    for (const node of form.querySelectorAll('[data-notice^="conflict-"]')) {
      const key = node.dataset.notice.slice("conflict-".length);
      if (!conflicts[key] && !pending[key]) node.remove();
    }
    for (const key of new Set([...Object.keys(conflicts), ...Object.keys(pending)])) {
      const others = [...new Set([...(conflicts[key] || []), ...(pending[key] ? [pending[key]] : [])])];
      const children = [];
      for (const other of others) {
        const use = button(t("sync.use_other"), () => choose(key, other));
        children.push(el("blockquote", "toolkit-notice__quote", other), use);
      }
      children.push(button(t("sync.keep_mine"), () => choose(key, answers[key] || ""), "primary"));
      notice(form, "conflict-" + key, say("sync.conflict", { question: labelFor(key) }), children);
    }
  }

  window.addEventListener("storage", (event) => {
    if (event.key === store.fullKey(`answers/${assessment.id}/${sheet}`)) {
      if (lostElsewhere()) return;
      if (sync(assessments.readAnswers(assessment.id, sheet))) notice(form, "sync", t("sync.changed"));
    } else if (event.key && event.key.startsWith(store.fullKey(`answers/${assessment.id}/`))) {
      carried.refresh(); // an earlier step's answers changed in another tab
      if (event.key === store.fullKey(`answers/${assessment.id}/action-plan`)) actionPlan.render();
    } else if (event.key === null || event.key === store.fullKey("index")) {
      if (lostElsewhere()) return;
      if (adoptStored()) sync(assessments.readAnswers(assessment.id, sheet));
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
      const option = el("option", null, a.name); // the name alone: nothing around it to reorder
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
    status(form, say("assessment.created", { name: assessment.name }));
  }

  // -- files: export, Markdown, import ------------------------------------------------------------------
  function record() {
    save();
    return { updated: assessment.sheets && assessment.sheets[sheet], answers };
  }
  function exportFile() {
    const current = record();
    later.files().then((files) => files.exportJSON(assessment, sheet, current)).catch(missing);
    assessments.markSavedToFile(assessment.id);
  }
  async function markdown() {
    const current = record();
    const labels = assessments.readAnswers(assessment.id, sheet).labels;
    return (await later.markdown()).toMarkdown(form, current.answers, { title: info.title, assessment: assessment.name, date: formatTime(new Date().toISOString(), true), labels });
  }
  // Formatted text (text/html, with a text/plain fallback), so a paste into Word or Outlook keeps the
  // headings and lists; where the browser cannot write HTML to the clipboard, plain text.
  async function copyText() {
    const current = record();
    const labels = assessments.readAnswers(assessment.id, sheet).labels;
    const { toRichText, toPlainText } = await later.richtext();
    const rich = toRichText(form, current.answers, { title: info.title, assessment: assessment.name, date: formatTime(new Date().toISOString(), true), labels });
    const plain = toPlainText(rich);
    try {
      if (typeof ClipboardItem === "function" && navigator.clipboard.write) {
        await navigator.clipboard.write([new ClipboardItem({
          "text/html": new Blob([new XMLSerializer().serializeToString(rich)], { type: "text/html" }),
          "text/plain": new Blob([plain], { type: "text/plain" }),
        })]);
      } else await navigator.clipboard.writeText(plain);
      status(form, t("export.copied"));
    } catch (error) {
      status(form, t("export.copy_failed"));
    }
  }
  const input = form.querySelector("[data-import]");
  async function openChosen(files) {
    performance.mark("toolkit:files-chosen"); // bench/team_bench.py times from here to the team view
    save();
    try {
      const result = await (await later.open()).openFiles(files, form, sheet);
      if (!result) return;
      load(false);
      if (result.kind === "own") status(form, say("import.done", { name: result.name }));
      else {
        await showTeam();
        status(form, t("team.opened", { count: result.opened.length, refused: result.refused.length }));
      }
    } finally {
      if (input) input.value = "";
    }
  }
  if (input) {
    input.addEventListener("change", () => input.files && input.files.length && openChosen(input.files));
    later.open().then((module) => module.acceptDrops(input.closest("[data-import-group]") || input, openChosen)).catch(missing);
  }

  // -- team view: colleagues' answers beside each question while a team session is open -----------------
  async function showTeam() {
    if (!store.get("team")) return;
    const view = await import("./team-view.js");
    view.mountTeamView(form, sheet, { use: (name, value, add) => carryOptions.use(name, value, add) });
  }

  // -- a baseline is read-only: its answers are the record of a date --------------------------------------
  function lockIfBaseline() {
    const stored = assessments.find(assessment.id);
    const locked = !!(stored && stored.baseline);
    for (const name of names) {
      const field = form.elements.namedItem(name);
      for (const input of field instanceof RadioNodeList ? [...field] : [field]) {
        if (input.type === "radio") input.disabled = locked;
        else input.readOnly = locked;
      }
    }
    if (locked) notice(form, "baseline", say("baseline.read_only", { name: assessment.name, date: formatTime(stored.baseline, true) }));
    else clearNotice(form, "baseline");
    return locked;
  }

  async function exportWhole() {
    save();
    const whole = await import("./whole.js");
    await whole.saveWhole(assessment);
  }

  // -- orphans, chart, print ----------------------------------------------------------------------------
  const orphans = form.querySelector("[data-orphans]");
  const summary = form.querySelector("[data-summary]");
  // Earlier answers and "check your answers" load only on pages that have them.
  const carryOptions = {
    answersOf: (id) => (id === sheet ? answers : assessments.readAnswers(assessment.id, id).answers),
    use: (name, value, add = true) => {
      // As if typed: the field changes, then the usual input or change event saves it. Text is added
      // below what is there (or replaces it, when asked); a choice replaces.
      const field = form.elements.namedItem(name);
      const radio = field instanceof RadioNodeList || (field && field.type === "radio");
      const now = getValue(form, name);
      setValue(form, name, radio || !add || !now.trim() ? value : `${now}\n\n${value}`);
      const target = radio ? form.querySelector(`input[name="${CSS.escape(name)}"]:checked`) : field;
      target && target.dispatchEvent(new Event(radio ? "change" : "input", { bubbles: true }));
      target && target.focus();
    },
  };
  let carried = { refresh() {} };
  let actionPlan = { render() {} };
  let checked = { refresh() {} };
  if (form.querySelector("[data-changed-since]") || (config().scores || {})[sheet]) {
    later.carry().then((module) => {
      carried = module.carryForward(form, sheet, carryOptions);
      carried.refresh();
    }).catch(missing);
  }
  // The action plan, on the last step of the process (worksheet "action-plan", actions.js).
  if (config().action_plan === sheet) {
    const box = el("section", "toolkit-actions");
    box.dataset.actionPlan = "";
    const groups = form.querySelectorAll(".toolkit-group");
    (groups.length ? groups[groups.length - 1] : form.querySelector("[data-bar]")).after(box);
    whenNear(box).then(() => import("./actions.js")).then((module) => {
      const unanswered = (id) => {
        const given = id === sheet ? answers : assessments.readAnswers(assessment.id, id).answers;
        return (config().questions[id] || []).filter((q) => !Object.keys(given).some((k) => given[k] && (k === q || k.startsWith(q + "/")))).length;
      };
      const plan = module.mountActionPlan(box, {
        current: () => assessment,
        answersOf: (id) => (id === sheet ? answers : assessments.readAnswers(assessment.id, id).answers),
        unanswered,
        onSaved: () => fillAssessments(),
        announce: (text) => status(form, text),
      });
      actionPlan = plan;
    }).catch(missing);
  }
  const checkList = document.querySelector(`[data-check-answers][data-worksheet="${CSS.escape(sheet)}"]`);
  if (checkList) {
    whenNear(checkList).then(later.check).then((module) => {
      checked = module.checkAnswers(form, sheet);
      checked.refresh(answers);
    }).catch(missing);
  }
  function refresh() {
    carried.refresh();
    checked.refresh(answers);
    if (orphans) {
      const keys = Object.keys(answers).filter((key) => !names.has(key));
      const list = orphans.querySelector("[data-orphans-list]");
      list.replaceChildren(...keys.flatMap((key) => [el("dt", null, labelFor(key)), el("dd", null, answers[key])]));
      orphans.hidden = !keys.length;
    }
    if (summary) {
      later.chart().then(({ chartSpec, hasScores, drawChart }) => {
        const spec = chartSpec(config(), sheet, (id) => (id === sheet ? answers : assessments.readAnswers(assessment.id, id).answers));
        summary.hidden = !spec || !hasScores(spec.series);
        if (!summary.hidden) drawChart(summary.querySelector("[data-summary-body]"), spec);
      }).catch(missing);
    }
  }
  const head = form.querySelector("[data-print-head]");
  function printHead() {
    if (head) head.replaceChildren(`${t("export.assessment")}: `, el("bdi", null, assessment.name), ` · ${t("worksheet.printed")}: ${formatTime(new Date().toISOString(), true)}`);
  }
  window.addEventListener("beforeprint", () => {
    printHead();
    for (const field of mirrors.keys()) syncMirror(field);
  });

  const actions = {
    new: newAssessment,
    "export-json": exportFile,
    "export-whole": exportWhole,
    "export-md": async () => {
      const [text, files] = await Promise.all([markdown(), later.files()]);
      files.download(files.fileName(assessment.name, sheet, "md"), text, "text/markdown");
    },
    "copy-md": copyText,
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
  showTeam().catch(missing);
  form.worksheet = { save, load, markdown };
  form.dataset.worksheetReady = ""; // mounted: for tests and the embed code
}
