// Deferred and last in the document, this runs once every script before it has run or failed to load.
//
// Browsers refuse JavaScript modules from file:// (a copy on a shared drive, or unzipped from `make offline`).
// Only where the modules did not run (no data-toolkit-started on <html>, set by worksheet/index.js) does it
// load the same code as one classic script, generated at build time from the modules
// (hosting/classic_script.py), so worksheets still save. Where the modules ran it does nothing.
(function () {
  if (document.documentElement.hasAttribute("data-toolkit-started")) return;
  var script = document.createElement("script");
  script.src = document.currentScript.src.replace(/file-fallback\.js$/, "toolkit-classic.js");
  document.body.appendChild(script);
})();

// early.js swapped Material's "no-js" for "js" before the first paint, as Material's deferred bundle does
// when it runs. If the bundle did not run (it publishes window.document$), "no-js" goes back: Material's
// stylesheet then hides the search that cannot work and gives the navigation its full height again.
(function () {
  if (window.document$) return;
  document.documentElement.classList.remove("js");
  document.documentElement.classList.add("no-js");
})();
