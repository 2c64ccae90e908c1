"""Translations: PO export/import round-trip; outdated, missing and orphaned Welsh (warnings, and mistakes
only in strict mode); the PO file's fuzzy entries with the previous English."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from io import BytesIO

from macros.content import DEFAULT_CONTENT_DIR, load_toolkit
from macros.translation_io import export_po, import_po, previous_msgid
from macros.yaml_positions import ContentErrors

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, folder)
    return folder


def test_export_then_import_changes_nothing(content):
    before = {path.name: path.read_bytes() for path in (content / "cy").glob("*.yaml")}
    po = export_po(content)
    import_po(po, content)
    after = {path.name: path.read_bytes() for path in (content / "cy").glob("*.yaml")}
    assert after == before


def test_the_po_file_keys_each_string_by_file_and_id_with_the_english_source(content):
    catalog = read_po(BytesIO(export_po(content)))
    entry = next(m for m in catalog if m.context == "principles.yaml|principle.prevention:name")
    assert entry.id == "Prevention"
    assert entry.string == load_toolkit(content).principle_by_id["principle.prevention"].name.cy


def test_a_translator_can_mark_a_file_reviewed_by_clearing_fuzzy_flags(content):
    catalog = read_po(BytesIO(export_po(content)))
    for message in catalog:
        if message.context and message.context.startswith("sources.yaml|"):
            message.flags.discard("fuzzy")
    from babel.messages.pofile import write_po

    out = BytesIO()
    write_po(out, catalog, width=0)
    import_po(out.getvalue(), content)
    reviews = load_toolkit(content).translation_reviews
    assert reviews["sources.yaml"] == "reviewed"
    assert reviews["principles.yaml"] == "draft"


def test_an_imported_translation_shows_on_the_welsh_page_text(content):
    catalog = read_po(BytesIO(export_po(content)))
    entry = next(m for m in catalog if m.context == "principles.yaml|principle.prevention:name")
    entry.string = "Atal (wedi'i adolygu)"
    from babel.messages.pofile import write_po

    out = BytesIO()
    write_po(out, catalog, width=0)
    import_po(out.getvalue(), content)
    assert load_toolkit(content).principle_by_id["principle.prevention"].name.cy == "Atal (wedi'i adolygu)"


def change_english(content: Path, file: str, old: str, new: str) -> None:
    source = content / file
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {file} exactly once"
    source.write_text(text.replace(old, new), encoding="utf-8")


# The question's text line, with its id and number so that it is found once (redesign asks it again).
CORE_PURPOSE = (
    "          - id: evaluate.core-purpose\n"
    "            number: Q3\n"
    "            text: What is the core purpose of the service?\n"
)


def test_a_changed_english_makes_its_welsh_outdated_not_a_mistake(content):
    welsh = load_toolkit(content).principle_by_id["principle.prevention"].name.cy
    change_english(content, "principles.yaml", "name: Prevention\n", "name: Prevention first\n")
    toolkit = load_toolkit(content)  # loads: an outdated translation is not a mistake
    name = toolkit.principle_by_id["principle.prevention"].name
    assert (name.en, name.cy) == ("Prevention first", welsh), "the last Welsh is kept"
    assert (name.translation_state("cy"), name.translation_state("en")) == ("outdated", None)
    [notice] = [n for n in toolkit.translation_notices if n.kind == "outdated"]
    assert notice.file.as_posix().endswith("cy/principles.yaml")
    assert notice.field_path == "strings[principle.prevention:name]"
    assert notice.previous_english == "Prevention"
    assert "English has changed" in notice.describe()
    assert notice.line and notice.line > 1
    assert (content / "cy" / "principles.yaml").read_text().splitlines()[notice.line - 1].strip() == (
        "principle.prevention:name:"
    )


def test_unchanged_english_leaves_nothing_outdated(content):
    """Negative control: the real content has no outdated, missing or orphaned Welsh."""
    toolkit = load_toolkit(content)
    assert toolkit.translation_notices == []
    assert toolkit.principle_by_id["principle.prevention"].name.translation_state("cy") is None


def test_strict_mode_makes_an_outdated_translation_a_mistake_naming_it(content, monkeypatch):
    change_english(content, "principles.yaml", "name: Prevention\n", "name: Prevention first\n")
    for strict in ("argument", "environment"):
        if strict == "environment":
            monkeypatch.setenv("TOOLKIT_STRICT_TRANSLATIONS", "1")
        with pytest.raises(ContentErrors) as raised:
            load_toolkit(content, strict_translations=True if strict == "argument" else None)
        [error] = raised.value.errors
        assert error.file.endswith("cy/principles.yaml")
        assert error.field_path == "strings[principle.prevention:name]"
        assert "English has changed" in error.message


def test_a_translation_key_with_no_english_string_is_an_orphan_warning(content):
    file = content / "cy" / "principles.yaml"
    file.write_text(file.read_text() + "  principle.nowhere:name:\n    en: Nowhere\n    cy: Unman\n")
    toolkit = load_toolkit(content, strict_translations=True)  # not a mistake, even in strict mode
    [orphan] = toolkit.translation_notices
    assert (orphan.kind, orphan.key) == ("orphan", "principle.nowhere:name")
    assert "no English string with this key" in orphan.describe()
    listed = macros_command("orphans", "--content-dir", str(content))
    assert listed.returncode == 0, listed.stderr
    assert "principles.yaml: principle.nowhere:name" in listed.stdout


QUESTION_TO_DELETE = (
    "          - id: redesign.enabling-community.learning\n"
    "            text: How can we learn from what's working / not working and share the learning for countywide benefit?\n"
)


def test_deleting_a_question_leaves_orphans_that_do_not_fail_the_check(content):
    change_english(content, "process.yaml", QUESTION_TO_DELETE, "")
    result = check(content, "--strict-translations")  # an unused translation fails not even strict mode
    assert result.returncode == 0, result.stderr
    assert "redesign.enabling-community.learning:text" in result.stderr and "was it deleted?" in result.stderr
    toolkit = load_toolkit(content)
    assert "redesign.enabling-community.learning" not in toolkit.question_by_id
    assert [(n.kind, n.key) for n in toolkit.translation_notices] == [
        ("orphan", "redesign.enabling-community.learning:text")
    ]


def macros_command(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=ROOT, capture_output=True, text=True, env=env)


def check(content: Path, *flags: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return macros_command(str(content), *flags, env=env)


def test_the_check_warns_naming_a_string_with_no_welsh_and_strict_mode_fails(content):
    ui = content / "ui.yaml"
    ui.write_text(ui.read_text() + "  test.new_string: A new button nobody translated\n")
    result = check(content)
    assert result.returncode == 0, result.stderr
    assert "warning:" in result.stderr and "ui.yaml" in result.stderr and "test.new_string" in result.stderr
    assert "no Welsh" in result.stderr
    for strict in (check(content, "--strict-translations"),
                   check(content, env=dict(os.environ, TOOLKIT_STRICT_TRANSLATIONS="1"))):
        assert strict.returncode == 1
        assert "ui:strings[test.new_string]" in strict.stderr and "no Welsh translation" in strict.stderr
    listed = macros_command("untranslated", "--content-dir", str(content))
    assert "ui.yaml: ui:strings[test.new_string] (no Welsh yet)" in listed.stdout


def test_the_check_warns_naming_a_changed_english_string(content):
    change_english(content, "process.yaml", CORE_PURPOSE, CORE_PURPOSE.replace("core purpose", "main purpose"))
    result = check(content)
    assert result.returncode == 0, result.stderr
    assert "cy/process.yaml" in result.stderr and "strings[evaluate.core-purpose:text]" in result.stderr
    assert "English has changed" in result.stderr
    strict = check(content, "--strict-translations")
    assert strict.returncode == 1 and "strings[evaluate.core-purpose:text]" in strict.stderr


def test_the_build_check_passes_the_real_content():
    result = check(DEFAULT_CONTENT_DIR, "--strict-translations")
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower()


# -- the PO file: an outdated translation is fuzzy, with the English it was made from -----------------


def po_entry(po: bytes, context: str):
    return next(m for m in read_po(BytesIO(po)) if m.context == context)


def test_the_po_export_marks_an_outdated_translation_fuzzy_with_the_previous_english(content):
    welsh = load_toolkit(content).question_by_id["evaluate.core-purpose"].text.cy
    change_english(content, "process.yaml", CORE_PURPOSE, CORE_PURPOSE.replace("core purpose", "main purpose"))
    po = export_po(content)
    entry = po_entry(po, "process.yaml|evaluate.core-purpose:text")
    assert entry.id == "What is the main purpose of the service?"
    assert entry.string == welsh
    assert entry.fuzzy
    assert previous_msgid(entry) == "What is the core purpose of the service?"
    text = po.decode("utf-8")
    assert ('#, fuzzy\n#| msgid "What is the core purpose of the service?"\n'
            'msgctxt "process.yaml|evaluate.core-purpose:text"\n'
            'msgid "What is the main purpose of the service?"\n') in text
    # an entry whose English has not changed has no previous msgid
    assert previous_msgid(po_entry(po, "process.yaml|evaluate.data:text")) is None


def test_importing_a_still_fuzzy_entry_keeps_it_outdated_and_clearing_it_updates_it(content):
    change_english(content, "process.yaml", CORE_PURPOSE, CORE_PURPOSE.replace("core purpose", "main purpose"))
    # The translator has not touched it: importing does not pretend the Welsh is up to date.
    import_po(export_po(content), content)
    assert load_toolkit(content).question_by_id["evaluate.core-purpose"].text.translation_state("cy") == "outdated"
    # The translator updates the Welsh and clears the fuzzy flag (Poedit's "needs work" off).
    catalog = read_po(BytesIO(export_po(content)))
    for message in catalog:
        if message.context == "process.yaml|evaluate.core-purpose:text":
            message.string = "Beth yw prif ddiben y gwasanaeth?"
            message.flags.discard("fuzzy")
    from babel.messages.pofile import write_po

    out = BytesIO()
    write_po(out, catalog, width=0, include_previous=True)
    import_po(out.getvalue(), content)
    toolkit = load_toolkit(content)
    text = toolkit.question_by_id["evaluate.core-purpose"].text
    assert (text.cy, text.translation_state("cy")) == ("Beth yw prif ddiben y gwasanaeth?", None)
    assert toolkit.translation_notices == []


def test_export_then_import_keeps_an_outdated_multi_line_translation_outdated(content):
    import_po(export_po(content), content)  # the files as import-po writes them (others may be hand-edited)
    before = {path.name: path.read_bytes() for path in (content / "cy").glob("*.yaml")}
    change_english(content, "process.yaml", "              Sometimes the purpose of a care service is complicated",
                   "              Often the purpose of a care service is complicated")
    po = export_po(content)
    entry = po_entry(po, "process.yaml|evaluate.core-purpose:guidance")
    assert entry.fuzzy and previous_msgid(entry).startswith("Sometimes the purpose of a care service")
    assert "\n" in previous_msgid(entry)
    import_po(po, content)
    after = {path.name: path.read_bytes() for path in (content / "cy").glob("*.yaml")}
    assert after == before, "importing an untouched fuzzy entry must keep the English it was translated from"
    toolkit = load_toolkit(content)
    assert toolkit.question_by_id["evaluate.core-purpose"].guidance.translation_state("cy") == "outdated"
