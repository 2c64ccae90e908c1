/*
 * Embed mode, before the first paint. Loaded synchronously in <head> (a file, not an inline script, so
 * a strict Content-Security-Policy allows it). When the address has ?embed=1 it marks the document:
 *   <html class="toolkit-embed">
 * and toolkit.css ("Embed mode") hides the header, navigation, search and footer, so nothing flashes.
 * The rest of embed mode (height messages to the host page) is in index.js.
 */
(function () {
  "use strict";
  try {
    if (new URLSearchParams(location.search).get("embed") === "1") {
      document.documentElement.classList.add("toolkit-embed");
    }
  } catch (error) {
    /* an address the URL API cannot read: show the normal page */
  }
})();
