// Browsers refuse JavaScript modules from file:// (a copy on a shared drive, or unzipped from `make offline`).
// There, and only there, load the same code as one classic script, generated at build time from the
// modules (hosting/classic_script.py), so worksheets still save. Over http(s) this does nothing.
(function () {
  if (location.protocol !== "file:") return;
  var script = document.createElement("script");
  script.src = document.currentScript.src.replace(/file-fallback\.js$/, "toolkit-classic.js");
  document.body.appendChild(script);
})();
