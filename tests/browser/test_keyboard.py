"""A keyboard-only journey through worksheets, in real Chromium (WCAG 2.1.1, 2.4.3, 2.4.7, 2.4.11, 4.1.3).

From the top of the page, Tab alone: the skip link comes first; every worksheet control is reached, in the
order it appears; each focused element shows a focus indicator and is not hidden (it is in the viewport and
the element at its visible part is itself, not the sticky header); typing saves, and the worksheet's status
region (role=status) says so.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WORKSHEET_PAGES = ["process/evaluate.html", "process/redesign.html", "big-ideas/provider-alliances.html"]
MAX_TABS = 400

# The focused element, how it looks, and whether a user can see it. Runs after animations and scrolling
# have settled, as a person pressing Tab would see the page.
INSPECT_FOCUS = """async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const el = document.activeElement;
    // Measure the page as it looks once transitions (focus styles, Material's search overlay) are over:
    // each is taken to its end state at once rather than waited for, then the layout must hold still.
    const finishTransitions = () => document.getAnimations().forEach((a) => {
        try { a.finish(); } catch (endless) { /* an endless animation has no end state to take */ }
    });
    for (let i = 0; i < 20; i++) {
        const before = JSON.stringify(el.getBoundingClientRect());
        finishTransitions();
        await frame();
        finishTransitions(); // any a frame started
        if (JSON.stringify(el.getBoundingClientRect()) === before) break;
    }
    const all = document.getElementsByTagName('*');
    const form = document.querySelector('form[data-module="worksheet"]');
    const r = el.getBoundingClientRect();
    const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    const left = Math.max(r.left, 0), right = Math.min(r.right, vw);
    const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, vh);
    const labels = el.labels ? Array.from(el.labels) : [];
    const own = (node) => node && (node === el || el.contains(node) || labels.some((l) => l.contains(node)));
    let hits = [];
    let visible = false;
    if (right > left && bottom > top) {
        for (const fy of [0.5, 0.2, 0.8]) {
            const hit = document.elementFromPoint((left + right) / 2, top + (bottom - top) * fy);
            hits.push(hit ? hit.tagName.toLowerCase() + (hit.className && typeof hit.className === 'string' ? '.' + hit.className.trim().split(/\\s+/).join('.') : '') : 'nothing');
            if (own(hit)) { visible = true; break; }
        }
    }
    window.__focusVisited = window.__focusVisited || [];
    window.__focusVisited.push(el);
    const cs = getComputedStyle(el);
    return {
        index: Array.prototype.indexOf.call(all, el),
        visit: window.__focusVisited.length - 1,
        tag: el.tagName.toLowerCase(),
        type: el.type || null,
        name: el.getAttribute('name'),
        id: el.id,
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40),
        classes: typeof el.className === 'string' ? el.className : '',
        inWorksheet: !!(form && form.contains(el)),
        isSkipLink: el.matches('a.md-skip'),
        isBody: el === document.body || el === document.documentElement,
        rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)],
        viewport: [vw, vh],
        visible,
        hits,
        style: [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.backgroundColor,
                cs.borderColor, cs.color, cs.textDecorationLine].join(' | '),
    };
}"""

# The same style of each visited element once nothing has focus, to compare with how it looked focused.
UNFOCUSED_STYLES = """() => {
    document.activeElement && document.activeElement.blur();
    return window.__focusVisited.map((el) => {
        const cs = getComputedStyle(el);
        return [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.backgroundColor,
                cs.borderColor, cs.color, cs.textDecorationLine].join(' | ');
    });
}"""

# Every control of the worksheet a user can operate now (radio groups count once: arrow keys move inside).
WORKSHEET_CONTROLS = """() => {
    const form = document.querySelector('form[data-module="worksheet"]');
    const all = document.getElementsByTagName('*');
    const seen = new Set();
    const out = [];
    for (const el of form.querySelectorAll('input, textarea, select, button, summary, a[href], [tabindex]')) {
        if (el.disabled || el.tabIndex < 0 || el.type === 'hidden' || el.getClientRects().length === 0) continue;
        if (el.closest('[hidden], [inert]')) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden') continue;
        const key = el.type === 'radio' ? 'radio:' + el.name : 'el:' + Array.prototype.indexOf.call(all, el);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({key, index: Array.prototype.indexOf.call(all, el), tag: el.tagName.toLowerCase(),
                  name: el.getAttribute('name') || el.id || (el.innerText || '').trim().slice(0, 40)});
    }
    return out;
}"""


def describe(info: dict) -> str:
    label = info["name"] or info["id"] or info["text"] or info["classes"]
    return f"<{info['tag']}> {label!r} at {info['rect']}"


def keyboard_journey(page, base_url: str, path: str) -> dict:
    """Tab through the whole page once, opening closed worksheet panels and typing in the first answer."""
    page.goto(base_url + path)
    page.wait_for_selector('[data-module="worksheet"] [role="status"]', state="attached")
    status = page.locator('form[data-module="worksheet"] [role="status"]')
    visited: list[dict] = []
    typed = None
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        info = page.evaluate(INSPECT_FOCUS)
        if info["isBody"] or (visited and info["isSkipLink"]):
            break  # focus has left the page or come round to the start again
        visited.append(info)
        if info["inWorksheet"] and info["tag"] == "summary" and not page.evaluate(
            "document.activeElement.parentElement.open"
        ):
            page.keyboard.press("Enter")  # open the panel so its controls are in the tab order
        if info["inWorksheet"] and info["tag"] == "textarea" and typed is None:
            before = status.text_content()
            page.keyboard.type("Typed with the keyboard only.")
            page.wait_for_function(
                "([el, before]) => el.textContent.trim() !== '' && el.textContent !== before",
                arg=[status.element_handle(), before],
            )
            typed = {"field": info["name"], "before": before, "after": status.text_content()}
    else:
        pytest.fail(f"{path}: focus never left the page after {MAX_TABS} presses of Tab")
    controls = page.evaluate(WORKSHEET_CONTROLS)
    unfocused = page.evaluate(UNFOCUSED_STYLES)
    saved = page.locator(f'[name="{typed["field"]}"]').input_value() if typed else None
    return {"visited": visited, "controls": controls, "unfocused": unfocused, "typed": typed, "saved": saved}


@pytest.fixture(scope="module", params=WORKSHEET_PAGES)
def journey(request, browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        result = keyboard_journey(page, base_url, request.param)
    finally:
        context.close()
    assert not errors, f"uncaught JavaScript errors: {errors}"
    return {"path": request.param, **result}


def test_skip_link_comes_first_and_is_visible(journey):
    first = journey["visited"][0]
    assert first["isSkipLink"], f"{journey['path']}: the first Tab reaches {describe(first)}, not the skip link"
    assert first["visible"], f"{journey['path']}: the skip link has focus but cannot be seen ({first['hits']})"


def test_every_worksheet_control_is_reached_in_order(journey):
    visited_indexes = [info["index"] for info in journey["visited"] if info["inWorksheet"]]
    visited_radio_groups = {info["name"] for info in journey["visited"] if info["type"] == "radio"}
    missed = [
        control for control in journey["controls"]
        if not (control["key"].startswith("radio:") and control["key"][6:] in visited_radio_groups)
        and control["index"] not in visited_indexes
    ]
    assert len(journey["controls"]) > 5
    assert not missed, f"{journey['path']}: Tab never reaches {[(c['tag'], c['name']) for c in missed]}"
    assert visited_indexes == sorted(visited_indexes), (
        f"{journey['path']}: worksheet controls are reached out of reading order"
    )


def test_every_focused_element_shows_focus(journey):
    # Outline, box shadow, background, border, text colour or underline must differ from the unfocused look.
    invisible = [describe(info) for info in journey["visited"] if info["style"] == journey["unfocused"][info["visit"]]]
    assert not invisible, f"{journey['path']}: no visible change when these have focus: {invisible}"


def test_no_focused_element_is_hidden(journey):
    hidden = [f"{describe(info)} (under {info['hits'] or 'the edge of the viewport'})"
              for info in journey["visited"] if not info["visible"]]
    assert not hidden, f"{journey['path']}: focused but hidden from view: {hidden}"


def test_typing_saves_and_the_status_says_so(journey):
    typed = journey["typed"]
    assert typed is not None, f"{journey['path']}: Tab never reached a text answer to type in"
    assert journey["saved"] == "Typed with the keyboard only."
    assert typed["after"].strip() and typed["after"] != typed["before"]


def test_shift_tab_goes_back_to_a_visible_control(browser, base_url):
    """Going backwards the sticky header is above the focused control: it must not cover it."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        page.goto(base_url + "process/evaluate.html")
        page.locator('form[data-module="worksheet"] textarea').last.focus()
        hidden = []
        for _ in range(12):
            page.keyboard.press("Shift+Tab")
            info = page.evaluate(INSPECT_FOCUS)
            if not info["visible"]:
                hidden.append(f"{describe(info)} under {info['hits']}")
        assert not hidden, f"focused but hidden going backwards: {hidden}"
    finally:
        context.close()
