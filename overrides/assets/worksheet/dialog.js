// A modal question with a native <dialog>, loaded when a page first asks one (view.js ask): a title, a
// body, an optional text field (required unless `optional`), and buttons; Escape or Cancel dismisses it.
import { t } from "./config.js";
import { limits } from "./serialise.js";
import { el } from "./view.js";

let ids = 0;

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
