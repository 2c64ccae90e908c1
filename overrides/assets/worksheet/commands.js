// What a worksheet does when the person asks, loaded at the first request: the bar's buttons (a new
// assessment, save to a file, the whole assessment, Markdown, copy as formatted text), opening files, and
// using an earlier or a colleague's answer.
import { t, formatTime } from "./config.js";
import * as assessments from "./assessments.js";
import { getValue, setValue } from "./serialise.js";
import { ask, status, say, missing } from "./view.js";
// Loaded when first needed, so a worksheet page fetches only what every page uses (see bench/).
const later = {
  open: () => import("./open-files.js"),
  files: () => import("./files.js"),
  markdown: () => import("./markdown.js"),
  richtext: () => import("./richtext.js"),
  whole: () => import("./whole.js"),
};

// Save, then the worksheet as a file holds it.
function record(page) {
  page.save();
  const assessment = page.assessment();
  return { updated: assessment.sheets && assessment.sheets[page.sheet], answers: page.answers() };
}

// The heading of a Markdown or formatted copy.
const about = (page, labels) => ({ title: page.title, assessment: page.assessment().name, date: formatTime(new Date().toISOString(), true), labels });

async function newAssessment(page) {
  const answer = await ask({
    title: t("assessment.new_title"),
    field: { label: t("assessment.name_label"), hint: t("assessment.name_hint") },
    actions: [{ label: t("dialog.save"), value: "save" }],
  });
  if (answer.action !== "save") return;
  page.save();
  assessments.create(answer.value);
  page.load(false);
  status(page.form, say("assessment.created", { name: page.assessment().name }));
}

function exportFile(page) {
  const current = record(page);
  later.files().then((files) => files.exportJSON(page.assessment(), page.sheet, current)).catch(missing);
  assessments.markSavedToFile(page.assessment().id);
}

async function exportWhole(page) {
  page.save();
  const whole = await later.whole();
  await whole.saveWhole(page.assessment());
}

async function markdown(page) {
  const current = record(page);
  const labels = assessments.readAnswers(page.assessment().id, page.sheet).labels;
  return (await later.markdown()).toMarkdown(page.form, current.answers, about(page, labels));
}

// Formatted text (text/html, with a text/plain fallback), so a paste into Word or Outlook keeps the
// headings and lists; where the browser cannot write HTML to the clipboard, plain text.
async function copyText(page) {
  const current = record(page);
  const labels = assessments.readAnswers(page.assessment().id, page.sheet).labels;
  const { toRichText, toPlainText } = await later.richtext();
  const rich = toRichText(page.form, current.answers, about(page, labels));
  const plain = toPlainText(rich);
  try {
    if (typeof ClipboardItem === "function" && navigator.clipboard.write) {
      await navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([new XMLSerializer().serializeToString(rich)], { type: "text/html" }),
        "text/plain": new Blob([plain], { type: "text/plain" }),
      })]);
    } else await navigator.clipboard.writeText(plain);
    status(page.form, t("export.copied"));
  } catch (error) {
    status(page.form, t("export.copy_failed"));
  }
}

// Files chosen or dropped: this worksheet's own (imported into it) or colleagues' (the team view).
async function openChosen(page, files) {
  page.save();
  try {
    const result = await (await later.open()).openFiles(files, page.form, page.sheet);
    if (!result) return;
    page.load(false);
    if (result.kind === "own") status(page.form, say("import.done", { name: result.name }));
    else {
      await page.showTeam();
      status(page.form, t("team.opened", { count: result.opened.length, refused: result.refused.length }));
    }
  } finally {
    if (page.input) page.input.value = "";
  }
}

// An earlier or a colleague's answer used as if typed: the field changes, then the usual input or change
// event saves it. Text is added below what is there (or replaces it, when asked); a choice replaces.
function use(page, name, value, add = true) {
  const { form } = page;
  const field = form.elements.namedItem(name);
  const radio = field instanceof RadioNodeList || (field && field.type === "radio");
  const now = getValue(form, name);
  setValue(form, name, radio || !add || !now.trim() ? value : `${now}\n\n${value}`);
  const target = radio ? form.querySelector(`input[name="${CSS.escape(name)}"]:checked`) : field;
  target && target.dispatchEvent(new Event(radio ? "change" : "input", { bubbles: true }));
  target && target.focus();
}

// By the name the page asks for: a bar button's data-action, "markdown" (the text), "open" (files) or
// "use" (an answer). A name of none of them does nothing.
const commands = new Map(Object.entries({
  new: newAssessment,
  "export-json": exportFile,
  "export-whole": exportWhole,
  "export-md": async (page) => {
    const [text, files] = await Promise.all([markdown(page), later.files()]);
    files.download(files.fileName(page.assessment().name, page.sheet, "md"), text, "text/markdown");
  },
  "copy-md": copyText,
  markdown,
  open: openChosen,
  use,
}));

/**
 * Carry out `name` for `page`, worksheet.js's {form, sheet, title, input, assessment(), answers(), save(),
 * load(announce), showTeam()}.
 */
export function run(name, page, ...args) {
  return commands.has(name) ? commands.get(name)(page, ...args) : undefined;
}
