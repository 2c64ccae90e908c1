"""Pack the built site into a zip that works opened straight from disk (`make offline`).

Usage: python -m tools.offline [--site-dir site] [--output dist/social-care-toolkit.zip]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hosting.offline import pack

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--output", type=Path, default=ROOT / "dist" / "social-care-toolkit.zip")
    args = parser.parse_args()
    try:
        path = pack(args.site_dir, args.output)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Wrote {path}: unzip it and open index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
