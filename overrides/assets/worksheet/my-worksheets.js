// "My worksheets": every assessment on this device, its worksheets and last change; manage and delete them.
import { config, t, formatTime } from "./config.js";
import * as store from "./storage.js";
import * as assessments from "./assessments.js";
import { exportJSON } from "./files.js";
import { drawChart, chartSpec, hasScores } from "./chart.js";
import { el, button, reveal, status, notice, ask } from "./view.js";

export function mount(root) {
  const list = root.querySelector("[data-mine-list]");

  document.addEventListener("toolkit:storage-unavailable", (event) => {
    notice(root, "storage", t(event.detail && event.detail.reason === "quota" ? "storage.quota" : "storage.unavailable"));
  });
  if (store.storageProblem()) notice(root, "storage", t(store.storageProblem() === "quota" ? "storage.quota" : "storage.unavailable"));

  function render() {
    const index = assessments.load();
    if (!index.assessments.length) {
      list.replaceChildren(el("p", null, t("mine.empty")));
      return;
    }
    list.replaceChildren(...index.assessments.map((a) => card(a, a.id === index.current)));
  }

  function card(a, isCurrent) {
    const section = el("section", "toolkit-mine__assessment");
    section.dataset.assessment = a.id;
    const heading = el("h2", null, a.name);
    if (isCurrent) heading.append(" ", el("span", "toolkit-mine__current", t("mine.current")));
    section.append(heading);
    const sheets = config().worksheets.filter((s) => a.sheets[s.id]);
    if (!sheets.length) section.append(el("p", null, t("mine.none_yet")));
    else {
      const table = el("table", "toolkit-mine__table");
      const head = table.appendChild(el("thead")).appendChild(el("tr"));
      for (const text of [t("mine.worksheets"), t("mine.last_change"), ""]) head.append(el("th", null, text));
      const body = table.appendChild(el("tbody"));
      for (const s of sheets) {
        const tr = body.appendChild(el("tr"));
        const link = el("a", null, s.title);
        link.href = s.url;
        link.addEventListener("click", () => assessments.select(a.id));
        tr.appendChild(el("td")).append(link);
        tr.append(el("td", null, formatTime(a.sheets[s.id], true)));
        const save = button(t("mine.export"), () => exportJSON(a, s.id, assessments.readAnswers(a.id, s.id)));
        save.setAttribute("aria-label", `${t("mine.export")}: ${s.title}`);
        tr.appendChild(el("td")).append(save);
      }
      section.append(table);
    }
    const spec = chartSpec(config(), "redesign", (id) => assessments.readAnswers(a.id, id).answers, false);
    if (spec && hasScores(spec.series)) {
      const chart = el("div", "toolkit-summary__body");
      drawChart(chart, spec);
      section.append(el("h3", null, t("summary.title")), chart);
    }
    const row = el("div", "toolkit-bar__row");
    const named = (label) => (b) => (b.setAttribute("aria-label", `${label}: ${a.name}`), b);
    if (!isCurrent) row.append(named(t("mine.work_on"))(button(t("mine.work_on"), () => { assessments.select(a.id); render(); status(root, t("mine.work_on") + ": " + a.name); })));
    row.append(
      named(t("assessment.rename"))(button(t("assessment.rename"), async () => {
        const answer = await ask({ title: t("assessment.rename_title"), field: { label: t("assessment.name_label"), hint: t("assessment.name_hint"), value: a.name }, actions: [{ label: t("dialog.save"), value: "save" }] });
        if (answer.action !== "save") return;
        assessments.rename(a.id, answer.value);
        render();
        status(root, answer.value);
      })),
      named(t("assessment.duplicate"))(button(t("assessment.duplicate"), () => {
        const copy = assessments.duplicate(a.id);
        render();
        if (copy) status(root, t("assessment.created", { name: copy.name }));
      })),
      named(t("assessment.delete"))(button(t("assessment.delete"), async () => {
        const answer = await ask({ title: t("assessment.delete_title", { name: a.name }), body: t("assessment.delete_body"), actions: [{ label: t("assessment.delete"), value: "delete", kind: "warning" }] });
        if (answer.action !== "delete") return;
        assessments.remove(a.id);
        render();
        status(root, t("assessment.deleted", { name: a.name }));
      }, "warning")),
    );
    section.append(row);
    return section;
  }

  root.querySelector('[data-action="delete-all"]').addEventListener("click", async () => {
    const answer = await ask({ title: t("mine.delete_all_title"), body: t("mine.delete_all_body"), actions: [{ label: t("mine.delete_all"), value: "delete", kind: "warning" }] });
    if (answer.action !== "delete") return;
    assessments.removeAll();
    render();
    status(root, t("mine.deleted_all"));
  });
  window.addEventListener("storage", render);

  render();
  reveal(root);
}
