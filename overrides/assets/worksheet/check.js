// "Check your answers" at the end of a step (GOV.UK pattern): the page lists its questions, each with a
// slot [data-check-answer="<field or question id>"]; this fills each slot with the answer as the person
// sees it, or "Not answered yet".
import { t } from "./config.js";
import { ownLabel, choiceLabel } from "./serialise.js";

const LONGEST = 400; // characters shown of a long answer; the link leads to the whole of it

function shown(form, name, value) {
  const field = form.elements.namedItem(name);
  if (field instanceof RadioNodeList || (field && field.type === "radio")) return choiceLabel(form, name, value);
  return value.length > LONGEST ? value.slice(0, LONGEST).trimEnd() + "…" : value;
}

/** Returns {refresh(answers)}: fill every slot on the page for this worksheet. */
export function checkAnswers(form, sheet) {
  const lists = [...document.querySelectorAll(`[data-check-answers][data-worksheet="${CSS.escape(sheet)}"]`)];
  const slots = lists.flatMap((list) => [...list.querySelectorAll("[data-check-answer]")]);
  function refresh(answers) {
    for (const slot of slots) {
      const name = slot.dataset.checkAnswer;
      // A slot may stand for a whole question with several parts (its fields are "<question>/<part>").
      const parts = name in answers || form.elements.namedItem(name) ? [name] : Object.keys(answers).filter((key) => key.startsWith(name + "/")).sort();
      const filled = parts.filter((key) => answers[key]);
      slot.classList.toggle("toolkit-check__answer--empty", !filled.length);
      if (!filled.length) {
        slot.textContent = t("check.not_answered");
        continue;
      }
      slot.replaceChildren(...filled.map((key) => {
        const line = document.createElement("span");
        line.className = "toolkit-check__part";
        const label = parts.length > 1 ? ownLabel(form, key) : "";
        line.textContent = (label ? label + ": " : "") + shown(form, key, answers[key]);
        return line;
      }));
    }
  }
  return { refresh, count: slots.length };
}
