/*
 * A toolkit page inside a frame, started by the entry module (worksheet/index.js) from <html
 * data-module="embed">, which early.js sets in embed mode (?embed=1) or inside any frame.
 *
 * Embed mode: tell the host page how tall this page is, so it can size the frame.
 *
 * Message format (version 1), posted only to the parent window and only to its exact origin:
 *   frame -> host  { type: "toolkit:embed:height", version: 1, height: <CSS pixels, integer> }
 *   host  -> frame { type: "toolkit:embed:host",   version: 1 }   (host.js, when the frame loads)
 * The frame sends its height when it starts and whenever it changes, and again (a few times, bounded)
 * until the host has said hello, in case host.js started late; it answers the hello with its height.
 * The page drops its own scroll bar (class toolkit-embed--sized) only while the frame is actually tall
 * enough for it: a host that says hello but never resizes the frame (or stops resizing it) must not leave
 * the page frozen with its lower part out of reach. Without host.js the page keeps scrolling inside the frame.
 *
 * The host's origin, in this order: the `host` query parameter (an origin the web team writes into the
 * iframe address to pin it), else location.ancestorOrigins[0] (Chromium, Safari), else the origin of
 * document.referrer (the page that loaded the frame). With none of them, nothing is posted: never "*".
 */

export const HEIGHT_MESSAGE = "toolkit:embed:height";
export const HOST_MESSAGE = "toolkit:embed:host";
export const VERSION = 1;

function originOf(value) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch (error) {
    return null;
  }
}

/** The origin of the page that embeds this one, or null when it cannot be known. */
export function hostOrigin(doc = document, win = window) {
  const pinned = new URLSearchParams(win.location.search).get("host");
  if (pinned) return originOf(pinned);
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return originOf(ancestors[0]);
  return doc.referrer ? originOf(doc.referrer) : null;
}

function pageHeight(doc) {
  return Math.ceil(doc.body.getBoundingClientRect().height);
}

/** Links to other pages open in a new tab: inside a frame they would replace the embedded worksheet. */
function linksLeaveTheFrame(doc, win) {
  for (const link of doc.querySelectorAll("a[href]")) {
    let url;
    try {
      url = new URL(link.href, win.location.href);
    } catch (error) {
      continue;
    }
    const samePage = url.origin === win.location.origin && url.pathname === win.location.pathname;
    if (!samePage && !link.target) {
      link.target = "_blank";
      link.rel = "noopener";
    }
  }
}

function startEmbedMode(doc, win) {
  const root = doc.documentElement;
  if (!root.classList.contains("toolkit-embed")) return;
  const early = win.__toolkitEmbedMessages || []; // what the parent said before this module was listening
  win.__toolkitEmbedMessages = null; // (early.js stops keeping them)
  linksLeaveTheFrame(doc, win);
  if (win.parent === win) return; // opened with ?embed=1 but not in a frame: nothing to tell
  const target = hostOrigin(doc, win);
  if (!target) return;

  let sent = -1;
  let greeted = false;
  // Sized only once the host has applied a height that fits the page (the frame's viewport grew to it).
  const checkFit = () => {
    const fits = greeted && win.innerHeight + 1 >= pageHeight(doc);
    root.classList.toggle("toolkit-embed--sized", fits);
  };
  const report = () => {
    checkFit();
    const height = pageHeight(doc);
    if (height === sent) return;
    sent = height;
    win.parent.postMessage({ type: HEIGHT_MESSAGE, version: VERSION, height }, target);
  };
  win.addEventListener("resize", checkFit);
  const onMessage = (event) => {
    if (event.source !== win.parent || event.origin !== target) return; // origin check, frame side
    const data = event.data;
    if (data && data.type === HOST_MESSAGE && data.version === VERSION && !greeted) {
      greeted = true;
      sent = -1; // answer the hello with the height, even if it has not changed
      report();
    }
  };
  win.addEventListener("message", onMessage);
  new ResizeObserver(report).observe(doc.body);
  report();
  early.forEach(onMessage); // a hello that came before this module was listening
  // If the host's script started after this page's first message, say it again a few times (bounded).
  for (const delay of [1000, 3000, 8000]) {
    win.setTimeout(() => {
      if (!greeted) {
        sent = -1;
        report();
      }
    }, delay);
  }
}

export function mount(root, win = window) {
  const doc = root.ownerDocument;
  startEmbedMode(doc, win);
  // Only framed pages with a worksheet need the storage-access module (and, through it, the worksheet's
  // storage module, which the worksheet loads too: it is the same module instance).
  if (win.parent !== win && doc.querySelector('[data-module="worksheet"], [data-module="my-worksheets"]')) {
    import("./storage-access.js").then((module) => module.mountStorageAccess(doc, win));
  }
}
