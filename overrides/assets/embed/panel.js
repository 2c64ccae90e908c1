/*
 * "Embed this page" panel (partials/embed-panel.html), found by data-module="embed-panel": puts this
 * page's full address into the iframe code (the server only knows it when site_url is set) and offers
 * a copy button where the Clipboard API is available. Without JavaScript the code is still there to copy.
 */

export function mountPanel(panel, win = window) {
  if (panel.dataset.embedPanelReady) return;
  panel.dataset.embedPanelReady = "true";
  const code = panel.querySelector("[data-embed-code]");
  const button = panel.querySelector("[data-embed-copy]");
  const status = panel.querySelector("[data-embed-status]");

  const page = new URL(win.location.href);
  page.hash = "";
  page.search = "?embed=1";
  const host = new URL(panel.dataset.embedHost, win.location.href).href;
  code.value = code.value.split(panel.dataset.embedSrc).join(page.href).split(panel.dataset.embedHost).join(host);

  if (!button || !(win.navigator.clipboard && win.navigator.clipboard.writeText)) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await win.navigator.clipboard.writeText(code.value);
      status.textContent = panel.dataset.copied;
    } catch (error) {
      code.focus();
      code.select();
      status.textContent = panel.dataset.copyFailed;
    }
  });
}

export function mountPanels(doc = document) {
  for (const panel of doc.querySelectorAll('[data-module="embed-panel"]')) mountPanel(panel);
}
