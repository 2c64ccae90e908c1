/*
 * Storage: every read and write of localStorage goes through this module, each inside try/catch.
 * Nothing is ever sent over the network.
 *
 * Keys are namespaced by toolkit, storage format version and the site's base path, so two copies of the
 * toolkit on one origin never mix:   scct/v1<base path><key>   e.g. scct/v1/toolkit/index
 *
 * Contract for embedding (iframes, the Storage Access API, "open in a new tab"):
 * - When storage cannot be used (reading window.localStorage throws: a cross-site iframe in Chromium throws
 *   SecurityError, storage is disabled, some private modes; or a write fails with QuotaExceededError), the
 *   data is kept in memory for this page and `document` receives
 *       new CustomEvent("toolkit:storage-unavailable", {detail: {reason: "blocked" | "quota" | "error"}})
 *   Mounted worksheets show a visible notice and offer to save the answers to a file.
 * - When the page may have gained storage (e.g. after `await document.requestStorageAccess(...)`), call
 *       retryStorage()            // re-reads window.localStorage
 *       retryStorage(handle.localStorage)   // or use the Storage a storage-access handle gives
 *   (or dispatch "toolkit:storage-retry" on document). If storage works, the answers kept in memory are
 *   merged with what the device already holds (through the reconciler assessments.js registers: field by
 *   field, a difference kept as a conflict for the person to choose) and `document` receives
 *   "toolkit:storage-available"; worksheets re-read what is stored and clear their notice.
 * - After a quota error, the first write that succeeds again writes what was kept in memory and announces
 *   "toolkit:storage-available" too, so the "not saved" warning goes.
 */
import { config } from "./config.js";
import { isOwnKey } from "./keys.js";

const memory = new Map(); // full key -> string, or null for "removed"; writes not yet on the device
let backend; // the Storage in use, null when unavailable, undefined before the first access
let problem = null;
let reconcile = (key, onDevice, inPage) => inPage; // see setReconciler
let persistAsked = false;

export function prefix() {
  let base = "/";
  try {
    base = new URL(config().root || "./", location.href).pathname.replace(/[^/]*$/, "");
  } catch (error) {
    /* keep "/" */
  }
  return "scct/v1" + base;
}

function fail(error) {
  const name = error && error.name;
  problem = name === "QuotaExceededError" || (error && error.code === 22) ? "quota" : name === "SecurityError" ? "blocked" : "error";
  document.dispatchEvent(new CustomEvent("toolkit:storage-unavailable", { detail: { reason: problem } }));
}

function store() {
  if (backend === undefined) connect();
  return backend;
}

function connect(storage) {
  try {
    const candidate = storage || window.localStorage;
    candidate.getItem(prefix() + "index");
    backend = candidate;
    return true;
  } catch (error) {
    backend = null;
    fail(error);
    return false;
  }
}

/** Why storage failed last ("blocked", "quota", "error"), or null. */
export function storageProblem() {
  store();
  return problem;
}

export function get(key) {
  const full = prefix() + key;
  if (memory.has(full)) return memory.get(full);
  const s = store();
  if (!s) return null;
  try {
    return s.getItem(full);
  } catch (error) {
    fail(error);
    return null;
  }
}

/** Store `value`; true when it is on the device, false when it is kept in memory only. */
export function set(key, value) {
  return write(key, value);
}

export function remove(key) {
  return write(key, null);
}

// Writes through to the device when it can; otherwise keeps the value (null: removed) in memory, so the
// page still has it and retryStorage() can write it later.
function write(key, value) {
  const full = prefix() + key;
  const s = store();
  if (s) {
    try {
      if (value === null) s.removeItem(full);
      else s.setItem(full, value);
      memory.delete(full);
      // Saving works again after a quota error: what this page kept in memory is newer than the device's.
      if (problem) return flush(false);
      askToPersist();
      return true;
    } catch (error) {
      fail(error);
    }
  }
  memory.set(full, value);
  return false;
}

/**
 * Every key of this copy of the toolkit (without the prefix) starting with `start`. Keys are matched on
 * their whole shape (keys.js), so another copy under a sub-folder of this one is never included.
 */
export function keys(start = "") {
  const base = prefix();
  const mine = (key) => key.startsWith(base) && isOwnKey(key.slice(base.length)) && key.startsWith(base + start);
  const found = new Set();
  const s = store();
  if (s) {
    try {
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i);
        if (key && mine(key)) found.add(key);
      }
    } catch (error) {
      fail(error);
    }
  }
  for (const [key, value] of memory) {
    if (!mine(key)) continue;
    if (value === null) found.delete(key);
    else found.add(key);
  }
  return [...found].map((key) => key.slice(base.length));
}

/** True while anything typed is kept in this page only (storage refused or full): leaving would lose it. */
export function unsaved() {
  return memory.size > 0;
}

/**
 * How a value kept in the page meets one already on the device when storage becomes available:
 * fn(key without prefix, device text or null, page text or null) -> the text to store (null removes).
 */
export function setReconciler(fn) {
  reconcile = fn;
}

// Ask once that the browser keep this site's storage (Safari clears script-written storage after seven
// days without a visit; a persisted origin is exempt). The answer changes nothing the page does.
function askToPersist() {
  if (persistAsked) return;
  persistAsked = true;
  try {
    const storage = navigator.storage;
    if (storage && typeof storage.persist === "function") storage.persist().catch(() => {});
  } catch (error) {
    /* not offered here */
  }
}

// Write what was kept in memory, merged with what the device holds when the page never had the device
// (`merge`), as is when the page's own earlier writes failed; announce that saving works again.
function flush(merge) {
  const base = prefix();
  try {
    for (const [key, value] of memory) {
      const merged = merge ? reconcile(key.slice(base.length), backend.getItem(key), value) : value;
      if (merged === null) backend.removeItem(key);
      else backend.setItem(key, merged);
      memory.delete(key);
    }
  } catch (error) {
    fail(error);
    return false;
  }
  problem = null;
  askToPersist();
  document.dispatchEvent(new CustomEvent("toolkit:storage-available"));
  return true;
}

/** The full storage key, to compare with a StorageEvent's key. */
export function fullKey(key) {
  return prefix() + key;
}

/** Try storage again (see the contract above); true when everything kept in memory is now stored. */
export function retryStorage(storage) {
  if (!connect(storage)) return false;
  return flush(true);
}

document.addEventListener("toolkit:storage-retry", () => retryStorage());
