"""Embed mode in real Chromium: a council intranet page embeds a worksheet in an iframe.

The toolkit and the intranet page run on two local servers, given names by Chromium's host resolver:
- same site:  toolkit.council.test inside intranet.council.test (one registrable domain, council.test):
  storage works, so answers are kept and restored;
- cross site: the same frame inside intranet.elsewhere.test: Chromium refuses storage (SecurityError), so
  the page must say so, keep answers in the page and offer save-to-file, storage access and a new tab.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import CHROMIUM_ARGS, chromium_path, serve_directory

pytestmark = pytest.mark.browser

WORKSHEET = "process/evaluate.html"
RESOLVER = "--host-resolver-rules=MAP *.council.test 127.0.0.1, MAP *.elsewhere.test 127.0.0.1"
# Every frame reports uncaught errors and rejections to the console, where the test collects them.
REPORT_ERRORS = """
addEventListener("error", (e) => console.error("UNCAUGHT " + e.message));
addEventListener("unhandledrejection", (e) => console.error("UNCAUGHT " + (e.reason && e.reason.stack || e.reason)));
"""


MARKER_LISTENER = "() => { window.__marker = new Promise((done) => addEventListener('message', (e) => e.data === 'test-marker' && done())); }"


def port_of(url: str) -> str:
    return url.rstrip("/").rsplit(":", 1)[1]


@pytest.fixture(scope="module")
def named_browser(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=chromium_path(), args=[*CHROMIUM_ARGS, RESOLVER])
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def servers(site, tmp_path_factory):
    """(toolkit origin, intranet folder, intranet port): the built site and a folder for host pages."""
    intranet = tmp_path_factory.mktemp("intranet")
    with serve_directory(site.root) as toolkit_url, serve_directory(intranet) as intranet_url:
        yield f"http://toolkit.council.test:{port_of(toolkit_url)}", intranet, port_of(intranet_url)


def host_page(folder: Path, name: str, toolkit: str, frames: list[str]) -> str:
    """An intranet page with the toolkit's embed code for each frame address (as the panel gives it)."""
    iframes = "\n".join(
        f'<iframe src="{toolkit}/{src}" title="Worksheet {i}" data-toolkit-embed style="width:100%;border:0" height="300"></iframe>'
        for i, src in enumerate(frames)
    )
    html = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title>
