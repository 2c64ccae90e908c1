// Browsers refuse JavaScript modules from file:// (a copy on a shared drive, or unzipped from `make offline`).
// Deferred and after the entry module in the document, this runs once the modules have run or failed to
// load; only where they did not run (no data-toolkit-started on <html>, set by worksheet/index.js) does it
// load the same code as one classic script, generated at build time from the modules
// (hosting/classic_script.py), so worksheets still save. Where the modules ran it does nothing.
(function () {
  if (document.documentElement.hasAttribute("data-toolkit-started")) return;
  var script = document.createElement("script");
  script.src = document.currentScript.src.replace(/file-fallback\.js$/, "toolkit-classic.js");
  document.body.appendChild(script);
})();
