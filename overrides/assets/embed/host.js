/*
 * Toolkit embed helper for the HOST page (your intranet), not for the toolkit's own pages.
 * Paste beside the iframe (TOOLKIT stands for the toolkit's address; the hosting guide, deployment.html
 * "Embedding in your intranet", gives the exact code):
 *   <iframe src="TOOLKIT/process/evaluate.html?embed=1" data-toolkit-embed
 *           title="Evaluate – Social care commissioning toolkit" style="width:100%;border:0" height="900"></iframe>
 *   <script src="TOOLKIT/assets/embed/host.js" defer></script>
 *
 * It sizes every iframe marked data-toolkit-embed to the height its page reports, so the frame never
 * needs a scroll bar. Messages are accepted only from the frame's own window and only from the origin
 * of the frame's src (the allow-list is the iframes you marked); anything else is ignored.
 * Message format (version 1): see docs/deployment.md.
 *   frame -> host  { type: "toolkit:embed:height", version: 1, height: <CSS pixels> }
 *   host  -> frame { type: "toolkit:embed:host",   version: 1 }  (on each frame load, to its origin only;
 *                                                                  the frame answers with its height)
 * Plain script, no dependencies, safe to include more than once.
 */
(function () {
  "use strict";
  if (window.__toolkitEmbedHost) return;
  window.__toolkitEmbedHost = true;

  var MAX_HEIGHT = 100000;

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute("src"), location.href).origin;
    } catch (error) {
      return null;
    }
  }

  function frameFor(source) {
    var frames = document.querySelectorAll("iframe[data-toolkit-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function greet(frame) {
    var origin = originOf(frame);
    if (origin && origin !== "null" && frame.contentWindow) {
      frame.contentWindow.postMessage({ type: "toolkit:embed:host", version: 1 }, origin);
    }
  }

  // Say hello to each frame when it loads, and answer the first height a frame sends after each load
  // (it may have loaded before this script ran): the frame then knows it is being sized.
  function watch(frame) {
    if (frame.__toolkitEmbedWatched) return;
    frame.__toolkitEmbedWatched = true;
    frame.addEventListener("load", function () {
      frame.__toolkitEmbedGreeted = true;
      greet(frame);
    });
  }

  function watchAll() {
    var frames = document.querySelectorAll("iframe[data-toolkit-embed]");
    for (var i = 0; i < frames.length; i++) watch(frames[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchAll);
  else watchAll();

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "toolkit:embed:height" || data.version !== 1) return;
    var frame = frameFor(event.source);
    if (!frame) return;
    var origin = originOf(frame);
    if (!origin || origin === "null" || event.origin !== origin) return; // origin check, host side
    var height = Math.ceil(Number(data.height));
    if (!isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    frame.style.height = height + "px";
    frame.setAttribute("data-toolkit-embed-sized", "");
    watch(frame);
    if (!frame.__toolkitEmbedGreeted) {
      frame.__toolkitEmbedGreeted = true;
      greet(frame);
    }
  });
})();
