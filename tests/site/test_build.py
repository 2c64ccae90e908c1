"""`make build` (tools/build.py): a content mistake or a broken page stops the build with a message naming
what is wrong, and the previous site/ is left exactly as it was; a good build replaces it whole.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fixtures.bad_content import ALL_CASES, EXPECTED, described, make_content
from conftest import ROOT, build_site

OLD_SITE = {
    "index.html": b"<p>The site as it was before.</p>",
    "marker.txt": b"left by the previous build",
    "process/evaluate.html": b"<p>An old page.</p>",
}


def previous_site(parent: Path) -> Path:
    """A site folder holding a previous build (with a marker file), alone in `parent`."""
    site = parent / "site"
    for name, data in OLD_SITE.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    return site


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (as None), by path: equal snapshots mean an untouched folder."""
    return {
        str(path.relative_to(folder)): (path.read_bytes() if path.is_file() else None)
        for path in sorted(folder.rglob("*"))
    }


def assert_left_as_it_was(site: Path) -> None:
    assert snapshot(site) == snapshot_of_old_site(), "the previous site was changed by a failed build"
    leftovers = sorted(path.name for path in site.parent.iterdir() if path != site)
    assert not leftovers, f"a failed build left {leftovers} beside the site"


def snapshot_of_old_site() -> dict[str, bytes | None]:
    expected: dict[str, bytes | None] = {"process": None}
    expected.update(OLD_SITE)
    return dict(sorted(expected.items()))


def test_the_old_site_fixture_snapshot_is_what_was_written(tmp_path):
    assert snapshot(previous_site(tmp_path)) == snapshot_of_old_site()


# -- content mistakes: stopped by the check `make build` runs first ------------------------------------------


@pytest.mark.parametrize("case", ALL_CASES)
def test_content_mistake_stops_the_build_naming_file_line_and_field(case, tmp_path, capsys):
    """Each mistake, through the build itself (tools/build.py's `build`, in this process: the command
    line around it is the same for every case, and is run once below)."""
    from tools import build

    content = make_content(case, tmp_path / "project")
    site = previous_site(tmp_path / "out")
    assert build.build(site, content_dir=content) != 0
    stderr = capsys.readouterr().err
    assert "the site was not built" in stderr
    for mistake in EXPECTED[case]:
        assert described(mistake, content) in stderr
    assert "Traceback" not in stderr
    assert_left_as_it_was(site)


def test_a_content_mistake_stops_the_build_command(tmp_path):
    """The command `make build` runs (python -m tools.build), as a process: exit status and message."""
    case = ALL_CASES[0]
    content = make_content(case, tmp_path / "project")
    site = previous_site(tmp_path / "out")
    result = build_site(site, content_dir=content)
    assert result.returncode == 1
    assert "the site was not built" in result.stderr
    for mistake in EXPECTED[case]:
        assert described(mistake, content) in result.stderr
    assert "Traceback" not in result.stderr
    assert_left_as_it_was(site)


# -- a page that fails after the content is valid ------------------------------------------------------------


def project_copy(folder: Path) -> Path:
    """The project with its own copy of mkdocs.yml and docs/ (everything else linked): returns the config."""
    folder.mkdir()
    for entry in ROOT.iterdir():
        if entry.name in {"docs", "mkdocs.yml", "site"} or entry.name.startswith("."):
            continue
        (folder / entry.name).symlink_to(entry)
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder / "mkdocs.yml"


@pytest.fixture(scope="module")
def page_with_unknown_id(tmp_path_factory):
    """A build whose deliver page asks for a step that does not exist: valid content, broken page."""
    tmp = tmp_path_factory.mktemp("broken-page")
    config = project_copy(tmp / "project")
    page = config.parent / "docs" / "process" / "deliver.md"
    text = page.read_text(encoding="utf-8")
    assert '"deliver"' in text
    page.write_text(text.replace('"deliver"', '"delivr"'), encoding="utf-8")
    site = previous_site(tmp / "out")
    return site, build_site(site, config=config)


def test_a_broken_page_stops_the_build_after_the_content_check(page_with_unknown_id):
    _, result = page_with_unknown_id
    assert "Content OK" in result.stdout  # the content passed; the page failed
    assert result.returncode != 0
    assert "was left as it was" in result.stderr


