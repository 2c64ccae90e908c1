"""Translations: PO export/import round-trip, stale and unknown keys, the build gate for missing Welsh."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from io import BytesIO

from macros.content import DEFAULT_CONTENT_DIR, load_toolkit
from macros.translation_io import export_po, import_po
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


def test_a_translation_of_english_that_has_since_changed_is_an_error_naming_it(content):
    source = content / "principles.yaml"
    source.write_text(source.read_text().replace("name: Prevention", "name: Prevention first"))
    with pytest.raises(ContentErrors) as raised:
        load_toolkit(content)
    error = raised.value.errors[0]
    assert error.file.endswith("cy/principles.yaml")
    assert error.field_path == "strings[principle.prevention:name]"
    assert "English has changed" in error.message
    assert error.line and error.line > 1


def test_a_translation_key_with_no_english_string_is_an_error(content):
    file = content / "cy" / "principles.yaml"
    file.write_text(file.read_text() + "  principle.nowhere:name:\n    en: Nowhere\n    cy: Unman\n")
    with pytest.raises(ContentErrors) as raised:
        load_toolkit(content)
    assert "no English string with this key" in raised.value.errors[0].message


def check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", str(content)], cwd=ROOT, capture_output=True, text=True)


def test_the_build_check_fails_naming_a_string_with_no_welsh(content):
    ui = content / "ui.yaml"
    ui.write_text(ui.read_text() + "  test.new_string: A new button nobody translated\n")
    result = check(content)
    assert result.returncode == 1
    assert "ui.yaml" in result.stderr and "test.new_string" in result.stderr
    assert "no Welsh" in result.stderr


def test_the_build_check_passes_the_real_content():
    result = check(DEFAULT_CONTENT_DIR)
    assert result.returncode == 0, result.stderr
