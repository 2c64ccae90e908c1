// Small DOM helpers: elements with text (never HTML), status, notices, the error summary, dialogs.
import { t } from "./config.js";
import { limits } from "./serialise.js";

let ids = 0;

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
 * Show the GOV.UK-style error summary (focused) and the message on the file field; one message or a list
 * (one per file set aside); null clears them.
 */
export function importError(root, message) {
  const summary = root.querySelector("[data-error-summary]");
  const inline = root.querySelector("[data-import-error]");
  const group = root.querySelector("[data-import-group]");
  if (!summary) return;
  const messages = message == null ? [] : [].concat(message);
  summary.hidden = !messages.length;
  if (inline) inline.hidden = !messages.length;
  if (group) group.classList.toggle("toolkit-form-group--error", !!messages.length);
  if (!messages.length) return;
  const list = summary.querySelector("ul");
  const first = list.querySelector("li");
  list.replaceChildren(...messages.map((text) => {
    const item = first.cloneNode(true);
    item.querySelector("[data-error-message]").textContent = text;
    return item;
  }));
  if (inline) inline.textContent = messages.join(" ");
  summary.focus();
}

/**
 * A modal question with a native <dialog>: resolves {action, value}; action is "cancel" when dismissed.
 * `field` ({label, hint, value, optional}) adds a text input, required unless `optional`.
 */
export function ask({ title, body, field, actions }) {
  return new Promise((resolve) => {
    const id = `toolkit-dialog-${++ids}`;
    const dialog = el("dialog", "toolkit-dialog");
    dialog.setAttribute("aria-labelledby", id);
    const form = el("form");
    form.method = "dialog";
    const heading = el("h2", "toolkit-dialog__title");
    heading.append(title);
    heading.id = id;
    form.append(heading);
    if (body) form.append(el("p", null, body));
    let input;
    let error;
    if (field) {
      input = el("input", "toolkit-input");
      input.type = "text";
      input.id = id + "-input";
      input.value = field.value || "";
      input.maxLength = limits().name;
      input.autocomplete = "off";
      const label = el("label", "toolkit-label", field.label);
      label.htmlFor = input.id;
      const hint = el("div", "toolkit-hint", field.hint);
      hint.id = id + "-hint";
      error = el("p", "toolkit-error-message", t("assessment.name_missing"));
      error.id = id + "-error";
      error.hidden = true;
      input.setAttribute("aria-describedby", hint.id);
      form.append(label, hint, error, input);
    }
    const row = el("div", "toolkit-bar__row");
    actions.forEach((action, i) => {
      const b = el("button", `toolkit-button toolkit-button--${action.kind || (i ? "secondary" : "primary")}`, action.label);
      b.value = action.value;
      row.append(b);
    });
    const cancel = el("button", "toolkit-button toolkit-button--secondary", t("dialog.cancel"));
    cancel.value = "cancel";
    row.append(cancel);
    form.append(row);
    dialog.append(form);
    form.addEventListener("submit", (event) => {
      const chosen = event.submitter ? event.submitter.value : actions[0].value;
      if (input && chosen !== "cancel" && !field.optional && !input.value.trim()) {
        event.preventDefault();
        error.hidden = false;
        input.setAttribute("aria-describedby", `${id}-hint ${id}-error`);
        input.focus();
        return;
      }
      if (!event.submitter) {
        event.preventDefault();
        dialog.close(chosen);
      }
    });
    dialog.addEventListener("close", () => {
      resolve({ action: dialog.returnValue || "cancel", value: input ? input.value.trim() : "" });
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    (input || row.firstChild).focus();
  });
}
