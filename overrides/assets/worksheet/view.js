// Small DOM helpers: elements with text (never HTML), status, notices, the error summary, dialogs (dialog.js,
// on demand), waiting for an element to come near the viewport, and a part that could not be loaded.
import { t } from "./config.js";

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

export function button(label, onClick, kind = "secondary") {
  const b = el("button", `toolkit-button toolkit-button--${kind}`, label);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

/**
 * A count under a field with a length limit (the GOV.UK character count pattern): shown once the text is
 * past 90% of the limit, so everyday answers are not cluttered; the browser's maxlength enforces it.
 * Returns {update}, called after every change of the field's value.
 */
export function characterCount(field, max) {
  const count = el("p", "toolkit-hint toolkit-count");
  count.id = `${field.id || "field"}-count`;
  count.setAttribute("aria-live", "polite");
  count.hidden = true;
  field.after(count);
  let shown = false;
  const update = () => {
    const left = max - field.value.length;
    const show = field.value.length >= max * 0.9;
    count.hidden = !show;
    count.classList.toggle("toolkit-count--over", left < 0);
    if (show) count.textContent = t(left < 0 ? "count.over" : "count.left", { count: Math.abs(left).toLocaleString(document.documentElement.lang || "en") });
    if (show !== shown) {
      const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== count.id);
      if (show) ids.push(count.id);
      if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
      else field.removeAttribute("aria-describedby");
      shown = show;
    }
  };
  return { update };
}

/**
 * Reveal the controls that need JavaScript and hide the "turn on JavaScript" message. Their room was kept
 * while they were hidden (toolkit.css, "toolkit-supported"), so revealing them moves nothing else.
 */
export function reveal(root) {
  for (const node of root.querySelectorAll("[data-bar]")) node.hidden = false;
  for (const node of root.querySelectorAll("[data-nojs]")) node.hidden = true;
}

/**
 * An interface string whose {placeholders} are a person's own words (names, answers), each put in a
 * <bdi> so that right-to-left or override characters in it cannot reorder the sentence around it.
 */
export function say(key, values = {}) {
  const fragment = document.createDocumentFragment();
  const template = t(key);
  for (const part of template.split(/(\{\w+\})/)) {
    const name = part.slice(1, -1);
    if (/^\{\w+\}$/.test(part) && name in values) fragment.append(el("bdi", null, String(values[name])));
    else fragment.append(part);
  }
  return fragment;
}

/** Say `content` (text, a node, or several) in the live region. */
export function status(root, ...content) {
  const region = root.querySelector("[data-status]");
  if (region) region.replaceChildren(...content);
}

/** A visible notice (role=alert) that replaces any earlier one with the same id. */
export function notice(root, id, text, children = []) {
  const box = root.querySelector("[data-notices]");
  if (!box) return null;
  clearNotice(root, id);
  const node = el("div", "toolkit-notice");
  node.setAttribute("role", "alert");
  node.dataset.notice = id;
  const message = el("p", "toolkit-notice__text");
  message.append(text);
  node.append(message, ...children);
  box.append(node);
  return node;
}

export function clearNotice(root, id) {
  for (const node of root.querySelectorAll(`[data-notice="${id}"]`)) node.remove();
}

/**
 * A modal question with a native <dialog>: resolves {action, value}; action is "cancel" when dismissed.
 * `field` ({label, hint, value, optional}) adds a text input, required unless `optional`. The dialog's code
 * (dialog.js) loads when a question is first asked: most visits ask none.
 */
export async function ask(question) {
  return (await import("./dialog.js")).ask(question);
}

/**
 * Resolves when `element` comes near the viewport: parts at the end of a long worksheet (check your
 * answers, the action plan) load when the person gets to them, keeping the first load small.
 */
export function whenNear(element) {
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

/**
 * Resolves in a later task, so the page can paint and answer a key press in between: a worksheet starts
 * in steps, each short (a long task is what a phone feels as a page that does not respond).
 */
export function nextTask() {
  if (globalThis.scheduler && typeof scheduler.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Let files be dropped on `zone` as well as chosen; `onFiles(files)` receives them. Here, not with the
 * code that opens files (open-files.js), so that code loads only when files come.
 */
export function acceptDrops(zone, onFiles) {
  zone.dataset.dropReady = ""; // for tests: files dropped from now on are opened
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("toolkit-drop--over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("toolkit-drop--over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("toolkit-drop--over");
    if (event.dataTransfer && event.dataTransfer.files.length) onFiles(event.dataTransfer.files);
  });
}

/** For a part loaded on demand that could not be fetched (offline, a server refusing it): the page still works. */
export const missing = (error) => console.error("toolkit worksheet: a part could not be loaded", error);
