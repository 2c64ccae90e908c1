"""The saved-file format's limits are written once, in its JSON Schema: the scripts get them from the
build, and the format page (English and Welsh) states the same numbers."""

from __future__ import annotations

import json

from macros.worksheet_config import format_limits


def page_limits(site, path: str) -> dict:
    return site.worksheet_config(path)["limits"]


def test_the_worksheet_pages_carry_the_schemas_limits(site):
    assert page_limits(site, "process/evaluate.html") == format_limits()
    assert page_limits(site, "cy/process/evaluate.html") == format_limits()


def test_the_format_page_states_the_schemas_limits(site):
    limits = format_limits()
    english = site.text("using/export-format.html")
    welsh = site.text("cy/using/export-format.html")
    assert f"larger than {limits['bytes'] // 1048576} MB" in english
    assert f"more than {limits['answers']:,} answers" in english
    assert f"longer than {limits['length']:,} characters" in english
    assert f"longer than {limits['name']} characters" in english
    assert f"fwy na {limits['bytes'] // 1048576} MB" in welsh
    assert f"{limits['length']:,} o nodau" in welsh and f"{limits['name']} o nodau" in welsh


def test_the_whole_assessment_schema_has_the_same_limits_and_is_published(site):
    from macros.worksheet_config import SCHEMA

    v1 = json.loads(SCHEMA.read_text(encoding="utf-8"))
    v2 = json.loads((SCHEMA.parent / "assessment-export-v2.schema.json").read_text(encoding="utf-8"))
    sheet = v2["properties"]["worksheets"]["additionalProperties"]["properties"]
    assert sheet["answers"] == v1["properties"]["answers"]
    assert v2["properties"]["assessment"] == v1["properties"]["assessment"]
    assert v2["x-max-file-bytes"] == v1["x-max-file-bytes"]
    for name in ("worksheet-export-v1.schema.json", "assessment-export-v2.schema.json"):
        assert json.loads((site.root / "schemas" / name).read_text(encoding="utf-8"))["$id"] == name
