// The action plan of an assessment: actions with what, who owns it, by when, the principles it serves,
// priority and status; added, edited, reordered and removed on the last step of the process (Deliver),
// saved like every other answer (the worksheet "action-plan": action/<id>/<field>), and suggested from
// the answers until the team accepts one. The words of suggestions are in content/ui.yaml.
import { config, t, worksheetInfo } from "./config.js";
import * as assessments from "./assessments.js";
import { el, button } from "./view.js";

export const SHEET = "action-plan";
const FIELDS = ["what", "owner", "due", "principles", "priority", "status", "order", "from"];
export const PRIORITIES = ["high", "medium", "low"];
export const STATUSES = ["not-started", "in-progress", "done"];

/** The actions stored for an assessment, in order (pure on a record's answers). */
export function actionsFrom(answers) {
  const byId = new Map();
  for (const [key, value] of Object.entries(answers)) {
    const match = /^action\/([a-z0-9]+)\/([a-z]+)$/.exec(key);
    if (!match || !FIELDS.includes(match[2])) continue;
    if (!byId.has(match[1])) byId.set(match[1], { id: match[1] });
    byId.get(match[1])[match[2]] = value;
  }
  return [...byId.values()]
    .map((a) => ({ ...a, what: a.what || "", owner: a.owner || "", due: a.due || "", principles: (a.principles || "").split(",").filter(Boolean), priority: a.priority || "", status: a.status || "not-started", order: Number(a.order) || 0 }))
    .sort((a, b) => a.order - b.order);
}

/** Actions back to answers (pure): order renumbered from their position. */
export function answersFrom(actions) {
  const answers = {};
  actions.forEach((a, i) => {
    const values = { ...a, order: String(i + 1), principles: a.principles.join(",") };
    for (const field of FIELDS) if (values[field]) answers[`action/${a.id}/${field}`] = String(values[field]);
  });
  return answers;
}

/**
 * Suggested actions from the answers (pure): principles scored "not at all" or "partly" in the first
 * scoring step that a later one does not raise; worksheets of the process left with unanswered questions;
 * Big Idea tests rated "no". `answersOf(sheet)` reads a worksheet; `questionsOf(sheet)` lists its questions.
 */
export function suggest({ answersOf, unanswered, cfg = config(), say = t }) {
  const out = [];
  const scoring = cfg.worksheets.filter((s) => cfg.scores[s.id]);
  if (scoring.length) {
    const first = scoring[0];
    const later = scoring.slice(1);
    const levels = cfg.levels.score;
    for (const p of cfg.principles) {
      const start = answersOf(first.id)[`${cfg.scores[first.id]}/${p.id}/score`];
      if (start !== "not-at-all" && start !== "partly") continue;
      const raised = later.some((s) => levels.indexOf(answersOf(s.id)[`${cfg.scores[s.id]}/${p.id}/score`]) > levels.indexOf(start));
      if (!raised) out.push({ key: `principle:${p.id}`, what: say("action.suggest_principle", { principle: p.label, score: say(`score.${start}`), step: first.title }), principles: [p.id] });
    }
  }
  for (const sheet of cfg.worksheets.filter((s) => s.kind === "step")) {
    const count = unanswered(sheet.id);
    if (count) out.push({ key: `unanswered:${sheet.id}`, what: say("action.suggest_unanswered", { count, step: sheet.title }), principles: [] });
  }
  for (const sheet of cfg.worksheets.filter((s) => s.kind === "big-idea")) {
    const answers = answersOf(sheet.id);
    for (const test of cfg.tests) {
      if (answers[`${test.id}/rating`] === "no") out.push({ key: `test:${sheet.id}:${test.id}`, what: say("action.suggest_test", { idea: sheet.title, test: test.label }), principles: [] });
    }
  }
  return out;
}

export function readActions(assessmentId) {
  return actionsFrom(assessments.readAnswers(assessmentId, SHEET).answers);
}

export function writeActions(assessment, actions) {
  const stored = assessments.readAnswers(assessment.id, SHEET);
  const time = new Date().toISOString();
  const onDevice = assessments.writeAnswers(assessment.id, SHEET, { updated: time, epoch: stored.epoch, answers: answersFrom(actions), title: t("action.title") });
  assessments.touch(assessment, SHEET, time);
  return onDevice;
}

const newId = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

/**
 * The editor, in `box`; `current()` gives the assessment worked on; `unanswered(sheet)` counts gaps;
 * `announce(text)` says something in the page's own live region (one per page).
 */
