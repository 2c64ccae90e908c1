"""Build the site atomically: validate content, build into a fresh folder, then swap it into place.

A failed build (a content mistake, a broken page) leaves the previous site/ exactly as it was.
Usage: python tools/build.py [--site-dir site] [--config mkdocs.yml] [--content-dir content]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", content_dir: Path | None = None) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")  # Material's end-of-life banner: see the README
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
    if result.returncode == 0 and (content_dir or ROOT / "content").joinpath("cy").is_dir():
        result = build_language(config, staging, "cy", env)
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


def build_language(config: Path, staging: Path, language: str, env: dict) -> subprocess.CompletedProcess:
    """Build the same pages in `language` into staging/<language>/, from a config inheriting `config`.

    Page text comes from the content in that language (macros read theme.language); the nav's section
    titles are translated through ui.yaml's `nav.*` strings, so no Welsh lives in the config.
    """
    sys.path.insert(0, str(ROOT))
    from mkdocs.utils import yaml_load

    from macros.content import DEFAULT_CONTENT_DIR, load_toolkit

    toolkit = load_toolkit(Path(env.get("TOOLKIT_CONTENT_DIR", DEFAULT_CONTENT_DIR)))
    titles = {
        text.en: text.get(language) for key, text in toolkit.ui.strings.items() if key.startswith("nav.")
    }
    with open(config, encoding="utf-8") as file:
        nav = yaml_load(file).get("nav", [])
    child = {
        "INHERIT": config.name,
        "site_name": toolkit.text("toolkit.name", language),
        "theme": {"language": language},
        "nav": _translate_nav(nav, titles),
    }
    child_config = config.with_name(f".{config.stem}.{language}.{os.getpid()}.yml")
    child_config.write_text(json.dumps(child, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(child_config),
                   "-d", str(staging / language)]
        return subprocess.run(command, cwd=ROOT, env=env)
    finally:
        child_config.unlink(missing_ok=True)


def _translate_nav(nav: list, titles: dict[str, str]) -> list:
    translated = []
    for entry in nav:
        if isinstance(entry, dict):
            (title, value), = entry.items()
            if title not in titles:
                raise SystemExit(f"mkdocs.yml nav title '{title}' has no nav.* string in content/ui.yaml")
            value = _translate_nav(value, titles) if isinstance(value, list) else value
            entry = {titles[title]: value}
        translated.append(entry)
    return translated


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--content-dir", type=Path, default=None)
    args = parser.parse_args()
    return build(args.site_dir, args.config, args.content_dir)


if __name__ == "__main__":
    sys.exit(main())
