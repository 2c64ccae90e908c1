// Embed mode, the "Embed this page" panel, and storage in cross-site frames. early.js (in <head>) has
// already set the embed class before the first paint.
import { startEmbedMode } from "./frame.js";
import { mountPanels } from "./panel.js";

startEmbedMode();
mountPanels();
// Only framed pages with a worksheet need the storage-access module (and, through it, the worksheet's
// storage module, which the worksheet script has already loaded: it is the same module instance).
if (window.parent !== window && document.querySelector('[data-module="worksheet"], [data-module="my-worksheets"]')) {
  import("./storage-access.js").then((module) => module.mountStorageAccess());
}