export function mountActionPlan(box, { current, answersOf, unanswered, onSaved, announce }) {
  const cfg = config();
  let actions = [];
  let timer;
  const write = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeActions(current(), actions);
      onSaved && onSaved();
    }, 300);
  };
  const field = (action, name, label, control) => {
    const id = `action-${action.id}-${name}`;
    control.id = id;
    const group = el("div", "toolkit-form-group toolkit-action__field");
    const labelNode = el("label", "toolkit-label toolkit-label--small", label);
    labelNode.htmlFor = id;
    group.append(labelNode, control);
    return group;
  };
  const select = (options, value, prefix) => {
    const s = el("select", "toolkit-select");
    for (const option of options) {
      const o = el("option", null, t(`${prefix}${option}`));
      o.value = option;
      s.append(o);
    }
    s.value = value;
    return s;
  };
  function row(action, index) {
    const item = el("li", "toolkit-action");
    item.dataset.actionId = action.id;
    const number = index + 1;
    const fieldset = el("fieldset", "toolkit-action__fieldset");
    fieldset.append(el("legend", "toolkit-action__legend", t("action.number", { number })));
    const what = el("textarea", "toolkit-textarea");
    what.rows = 2;
    what.value = action.what;
    what.maxLength = 2000;
    const owner = el("input", "toolkit-input");
    owner.type = "text";
    owner.value = action.owner;
    owner.maxLength = 200;
    const due = el("input", "toolkit-input toolkit-input--date");
    due.type = "date";
    due.value = action.due;
    const principles = el("fieldset", "toolkit-action__principles");
    principles.append(el("legend", "toolkit-label toolkit-label--small", t("action.principles")));
    for (const p of cfg.principles) {
      const box = el("input");
      box.type = "checkbox";
      box.id = `action-${action.id}-p-${p.id}`;
      box.value = p.id;
      box.checked = action.principles.includes(p.id);
      const label = el("label", null, p.label);
      label.htmlFor = box.id;
      const wrap = el("div", "toolkit-action__check");
      wrap.append(box, label);
      principles.append(wrap);
    }
    const priority = select(["", ...PRIORITIES], action.priority, "action.priority_");
    const state = select(STATUSES, action.status, "action.status_");
    fieldset.append(
      field(action, "what", t("action.what"), what), field(action, "owner", t("action.owner"), owner),
      field(action, "due", t("action.due"), due), principles,
      field(action, "priority", t("action.priority"), priority), field(action, "status", t("action.status"), state),
    );
    fieldset.addEventListener("input", () => {
      Object.assign(action, {
        what: what.value, owner: owner.value, due: due.value, priority: priority.value, status: state.value,
        principles: [...principles.querySelectorAll("input:checked")].map((b) => b.value),
      });
      write();
    });
    fieldset.addEventListener("change", () => fieldset.dispatchEvent(new Event("input")));
    const controls = el("div", "toolkit-bar__row");
    const named = (b, label) => (b.setAttribute("aria-label", `${label}: ${t("action.number", { number })}`), b);
    if (index > 0) controls.append(named(button(t("action.up"), () => move(index, -1)), t("action.up")));
    if (index < actions.length - 1) controls.append(named(button(t("action.down"), () => move(index, 1)), t("action.down")));
    controls.append(named(button(t("action.remove"), () => removeAt(index), "warning"), t("action.remove")));
    fieldset.append(controls);
    item.append(fieldset);
    return item;
  }
  function move(index, by) {
    const [a] = actions.splice(index, 1);
    actions.splice(index + by, 0, a);
    writeActions(current(), actions);
    render(`action-${a.id}-what`);
  }
  function removeAt(index) {
    const [a] = actions.splice(index, 1);
    writeActions(current(), actions);
    render();
    announce(t("action.removed", { what: a.what || t("action.number", { number: index + 1 }) }));
  }
  function add(from = {}) {
    const action = { id: newId(), what: from.what || "", owner: "", due: "", principles: from.principles || [], priority: "", status: "not-started", from: from.key || "" };
    actions.push(action);
    writeActions(current(), actions);
    render(`action-${action.id}-what`);
  }
  function render(focusId) {
    actions = readActions(current().id);
    const list = el("ol", "toolkit-actions__list");
    actions.forEach((a, i) => list.append(row(a, i)));
    const taken = new Set(actions.map((a) => a.from).filter(Boolean));
    const offered = suggest({ answersOf, unanswered }).filter((s) => !taken.has(s.key));
    const suggestions = el("div", "toolkit-actions__suggestions");
    if (offered.length) {
      suggestions.append(el("h3", null, t("action.suggested_title")), el("p", "toolkit-hint", t("action.suggested_intro")));
      const ul = el("ul");
      for (const s of offered) {
        const li = el("li", "toolkit-actions__suggestion");
        li.dataset.suggestion = s.key;
        li.append(el("strong", null, t("action.suggested") + " "), s.what, " ");
        const accept = button(t("action.accept"), () => add(s));
        accept.setAttribute("aria-label", `${t("action.accept")}: ${s.what}`);
        li.append(accept);
        ul.append(li);
      }
      suggestions.append(ul);
    }
    box.querySelector("[data-actions-body]").replaceChildren(
      actions.length ? list : el("p", null, t("action.none")),
      button(t("action.add"), () => add(), "primary"),
      suggestions,
    );
    if (focusId) document.getElementById(focusId)?.focus();
  }
  const body = el("div");
  body.dataset.actionsBody = "";
  box.replaceChildren(el("h2", null, t("action.title")), el("p", null, t("action.intro")), body);
  render();
  return { render };
}

export const actionSheet = () => worksheetInfo(SHEET);
