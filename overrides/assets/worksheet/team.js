// Team work without a server: colleagues' saved files (version 1 or 2, of one or more people) opened
// together on this device, kept as a "team session" (storage key `team`) until closed, shown beside each
// question of the worksheets (team-view.js), and agreed into a new assessment. Loaded only on request.
import { config, t, formatTime, worksheetInfo } from "./config.js";
import * as store from "./storage.js";
import * as assessments from "./assessments.js";
import { limits, fitName } from "./serialise.js";
import { parseImport } from "./format.js";

const KEY = "team";
const personKey = (name) => name.trim().toLocaleLowerCase();

export function load() {
  try {
    const session = JSON.parse(store.get(KEY) || "null");
    return session && Array.isArray(session.files) ? session : null;
  } catch (error) {
    return null;
  }
}

const save = (session) => store.set(KEY, JSON.stringify(session));
export const close = () => store.remove(KEY);

/** Read chosen files: {opened: [file entries], refused: [{file, reason}]}; a bad file never stops the rest. */
export async function readFiles(fileList) {
  const opened = [];
  const refused = [];
  for (const file of fileList) {
    if (file.size > limits().bytes) {
      refused.push({ file: file.name, reason: t("import.too_big", { size: Math.floor(limits().bytes / 1048576) }) });
      continue;
    }
    let text;
    try {
      text = await file.text();
    } catch (error) {
      refused.push({ file: file.name, reason: t("import.not_json") });
      continue;
    }
    const doc = parseImport(text);
    if (doc.error) {
      refused.push({ file: file.name, reason: t(doc.error) });
      continue;
    }
    const sheets = doc.version === 1 ? { [doc.worksheet]: { updated: doc.updated, answers: doc.answers } } : doc.worksheets;
    const known = Object.fromEntries(Object.entries(sheets).filter(([id]) => worksheetInfo(id)));
    const times = [doc.assessment.updated, ...Object.values(known).map((s) => s.updated)].filter(Boolean).sort();
    opened.push({
      id: Math.random().toString(36).slice(2, 10),
      person: doc.respondent || "",
      label: doc.respondent || file.name,
      file: file.name,
      assessment: doc.assessment.name,
      updated: times[times.length - 1] || null,
      sheets: known,
      used: true,
    });
  }
  return { opened, refused };
}

/**
 * Two files from the same person (same name): the later is used and the earlier set aside, unless the
 * person chose otherwise. Files without a name are each a person of their own.
 */
export function chooseLatest(files) {
  const latest = new Map();
  for (const file of files) {
    if (!file.person) continue;
    const key = personKey(file.person);
    const best = latest.get(key);
    if (!best || (file.updated || "") > (best.updated || "")) latest.set(key, file);
  }
  return files.map((file) => ({ ...file, used: !file.person || latest.get(personKey(file.person)) === file }));
}

/** Start (or add to) the team session with newly opened files. */
export function addFiles(opened) {
  const session = load() || { created: new Date().toISOString(), files: [] };
  session.files = chooseLatest([...session.files, ...opened]);
  save(session);
  return session;
}

/** Use this file instead of the other file(s) from the same person. */
export function useInstead(id) {
  const session = load();
  if (!session) return;
  const chosen = session.files.find((f) => f.id === id);
  if (!chosen) return;
  for (const file of session.files) {
    if (file.person && personKey(file.person) === personKey(chosen.person)) file.used = file === chosen;
  }
  save(session);
}

export const usedFiles = (session = load()) => (session ? session.files.filter((f) => f.used) : []);

/** Spread of a score among people (in steps of the scale) and whether they disagree by two or more. */
export function spread(values, levels) {
  const positions = values.map((value) => levels.indexOf(value)).filter((i) => i >= 0);
  if (positions.length < 2) return { spread: 0, disagree: false, low: null, high: null };
  const low = Math.min(...positions);
  const high = Math.max(...positions);
  return { spread: high - low, disagree: high - low >= 2, low: levels[low], high: levels[high] };
}

/** Save the agreement as a new assessment recording who contributed; their own assessments are untouched. */
export function agreeAs(name) {
  const contributors = usedFiles().map((f) => f.label);
  const agreed = assessments.create(fitName((n) => n, name));
  assessments.setContributors(agreed.id, contributors);
  const session = load();
  session.agreed = agreed.id;
  save(session);
  return agreed;
}

export function agreedName(session = load()) {
  const first = usedFiles(session)[0];
  const base = (first && first.assessment) || t("assessment.default_name");
  const today = formatTime(new Date().toISOString(), true).replace(/,.*$/, "");
  return fitName((name) => t("team.agreed_name", { name, date: today }), base);
}

/** The scales of score fields: {levels} for a field name, or null for text. */
export function scaleOf(name) {
  const { levels } = config();
  if (/\/score$/.test(name)) return levels.score;
  if (/\/rating$/.test(name)) return levels.rating;
  return null;
}

// The team and comparison styles, fetched once, only on pages that show them.
export function teamStyles() {
  if (document.querySelector("link[data-team-styles]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("assets/worksheet/team.css", new URL(config().root || "./", location.href)).href;
  link.dataset.teamStyles = "";
  document.head.append(link);
}
