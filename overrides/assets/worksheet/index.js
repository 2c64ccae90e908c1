// The toolkit's one entry module, and its one registry: every behaviour, worksheet or embed, starts from
// an element's data-module, is mounted once (marked data-module-initialised), and its code loads only on
// pages that have it, so a page without a worksheet fetches nothing more. Progressive enhancement: without
// JavaScript every page still reads and prints.
const modules = {
  worksheet: () => import("./worksheet.js"),
  "my-worksheets": () => import("./my-worksheets.js"),
  report: () => import("../report/report.js"),
  // On <html>, set by embed/early.js in embed mode or inside a frame: height messages, storage access.
  embed: () => import("../embed/frame.js"),
};

// The modules ran: file-fallback.js (deferred, so it runs after this) then leaves the classic copy alone.
document.documentElement.setAttribute("data-toolkit-started", "");

/** For embedding code (see storage.js): try storage again, e.g. after the Storage Access API grants it. */
export async function retryStorage(storage) {
  return (await import("./storage.js")).retryStorage(storage);
}

export function start(root = document) {
  for (const element of root.querySelectorAll("[data-module]")) {
    const name = element.dataset.module;
    const load = modules[name];
    if (!load || element.hasAttribute("data-module-initialised")) continue;
    element.setAttribute("data-module-initialised", "");
    load()
      .then((module) => module.mount(element))
      .catch((error) => console.error(`toolkit ${name}:`, error)); // the page still reads and prints
  }
}

start();