<link rel="icon" href="data:,"></head>
<body><h1>Council intranet</h1>{iframes}
<script src="{toolkit}/assets/embed/host.js" defer></script></body></html>"""
    (folder / name).write_text(html, encoding="utf-8")
    return name


@pytest.fixture
def open_host(named_browser, servers):
    """Open an intranet page (on `host_name`) in a fresh context; fails the test on any uncaught error."""
    contexts, errors = [], []

    def make(host_name: str, frames: list[str], **options):
        toolkit, folder, port = servers
        name = host_page(folder, f"{host_name}-{len(contexts)}.html", toolkit, frames)
        context = named_browser.new_context(**options)
        context.add_init_script(REPORT_ERRORS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.text.startswith("UNCAUGHT") and errors.append(message.text))
        page.goto(f"http://{host_name}:{port}/{name}")
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"uncaught errors in the host page or the frame: {errors}"


def frame_of(page, index: int = 0):
    frame = page.frames[index + 1]
    frame.wait_for_load_state()
    return frame


def worksheet_ready(frame):
    """The worksheet script has mounted: it has filled in the choice of assessment."""
    expect(frame.locator('form[data-module="worksheet"] select[data-assessment] option').first).to_be_attached()


def answer_field(frame):
    return frame.locator('form[data-module="worksheet"] textarea').first


# -- same site -------------------------------------------------------------------------------------------


def test_same_site_frame_is_sized_to_its_content(open_host):
    page = open_host("intranet.council.test", [f"{WORKSHEET}?embed=1"])
    iframe = page.locator("iframe[data-toolkit-embed]")
    expect(iframe).to_have_attribute("data-toolkit-embed-sized", "")
    frame = frame_of(page)
    expect(frame.locator("html")).to_have_class(re.compile(r"(^|\s)toolkit-embed--sized(\s|$)"))
    assert {"toolkit-supported", "toolkit-embed", "js"} <= set(frame.evaluate("[...document.documentElement.classList]"))
    # one registry: embed mode was started from <html data-module="embed">, once
    assert frame.evaluate("document.documentElement.dataset.module") == "embed"
    assert frame.evaluate("document.documentElement.hasAttribute('data-module-initialised')")
    content = frame.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
    assert content > 1000  # the whole worksheet, not the 300px the intranet page asked for
    expect(iframe).to_have_js_property("clientHeight", content)
    # no scroll bar inside the frame: everything is visible in the page's own scroll
    assert frame.evaluate("document.documentElement.scrollHeight <= innerHeight")
    # embed mode: no header, navigation, search or footer; the publisher strip instead
    for hidden in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", ".toolkit-footer"):
        expect(frame.locator(hidden).first).to_be_hidden()
    expect(frame.locator("[data-embed-brand]")).to_be_visible()


def test_same_site_frame_keeps_answers_across_a_reload_of_the_host_page(open_host, toolkit):
    page = open_host("intranet.council.test", [f"{WORKSHEET}?embed=1"])
    frame = frame_of(page)
    assert frame.evaluate("(() => { try { localStorage.length; return true } catch (e) { return false } })()"), (
        "council.test should be one site to Chromium: the frame must get normal localStorage"
    )
    worksheet_ready(frame)
    field = answer_field(frame)
    field.fill("Residents' forum, carers' network")
    field.blur()
    expect(frame.locator('form[data-module="worksheet"] [data-status]').first).to_contain_text(
        toolkit.text("status.saved").split("{")[0].strip()
    )
    expect(frame.locator(".toolkit-notice")).to_have_count(0)
    page.reload()
    expect(answer_field(frame_of(page))).to_have_value("Residents' forum, carers' network")


# -- cross site ------------------------------------------------------------------------------------------


def test_cross_site_frame_says_answers_cannot_be_kept_and_saves_to_a_file(open_host, toolkit):
    page = open_host("intranet.elsewhere.test", [f"{WORKSHEET}?embed=1"], accept_downloads=True)
    frame = frame_of(page)
    assert frame.evaluate("(() => { try { localStorage.length; return 'allowed' } catch (e) { return e.name } })()") == "SecurityError"
    notice = frame.get_by_text(toolkit.text("storage.unavailable"))
    expect(notice).to_be_visible()

    worksheet_ready(frame)
    field = answer_field(frame)
    field.fill("Kept in the page only")
    field.blur()
    with page.expect_download() as download:
        frame.get_by_role("button", name=toolkit.text("storage.save_to_file")).first.click()
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert "Kept in the page only" in json.dumps(saved)
    # where it could be kept: a new tab outside the frame, or storage granted on a click (Chromium has the
    # Storage Access API; a headless browser refuses it, and either answer must be said, not thrown)
    open_tab = frame.get_by_role("link", name=toolkit.text("embed.open_tab"))
    expect(open_tab).to_be_visible()
    expect(open_tab).to_have_attribute("target", "_blank")
    assert open_tab.get_attribute("href").endswith("/" + WORKSHEET)
    frame.get_by_role("button", name=toolkit.text("embed.storage_request")).click()
    outcome = frame.locator("[data-embed-storage] [role=status]")
    expect(outcome).to_have_text(re.compile("|".join(re.escape(toolkit.text(f"embed.storage_{k}")) for k in ("granted", "denied"))))
    expect(answer_field(frame)).to_have_value("Kept in the page only")
    # the frame is still sized by the host, storage or not
    expect(page.locator("iframe[data-toolkit-embed]")).to_have_attribute("data-toolkit-embed-sized", "")


def test_cross_site_frame_without_embed_mode_still_offers_storage_access(open_host, toolkit):
    """Storage access belongs to any frame with a worksheet, embed mode or not (early.js marks every framed
    page <html data-module="embed">)."""
    page = open_host("intranet.elsewhere.test", [WORKSHEET])
    frame = frame_of(page)
    worksheet_ready(frame)
    expect(frame.get_by_role("link", name=toolkit.text("embed.open_tab"))).to_be_visible()
    assert "toolkit-embed" not in frame.evaluate("document.documentElement.className").split()


def test_a_page_outside_a_frame_fetches_no_embed_code(base_url, new_page):
    """Embed code loads on demand: a page opened normally fetches none of it; ?embed=1 alone (not framed)
    starts embed mode, whose links to other pages open in a new tab."""
    page = new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + WORKSHEET)
    page.locator('form[data-module="worksheet"][data-worksheet-ready]').wait_for(state="attached")
    page.wait_for_load_state("load")
    assert not [url for url in requested if "/assets/embed/" in url and not url.endswith("/early.js")
                and not url.endswith("/material-globals.js")]
    assert page.evaluate("document.documentElement.dataset.module") is None

    page.goto(base_url + WORKSHEET + "?embed=1")
    page.locator('form[data-module="worksheet"][data-worksheet-ready]').wait_for(state="attached")
    expect(page.locator("html")).to_have_attribute("data-module-initialised", "")
    expect(page.locator("a[href$='principles.html']").first).to_have_attribute("target", "_blank")
    assert [url for url in requested if url.endswith("/assets/embed/frame.js")]


# -- origin checks ----------------------------------------------------------------------------------------


def test_messages_go_only_to_the_named_host_and_come_only_from_the_frame(open_host, servers):
    toolkit, _, port = servers
    wrong_host = f"http://wrong.council.test:{port}"
    page = open_host("intranet.council.test", [f"{WORKSHEET}?embed=1", f"principles.html?embed=1&host={wrong_host}"])
    first, pinned = page.locator("iframe").nth(0), page.locator("iframe").nth(1)
    expect(first).to_have_attribute("data-toolkit-embed-sized", "")
    frame = frame_of(page, 1)
    assert frame.evaluate("import('./assets/embed/frame.js').then((m) => m.hostOrigin())") == wrong_host
    # Messages from one window to another arrive in order: once a marker sent after the frame's height
    # messages has arrived, any height message the host could have received has been handled.
    page.evaluate(MARKER_LISTENER)
    frame.evaluate("parent.postMessage('test-marker', '*')")
    page.evaluate("window.__marker")
    # its height messages were addressed to another origin, so the browser never delivered them
    assert pinned.get_attribute("data-toolkit-embed-sized") is None
    assert "toolkit-embed--sized" not in frame.evaluate("document.documentElement.className")

    # a height message from a window that is not a marked frame (here the intranet page itself) is ignored
    page.evaluate(MARKER_LISTENER)
    page.evaluate("postMessage({type: 'toolkit:embed:height', version: 1, height: 7}, '*'); postMessage('test-marker', '*')")
    page.evaluate("window.__marker")
    assert first.evaluate("(el) => el.clientHeight") > 7


# -- before the first paint, and the panel ---------------------------------------------------------------

RECORD_CLASS_AT_BODY = """
new MutationObserver((changes, observer) => {
  if (document.body) {
    window.__classAtBody = document.documentElement.className;
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


def test_embed_mode_is_set_before_the_body_exists(base_url, new_page):
    """The class is on <html> before any of <body> is parsed, so nothing is painted in the normal view."""
    page = new_page()
    page.add_init_script(RECORD_CLASS_AT_BODY)
    page.goto(base_url + WORKSHEET + "?embed=1")
    assert "toolkit-embed" in page.evaluate("window.__classAtBody").split()
    page.goto(base_url + WORKSHEET)
    assert "toolkit-embed" not in page.evaluate("window.__classAtBody").split()
    expect(page.locator(".md-header")).to_be_visible()


def test_embed_code_is_in_the_hosting_guide_reached_from_the_footer(base_url, new_page, toolkit):
    """The embed code is for web teams: one place (the hosting guide), a small footer link on every page,
    and no "Embed this page" panel on the page itself (issue 11)."""
    page = new_page()
    page.goto(base_url + WORKSHEET)
    expect(page.get_by_text(toolkit.text("embed.panel_title"), exact=True)).to_have_count(0)
    page.locator("[data-council-footer]").get_by_role("link", name=toolkit.text("footer.embed")).click()
    expect(page).to_have_url(re.compile(r"deployment\.html#embedding$"))
    code = page.locator("#embedding ~ div pre, #embedding ~ pre").first.inner_text()
    assert "?embed=1" in code and "data-toolkit-embed" in code and "assets/embed/host.js" in code
