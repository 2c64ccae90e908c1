/*
 * Before the first paint. Loaded synchronously in <head> (a file, not an inline script, so a strict
 * Content-Security-Policy allows it), it marks <html> so that the first layout is already the last:
 * - class "js" for "no-js", as Material's bundle does first when it runs: the bundle is deferred (it runs
 *   after the first paint), and its stylesheet hides the search under "no-js", so without this the search
 *   would pop in and the header title shrink after the page was painted;
 * - class "toolkit-supported" where the browser can run the toolkit's scripts (ES modules; the classic
 *   copy for file:// needs as much): toolkit.css then keeps the room of the controls the scripts reveal
 *   ([data-bar], such as the worksheet bar), so nothing below them moves when they appear;
 * - class "toolkit-embed" when the address has ?embed=1: toolkit.css ("Embed mode") hides the header,
 *   navigation, search and footer, so nothing flashes;
 * - data-module="embed" in embed mode or inside any frame: the entry module (worksheet/index.js) then
 *   starts frame.js (height messages to the host page; storage access in a cross-site frame). In embed
 *   mode it keeps the parent's messages until then: host.js says hello when the frame loads, which can be
 *   before frame.js, loaded on demand, is listening.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  if ("noModule" in HTMLScriptElement.prototype) root.classList.add("toolkit-supported");
  var embed = false;
  try {
    embed = new URLSearchParams(location.search).get("embed") === "1";
  } catch (error) {
    /* an address the URL API cannot read: show the normal page */
  }
  if (embed) root.classList.add("toolkit-embed");
  if (embed || window.parent !== window) root.setAttribute("data-module", "embed");
  if (embed && window.parent !== window) {
    var early = (window.__toolkitEmbedMessages = []);
    window.addEventListener("message", function (event) {
      if (event.source === window.parent && window.__toolkitEmbedMessages === early) early.push(event);
    });
  }
})();
