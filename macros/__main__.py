"""Command line for authors and translators.

    python -m macros [content-folder]            check the content; name every mistake (run by `make build`)
    python -m macros export-po FILE.po          write every string and its Welsh to a PO file
    python -m macros import-po FILE.po          write content/cy/*.yaml from a translated PO file
    python -m macros untranslated               list every string that has no Welsh yet
"""

import argparse
import sys
from pathlib import Path

from .content import DEFAULT_CONTENT_DIR, load_toolkit, main as check
from .translation_io import export_po, import_po, translatable_files

COMMANDS = ("export-po", "import-po", "untranslated")


def run(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        return check(argv)
    parser = argparse.ArgumentParser(prog="python -m macros")
    parser.add_argument("command", choices=COMMANDS)
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--content-dir", type=Path, default=DEFAULT_CONTENT_DIR)
    parser.add_argument("--language", default="cy")
    args = parser.parse_args(argv)
    if args.command == "export-po":
        args.file.write_bytes(export_po(args.content_dir, args.language))
        print(f"Wrote {args.file}")
    elif args.command == "import-po":
        for path in import_po(args.file.read_bytes(), args.content_dir, args.language):
            print(f"Wrote {path}")
        return check([str(args.content_dir)])
    else:
        toolkit = load_toolkit(args.content_dir)
        for name, entries in translatable_files(toolkit).items():
            for key, _, current in entries:
                if not current:
                    print(f"{name}: {key}")
    return 0


sys.exit(run(sys.argv[1:]))
