"""Command line for authors and translators.

    python -m macros [content-folder] [--strict-translations]
                                                check the content; name every mistake (run by `make build`),
                                                then warn of outdated, missing and unused Welsh
    python -m macros export-po FILE.po          write every string and its Welsh to a PO file
    python -m macros import-po FILE.po          write content/cy/*.yaml from a translated PO file
    python -m macros untranslated               list every string whose Welsh is missing or outdated
    python -m macros orphans                    list Welsh translations whose English string has gone
"""

import argparse
import sys
from pathlib import Path

from .check import main as check
from .files import DEFAULT_CONTENT_DIR
from .loader import load_toolkit
from .translation_io import export_po, import_po

COMMANDS = ("export-po", "import-po", "untranslated", "orphans")


def run(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        return check(argv)
    parser = argparse.ArgumentParser(prog="python -m macros")
    parser.add_argument("command", choices=COMMANDS)
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--content-dir", type=Path, default=DEFAULT_CONTENT_DIR)
    parser.add_argument("--language", default="cy")
    args = parser.parse_args(argv)
    if args.command in ("export-po", "import-po") and args.file is None:
        parser.error(f"{args.command} needs the PO file's name")
    if args.command == "export-po":
        args.file.write_bytes(export_po(args.content_dir, args.language))
        print(f"Wrote {args.file}")
    elif args.command == "import-po":
        for path in import_po(args.file.read_bytes(), args.content_dir, args.language):
            print(f"Wrote {path}")
        return check([str(args.content_dir)])
    else:
        # Listing is never strict: its point is to show what strict mode would stop on.
        toolkit = load_toolkit(args.content_dir, strict_translations=False)
        kinds = ("orphan",) if args.command == "orphans" else ("missing", "outdated")
        for notice in toolkit.translation_notices:
            if notice.kind in kinds:
                reason = {"missing": "no Welsh yet", "outdated": "outdated: the English has changed",
                          "orphan": f"unused: {notice.source_file} has no such string"}[notice.kind]
                print(f"{notice.source_file}: {notice.key} ({reason}) {notice.file}:{notice.line or ''}".rstrip(":"))
    return 0


sys.exit(run(sys.argv[1:]))
