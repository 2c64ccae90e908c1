"""The content is loaded once per build and shared (macros/cache.py), and loaded again when a file changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from macros import cache
from macros.content import ContentErrors

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    cache.clear()
    yield folder
    cache.clear()


def touch_later(file: Path) -> None:
    """A new modification time, whatever the file system's resolution."""
    stat = file.stat()
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_the_same_content_is_loaded_once(content):
    assert cache.cached_toolkit(content) is cache.cached_toolkit(content)


def test_a_changed_file_is_loaded_again(content):
    first = cache.cached_toolkit(content)
    process = content / "process.yaml"
    text = process.read_text(encoding="utf-8")
    question = "  - id: evaluate.core-purpose\n"
    start = text.index(question)
    edited = text[start:].replace("What is the core purpose", "What is the central purpose", 1)
    process.write_text(text[:start] + edited, encoding="utf-8")
    touch_later(process)
    second = cache.cached_toolkit(content)
    assert second is not first
    assert second.question_by_id["evaluate.core-purpose"].text.en == "What is the central purpose of the service?"


def test_a_changed_welsh_file_is_loaded_again(content):
    first = cache.cached_toolkit(content)
    touch_later(content / "cy" / "ui.yaml")
    assert cache.cached_toolkit(content) is not first


def test_strictness_is_part_of_what_is_cached(content):
    assert cache.cached_toolkit(content, strict_translations=False) is not cache.cached_toolkit(
        content, strict_translations=True)


def test_a_mistake_is_not_cached_and_its_fix_is_picked_up(content):
    process = content / "process.yaml"
    good = process.read_text(encoding="utf-8")
    process.write_text(good.replace("            guidance: |", "            guidnce: |", 1), encoding="utf-8")
    with pytest.raises(ContentErrors):
        cache.cached_toolkit(content)
    with pytest.raises(ContentErrors):  # asked again: still read, still wrong
        cache.cached_toolkit(content)
    process.write_text(good, encoding="utf-8")
    touch_later(process)
    assert cache.cached_toolkit(content).question_by_id


def test_current_toolkit_reads_the_folder_from_the_environment(content, monkeypatch):
    monkeypatch.setenv(cache.CONTENT_DIR_VARIABLE, str(content))
    assert cache.current_toolkit().folder == content


# -- compiled templates ------------------------------------------------------------------------------------


def compiles(env, name: str) -> int:
    """How many times Jinja compiles while loading `name` (0 when its code comes from the cache)."""
    count = 0
    real = env.compile

    def counting(*args, **kwargs):
        nonlocal count
        count += 1
        return real(*args, **kwargs)

    env.compile = counting
    env.get_template(name)
    return count


def test_a_template_is_compiled_once_for_every_environment_and_again_when_edited(tmp_path):
    from jinja2 import Environment, FileSystemLoader

    (tmp_path / "page.html").write_text("<p>{{ words }}</p>", encoding="utf-8")
    cache.TEMPLATE_BYTECODE.clear()

    def environment(**options):
        return Environment(loader=FileSystemLoader(str(tmp_path)), bytecode_cache=cache.TEMPLATE_BYTECODE, **options)

    assert compiles(environment(), "page.html") == 1
    assert compiles(environment(), "page.html") == 0  # a second build's environment: compiled code reused
    assert compiles(environment(trim_blocks=True), "page.html") == 1  # other settings: never shared
    (tmp_path / "page.html").write_text("<p>{{ other }}</p>", encoding="utf-8")
    fresh = environment()
    assert compiles(fresh, "page.html") == 1  # edited: compiled again, never served stale
    assert fresh.get_template("page.html").render(other="new") == "<p>new</p>"


def test_compiled_templates_outlive_the_process_and_a_broken_cache_folder_is_ignored(tmp_path):
    from jinja2 import Environment, FileSystemLoader

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ words }}</p>", encoding="utf-8")

    def environment(bytecode):
        return Environment(loader=FileSystemLoader(str(templates)), bytecode_cache=bytecode)

    assert compiles(environment(cache.TemplateBytecode(tmp_path / "cache")), "page.html") == 1
    assert compiles(environment(cache.TemplateBytecode(tmp_path / "cache")), "page.html") == 0  # the next build
    (templates / "page.html").write_text("<p>{{ other }}</p>", encoding="utf-8")
    edited = environment(cache.TemplateBytecode(tmp_path / "cache"))
    assert compiles(edited, "page.html") == 1
    assert edited.get_template("page.html").render(other="new") == "<p>new</p>"
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    broken = environment(cache.TemplateBytecode(tmp_path / "not-a-folder"))
    assert compiles(broken, "page.html") == 1 and broken.get_template("page.html").render(other="x") == "<p>x</p>"
