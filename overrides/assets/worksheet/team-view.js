// The team view on a worksheet page: beside each question, every colleague's answer (named, dated), the
// spread of their scores with a flag where they disagree by two or more points, and buttons to use an
// answer or add it to the agreed one. Where people disagree is listed first, at the top, so a workshop
// discusses it first. It prints, for a meeting. Loaded only while a team session is open (team.js).
import { t, formatTime } from "./config.js";
import { ownLabel, choiceLabel as shownValue } from "./serialise.js";
import { el, button } from "./view.js";
import * as team from "./team.js";


/** Mount on a worksheet form; `use(name, value, add)` puts an answer in a field as if typed. */
export function mountTeamView(form, sheet, { use }) {
  for (const node of form.querySelectorAll("[data-team]")) node.remove();
  const people = team.usedFiles().filter((f) => f.sheets[sheet] && Object.keys(f.sheets[sheet].answers).length);
  if (!people.length) return { count: 0 };
  performance.mark("toolkit:team-view-start");
  team.teamStyles();
  const disagreements = [];
  for (const question of form.querySelectorAll("[data-question]")) {
    const names = [...new Set([...question.querySelectorAll("[name]")].map((input) => input.name))];
    const box = el("section", "toolkit-team");
    box.dataset.team = question.dataset.question;
    box.setAttribute("aria-label", t("team.answers_label"));
    box.append(el("h4", "toolkit-team__title", t("team.answers_title")));
    let any = false;
    for (const name of names) {
      const given = people.map((p) => ({ person: p, value: p.sheets[sheet].answers[name] || "" })).filter((g) => g.value);
      if (!given.length) continue;
      any = true;
      const part = el("div", "toolkit-team__field");
      if (names.length > 1) part.append(el("p", "toolkit-team__label", ownLabel(form, name)));
      const scale = team.scaleOf(name);
      if (scale) {
        const result = team.spread(given.map((g) => g.value), scale);
        if (given.length > 1) {
          const line = el("p", "toolkit-team__spread", result.spread ? t("team.spread", { low: shownValue(form, name, result.low), high: shownValue(form, name, result.high) }) : t("team.same"));
          part.append(line);
        }
        if (result.disagree) {
          part.classList.add("toolkit-team__field--disagree");
          part.append(el("p", "toolkit-team__flag", t("team.disagree")));
          disagreements.push({ id: question.dataset.question, label: ownLabel(form, name) });
        }
      }
      const list = el("ul", "toolkit-team__list");
      for (const { person, value } of given) {
        const item = el("li", scale ? "toolkit-team__answer toolkit-team__answer--score" : "toolkit-team__answer");
        const who = el("p", "toolkit-team__who");
        who.append(el("bdi", null, person.label));
        if (person.updated) who.append(` · ${formatTime(person.updated, true)}`);
        item.append(who, el(scale ? "p" : "blockquote", "toolkit-team__text", scale ? shownValue(form, name, value) : value));
        const useIt = button(t("team.use"), () => use(name, value, false));
        useIt.setAttribute("aria-label", `${t("team.use")}: ${person.label}`);
        item.append(useIt);
        if (!scale) {
          const add = button(t("team.add"), () => use(name, `${person.label}: ${value}`, true));
          add.setAttribute("aria-label", `${t("team.add")}: ${person.label}`);
          item.append(add);
        }
        list.append(item);
      }
      part.append(list);
      box.append(part);
    }
    if (any) question.append(box);
  }
  // At the top: who, where they disagree (first, to discuss first), and printing for a meeting.
  const panel = el("section", "toolkit-team-panel");
  panel.dataset.team = "panel";
  panel.append(el("h2", null, t("team.panel_title")));
  const who = el("p");
  who.append(t("team.people", { count: people.length }), " ");
  people.forEach((p, i) => who.append(i ? ", " : "", el("bdi", null, p.label)));
  panel.append(who);
  if (disagreements.length) {
    panel.append(el("h3", null, t("team.disagreements")));
    const list = el("ul", "toolkit-team-panel__disagreements");
    for (const d of disagreements) {
      const link = el("a", null, d.label);
      link.href = `#${d.id}`;
      list.appendChild(el("li")).append(link);
    }
    panel.append(list);
  } else panel.append(el("p", null, t("team.no_disagreements")));
  const print = button(t("team.print"), () => window.print());
  panel.append(print);
  const anchor = form.querySelector("[data-bar]");
  (anchor || form.firstElementChild).after(panel);
  performance.mark("toolkit:team-view-drawn");
  return { count: people.length, disagreements };
}
