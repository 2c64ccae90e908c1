// Worksheet behaviour, by progressive enhancement: each [data-module] element this folder knows is mounted
// once (marked data-module-initialised). A component's modules load only on pages that have it, so pages
// without a worksheet fetch nothing more. Without JavaScript the forms still read and print.
const modules = {
  worksheet: () => import("./worksheet.js"),
  "my-worksheets": () => import("./my-worksheets.js"),
  report: () => import("../report/report.js"),
};

/** For embedding code (see storage.js): try storage again, e.g. after the Storage Access API grants it. */
export async function retryStorage(storage) {
  return (await import("./storage.js")).retryStorage(storage);
}

export function start(root = document) {
  for (const element of root.querySelectorAll("[data-module]")) {
    const load = modules[element.dataset.module];
    if (!load || element.hasAttribute("data-module-initialised")) continue;
    element.setAttribute("data-module-initialised", "");
    load()
      .then((module) => module.mount(element))
      .catch((error) => console.error("toolkit worksheet:", error)); // the page still reads and prints
  }
}

start();
