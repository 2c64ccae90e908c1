"""The site under its own strict Content-Security-Policy, served with the headers the build generated.

The policy comes from the generated `_headers` file (the same policy is in .htaccess and web.config, and
in the nginx and Apache snippets in server-config/ beside the site; tests/site/test_headers.py checks
they agree). Every CSP violation is recorded, from the page's own `securitypolicyviolation` events and
from the browser's console: a worksheet is filled and restored, and search is used, under the policy
(every page is opened under it by test_hosting.py, served under a sub-path with the same headers).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import serve_directory, serve_to

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) =>
  console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));
"""


def generated_headers(site) -> dict[str, str]:
    """The headers of the `/*` block of the site's generated _headers file."""
    headers = {}
    for line in site.html("_headers").splitlines():
        if line.startswith("  ") and ":" in line:
            name, value = line.strip().split(":", 1)
            headers[name] = value.strip()
    return headers


@pytest.fixture(scope="module")
def csp_url(site):
    with serve_directory(site.root, headers=generated_headers(site)) as url:
        yield url


def csp_page(new_page):
    page = new_page()
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.violations = []
    page.on(
        "console",
        lambda m: (m.text.startswith("CSP violation") or "Content Security Policy" in m.text)
        and page.violations.append(f"{page.url}: {m.text}"),
    )
    return page


def test_the_generated_policy_is_strict(site):
    policy = generated_headers(site)["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in policy
    assert "frame-ancestors" in policy


def test_worksheets_save_and_search_works_under_the_policy(csp_url, new_page, toolkit):
    page = csp_page(new_page)
    page.goto(csp_url + "process/evaluate.html")
    expect(page.locator('form[data-module="worksheet"] select[data-assessment] option').first).to_be_attached()
    field = page.locator('form[data-module="worksheet"] textarea').first
    field.fill("Answered under a strict policy")
    field.blur()
    expect(page.locator('form[data-module="worksheet"] [data-status]').first).to_contain_text(
        toolkit.text("status.saved").split("{")[0].strip()
    )
    page.reload()
    expect(page.locator('form[data-module="worksheet"] textarea').first).to_have_value("Answered under a strict policy")

    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("principles")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert page.violations == []


def test_a_policy_without_the_hashes_is_caught(site, new_page):
    """Negative control: with the build's script hashes removed, the recorder must see violations."""
    headers = generated_headers(site)
    headers["Content-Security-Policy"] = re.sub(r" 'sha256-[^']+'", "", headers["Content-Security-Policy"])
    page = csp_page(new_page)
    with serve_to(page, site.root, headers=headers) as url:
        page.goto(url + "process/evaluate.html")
        page.evaluate("new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))")
    assert any("script-src" in violation for violation in page.violations), page.violations
