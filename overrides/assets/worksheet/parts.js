// The parts of a worksheet page beyond its questions, each loaded only where the page has it: earlier
// answers beside the questions that revisit them (carry.js), the action plan (actions.js), check your
// answers (check.js), the summary chart (chart.js), the answers to questions no longer in the worksheet,
// and colleagues' answers beside each question while a team session is open (team-view.js).
import { config } from "./config.js";
import * as store from "./storage.js";
import { el, status, whenNear, missing } from "./view.js";
import { unanswered } from "./state.js";
// Loaded when first needed, so a worksheet page fetches only what every page uses (see bench/).
const later = {
  chart: () => import("./chart.js"),
  carry: () => import("./carry.js"),
  check: () => import("./check.js"),
  actions: () => import("./actions.js"),
  team: () => import("./team-view.js"),
};

/**
 * `page` (worksheet.js): {names, answers(), answersOf(id), assessment(), labelFor(id), use(name, value,
 * add), fillAssessments()}. Returns {refresh(), edited(), earlierChanged(plan), renderPlan(), showTeam()}.
 */
export function mountParts(form, sheet, page) {
  const orphans = form.querySelector("[data-orphans]");
  const summary = form.querySelector("[data-summary]");
  let carried = { refresh() {} };
  let actionPlan = { render() {} };
  let checked = { refresh() {} };
  if (form.querySelector("[data-changed-since]") || (config().scores || {})[sheet]) {
    later.carry().then((module) => {
      carried = module.carryForward(form, sheet, { answersOf: page.answersOf, use: page.use });
      carried.refresh();
    }).catch(missing);
  }
  // The action plan, on the last step of the process (worksheet "action-plan").
  if (config().action_plan === sheet) {
    const box = el("section", "toolkit-actions");
    box.dataset.actionPlan = "";
    const groups = form.querySelectorAll(".toolkit-group");
    (groups.length ? groups[groups.length - 1] : form.querySelector("[data-bar]")).after(box);
    whenNear(box).then(later.actions).then((module) => {
      actionPlan = module.mountActionPlan(box, {
        current: page.assessment,
        answersOf: page.answersOf,
        unanswered: (id) => unanswered(config().questions[id] || [], page.answersOf(id)),
        onSaved: () => page.fillAssessments(),
        announce: (text) => status(form, text),
      });
    }).catch(missing);
  }
  const checkList = document.querySelector(`[data-check-answers][data-worksheet="${CSS.escape(sheet)}"]`);
  if (checkList) {
    whenNear(checkList).then(later.check).then((module) => {
      checked = module.checkAnswers(form, sheet);
      checked.refresh(page.answers());
    }).catch(missing);
  }
  return {
    /** After the answers changed: every part shows them. */
    refresh() {
      const answers = page.answers();
      carried.refresh();
      checked.refresh(answers);
      if (orphans) {
        const keys = Object.keys(answers).filter((key) => !page.names.has(key));
        const list = orphans.querySelector("[data-orphans-list]");
        list.replaceChildren(...keys.flatMap((key) => [el("dt", null, page.labelFor(key)), el("dd", null, answers[key])]));
        orphans.hidden = !keys.length;
      }
      if (summary) {
        later.chart().then(({ chartSpec, hasScores, drawChart }) => {
          const spec = chartSpec(config(), sheet, page.answersOf);
          summary.hidden = !spec || !hasScores(spec.series);
          if (!summary.hidden) drawChart(summary.querySelector("[data-summary-body]"), spec);
        }).catch(missing);
      }
    },
    /** After a text was typed: only "check your answers" follows every keystroke. */
    edited: () => checked.refresh(page.answers()),
    /** After another tab changed an earlier step's answers (`plan`: the action plan's). */
    earlierChanged(plan) {
      carried.refresh();
      if (plan) actionPlan.render();
    },
    renderPlan: () => actionPlan.render(),
    /** The team view, while a team session is open (after colleagues' files were opened, or on arrival). */
    async showTeam() {
      if (!store.get("team")) return;
      const view = await later.team();
      view.mountTeamView(form, sheet, { use: (name, value, add) => page.use(name, value, add) });
    },
  };
}
