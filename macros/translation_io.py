"""Export every translatable string to a gettext PO file, and import a translated PO file back.

A council's translation unit can review the whole toolkit in its own tools (PO is read by Poedit,
Trados, memoQ, Weblate, Crowdin...). Each entry's context is `<content file>|<key>`, its msgid the
English and its msgstr the translation. Entries of a file still marked as a draft are flagged `fuzzy`;
a translator clears the flag when they have reviewed the entry. On import, a file whose entries are all
translated and none fuzzy is recorded as `review: reviewed`, otherwise `draft`.

Export then import, with nothing changed in between, rewrites the translation files byte for byte.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from . import translations
from .content import CONTENT_FILES, Toolkit, load_toolkit
from .yaml_positions import load_yaml

HEADER = (
    "# Welsh translations of content/{source}, keyed by content id. Written by `python -m macros import-po`;\n"
    "# each entry keeps the English it was translated from, so a change to the English is caught by the build.\n"
)


def translatable_files(toolkit: Toolkit) -> dict[str, list[tuple[str, str, str | None]]]:
    """For each content file: (key, English, current translation or None), in file order."""
    models = {
        "sources.yaml": toolkit.sources,
        "principles.yaml": toolkit.principles,
        "process.yaml": toolkit.process,
        "big-ideas.yaml": toolkit.big_ideas,
        "ui.yaml": toolkit.ui,
        "pages.yaml": toolkit.pages,
    }
    assert set(models) == set(CONTENT_FILES), "a content file is missing from the translation export"
    result = {}
    for name, model in models.items():
        data = toolkit.lines[name].data
        entries = []
        for unit in translations.units(data, model, name.removesuffix(".yaml")):
            node = data
            for part in unit.path:
                node = node[part]
            current = node.get("cy") if isinstance(node, dict) else None
            entries.append((unit.key, unit.english, current))
        result[name] = entries
    return result


def export_po(content_dir: Path, language: str = "cy") -> bytes:
    toolkit = load_toolkit(content_dir)
    catalog = Catalog(locale=language, project="Social care commissioning toolkit", fuzzy=False)
    for name, entries in translatable_files(toolkit).items():
        draft = toolkit.translation_reviews.get(name, "draft") == "draft"
        for key, english, current in entries:
            flags = ("fuzzy",) if draft and current else ()
            catalog.add(english, current or "", context=f"{name}|{key}", flags=flags)
    out = BytesIO()
    write_po(out, catalog, width=0, no_location=True)
    return out.getvalue()


def import_po(po_bytes: bytes, content_dir: Path, language: str = "cy") -> list[Path]:
    """Write content/<language>/<file>.yaml from a PO file; returns the files written."""
    catalog = read_po(BytesIO(po_bytes), locale=language)
    by_file: dict[str, list] = {}
    for message in catalog:
        if not message.id or not message.context:
            continue
        name, _, key = message.context.partition("|")
        by_file.setdefault(name, []).append(message)
    written = []
    for name, messages in by_file.items():
        if name not in CONTENT_FILES:
            raise ValueError(f"the PO file names an unknown content file '{name}'")
        translated = [m for m in messages if m.string]
        reviewed = len(translated) == len(messages) and not any(m.fuzzy for m in messages)
        order = _english_order(content_dir, name)
        translated.sort(key=lambda m: order.get(m.context.partition("|")[2], len(order)))
        document = {
            "language": language,
            "source_file": name,
            "review": "reviewed" if reviewed else "draft",
            "strings": {
                # Stripped: PO tools disagree on trailing newlines, and the build compares text, not spacing.
                m.context.partition("|")[2]: {"en": m.id.strip(), language: m.string.strip()}
                for m in translated
            },
        }
        path = content_dir / language / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER.format(source=name) + dump_yaml(document), encoding="utf-8")
        written.append(path)
    return written


def _english_order(content_dir: Path, name: str) -> dict[str, int]:
    """Position of each key in the English file, so translation files follow the content's order."""
    loaded = load_yaml(content_dir / name)
    model = CONTENT_FILES[name].model_validate(loaded.data)
    units = translations.units(loaded.data, model, name.removesuffix(".yaml"))
    return {unit.key: index for index, unit in enumerate(units)}


def dump_yaml(document: dict) -> str:
    """YAML with multi-line strings as `|` blocks, so translators can read the files too."""

    class Dumper(yaml.SafeDumper):
        pass

    def string(dumper: yaml.SafeDumper, value: str):
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, string)
    return yaml.dump(document, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=110)
