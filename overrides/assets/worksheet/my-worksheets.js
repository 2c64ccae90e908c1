// "My worksheets": every assessment on this device, its worksheets and last change; manage and delete them,
// save them to files, open files (your own, or colleagues' to combine), baselines and reviews.
import { config, t, formatTime } from "./config.js";
import { fitName } from "./serialise.js";
import * as store from "./storage.js";
import * as assessments from "./assessments.js";
import { el, button, reveal, status, notice, ask, say, acceptDrops } from "./view.js";

export function mount(root) {
  const list = root.querySelector("[data-mine-list]");

  document.addEventListener("toolkit:storage-unavailable", (event) => {
    notice(root, "storage", t(event.detail && event.detail.reason === "quota" ? "storage.quota" : "storage.unavailable"));
  });
  if (store.storageProblem()) notice(root, "storage", t(store.storageProblem() === "quota" ? "storage.quota" : "storage.unavailable"));

  function render() {
    const index = assessments.load();
    // With nothing stored, the page leads to a worksheet, not to a red "Delete all" button.
    const deleteAll = root.querySelector('[data-action="delete-all"]');
    deleteAll.closest(".toolkit-bar__row").style.display = index.assessments.length ? "" : "none"; // the row's CSS display beats [hidden]
    if (!index.assessments.length) {
      const first = config().worksheets[0];
      const start = el("a", "toolkit-button toolkit-button--primary", t("mine.start", { title: first ? first.title : "" }));
      if (first) start.href = first.url;
      list.replaceChildren(el("p", null, t("mine.empty")), ...(first ? [start] : []));
      return;
    }
    list.replaceChildren(...index.assessments.map((a) => card(a, a.id === index.current)));
  }

  function card(a, isCurrent) {
    const section = el("section", "toolkit-mine__assessment");
    section.dataset.assessment = a.id;
    // The name is isolated (<bdi>), so right-to-left or override characters in it cannot reorder the rest.
    const heading = el("h2");
    heading.append(el("bdi", null, a.name));
    if (isCurrent) heading.append(" ", el("span", "toolkit-mine__current", t("mine.current")));
    section.append(heading);
    const known = config().worksheets.filter((s) => a.sheets[s.id]);
    // Worksheets since removed from the toolkit: their answers are still kept, shown and saved to files.
    const knownIds = new Set(config().worksheets.map((s) => s.id));
    const stored = assessments.storedSheets(a.id);
    const retired = [...new Set([...Object.keys(a.sheets), ...stored])].filter((id) => !knownIds.has(id) && stored.includes(id))
      .map((id) => ({ id, record: assessments.readAnswers(a.id, id) }));
    if (!known.length && !retired.length) section.append(el("p", null, t("mine.none_yet")));
    else {
      const table = el("table", "toolkit-mine__table");
      const head = table.appendChild(el("thead")).appendChild(el("tr"));
      for (const text of [t("mine.worksheets"), t("mine.last_change"), ""]) head.append(el("th", null, text));
      const body = table.appendChild(el("tbody"));
      const row = (title, time, sheet, link) => {
        const tr = body.appendChild(el("tr"));
        tr.appendChild(el("td")).append(link || el("span", null, title));
        tr.append(el("td", null, time ? formatTime(time, true) : ""));
        const save = button(t("mine.export"), async () => {
          const files = await import("./files.js");
          files.exportJSON(a, sheet, assessments.readAnswers(a.id, sheet));
          assessments.markSavedToFile(a.id);
          render();
        });
        save.setAttribute("aria-label", `${t("mine.export")}: ${title}`);
        tr.appendChild(el("td")).append(save);
      };
      for (const s of known) {
        const link = el("a", null, s.title);
        link.href = s.url;
        link.addEventListener("click", () => assessments.select(a.id));
        row(s.title, a.sheets[s.id], s.id, link);
      }
      for (const { id, record } of retired) row(t("mine.retired", { title: record.title || id }), a.sheets[id] || record.updated, id);
      section.append(table);
    }
    if (retired.length) section.append(retiredAnswers(retired));
    section.append(fileReminder(a));
    if (Array.isArray(a.contributors) && a.contributors.length) {
      const line = el("p", "toolkit-mine__contributors", t("team.contributors") + " ");
      a.contributors.forEach((name, i) => line.append(i ? ", " : "", el("bdi", null, String(name))));
      section.append(line);
    }
    if (a.baseline) section.append(el("p", "toolkit-mine__baseline", t("baseline.badge", { date: formatTime(a.baseline, true) })));
    const baseline = a.review_of && assessments.find(a.review_of);
    if (baseline) {
      const box = el("div", "toolkit-compare");
      section.append(box);
      import("./compare.js").then((compare) => compare.drawComparison(box, baseline, a)).catch((error) => console.error(error));
    }
    // The chart (its code loaded only when there is something to draw).
    const chartBox = el("div");
    section.append(chartBox);
    import("./chart.js").then(({ chartSpec, hasScores, drawChart }) => {
      const spec = chartSpec(config(), "redesign", (id) => assessments.readAnswers(a.id, id).answers, false);
      if (!spec || !hasScores(spec.series)) return;
      const chart = el("div", "toolkit-summary__body");
      drawChart(chart, spec);
      chartBox.append(el("h3", null, t("summary.title")), chart);
    }).catch((error) => console.error(error));
    const row = el("div", "toolkit-bar__row");
    const named = (label) => (b) => (b.setAttribute("aria-label", `${label}: ${a.name}`), b);
    const report = el("a", "toolkit-button toolkit-button--secondary", t("report.open"));
    report.href = `report.html?assessment=${encodeURIComponent(a.id)}`; // beside My worksheets, in either language
    report.setAttribute("aria-label", `${t("report.open")}: ${a.name}`);
    row.append(report);
    if (!isCurrent) row.append(named(t("mine.work_on"))(button(t("mine.work_on"), () => { assessments.select(a.id); render(); status(root, t("mine.work_on") + ": ", el("bdi", null, a.name)); })));
    row.append(
      named(t("assessment.rename"))(button(t("assessment.rename"), async () => {
        const answer = await ask({ title: t("assessment.rename_title"), field: { label: t("assessment.name_label"), hint: t("assessment.name_hint"), value: a.name }, actions: [{ label: t("dialog.save"), value: "save" }] });
        if (answer.action !== "save") return;
        assessments.rename(a.id, answer.value);
        render();
        status(root, el("bdi", null, answer.value));
      })),
      named(t("export.whole"))(button(t("export.whole"), async () => {
        const whole = await import("./whole.js");
        if (await whole.saveWhole(a)) render();
      })),
      a.baseline
        ? named(t("baseline.review"))(button(t("baseline.review"), () => {
          const review = assessments.startReview(a.id, fitName((name) => t("baseline.review_name", { name, date: formatTime(new Date().toISOString(), true).replace(/,.*$/, "") }), a.name));
          render();
          if (review) status(root, say("assessment.created", { name: review.name }));
        }))
        : named(t("baseline.mark"))(button(t("baseline.mark"), async () => {
          const answer = await ask({ title: say("baseline.mark_title", { name: a.name }), body: t("baseline.mark_body"), actions: [{ label: t("baseline.mark"), value: "mark" }] });
          if (answer.action !== "mark") return;
          assessments.markBaseline(a.id);
          render();
          status(root, say("baseline.marked", { name: a.name }));
        })),
      named(t("assessment.duplicate"))(button(t("assessment.duplicate"), () => {
        const copy = assessments.duplicate(a.id);
        render();
        if (copy) status(root, say("assessment.created", { name: copy.name }));
      })),
      named(t("assessment.delete"))(button(t("assessment.delete"), async () => {
        const answer = await ask({ title: say("assessment.delete_title", { name: a.name }), body: t("assessment.delete_body"), actions: [{ label: t("assessment.delete"), value: "delete", kind: "warning" }] });
        if (answer.action !== "delete") return;
        assessments.remove(a.id);
        render();
        status(root, say("assessment.deleted", { name: a.name }));
      }, "warning")),
    );
    section.append(row);
    return section;
  }

  // The answers of retired worksheets, each under the question's words as they were when answered.
  function retiredAnswers(retired) {
    const details = el("details", "toolkit-mine__retired");
    details.append(el("summary", null, t("mine.retired_answers")));
    for (const { id, record } of retired) {
      details.append(el("h3", null, record.title || id));
      const list = el("dl", "toolkit-orphans__list");
      for (const [key, text] of Object.entries(record.answers)) {
        if (text) list.append(el("dt", null, record.labels[key] || key), el("dd", null, text));
      }
      details.append(list);
    }
    return details;
  }

  // Browsers may clear a site's storage (Safari: after seven days without a visit), so say when the
  // assessment was last saved to a file, and remind gently when it has changed since.
  function fileReminder(a) {
    const line = el("p", "toolkit-mine__file");
    line.dataset.fileReminder = "";
    if (!a.saved_to_file) line.textContent = t("mine.never_saved_to_file");
    else {
      line.textContent = t("mine.saved_to_file", { time: formatTime(a.saved_to_file, true) });
      if (a.updated && a.updated > a.saved_to_file) line.append(" ", t("mine.changed_since_file"));
    }
    return line;
  }

  root.querySelector('[data-action="delete-all"]').addEventListener("click", async () => {
    const answer = await ask({ title: t("mine.delete_all_title"), body: t("mine.delete_all_body"), actions: [{ label: t("mine.delete_all"), value: "delete", kind: "warning" }] });
    if (answer.action !== "delete") return;
    assessments.removeAll();
    render();
    status(root, t("mine.deleted_all"));
  });
  // -- files: your own (one file) or colleagues' (several), chosen or dropped -----------------------------
  const input = root.querySelector("[data-import]");
  async function openChosen(files) {
    try {
      const result = await (await import("./open-files.js")).openFiles(files, root, null);
      if (!result) return;
      render();
      await renderTeam();
      if (result.kind === "own") status(root, say("import.done", { name: result.name }));
      else status(root, t("team.opened", { count: result.opened.length, refused: result.refused.length }));
    } finally {
      input.value = "";
    }
  }
  input.addEventListener("change", () => input.files.length && openChosen(input.files));
  acceptDrops(input.closest("[data-import-group]") || input, openChosen);

  // -- the team session: who sent what, which file of a person is used, agree, close ---------------------
  const teamBox = root.querySelector("[data-team-summary]");
  async function renderTeam() {
    if (!store.get("team")) return teamBox.replaceChildren();
    const team = await import("./team.js");
    const session = team.load();
    if (!session) return teamBox.replaceChildren();
    const table = el("table", "toolkit-mine__table");
    const head = table.appendChild(el("thead")).appendChild(el("tr"));
    for (const text of [t("team.person"), t("team.file"), t("mine.last_change"), ""]) head.append(el("th", null, text));
    const body = table.appendChild(el("tbody"));
    for (const file of session.files) {
      const tr = body.appendChild(el("tr"));
      tr.dataset.teamFile = file.id;
      tr.appendChild(el("td")).append(el("bdi", null, file.label));
      tr.append(el("td", null, file.file), el("td", null, file.updated ? formatTime(file.updated, true) : ""));
      const cell = tr.appendChild(el("td"));
      if (file.used) cell.append(t("team.used"));
      else {
        cell.append(t("team.not_used"), " ");
        const use = button(t("team.use_instead"), () => (team.useInstead(file.id), renderTeam()));
        use.setAttribute("aria-label", `${t("team.use_instead")}: ${file.file}`);
        cell.append(use);
      }
    }
    const sheets = el("ul", "toolkit-mine__team-sheets");
    for (const sheet of config().worksheets) {
      const count = team.usedFiles(session).filter((f) => f.sheets[sheet.id] && Object.keys(f.sheets[sheet.id].answers).length).length;
      if (!count) continue;
      const link = el("a", null, t("team.sheet_link", { title: sheet.title, count }));
      link.href = sheet.url;
      sheets.appendChild(el("li")).append(link);
    }
    const agree = button(t("team.agree"), async () => {
      const answer = await ask({ title: t("team.agree_title"), body: t("team.agree_body"), field: { label: t("assessment.name_label"), hint: t("assessment.name_hint"), value: team.agreedName(session) }, actions: [{ label: t("dialog.save"), value: "save" }] });
      if (answer.action !== "save") return;
      const agreed = team.agreeAs(answer.value);
      render();
      renderTeam();
      status(root, say("team.agreed", { name: agreed.name }));
    }, "primary");
    const close = button(t("team.close"), () => {
      team.close();
      renderTeam();
      status(root, t("team.closed"));
    });
    const row = el("div", "toolkit-bar__row");
    row.append(agree, close);
    teamBox.replaceChildren(el("h3", null, t("team.title")), table, el("p", null, t("team.sheets_intro")), sheets, row);
  }

  // -- the name on the files this device saves ----------------------------------------------------------
  const personField = root.querySelector("[data-person]");
  import("./whole.js").then((whole) => {
    personField.value = whole.personName();
    root.querySelector('[data-action="save-person"]').addEventListener("click", () => {
      whole.setPersonName(personField.value);
      status(root, personField.value.trim() ? say("person.saved", { name: personField.value.trim() }) : t("person.cleared"));
    });
  }).catch((error) => console.error(error));

  window.addEventListener("storage", () => (render(), renderTeam().catch((error) => console.error(error))));

  render();
  renderTeam().catch((error) => console.error(error));
  reveal(root);
}
