// Earlier answers beside the questions that revisit them: "Has this changed from Step 2?" (Redesign, and
// Commission's revisits of Redesign) and the Redesign scores beside the Evaluate ones. Shown read-only,
// with "Use this answer" to copy one in; nothing is copied unless the person asks.
import { config, t, worksheetInfo } from "./config.js";
import { el, button } from "./view.js";

function earlierScoringSheet(sheet) {
  const { worksheets, scores } = config();
  const here = worksheets.findIndex((s) => s.id === sheet);
  return worksheets.slice(0, Math.max(0, here)).reverse().find((s) => scores[s.id]);
}

/** Every place on this form that revisits an earlier answer: {place(box), from: {sheet, name}, to, kind}. */
function findTargets(form, sheet) {
  const targets = [];
  for (const marker of form.querySelectorAll("[data-changed-since]")) {
    const question = marker.closest("[data-question]");
    const from = marker.dataset.changedSince;
    const fromSheet = from.split(".")[0];
    if (!question || !worksheetInfo(fromSheet)) continue;
    targets.push({ place: (box) => marker.after(box), from: { sheet: fromSheet, name: from }, to: question.dataset.question, kind: "text" });
  }
  const scores = config().scores || {};
  const earlier = scores[sheet] && earlierScoringSheet(sheet);
  if (earlier) {
    for (const principle of config().principles) {
      for (const part of ["score", "evidence"]) {
        const to = `${scores[sheet]}/${principle.id}/${part}`;
        const field = form.elements.namedItem(to);
        const first = field instanceof RadioNodeList ? field[0] : field;
        if (!first) continue;
        // A score's earlier value goes at the end of its fieldset; evidence goes just before its box (the
        // print copy and the count must stay right after the box).
        const place = part === "score" ? (box) => first.closest("fieldset").append(box) : (box) => first.before(box);
        targets.push({ place, from: { sheet: earlier.id, name: `${scores[earlier.id]}/${principle.id}/${part}` }, to, kind: part === "score" ? "score" : "text" });
      }
    }
  }
  return targets;
}

/**
 * Mount the earlier answers; `answersOf(sheet)` reads a worksheet of the current assessment, `use(name,
 * value)` puts a value in a field as if typed. Returns {refresh}, to call when stored answers change.
 */
export function carryForward(form, sheet, { answersOf, use }) {
  const targets = findTargets(form, sheet);
  for (const target of targets) {
    const box = el("div", "toolkit-carried");
    box.dataset.carriedFrom = target.from.name;
    box.hidden = true;
    const heading = el("p", "toolkit-carried__heading", t("carry.earlier", { step: worksheetInfo(target.from.sheet).title }));
    const answer = el(target.kind === "score" ? "p" : "blockquote", "toolkit-carried__answer");
    const copy = button(t("carry.use"), () => use(target.to, target.earlier));
    box.append(heading, answer, copy);
    target.place(box);
    Object.assign(target, { box, answer });
  }
  function refresh() {
    const cache = new Map();
    for (const target of targets) {
      if (!cache.has(target.from.sheet)) cache.set(target.from.sheet, answersOf(target.from.sheet));
      const earlier = cache.get(target.from.sheet)[target.from.name] || "";
      target.earlier = earlier;
      target.box.hidden = !earlier;
      target.answer.textContent = target.kind === "score" && earlier ? t(`score.${earlier}`) : earlier;
    }
  }
  return { refresh, count: targets.length };
}
