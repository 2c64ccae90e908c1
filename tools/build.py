"""Build the site atomically: validate content, build every language into a fresh folder, then swap it in.

English is built at the site root and Welsh under cy/, from the same pages. A failed build (a content
mistake, a broken page) prints why and leaves the previous site/ exactly as it was.
Usage: python -m tools.build [--site-dir site] [--config mkdocs.yml] [--content-dir content] [--strict-translations]
(`python tools/build.py` works too once the project is installed, as `make` does: `pip install -e .`)

Outdated or missing Welsh is a warning (Welsh pages mark it as being updated); --strict-translations, or
TOOLKIT_STRICT_TRANSLATIONS=1, makes it fail the build, for releases and councils whose policy requires it.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import logging
import os
import shutil
import sys
import tempfile
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
OTHER_LANGUAGES = ("cy",)


class BuildError(Exception):
    """A build step failed; the message says why."""


def build(
    site_dir: Path, config: Path = ROOT / "mkdocs.yml", content_dir: Path | None = None, strict_translations: bool = False
) -> int:
    """Check the content, build every language and publish, all in this process; 0 on success.

    The content is loaded once (macros/cache.py) and shared by the check, the hook and the macros of
    every language; a file saved during the build is noticed and read again by the next pass."""
    env = {"NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner: see the README
    if strict_translations:
        env["TOOLKIT_STRICT_TRANSLATIONS"] = "1"  # read by the check and by the macros in every pass
    if content_dir is not None:
        env["TOOLKIT_CONTENT_DIR"] = str(Path(content_dir).resolve())
    with _environment(env):
        from macros.check import main as check

        _forget_file_caches()
        _ask_git_once()
        _list_theme_files_once()
        if check([str(content_dir)] if content_dir else []) != 0:
            return 1
        sys.stdout.flush()
        return _build_checked(Path(site_dir), Path(config).resolve(), content_dir, env)


def _ask_git_once() -> None:
    """mkdocs-macros asks git for 13 facts about the last commit (13 processes) every time a language is
    built, for its `git` variable, which no page uses: ask once per process instead."""
    from mkdocs_macros import context

    if not hasattr(context.get_git_info, "cache_info"):
        context.get_git_info = functools.lru_cache(maxsize=1)(context.get_git_info)


def _list_theme_files_once() -> None:
    """MkDocs lists every file of the theme (Material's 14,000, icons included) and matches each against its
    patterns, for each language, on every build: 15% of a rebuild under `make serve`. List them once per
    process instead, and again only when the set of files in a theme folder outside the installed packages
    (overrides/) changes. The files added are exactly MkDocs' own: its method is run on an empty
    collection and its result replayed, with the same rule (a file in docs/ wins over the theme's)."""
    from mkdocs.structure.files import File, Files

    original = Files.add_files_from_theme
    if getattr(original, "lists_once", False):
        return
    found: dict[tuple, list[tuple[str, str]]] = {}

    def add_files_from_theme(self, env, config) -> None:
        key = (tuple(config.theme.dirs), tuple(config.theme.static_templates), _own_theme_files(config.theme.dirs))
        if key not in found:
            listed = Files([])
            original(listed, env, config)
            found.clear()
            found[key] = [(file.src_uri, file.src_dir) for file in listed]
        for path, folder in found[key]:
            if self.get_file_from_path(path) is None:
                self.append(File(path, folder, config.site_dir, config.use_directory_urls))

    add_files_from_theme.lists_once = True
    add_files_from_theme.original = original
    Files.add_files_from_theme = add_files_from_theme


def _own_theme_files(folders: list[str]) -> tuple[str, ...]:
    """The files in the theme folders that are not an installed package's (the project's overrides/)."""
    installed = tuple(str(Path(path).resolve()) for path in sys.path if "-packages" in path)
    names = []
    for folder in folders:
        if not str(Path(folder).resolve()).startswith(installed):
            names += sorted(str(path) for path in Path(folder).rglob("*") if path.is_file())
    return tuple(names)


def _forget_file_caches() -> None:
    """Empty the caches of files read by a build, which outlive it in a long-lived process (`make serve`
    builds in-process), so an edited file is read again. The content has its own check (macros/cache.py)."""
    from macros import worksheet_config

    worksheet_config.format_limits.cache_clear()  # docs/schemas/worksheet-export-v1.schema.json


def _build_checked(site_dir: Path, config: Path, content_dir: Path | None, env: dict) -> int:
    from hosting.publish import finish

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        _mkdocs(config, staging, env)
        for language in OTHER_LANGUAGES:
            if (content_dir or ROOT / "content").joinpath(language).is_dir():
                build_language(config, staging, language, env)
        try:
            finish(staging, site_dir)  # modes 0755/0644, server-config/ beside the site
        except OSError as error:
            raise BuildError(f"Could not finish the site for publishing: {error}") from None
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


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the length of a build (the hook and the macros read them)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _mkdocs(config: Path, destination: Path, env: dict) -> None:
    """A strict MkDocs build through its Python API, in this process; its log is shown only when it fails,
    so errors are not buried. Any failure inside MkDocs (a warning in strict mode, a macro error, an
    exception in a plugin) becomes a BuildError carrying that log."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    previous = os.getcwd()
    with _captured_log() as log, _environment(env):
        try:
            os.chdir(ROOT)  # as `mkdocs build` run from the project (the privacy plugin's cache is relative)
            cfg = load_config(config_file=str(config), site_dir=str(destination), strict=True)
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(cfg)
            finally:
                cfg.plugins.on_shutdown()
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # noqa: BLE001 - mkdocs-macros stops a failed page with exit()
            if isinstance(error, SystemExit) and error.code in (0, None):
                return
            reason = _reason(error)
            raise BuildError("\n".join(part for part in (log.getvalue().strip(), reason) if part)) from None
        finally:
            os.chdir(previous)


def _reason(error: BaseException) -> str:
    """What MkDocs' command line would say last about a failed build."""
    from mkdocs.exceptions import Abort, ConfigurationError

    if isinstance(error, SystemExit):
        return f"Aborted: a macro failed (exit code {error.code})."
    if isinstance(error, (Abort, ConfigurationError)):
        return str(error)
    # An error in the code (a plugin, the hook, the macros): its traceback, as `mkdocs build` would print.
    return "".join(traceback.format_exception(error)).strip()


@contextmanager
def _captured_log() -> Iterator[io.StringIO]:
    """Collect MkDocs' log (INFO and above, as `mkdocs build` prints it) instead of printing it."""
    logger = logging.getLogger("mkdocs")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    saved = (logger.level, logger.propagate, logger.handlers[:])
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.handlers[:] = [handler]
    try:
        yield stream
    finally:
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        logger.handlers[:] = saved[2]


def build_language(config: Path, staging: Path, language: str, env: dict) -> None:
    """Build the same pages in `language` into staging/<language>/, from a config inheriting `config`.

    Page text comes from the content in that language (macros read theme.language); the nav's section
    titles are translated through ui.yaml's `nav.*` strings, so no Welsh lives in the config.
    """
    from mkdocs.utils import yaml_load

    from macros.cache import cached_toolkit, content_dir_from_environment
    from macros.content import ContentErrors

    with _environment(env):
        try:  # checked before the build began, but a file saved since (make serve) may hold a mistake
            toolkit = cached_toolkit(content_dir_from_environment())
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
