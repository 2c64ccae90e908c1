"""Helpers shared by the worksheet browser tests (test_worksheets_*.py): open, fill and read worksheets."""

from __future__ import annotations

import json
import re
import time

FORM = 'form[data-module="worksheet"]'
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> & "quotes"'

# Fills every answer field of the worksheet as events a user's typing or clicking would fire; text answers
# get a distinct multi-line value (with HTML in it, which must stay text), radio groups their last choice.
FILL_ALL = """(prefix) => {
  const form = document.querySelector('form[data-module="worksheet"]');
  const filled = {};
  for (const el of form.elements) {
    if (!el.name || el.type === 'file') continue;
    if (el.type === 'radio') {
      const group = form.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`);
      const last = group[group.length - 1];
      if (el !== last) continue;
      last.checked = true;
      last.dispatchEvent(new Event('change', {bubbles: true}));
      filled[el.name] = last.value;
    } else {
      el.value = `${prefix} ${el.name}\\nsecond line <b>bold</b>`;
      el.dispatchEvent(new Event('input', {bubbles: true}));
      filled[el.name] = el.value;
    }
  }
  return filled;
}"""

READ_ALL = """() => {
  const form = document.querySelector('form[data-module="worksheet"]');
  const values = {};
  for (const el of form.elements) {
    if (!el.name || el.type === 'file') continue;
    if (el.type === 'radio') { if (el.checked) values[el.name] = el.value; }
    else if (el.value) values[el.name] = el.value;
  }
  return values;
}"""


# Holds back the page's timers, as if the user were still typing: the save that follows typing waits.
HOLD_TIMERS = """() => {
  window.__held = [];
  window.__realSetTimeout = window.setTimeout;
  window.setTimeout = (callback) => (window.__held.push(callback), 0);
}"""
RELEASE_TIMERS = "() => { window.setTimeout = window.__realSetTimeout; window.__held.forEach((callback) => callback()); }"


def held_back(page, pattern: str):
    """Hold back every request matching `pattern` (a script slow to come) until `release()` is called;
    returns (the held routes, release)."""
    held = []

    def hold(route):
        held.append(route)

    page.route(pattern, hold)

    def release():
        for route in held:
            route.continue_()
        page.unroute(pattern, hold)

    return held, release


def wait_until_requested(page, held: list, what: str) -> None:
    """Wait until the page has asked for what `held_back` holds (`what` names it if it never does)."""
    deadline = time.monotonic() + 15
    while not held:
        assert time.monotonic() < deadline, f"the page never asked for {what}"
        page.wait_for_timeout(20)


def worksheet_pages(site) -> list[tuple[str, str]]:
    """(page path, worksheet id) of every page with a worksheet form."""
    found = []
    for path in site.pages():
        form = site.soup(path).select_one(FORM)
        if form is not None:
            found.append((path, form["data-worksheet"]))
    return found


READY = 'form[data-module="worksheet"][data-worksheet-ready]'  # set once worksheet.js has finished starting the form (its last task)


def open_worksheet(page, url: str):
    page.goto(url, wait_until="domcontentloaded")
    page.locator(READY).wait_for(state="attached")
    return page


def fill_all(page, prefix: str = "Answer to") -> dict[str, str]:
    filled = page.evaluate(FILL_ALL, prefix)
    wait_saved(page)
    return filled


def read_all(page) -> dict[str, str]:
    return page.evaluate(READ_ALL)


def status(page) -> str:
    return page.locator("[data-status]").first.inner_text().strip()


def wait_saved(page) -> None:
    """Wait until the live region says the answers are saved (the save follows typing after a short pause),
    in the page's language: "Saved 10:42" on English pages."""
    saved = page.evaluate("() => window.toolkitWorksheetConfig.strings['status.saved']")
    pattern = "^" + re.escape(saved).replace(re.escape("{time}"), r"\d\d:\d\d") + "$"
    page.locator("[data-status]").first.filter(has_text=re.compile(pattern)).wait_for()


def in_front(page):
    """Bring the tab to the front, as a person does before typing or clicking in it; returns it. (Chromium
    gives a tab behind another no animation frames, so Playwright's check that a button holds still before
    clicking it would wait there for seconds.)"""
    page.bring_to_front()
    return page


def type_answer(page, name: str, text: str) -> None:
    in_front(page).locator(f'{FORM} [name="{name}"]').fill(text)


def stored(page) -> dict[str, str]:
    """Everything the toolkit keeps in localStorage, for comparing before and after."""
    return json.loads(page.evaluate(
        "() => JSON.stringify(Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('scct/')).map(k => [k, localStorage.getItem(k)])))"
    ))


def export_json(page) -> tuple[str, dict]:
    """Click "Save to a file (JSON)"; returns the suggested file name and the parsed file."""
    in_front(page).locator(f"{FORM} .toolkit-files > summary").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Save to a file (JSON)").click()
    download = info.value
    return download.suggested_filename, json.loads(open(download.path(), encoding="utf-8").read())


def import_file(page, name: str, content: bytes | str, mime: str = "application/json") -> None:
    """Choose a file in "Open a saved file (JSON)"."""
    files = in_front(page).locator(f"{FORM} .toolkit-files")
    if files.get_attribute("open") is None:
        files.locator("summary").click()
    data = content.encode("utf-8") if isinstance(content, str) else content
    field = page.get_by_label("Open a saved file (JSON)")
    trimmed = data.rstrip(b" ")
    if len(data) > LARGE and isinstance(content, str) and len(data) - len(trimmed) > LARGE:
        # Tens of megabytes of trailing spaces: made in the page rather than sent through the driver
        # (which takes half a minute); the same File, chosen as a person's choice arrives (a change event).
        field.evaluate(CHOOSE_PADDED_FILE, [name, mime, trimmed.decode("utf-8"), len(data) - len(trimmed)])
        return
    field.set_input_files({"name": name, "mimeType": mime, "buffer": data})


LARGE = 1 << 20
CHOOSE_PADDED_FILE = """(input, [name, mime, text, spaces]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text, " ".repeat(spaces)], name, {type: mime}));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}"""
