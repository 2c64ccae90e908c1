"""Reflow (WCAG 1.4.10) and resize text (1.4.4): every page reads at 320 CSS px wide, and at 1280 px with
200% zoom (640 CSS px), without scrolling sideways. Wide tables may scroll inside their own focusable region
(the process matrix is in `.toolkit-table-wrap`), never the page.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    "1280px at 200% zoom": {"viewport": {"width": 640, "height": 360}, "device_scale_factor": 2},
}

# Page-level overflow, and every run of text in the header, content and footer that lies partly outside the
# viewport, unless it is inside a region that scrolls on its own and can take keyboard focus.
OVERFLOW = """() => {
    const vw = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > vw) {
        problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${vw}px viewport`);
    }
    const scroller = (el) => {
        for (let node = el; node && node !== document.body; node = node.parentElement) {
            const x = getComputedStyle(node).overflowX;
            if (x === 'auto' || x === 'scroll') return node;
        }
        return null;
    };
    const roots = document.querySelectorAll('.md-header, article, .md-footer, .md-footer-meta, .toolkit-footer');
    for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
            acceptNode: (node) => node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
        });
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const out = Array.from(range.getClientRects()).filter((r) => r.width > 0 && (r.right > vw + 1 || r.left < -1));
            if (!out.length) continue;
            const region = scroller(el);
            if (region && region.tabIndex >= 0) continue;
            // Material shortens the header's site and page titles with an ellipsis instead of wrapping them;
            // nothing scrolls, and both titles are in full on the page (its h1) and in the navigation.
            if (el.closest('.md-header__topic') && getComputedStyle(el).textOverflow === 'ellipsis') continue;
            // Visually hidden text (1px clipped labels for screen readers) is not shown, so it cannot overflow.
            const rect = el.getBoundingClientRect();
            if (rect.width <= 1 && rect.height <= 1) continue;
            problems.push(`"${node.textContent.trim().slice(0, 50)}" in <${el.tagName.toLowerCase()} class="${el.className}"> ` +
                          `runs from x=${Math.round(out[0].left)} to ${Math.round(out[0].right)}`
                          + (region ? ' inside a scrolling region that cannot take focus' : ''));
            if (problems.length > 12) return problems;
        }
    }
    return problems;
}"""


# The same two sizes as the device metrics a page is shown at: 200% zoom halves the CSS pixels across and
# doubles the device pixels to each.
METRICS = {
    "320px": {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False},
    "1280px at 200% zoom": {"width": 640, "height": 360, "deviceScaleFactor": 2, "mobile": False},
}


def test_no_page_scrolls_sideways_on_a_phone_or_zoomed_in(site, base_url, browser):
    """Each page is checked at both sizes on one load: loaded at one, then resized to the other, as a person
    zooms a page they have open (200% zoom of a 1280 px window is 640 CSS px). Pages take turns at which
    size they load, so every page is seen both ways and each size both as loaded and as resized to."""
    context = browser.new_context(**VIEWPORTS["320px"])
    found: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        screen = context.new_cdp_session(page)

        def check_at(size: str, path: str) -> None:
            screen.send("Emulation.setDeviceMetricsOverride", METRICS[size])
            page.evaluate("new Promise((resolve) => requestAnimationFrame(() => resolve()))")  # resize handled
            shown = page.evaluate("[innerWidth, devicePixelRatio]")
            assert shown == [METRICS[size]["width"], METRICS[size]["deviceScaleFactor"]], f"{path} is not shown at {size}"
            problems = page.evaluate(OVERFLOW)
            if problems:
                found[f"{path} at {size}"] = problems

        for turn, path in enumerate(site.pages()):
            sizes = list(METRICS) if turn % 2 == 0 else list(reversed(METRICS))
            screen.send("Emulation.setDeviceMetricsOverride", METRICS[sizes[0]])
            page.goto(base_url + path)
            for size in sizes:
                check_at(size, path)
    finally:
        context.close()
    assert not found, "text runs off the side:\n" + "\n".join(
        f"{where}: {problem}" for where, problems in found.items() for problem in problems
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_process_matrix_scrolls_in_its_own_focusable_region(viewport, base_url, browser):
    context = browser.new_context(**VIEWPORTS[viewport])
    try:
        page = context.new_page()
        page.goto(base_url + "process/index.html")
        region = page.locator(".toolkit-table-wrap")
        assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
        assert region.get_attribute("aria-labelledby") or region.get_attribute("aria-label")
        # The region is no wider than the screen; when the table is wider than the region, the region (not
        # the page) scrolls, and a keyboard user can scroll it.
        sizes = region.evaluate("el => [el.scrollWidth, el.clientWidth, document.documentElement.clientWidth]")
        assert sizes[1] <= sizes[2], f"the matrix region is wider than the screen at {viewport}: {sizes}"
        if sizes[0] > sizes[1]:
            region.focus()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    finally:
        context.close()


def test_the_overflow_check_catches_text_off_the_side(base_url, page):
    """Negative control: a long unbreakable word pushed into the content is reported."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(base_url + "index.html")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p style="white-space:nowrap">' + 'unbreakable-'.repeat(40) + '</p>')""")
    problems = page.evaluate(OVERFLOW)
    assert any("unbreakable" in problem for problem in problems), problems