def test_a_broken_page_leaves_the_old_site_untouched(page_with_unknown_id):
    site, _ = page_with_unknown_id
    assert_left_as_it_was(site)


def test_a_broken_page_is_named_in_the_message(page_with_unknown_id):
    _, result = page_with_unknown_id
    assert "with id 'delivr' in content/" in result.stderr


def test_a_failure_in_the_welsh_build_leaves_the_old_site_untouched(tmp_path):
    config = project_copy(tmp_path / "project")
    text = config.read_text(encoding="utf-8")
    assert "\n  - Big Ideas:\n" in text
    config.write_text(text.replace("\n  - Big Ideas:\n", "\n  - Big Ideas, renamed:\n"), encoding="utf-8")
    site = previous_site(tmp_path / "out")
    result = build_site(site, config=config)
    assert result.returncode != 0
    assert "'Big Ideas, renamed' has no nav.* string" in result.stderr
    assert snapshot(site) == snapshot_of_old_site()
    staging = sorted(path.name for path in site.parent.iterdir() if path != site)
    assert staging == [], f"the failed build left {staging} behind"


# -- a good build --------------------------------------------------------------------------------------------


def test_a_good_build_replaces_the_old_site_whole(tmp_path):
    site = previous_site(tmp_path)
    result = build_site(site)
    assert result.returncode == 0, result.stderr
    assert not (site / "marker.txt").exists()
    assert (site / "index.html").read_bytes() != OLD_SITE["index.html"]
    assert (site / "process" / "evaluate.html").stat().st_size > 1000
    # No staging folder is left behind; the server snippets are written beside the site, never in it.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["server-config", "site"]


# -- one process, one load -----------------------------------------------------------------------------------


def test_a_build_loads_the_content_once_in_one_process(tmp_path, monkeypatch):
    """The check, the hook and the macros of both languages share one loaded toolkit, and MkDocs runs in
    this process (no subprocess is started)."""
    import subprocess

    from macros import cache
    from tools import build

    loads = []
    real_load = cache.load_toolkit

    def counting_load(*args, **kwargs):
        loads.append(args)
        return real_load(*args, **kwargs)

    started = []

    def no_subprocess(*args, **kwargs):  # recorded, as a plugin may swallow the error
        started.append(args)
        raise AssertionError(f"the build started a process: {args}")

    build._ask_git_once()  # mkdocs-macros' `git` variable: asked of git once per process, here before the build
    from mkdocs_macros import context

    context.get_git_info()
    cache.clear()
    monkeypatch.setattr(cache, "load_toolkit", counting_load)
    monkeypatch.setattr(subprocess, "run", no_subprocess)
    monkeypatch.setattr(subprocess, "Popen", no_subprocess)
    assert build.build(tmp_path / "site") == 0
    assert started == [], "the build started processes"
    assert len(loads) == 1, f"the content was loaded {len(loads)} times"
    assert (tmp_path / "site" / "cy" / "process" / "evaluate.html").is_file()


def test_the_theme_files_listed_once_per_process_are_the_ones_mkdocs_lists(tmp_path):
    """tools/build.py lists the theme's files once per process (MkDocs would, per language and build); the
    files added to a build must be MkDocs' own, a page in docs/ still winning over a theme file."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files

    from tools import build

    build._list_theme_files_once()
    cached, original = Files.add_files_from_theme, Files.add_files_from_theme.original
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    env = config.theme.get_env()

    theme_files = Files([])
    original(theme_files, env, config)
    overridden = sorted(file.src_uri for file in theme_files)[0]  # a page of the site with a theme file's path

    def added(method) -> list[tuple[str, str, str]]:
        files = Files([File(overridden, str(tmp_path), config.site_dir, False)])
        method(files, env, config)
        return sorted((file.src_uri, file.abs_src_path, file.dest_uri) for file in files)

    expected = added(original)
    assert len(expected) > 20 and (overridden, str(tmp_path / overridden), overridden) in expected
    assert added(cached) == expected
    assert added(cached) == expected  # the second time, from the list kept
