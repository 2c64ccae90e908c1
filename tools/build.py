"""Build the site atomically: validate content, build every language into a fresh folder, then swap it in.

English is built at the site root and Welsh under cy/, from the same pages. A failed build (a content
mistake, a broken page) prints why and leaves the previous site/ exactly as it was.
Usage: python tools/build.py [--site-dir site] [--config mkdocs.yml] [--content-dir content] [--strict-translations]

Outdated or missing Welsh is a warning (Welsh pages mark it as being updated); --strict-translations, or
TOOLKIT_STRICT_TRANSLATIONS=1, makes it fail the build, for releases and councils whose policy requires it.
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
OTHER_LANGUAGES = ("cy",)


class BuildError(Exception):
    """A build step failed; the message says why."""


def build(
    site_dir: Path, config: Path = ROOT / "mkdocs.yml", content_dir: Path | None = None, strict_translations: bool = False
) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")  # Material's end-of-life banner: see the README
    if strict_translations:
        env["TOOLKIT_STRICT_TRANSLATIONS"] = "1"  # read by the check and by the macros in every pass
    if content_dir is not None:
        env["TOOLKIT_CONTENT_DIR"] = str(content_dir)
    check = [sys.executable, "-m", "macros"] + ([str(content_dir)] if content_dir else [])
    if subprocess.run(check, cwd=ROOT, env=env).returncode != 0:
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        _mkdocs(config, staging, env)
        for language in OTHER_LANGUAGES:
            if (content_dir or ROOT / "content").joinpath(language).is_dir():
                build_language(config, staging, language, env)
        subprocess.run([sys.executable, "-m", "hosting.publish", str(staging), str(site_dir)], cwd=ROOT, env=env, check=True)  # modes 0755/0644, server-config/ beside the site
    except BuildError as error:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"{error}\nBuild failed; {site_dir} was left as it was.", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def _mkdocs(config: Path, destination: Path, env: dict) -> None:
    """Run a strict MkDocs build; its log is shown only when it fails, so errors are not buried."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(destination)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError((result.stdout + result.stderr).strip())


def build_language(config: Path, staging: Path, language: str, env: dict) -> None:
    """Build the same pages in `language` into staging/<language>/, from a config inheriting `config`.

    Page text comes from the content in that language (macros read theme.language); the nav's section
    titles are translated through ui.yaml's `nav.*` strings, so no Welsh lives in the config.
    """
    sys.path.insert(0, str(ROOT))
    from mkdocs.utils import yaml_load

    from macros.content import DEFAULT_CONTENT_DIR, ContentErrors, load_toolkit

    try:  # checked before the build began, but a file saved since (make serve) may hold a mistake
        toolkit = load_toolkit(Path(env.get("TOOLKIT_CONTENT_DIR", DEFAULT_CONTENT_DIR)))
    except ContentErrors as errors:
        raise BuildError(f"Content has {len(errors.errors)} mistake(s):\n{errors}") from None
    titles = {
        text.en: text.get(language) for key, text in toolkit.ui.strings.items() if key.startswith("nav.")
    }
    with open(config, encoding="utf-8") as file:
        nav = yaml_load(file).get("nav", [])
    child = {
        "INHERIT": config.name,
        "theme": {"language": language},
        "nav": _translate_nav(nav, titles),
    }
    child_config = config.with_name(f".{config.stem}.{language}.{os.getpid()}.yml")
    with tempfile.TemporaryDirectory(prefix=f"docs-{language}-") as docs:
        child["docs_dir"] = str(_docs_in_language(config, Path(docs), language))
        child_config.write_text(json.dumps(child, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
        try:
            _mkdocs(child_config, staging / language, env)
        finally:
            child_config.unlink(missing_ok=True)


def _docs_in_language(config: Path, folder: Path, language: str) -> Path:
    """A copy of docs/ where each `page.<language>.md` takes the place of `page.md`.

    Most pages are macro calls only and need no copy; a page of toolkit prose (the deployment guide, the
    accessibility statement) has its translation beside it as `page.cy.md`.
    """
    target = folder / "docs"
    shutil.copytree(config.parent / "docs", target)
    for translated in list(target.rglob(f"*.{language}.md")):
        translated.replace(translated.with_name(translated.name.replace(f".{language}.md", ".md")))
    return target


def _translate_nav(nav: list, titles: dict[str, str]) -> list:
    translated = []
    for entry in nav:
        if isinstance(entry, dict):
            ((title, value),) = entry.items()
            if title not in titles:
                raise BuildError(f"mkdocs.yml: the nav title '{title}' has no nav.* string in content/ui.yaml")
            value = _translate_nav(value, titles) if isinstance(value, list) else value
            entry = {titles[title]: value}
        translated.append(entry)
    return translated


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--content-dir", type=Path, default=None)
    parser.add_argument(
        "--strict-translations", action="store_true",
        help="fail on outdated or missing Welsh (also TOOLKIT_STRICT_TRANSLATIONS=1)",
    )
    args = parser.parse_args()
    return build(args.site_dir, args.config, args.content_dir, strict_translations=args.strict_translations)


if __name__ == "__main__":
    sys.exit(main())
