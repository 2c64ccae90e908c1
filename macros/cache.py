"""The content, loaded and validated once per build and shared by everything in the process that needs it.

tools/build.py checks the content, then builds English and Welsh in the same process; the check, the
MkDocs hook (hooks/site_hosting.py) and the macros (`define_env`) of each language all ask for the toolkit
here. It is loaded again only when a content file has changed (its modification time or size), so a file
saved half-way through a build is read, and its mistake reported, by the next pass that asks.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

from . import translations
from .blocks import RenderedBlocks
from .files import DEFAULT_CONTENT_DIR
from .loader import load_toolkit
from .render import Renderer
from .toolkit import Toolkit

CONTENT_DIR_VARIABLE = "TOOLKIT_CONTENT_DIR"  # lets the tests build the real site from a copy of the content

_cache: dict[tuple[str, bool], tuple[tuple, Toolkit]] = {}


def content_dir_from_environment() -> Path:
    """The content folder: TOOLKIT_CONTENT_DIR when set, otherwise the project's content/."""
    return Path(os.environ.get(CONTENT_DIR_VARIABLE) or DEFAULT_CONTENT_DIR)


def current_toolkit() -> Toolkit:
    """The toolkit of the build in progress: the content folder and strictness come from the environment."""
    return cached_toolkit(content_dir_from_environment(), translations.strict_from_environment())


def cached_toolkit(folder: Path = DEFAULT_CONTENT_DIR, strict_translations: bool | None = None) -> Toolkit:
    """`load_toolkit(folder, strict_translations)`, reusing the last result while no content file changed.

    Raises ContentErrors as load_toolkit does; a failed load is never cached."""
    strict = translations.strict_from_environment() if strict_translations is None else strict_translations
    key = (str(Path(folder).resolve()), strict)
    stamp = _stamp(Path(folder))  # taken before reading, so a file saved during the load is read again
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    toolkit = load_toolkit(Path(folder), strict_translations=strict)
    _cache.clear()  # one toolkit at a time: a long `make serve` session does not accumulate old ones
    _cache[key] = (stamp, toolkit)
    return toolkit


def clear() -> None:
    """Forget the cached toolkit (the next request loads the content again)."""
    _cache.clear()


def _stamp(folder: Path) -> tuple:
    """Every file under the content folder with its modification time (ns) and size."""
    entries = []
    for path in sorted(folder.rglob("*")):
        try:
            stat = path.stat()
        except OSError:  # deleted while we looked
            continue
        if not path.is_dir():
            entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


class TemplateBytecode(BytecodeCache):
    """Compiled Jinja templates, shared by every Jinja environment of every build (the theme's, once per
    language, and the toolkit's partials'): kept in memory for the life of the process, and on disk in
    `folder` (the project's .cache/jinja/) so the next build, in a new process, does not compile them again.
    Compiling Material's and the toolkit's templates was a third of a build's CPU.

    A template is compiled again when its source changes: Jinja checks each entry against a checksum of
    the source (and the Python version), so an edited template is never served stale. Entries are also keyed
    by the settings that change what a template compiles to, so two environments never share code wrongly.
    The disk copy is only a cache: a folder that cannot be read or written is ignored."""

    def __init__(self, folder: Path | None = None) -> None:
        self._compiled: dict[tuple, bytes] = {}
        self.folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        key = _key(bucket)
        data = self._compiled.get(key)
        if data is None and self.folder is not None:
            try:
                data = self._compiled[key] = self._file(key).read_bytes()
            except OSError:
                return
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored by Jinja when the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        key = _key(bucket)
        data = self._compiled[key] = bucket.bytecode_to_string()
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self._file(key).with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(data)
            partial.replace(self._file(key))  # whole or not at all, even with two builds at once
        except OSError:
            pass

    def _file(self, key: tuple) -> Path:
        return self.folder / (hashlib.sha256(repr(key).encode()).hexdigest() + ".jinja")

    def clear(self) -> None:
        """Forget every compiled template, in memory and on disk."""
        self._compiled.clear()
        if self.folder is not None:
            for path in self.folder.glob("*.jinja"):
                path.unlink(missing_ok=True)


def _key(bucket: Bucket) -> tuple:
    """The template (Jinja's key: its name and file) and the environment settings its code depends on."""
    return (bucket.key, *_settings(bucket.environment))


def compile_strings_once(environment: Environment) -> None:
    """Keep what `environment` compiles from strings for the life of the process.

    mkdocs-macros compiles every page's Markdown as a Jinja template, in a new environment for every
    build and language; the English and Welsh pages share their Markdown, and `make serve` builds the same
    pages again and again. Compiled code depends only on the source and the settings, so it is kept."""
    if getattr(environment.compile, "compiles_once", False):
        return
    original = environment.compile
    settings = _settings(environment)

    def compile(source, name=None, filename=None, raw=False, defer_init=False):
        if not isinstance(source, str):  # a parsed template (Jinja's own calls): nothing to key it by
            return original(source, name, filename, raw, defer_init)
        key = (source, name, filename, raw, defer_init, *settings)
        code = _COMPILED_STRINGS.get(key)
        if code is None:
            if len(_COMPILED_STRINGS) > 5000:  # a long `make serve` session: forget old versions of pages
                _COMPILED_STRINGS.clear()
            code = _COMPILED_STRINGS[key] = original(source, name, filename, raw, defer_init)
        return code

    compile.compiles_once = True
    environment.compile = compile


_COMPILED_STRINGS: dict[tuple, object] = {}


def _settings(env: Environment) -> tuple:
    """The environment settings that change what a template compiles to."""
    settings = tuple(getattr(env, name) for name in (
        "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
        "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
        "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
    ))
    autoescape = "by name" if callable(env.autoescape) else bool(env.autoescape)  # decided when run, or fixed
    return settings, autoescape, tuple(sorted(env.extensions)), env.undefined.__name__


TEMPLATE_BYTECODE = TemplateBytecode(Path(__file__).resolve().parent.parent / ".cache" / "jinja")


def current_renderer() -> Renderer:
    """The renderer of the current toolkit, made once per loaded toolkit and kept across builds and
    languages (it holds nothing about a page), so its partials are compiled and loaded once per process.
    Jinja still checks each partial's file on use, so an edited partial is read again under `make serve`."""
    toolkit = current_toolkit()
    if _renderer.get("toolkit") is not toolkit:
        renderer = Renderer(toolkit)
        renderer.env.bytecode_cache = TEMPLATE_BYTECODE
        _renderer.update(toolkit=toolkit, renderer=renderer)
    return _renderer["renderer"]


_renderer: dict = {}
# Macros' rendered partials, held out of each page's Markdown until hooks/toolkit_pages.py restores them.
RENDERED_BLOCKS = RenderedBlocks()
