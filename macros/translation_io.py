"""Export every translatable string to a gettext PO file, and import a translated PO file back.

A council's translation unit can review the whole toolkit in its own tools (PO is read by Poedit,
Trados, memoQ, Weblate, Crowdin...). Each entry's context is `<content file>|<key>`, its msgid the
English and its msgstr the translation. Entries of a file still marked as a draft are flagged `fuzzy`;
a translator clears the flag when they have reviewed the entry. On import, a file whose entries are all
translated and none fuzzy is recorded as `review: reviewed`, otherwise `draft`.

An outdated translation (the English changed since) is exported `fuzzy` with the English it was made
from as its previous msgid (`#| msgid`); imported still fuzzy, it stays outdated (its `en` stays the old
English). Orphaned translations (their English string was deleted) are not exported, so an import drops them.

Export then import, with nothing changed in between, rewrites the translation files byte for byte.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import escape, read_po, unescape, write_po

from . import translations
from .files import CONTENT_FILES, anchor_of
from .loader import load_toolkit
from .toolkit import Toolkit
from .yaml_positions import load_yaml

HEADER = (
    "# Welsh translations of content/{source}, keyed by content id. Written by `python -m macros import-po`;\n"
    "# each entry keeps the English it was translated from, so a change to the English is caught by the build.\n"
)


def translatable_files(toolkit: Toolkit) -> dict[str, list[tuple[str, str, str | None]]]:
    """For each content file: (key, English, current translation or None), in file order."""
    result = {}
    for name in CONTENT_FILES:
        model = toolkit.model_of(name)
        data = toolkit.lines[name].data
        entries = []
        for unit in translations.units(data, model, anchor_of(name)):
            node = data
            for part in unit.path:
                node = node[part]
            current = node.get("cy") if isinstance(node, dict) else None
            entries.append((unit.key, unit.english, current))
        result[name] = entries
    return result


def export_po(content_dir: Path, language: str = "cy") -> bytes:
    """Every string as a PO entry. An outdated translation (its English changed since) is `fuzzy`, with
    the English it was made from as the previous msgid (`#| msgid "..."`), as gettext's msgmerge does."""
    toolkit = load_toolkit(content_dir, strict_translations=False)
    catalog = Catalog(locale=language, project="Social care commissioning toolkit", fuzzy=False)
    previous = {
        (notice.source_file, notice.key): notice.previous_english
        for notice in toolkit.translation_notices
        if notice.kind == "outdated"
    }
    for name, entries in translatable_files(toolkit).items():
        draft = toolkit.translation_reviews.get(name, "draft") == "draft"
        for key, english, current in entries:
            old_english = previous.get((name, key))
            flags = ("fuzzy",) if current and (draft or old_english) else ()
            catalog.add(english, current or "", context=f"{name}|{key}", flags=flags)
    out = BytesIO()
    write_po(out, catalog, width=0, no_location=True)
    text = out.getvalue().decode("utf-8")
    # Babel would write the previous msgid as a comment wrapped at spaces and hyphens, inside its quoted
    # strings; write it as gettext does instead, one `#|` line per line of text, before the entry's msgctxt.
    for (name, key), old_english in previous.items():
        anchor = f'msgctxt {_po_string(f"{name}|{key}")}\n'
        assert text.count(anchor) == 1, anchor
        text = text.replace(anchor, _previous_msgid_lines(old_english) + anchor)
    return text.encode("utf-8")


def _po_string(value: str) -> str:
    return '"' + escape(value)[1:-1] + '"'


def _previous_msgid_lines(english: str) -> str:
    """`#| msgid "..."` for one line of text; `#| msgid ""` then one `#| "..."` per line for several."""
    if "\n" not in english:
        return f"#| msgid {_po_string(english)}\n"
    lines = english.splitlines(keepends=True)
    return '#| msgid ""\n' + "".join(f"#| {_po_string(line)}\n" for line in lines)


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
                m.context.partition("|")[2]: {"en": _translated_from(m).strip(), language: m.string.strip()}
                for m in translated
            },
        }
        path = content_dir / language / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER.format(source=name) + dump_yaml(document), encoding="utf-8")
        written.append(path)
    return written


def _translated_from(message) -> str:
    """The English a translation was made from: while an entry is still fuzzy with a previous msgid, the
    translator has not yet confirmed it against the new English, so it stays outdated; clearing the fuzzy
    flag says the translation matches the current English (msgid)."""
    previous = previous_msgid(message)
    return previous if message.fuzzy and previous else message.id


def previous_msgid(message) -> str | None:
    """The previous msgid (`#| msgid "..."`) of a message read from a PO file, or None.

    Babel writes these lines but reads them back as user comments (`| msgid "..."`), so they are parsed
    here: a `msgid` keyword then quoted strings, continued on further `#|` lines."""
    if message.previous_id:
        previous = message.previous_id
        return previous[0] if isinstance(previous, (list, tuple)) else previous
    parts: list[str] | None = None
    for comment in message.user_comments:
        if not comment.startswith("|"):
            continue
        line = comment[1:].strip()
        keyword = line.split(" ", 1)[0]
        if keyword == "msgid":
            parts = _QUOTED.findall(line)
        elif line.startswith('"') and parts is not None:
            parts += _QUOTED.findall(line)
        elif parts is not None:  # msgid_plural: the previous msgid has ended
            break
    if not parts:
        return None
    return "".join(unescape(part) for part in parts)


# A PO string: one double-quoted part (Babel writes a long previous msgid as several on one `#|` line).
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def _english_order(content_dir: Path, name: str) -> dict[str, int]:
    """Position of each key in the English file, so translation files follow the content's order."""
    loaded = load_yaml(content_dir / name)
    model = CONTENT_FILES[name].model_validate(loaded.data)
    units = translations.units(loaded.data, model, anchor_of(name))
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
