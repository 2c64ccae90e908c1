"""Serve the whole toolkit (English and Welsh) at http://127.0.0.1:8000 and rebuild it on every edit.

Each rebuild is the real build (tools/build.py) in a fresh process, so edits to content/, docs/,
overrides/, macros/ (Python included) and mkdocs.yml all take effect; reload the page to see them.
A content mistake is printed and the last good site keeps being served.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import ROOT, build  # noqa: E402
from local_server import serve_directory  # noqa: E402

WATCHED = ["content", "docs", "overrides", "macros", "hooks", "hosting", "mkdocs.yml", "council.yml"]
SITE = ROOT / "site"


def snapshot() -> dict[Path, float]:
    files: dict[Path, float] = {}
    for name in WATCHED:
        path = ROOT / name
        for file in [path] if path.is_file() else path.rglob("*") if path.is_dir() else []:
            if file.is_file() and "__pycache__" not in file.parts:
                files[file] = file.stat().st_mtime
    return files


def main(host: str = "127.0.0.1", port: int = 8000) -> int:
    if build(SITE) != 0 and not SITE.exists():
        return 1
    with serve_directory(SITE, host=host, port=port):
        print(f"Serving the toolkit at http://{host}:{port}/ (Welsh at /cy/). Edits rebuild it; Ctrl+C stops.")
        seen = snapshot()
        try:
            while True:
                time.sleep(1)
                now = snapshot()
                if now != seen:
                    seen = now
                    print("Change seen: rebuilding...", flush=True)
                    print("Rebuilt." if build(SITE) == 0 else "Build failed: still serving the last good site.")
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
