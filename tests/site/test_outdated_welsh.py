"""An editor who cannot write Welsh is never stuck: changing, adding or deleting an English question builds.

As with gettext, the Welsh of a changed English string is *outdated*: the build warns naming it, and the
Welsh page shows the last Welsh with a visible "translation being updated" mark. A new string with no Welsh
shows the English on the Welsh page (marked lang="en") with the same kind of mark. A deleted question leaves
an unused translation, which is a warning. Strict mode (`--strict-translations`,
`TOOLKIT_STRICT_TRANSLATIONS=1`) fails the build on outdated or missing Welsh.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, BuiltSite, build_site

CHANGED = (
    "          - id: evaluate.core-purpose\n"
    "            number: Q3\n"
    "            text: What is the core purpose of the service?\n"
)
NEW_ENGLISH = "What is the main purpose of the service, for people and for carers?"
ADDED = (
    "          - id: evaluate.who-else\n"
    "            text: Who else should we ask before we decide?\n"
)
DELETED = (
    "          - id: redesign.enabling-community.learning\n"
    "            text: How can we learn from what's working / not working and share the learning for countywide benefit?\n"
)
PAGE = "process/evaluate.html"


def edited_content(folder):
    """A copy of the content with one question's English changed, one question added and one deleted."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    process = content / "process.yaml"
    text = process.read_text(encoding="utf-8")
    for piece in (CHANGED, DELETED):
        assert text.count(piece) == 1, piece
    text = text.replace(CHANGED, CHANGED.replace("What is the core purpose of the service?", NEW_ENGLISH) + ADDED)
    process.write_text(text.replace(DELETED, ""), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outdated")
    content = edited_content(folder)
    result = build_site(folder / "site", content)
    return content, result, BuiltSite(folder / "site")


def test_the_build_succeeds_and_warns_naming_each_outdated_missing_and_unused_string(edited):
    content, result, _ = edited
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr}"
    output = result.stdout + result.stderr
    assert f"{content / 'cy' / 'process.yaml'}:" in output
    for key, words in [
        ("strings[evaluate.core-purpose:text]", "the English has changed since this was translated"),
        ("evaluate.who-else:text", "no Welsh translation yet"),
        ("strings[redesign.enabling-community.learning:text]", "was it deleted?"),
    ]:
        [line] = [line for line in output.splitlines() if key in line]
        assert "warning" in line and words in line, line


def question(site: BuiltSite, page: str, question_id: str):
    found = site.soup(page).find(id=question_id)
    assert found is not None, f"{page} has no {question_id}"
    return found.select_one(".toolkit-question__heading")


def test_the_welsh_page_shows_the_last_welsh_with_the_mark(edited, toolkit):
    *_, site = edited
    welsh = toolkit.question_by_id["evaluate.core-purpose"].text.cy
    heading = question(site, "cy/" + PAGE, "evaluate.core-purpose")
    assert welsh in heading.get_text(" ")
    assert NEW_ENGLISH not in heading.get_text(" ")
    [mark] = heading.select(".toolkit-outdated")
    assert mark["lang"] == "cy" and mark["data-translation-state"] == "outdated"
    assert mark.get_text(" ", strip=True) == "Cyfieithiad wrthi'n cael ei ddiweddaru (Translation being updated)"
    assert mark.select_one('span[lang="en"]').get_text() == "(Translation being updated)"


def test_the_english_page_shows_the_new_english_with_no_mark(edited):
    *_, site = edited
    heading = question(site, PAGE, "evaluate.core-purpose")
    assert NEW_ENGLISH in heading.get_text(" ")
    assert not site.soup(PAGE).select(".toolkit-outdated")


def test_a_new_question_shows_its_english_on_the_welsh_page_marked(edited):
    *_, site = edited
    heading = question(site, "cy/" + PAGE, "evaluate.who-else")
    english = heading.select_one('span[lang="en"]')
    assert english.get_text() == "Who else should we ask before we decide?"
    [mark] = heading.select(".toolkit-outdated")
    assert mark["data-translation-state"] == "missing" and mark["lang"] == "cy"
    assert mark.get_text(" ", strip=True) == "Heb ei gyfieithu eto (Not yet translated)"


def test_only_the_changed_and_new_strings_are_marked(edited):
    """Negative control: every other question on the Welsh page is up to date, so unmarked."""
    *_, site = edited
    marked = {mark.find_parent(class_="toolkit-question")["id"] for mark in site.soup("cy/" + PAGE).select(".toolkit-outdated")}
    assert marked == {"evaluate.core-purpose", "evaluate.who-else"}
    assert not site.soup("cy/process/redesign.html").select(".toolkit-outdated")


def test_the_mark_keeps_the_page_valid(edited):
    *_, site = edited
    soup = site.soup("cy/" + PAGE)
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if name != "class":
                assert "<" not in text and "toolkit-outdated" not in text, (element.name, name, text)
    for mark in soup.select(".toolkit-outdated"):
        assert mark.find_parent(["option", "title", "textarea", "button"]) is None
        assert not mark.select(".toolkit-outdated"), "a mark inside a mark"


def test_a_deleted_question_is_gone_from_both_languages(edited):
    *_, site = edited
    assert site.soup("process/redesign.html").find(id="redesign.enabling-community.learning") is None
    assert site.soup("cy/process/redesign.html").find(id="redesign.enabling-community.learning") is None


def strict_build(tmp_path, how: str) -> subprocess.CompletedProcess:
    content = edited_content(tmp_path)
    command = [sys.executable, str(ROOT / "tools" / "build.py"), "--site-dir", str(tmp_path / "site"),
               "--content-dir", str(content)]
    env = dict(os.environ)
    if how == "option":
        command.append("--strict-translations")
    else:
        env["TOOLKIT_STRICT_TRANSLATIONS"] = "1"
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)


@pytest.mark.parametrize("how", ["option", "environment"])
def test_strict_mode_fails_the_build_naming_outdated_and_missing_welsh(tmp_path, how):
    result = strict_build(tmp_path, how)
    assert result.returncode == 1
    assert "strings[evaluate.core-purpose:text]" in result.stderr
    assert "English has changed" in result.stderr
    assert "evaluate.who-else:text" in result.stderr and "no Welsh translation" in result.stderr
    assert "redesign.enabling-community.learning" not in result.stderr, "an unused translation is not a mistake"
    assert not (tmp_path / "site").exists(), "a failed build wrote a site"
