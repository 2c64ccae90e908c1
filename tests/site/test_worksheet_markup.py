"""The worksheet forms as built: every question has fields, every field a label, hints tied with
aria-describedby, groups in fieldsets, the JavaScript's controls hidden until it runs, and the data the
JavaScript needs (strings from ui.yaml) published with the page."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "overrides" / "assets" / "worksheet"
FORM = 'form[data-module="worksheet"]'


def worksheet_pages(site) -> list[str]:
    return [path for path in site.pages() if site.soup(path).select_one(FORM) is not None]


def config(site, path: str) -> dict:
    return site.worksheet_config(path)


def test_every_worksheet_has_a_page(site, toolkit):
    published = {site.soup(path).select_one(FORM)["data-worksheet"] for path in worksheet_pages(site)}
    assert published == {sheet.id for sheet in toolkit.worksheets}


def expected_questions(toolkit, sheet) -> list[str]:
    if sheet.kind == "step":
        return [q.id for group in sheet.step.groups for q in group.questions]
    lenses = [lens.id for lens in toolkit.big_ideas.questions + toolkit.big_ideas.tests]
    return lenses if sheet.idea else ["own-idea.name", "own-idea.idea", *lenses]


def test_every_question_of_every_worksheet_has_fields_named_by_its_id(site, toolkit):
    for path in worksheet_pages(site):
        form = site.soup(path).select_one(FORM)
        sheet = next(s for s in toolkit.worksheets if s.id == form["data-worksheet"])
        for question_id in expected_questions(toolkit, sheet):
            block = form.find(attrs={"data-question": question_id})
            assert block is not None, f"{path}: no question {question_id}"
            names = {field["name"] for field in block.select("[name]")}
            assert names and all(n == question_id or n.startswith(question_id + "/") for n in names), (path, question_id, names)


@pytest.mark.parametrize("kind", ["textarea", "input", "select"])
def test_every_field_has_a_label_and_its_descriptions_exist(site, kind):
    for path in worksheet_pages(site) + ["my-worksheets.html"]:
        soup = site.soup(path)
        scope = soup.select_one(FORM) or soup.select_one('[data-module="my-worksheets"]')
        for field in scope.select(kind):
            if field.get("type") == "radio":
                assert soup.find("label", attrs={"for": field["id"]}), f"{path}: radio {field['id']} has no label"
                legend = field.find_parent("fieldset").find("legend")
                assert legend and legend.get_text(strip=True), f"{path}: radio group {field['name']} has no legend"
                continue
            assert field.get("id") and soup.find("label", attrs={"for": field["id"]}), f"{path}: {kind} {field.get('name')} has no label"
            for described in field.get("aria-describedby", "").split():
                assert soup.find(id=described), f"{path}: {field['id']} describedby {described} is missing"


def test_hints_and_guidance_are_tied_to_their_fields(site, toolkit):
    soup = site.soup("process/evaluate.html")
    data = soup.find("textarea", attrs={"name": "evaluate.data"})
    assert "f-evaluate.data-guidance" in data["aria-describedby"].split()
    assert "Why this question is important" in soup.find(id="f-evaluate.data-guidance").get_text()
    talk = soup.find("textarea", attrs={"name": "evaluate.who-to-talk-with"})
    assert {"f-evaluate.who-to-talk-with-hint"} <= set(talk["aria-describedby"].split())
    scores = soup.find(attrs={"data-question": "evaluate.principle-scores"}).select_one('[role="group"]')
    assert scores["aria-labelledby"] == "f-evaluate.principle-scores-heading"
    assert len(scores.select("fieldset > legend")) == len(toolkit.principle_by_id)


def test_redesign_asks_whether_each_answer_has_changed_from_step_2(site):
    soup = site.soup("process/redesign.html")
    legends = [legend.get_text(strip=True) for legend in soup.select("[data-changed-since] legend")]
    assert legends and set(legends) == {"Has this changed from Step 2?"}
    commission = site.soup("process/commission.html")
    assert {legend.get_text(strip=True) for legend in commission.select("[data-changed-since] legend")} == {"Has this changed from Step 3?"}


def test_controls_that_need_javascript_are_hidden_until_it_runs(site):
    for path in worksheet_pages(site) + ["my-worksheets.html"]:
        soup = site.soup(path)
        bars = soup.select("[data-bar]")
        assert bars and all(bar.has_attr("hidden") for bar in bars), path
        assert all(button.find_parent(attrs={"data-bar": True}) for button in soup.select("main button.toolkit-button")), path
        assert soup.select_one("[data-nojs]") is not None and not soup.select_one("[data-nojs]").has_attr("hidden")


def test_the_config_lists_every_worksheet_with_a_working_link_and_the_site_root(site, toolkit):
    for path in ("process/evaluate.html", "big-ideas/core-funding.html", "my-worksheets.html"):
        data = config(site, path)
        # Every worksheet, then the action plan, which is kept like one and edited on the last step.
        assert [sheet["id"] for sheet in data["worksheets"]] == [sheet.id for sheet in toolkit.worksheets] + ["action-plan"]
        assert data["action_plan"] == "deliver" and data["worksheets"][-1]["url"].endswith("deliver.html")
        # Links are relative to the language's home, two folders above the data file.
        here = posixpath.dirname(posixpath.dirname(posixpath.dirname(site.worksheet_config_file(path))))
        for sheet in data["worksheets"]:
            target = posixpath.normpath(posixpath.join(here, sheet["url"]))
            assert (site.root / target).exists(), f"{path}: {sheet['url']}"
        assert posixpath.normpath(posixpath.join(here, data["root"])) == "index.html"
        assert data["scores"] == {"evaluate": "evaluate.principle-scores", "redesign": "redesign.options-score"}


def test_the_worksheet_data_is_one_file_per_language_not_a_copy_in_every_page(site, toolkit):
    """The list of worksheets grows with the content: one copy per language keeps pages from growing with it."""
    pages = [path for path in site.pages() if site.soup(path).select_one("script[data-toolkit-config]")]
    assert {site.worksheet_config_file(path) for path in pages} == {
        "assets/worksheet/site-config.js", "cy/assets/worksheet/site-config.js"
    }
    assert config(site, "cy/process/evaluate.html")["worksheets"][0]["title"] == toolkit.worksheets[0].title.cy
    last = toolkit.worksheets[-1]
    for path in pages:
        assert site.soup(path).select_one('script[type="application/json"]#toolkit-worksheet-config') is None, path
        # The last worksheet's title is in the page only if the page is about it (its own heading).
        if not path.endswith(posixpath.basename(toolkit.page_path(last.id))):
            assert f'"{last.title.en}"' not in site.html(path), path


def test_every_string_the_scripts_use_comes_from_ui_yaml(site, toolkit):
    used = set()
    for script in SCRIPTS.glob("*.js"):
        source = script.read_text()
        used |= set(re.findall(r'\bt\(\s*"([a-z0-9_.-]+)"', source))
        # keys passed around before t() is called, e.g. parseImport's {error: "import.newer"}
        used |= set(re.findall(r'"((?:import|storage|status|assessment|export|summary|sync|mine)\.[a-z_]+)"', source))
        used |= {f"{prefix}.{value}" for prefix in ("score", "rating") for value in config(site, "process/evaluate.html")["levels"][prefix]}
    strings = config(site, "process/evaluate.html")["strings"]
    assert len(used) > 40
    missing = sorted(key for key in used if key not in strings)
    assert not missing, f"strings the scripts use but the page does not publish (add them to content/ui.yaml): {missing}"
    assert all(strings[key] == toolkit.text(key) for key in used)


def test_no_guide_text_in_the_scripts(toolkit):
    code = " ".join(script.read_text() for script in SCRIPTS.glob("*.js"))
    scripts = re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.S)  # comments may name things
    texts = [str(q.text) for _, q in toolkit.step_questions()] + [str(p.name) for p in toolkit.principles.principles]
    texts += [str(toolkit.text(key)) for key in toolkit.ui.strings if len(toolkit.text(key)) > 12]
    found = [text for text in texts if text in scripts]
    assert not found, f"text belongs in content/, not in the scripts: {found}"


def test_scripts_meet_a_strict_content_security_policy():
    for script in SCRIPTS.glob("*.js"):
        source = script.read_text()
        for banned in ("eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", ".setAttribute(\"style\"", "onclick="):
            assert banned not in source, f"{script.name} uses {banned}"


def test_the_export_format_is_documented_with_its_schema(site):
    schema = json.loads((site.root / "schemas" / "worksheet-export-v1.schema.json").read_text())
    assert schema["properties"]["version"]["const"] == 1
    page = site.soup("using/export-format.html")
    assert page.find("a", href=re.compile(r"worksheet-export-v1\.schema\.json$"))
    assert "__proto__" in page.get_text()
