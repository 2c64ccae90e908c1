/*
 * Storage inside a cross-site iframe (an intranet on another site embedding the toolkit). Loaded by
 * frame.js only in a frame, on a page with a worksheet.
 *
 * Chromium refuses `localStorage` to such a frame (SecurityError); where a browser allows it, the storage
 * is partitioned from the public site's. The worksheet's storage module (../worksheet/storage.js) then
 * keeps answers in the page, shows its notice and offers save-to-file, and announces it on `document`
 * with "toolkit:storage-unavailable" (see the contract at the top of that module). This module adds,
 * only inside a frame:
 * - where the browser has the Storage Access API, a button that asks for storage on a click; when granted
 *   it hands the storage to retryStorage(), which writes the answers kept in the page to it;
 * - always, a link to open the same page in a new tab, outside the frame, where storage works.
 * Words come from content/ui.yaml (the JSON script #toolkit-embed-strings, partials/embed-brand.html).
 */
import { retryStorage, storageProblem } from "../worksheet/storage.js";

function strings(doc) {
  try {
    return JSON.parse(doc.getElementById("toolkit-embed-strings").textContent);
  } catch (error) {
    return {};
  }
}

/** This page's address outside embed mode (no embed or host parameter), for a new tab. */
export function fullPageAddress(win = window) {
  const url = new URL(win.location.href);
  url.searchParams.delete("embed");
  url.searchParams.delete("host");
  return url.href;
}

function element(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

async function askForStorage(doc) {
  const handle = await doc.requestStorageAccess({ localStorage: true });
  // Chromium returns a handle whose localStorage is the unpartitioned one; other browsers grant
  // window.localStorage itself and return nothing.
  return retryStorage(handle && handle.localStorage ? handle.localStorage : undefined);
}

function render(doc, win, text) {
  const box = element(doc, "div", "toolkit-embed-storage");
  box.dataset.embedStorage = "";
  const status = element(doc, "p", "toolkit-embed-storage__status");
  status.setAttribute("role", "status");
  if (typeof doc.requestStorageAccess === "function") {
    const button = element(doc, "button", "md-button toolkit-embed-storage__request", text.storage_request);
    button.type = "button";
    button.dataset.embedStorageRequest = "";
    const hint = element(doc, "p", "toolkit-embed-storage__hint", text.storage_request_hint);
    button.addEventListener("click", async () => {
      let granted = false;
      try {
        granted = await askForStorage(doc);
      } catch (error) {
        granted = false; // refused by the user or the browser
      }
      status.textContent = granted ? text.storage_granted : text.storage_denied;
      if (granted) button.hidden = hint.hidden = true;
    });
    box.append(button, hint);
  }
  const link = element(doc, "a", "toolkit-embed-storage__open", text.open_tab);
  link.href = fullPageAddress(win);
  link.target = "_blank";
  link.rel = "noopener";
  link.dataset.embedOpenTab = "";
  const line = element(doc, "p", "toolkit-embed-storage__line");
  line.append(link);
  box.append(line, status);
  const anchor = doc.querySelector('[data-module="worksheet"]') || doc.querySelector("article");
  if (anchor) anchor.parentNode.insertBefore(box, anchor);
  doc.addEventListener("toolkit:storage-available", () => {
    status.textContent = text.storage_granted;
    for (const node of box.querySelectorAll("button, .toolkit-embed-storage__hint")) node.hidden = true;
  });
  return box;
}

/** Where storage was granted to this frame before, ask again without a click (the browser allows it). */
async function reuseEarlierGrant(doc, win) {
  try {
    const state = await win.navigator.permissions.query({ name: "storage-access" });
    if (state.state === "granted") await askForStorage(doc);
  } catch (error) {
    /* no such permission in this browser: the button remains */
  }
}

/** Started once by frame.js, in a frame, on a page with a worksheet or My worksheets. */
export function mountStorageAccess(doc = document, win = window) {
  const text = strings(doc);
  let box = null;
  const onUnavailable = (event) => {
    const reason = event && event.detail ? event.detail.reason : storageProblem();
    if (reason !== "blocked" || box) return;
    box = render(doc, win, text);
    reuseEarlierGrant(doc, win);
  };
  doc.addEventListener("toolkit:storage-unavailable", onUnavailable);
  if (storageProblem() === "blocked") onUnavailable();
}
