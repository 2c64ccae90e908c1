"""Build the site atomically: validate content, build into a fresh folder, then swap it into place.

A failed build (a content mistake, a broken page) leaves the previous site/ exactly as it was.
Usage: python tools/build.py [--site-dir site] [--config mkdocs.yml] [--content-dir content]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", content_dir: Path | None = None) -> int:
    env = dict(os.environ)
    if content_dir is not None:
        env["TOOLKIT_CONTENT_DIR"] = str(content_dir)
    check = [sys.executable, "-m", "macros"] + ([str(content_dir)] if content_dir else [])
    if subprocess.run(check, cwd=ROOT, env=env).returncode != 0:
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(staging)]
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed; {site_dir} was left as it was.", file=sys.stderr)
        return result.returncode
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--content-dir", type=Path, default=None)
    args = parser.parse_args()
    return build(args.site_dir, args.config, args.content_dir)


if __name__ == "__main__":
    sys.exit(main())
