"""The Welsh site in a real browser: the switch keeps the page, answers follow, search finds Welsh."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from worksheet_support import READY, FORM, open_worksheet


def test_switching_language_keeps_the_page(page, base_url):
    page.goto(base_url + "process/redesign.html")
    page.locator("[data-language-switch]").click()
    expect(page).to_have_url(base_url + "cy/process/redesign.html")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    page.locator("[data-language-switch]").click()
    expect(page).to_have_url(base_url + "process/redesign.html")


def test_answers_written_in_english_appear_on_the_welsh_page(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    field = page.locator('textarea[name="evaluate.core-purpose"]')
    field.fill("Day opportunities for adults with learning disabilities")
    expect(page.locator("[role=status]").first).to_contain_text(re.compile(r"\d{1,2}:\d{2}"))
    page.locator("[data-language-switch]").click()
    expect(page).to_have_url(base_url + "cy/process/evaluate.html")
    page.locator(READY).wait_for(state="attached")
    expect(page.locator('textarea[name="evaluate.core-purpose"]')).to_have_value(
        "Day opportunities for adults with learning disabilities"
    )


def test_answers_written_in_welsh_appear_on_the_english_page(page, base_url):
    open_worksheet(page, base_url + "cy/big-ideas/pressing-pause.html")
    page.locator('textarea[name="question.people"]').fill("Parhad i bobl sy'n hapus â'u cymorth")
    expect(page.locator("[role=status]").first).to_contain_text(re.compile(r"\d{1,2}:\d{2}"))
    open_worksheet(page, base_url + "big-ideas/pressing-pause.html")
    expect(page.locator('textarea[name="question.people"]')).to_have_value("Parhad i bobl sy'n hapus â'u cymorth")


def test_search_on_a_welsh_page_finds_welsh_pages(page, base_url, toolkit):
    word = "cydgynhyrchu"
    assert word in toolkit.principle_by_id["principle.co-production"].definition.cy.lower()
    page.goto(base_url + "cy/index.html")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(word)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 5))]
    assert all("/cy/" in href for href in hrefs), hrefs


def test_a_markdown_export_from_a_welsh_page_names_the_questions_in_welsh(page, base_url, toolkit):
    question = toolkit.question_by_id["evaluate.core-purpose"]
    score = toolkit.text("score.mostly", "cy")
    open_worksheet(page, base_url + "cy/process/evaluate.html")
    page.locator('textarea[name="evaluate.core-purpose"]').fill("Cefnogi pobl i fyw'n annibynnol")
    page.locator('[name="evaluate.principle-scores/principle.prevention/score"][value="mostly"]').check()
    expect(page.locator("[role=status]").first).to_contain_text(re.compile(r"\d{1,2}:\d{2}"))
    page.locator(f"{FORM} .toolkit-files > summary").click()
    with page.expect_download() as info:
        page.get_by_role("button", name=toolkit.text("export.markdown", "cy")).click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith(f"# {toolkit.step_by_id['evaluate'].title.cy}\n")
    assert question.text.cy in text and question.text.en not in text
    assert f":** {score}" in text
    assert "Cefnogi pobl i fyw'n annibynnol" in text
