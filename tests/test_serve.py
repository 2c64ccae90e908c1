"""`make serve` (tools/serve.py) survives any mistake saved while it runs, keeps serving the last good site,
and picks up the fix on the next save.

The rebuild step (`rebuild_once`) is tested on a real build of a temporary copy of the content, broken in
several ways: a YAML mistake, a content mistake, a mistake only the Welsh pass finds, a mistake saved while
a build is running (the Welsh pass then loads broken content), and an exception inside the build. Then
tools/serve.py itself is run as a process on a free port.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from tools import serve

ROOT = Path(__file__).resolve().parent.parent

QUESTION = "            text: What is the core purpose of the service?\n"
CHANGED_QUESTION = "            text: What is the central purpose of the service?\n"


def snapshot(site: Path) -> dict[str, str]:
    """Every file of the site and a digest of its bytes."""
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def edit(file: Path, old: str, new: str, count: int = 1) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}"
    file.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A copy of the content and a good site built from it by rebuild_once."""
    folder = tmp_path_factory.mktemp("serve")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    site = folder / "site"
    assert serve.rebuild_once(site, content) is True
    assert (site / "index.html").is_file() and (site / "cy" / "index.html").is_file()
    return content, site


@pytest.fixture
def content_and_site(workspace):
    """The workspace, with the content put back as it was after each test."""
    content, site = workspace
    saved = {path: path.read_bytes() for path in content.rglob("*.yaml")}
    yield content, site
    for path, data in saved.items():
        path.write_bytes(data)


def question_line() -> int:
    """The line of the first question with QUESTION's text in the real process.yaml."""
    return (ROOT / "content" / "process.yaml").read_text(encoding="utf-8").splitlines(keepends=True).index(QUESTION) + 1


def break_yaml(content: Path) -> str:
    edit(content / "process.yaml", QUESTION, QUESTION[1:])  # one space less than the fields around it
    return f"process.yaml:{question_line()}: the indentation here does not line up"


def break_content(content: Path) -> str:
    edit(content / "process.yaml", "            guidance: |", "            guidnce: |")
    return "guidnce': unknown field (is it misspelt?)"


def break_welsh_nav(content: Path) -> str:
    """A mistake only the Welsh pass finds: the nav's titles are matched to ui.yaml's nav.* strings."""
    edit(content / "ui.yaml", "  nav.big-ideas: Big Ideas\n", "  nav.big-ideas: Big ideas\n")
    return "the nav title 'Big Ideas' has no nav.* string"


@pytest.mark.parametrize("mistake", [break_yaml, break_content, break_welsh_nav], ids=lambda f: f.__name__)
def test_a_mistake_fails_the_rebuild_says_so_and_leaves_the_last_good_site(content_and_site, mistake, capfd):
    content, site = content_and_site
    before = snapshot(site)
    expected = mistake(content)
    assert serve.rebuild_once(site, content) is False
    out, err = capfd.readouterr()
    assert expected in out + err
    assert "still serving the last good site" in out
    assert snapshot(site) == before, "the last good site was changed"


def test_a_mistake_saved_during_a_build_that_the_welsh_pass_loads_is_survived(content_and_site, monkeypatch, capfd):
    """The fault in the issue: the content checked good, then a mistake was saved before the Welsh pass."""
    content, site = content_and_site
    before = snapshot(site)
    real_build_language = serve.build_module.build_language

    def save_a_mistake_then_build_welsh(*args, **kwargs):
        break_yaml(content)
        return real_build_language(*args, **kwargs)

    monkeypatch.setattr(serve.build_module, "build_language", save_a_mistake_then_build_welsh)
    assert serve.rebuild_once(site, content) is False
    out, err = capfd.readouterr()
    assert f"process.yaml:{question_line()}: the indentation here does not line up" in out + err
    assert snapshot(site) == before
    assert not list(site.parent.glob(".site-build-*")), "the staging folder was left behind"


@pytest.mark.parametrize(
    "exception",
    [RuntimeError("a template blew up"), SystemExit(2), OSError("disk full")],
    ids=["exception", "system-exit", "os-error"],
)
def test_an_exception_inside_the_build_is_printed_and_survived(content_and_site, monkeypatch, capfd, exception):
    content, site = content_and_site
    before = snapshot(site)

    def raising(*args, **kwargs):
        raise exception

    monkeypatch.setattr(serve.build_module, "_mkdocs", raising)
    assert serve.rebuild_once(site, content) is False
    out, err = capfd.readouterr()
    assert type(exception).__name__ in err and "Traceback" in err
    assert "still serving the last good site" in out
    assert snapshot(site) == before


def test_ctrl_c_during_a_rebuild_still_stops_the_server(content_and_site, monkeypatch):
    content, site = content_and_site

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(serve.build_module, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        serve.rebuild_once(site, content)


def test_the_fix_is_picked_up_by_the_next_rebuild(content_and_site, capfd):
    content, site = content_and_site
    break_yaml(content)
    assert serve.rebuild_once(site, content) is False
    # The fix, with a visible change to the English question.
    edit(content / "process.yaml", QUESTION[1:], CHANGED_QUESTION)
    assert serve.rebuild_once(site, content) is True
    assert "Rebuilt." in capfd.readouterr().out
    assert "What is the central purpose of the service?" in (site / "process" / "evaluate.html").read_text()


# -- tools/serve.py as a process ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Output:
    """The server's output, read line by line on a thread so waiting for a line can time out."""

    def __init__(self, process: subprocess.Popen):
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line)

    def wait_for(self, text: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no {text!r} within {timeout}s; the server printed:\n{''.join(self.seen)}")

    def printed(self) -> str:
        return "".join(self.seen)


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


@contextlib.contextmanager
def running_server(
    arguments: list[str], cwd: Path, stop: signal.Signals = signal.SIGINT
) -> Iterator[tuple[subprocess.Popen, Output, str]]:
    """`python -m tools.serve` with `arguments` on a free port, run from `cwd`, once it says it is serving:
    (the process, its output, its base URL). On leaving, it is sent `stop` (Ctrl+C's SIGINT, or a service
    manager's SIGTERM) and must exit 0. It starts with SIGINT ignored, as a script's background job does."""
    port = free_port()
    command = [sys.executable, "-u", "-m", "tools.serve", "--port", str(port), *arguments]
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=dict(os.environ, PYTHONUNBUFFERED="1"),
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    output = Output(process)
    base = f"http://127.0.0.1:{port}/"
    try:
        output.wait_for(f"Serving the toolkit at {base}", timeout=420)
        yield process, output, base
    finally:
        if process.poll() is None:
            process.send_signal(stop)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    assert process.returncode == 0, output.printed()


def test_the_server_keeps_serving_through_a_mistake_and_serves_the_fix(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    site = tmp_path / "site"
    arguments = ["--interval", "0.3", "--content-dir", str(content), "--site-dir", str(site)]
    with running_server(arguments, ROOT) as (process, output, base):
        status, good = get(base + "process/evaluate.html")
        assert status == 200 and "What is the core purpose of the service?" in good

        time.sleep(1)  # a new modification time, whatever the file system's resolution
        expected = break_yaml(content)
        output.wait_for("Build failed: still serving the last good site", timeout=240)
        assert expected in output.printed()
        assert process.poll() is None, "the server stopped on a mistake"
        assert get(base + "process/evaluate.html") == (200, good)
        assert get(base + "cy/process/evaluate.html")[0] == 200

        edit(content / "process.yaml", QUESTION[1:], CHANGED_QUESTION)
        output.wait_for("Rebuilt.", timeout=420)
        assert process.poll() is None
        status, fixed = get(base + "process/evaluate.html")
        assert status == 200 and "What is the central purpose of the service?" in fixed


# -- Python edits: a fresh process ---------------------------------------------------------------------


def test_changed_names_added_removed_and_modified_files():
    before = {Path("a.yaml"): 1.0, Path("b.py"): 1.0, Path("gone.md"): 1.0}
    after = {Path("a.yaml"): 2.0, Path("b.py"): 1.0, Path("new.html"): 1.0}
    assert serve.changed(before, after) == {Path("a.yaml"), Path("gone.md"), Path("new.html")}
    assert serve.changed(before, dict(before)) == set()


@pytest.mark.parametrize(
    "paths, fresh",
    [
        ({Path("content/process.yaml")}, False),
        ({Path("overrides/main.html"), Path("docs/index.md"), Path("mkdocs.yml")}, False),
        ({Path("macros/pages.py")}, True),
        ({Path("content/ui.yaml"), Path("hosting/csp.py")}, True),
    ],
)
def test_only_a_python_edit_needs_a_fresh_process(paths, fresh):
    assert serve.needs_fresh_process(paths) is fresh


def test_a_python_edit_restarts_the_server_and_takes_effect(tmp_path):
    """Edits to content are built in the running process; an edit to Python restarts it in a fresh process
    (the only way a change to an imported module takes effect), which keeps serving meanwhile."""
    project = tmp_path / "project"
    project.mkdir()
    for entry in ROOT.iterdir():
        if entry.name in {"macros", "tools"}:  # the code this test edits, and the server it runs
            shutil.copytree(entry, project / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        elif entry.name not in {"site", "server-config", "tests", "bench"} and not entry.name.startswith("."):
            (project / entry.name).symlink_to(entry)
    site = tmp_path / "site"
    # Run from the copy, as `python -m tools.serve`: it imports the copy's code, which is what is edited.
    # Stopped as a service manager stops it (SIGTERM); the other process test stops it with Ctrl+C.
    arguments = ["--interval", "0.2", "--site-dir", str(site)]
    with running_server(arguments, project, stop=signal.SIGTERM) as (process, output, base):
        assert "(edited in Python)" not in get(base + "index.html")[1]
        entry = project / "macros" / "__init__.py"
        needle = 'env.conf["site_name"] = renderer.toolkit.text("toolkit.name", language)'
        edit(entry, needle, needle + ' + " (edited in Python)"')
        # (Other Python files may change meanwhile, in the folders the copy links to: any restart will do.)
        output.wait_for("restarting in a fresh process", timeout=300)
        deadline = time.monotonic() + 420
        page = ""
        while "(edited in Python)" not in page and time.monotonic() < deadline:
            time.sleep(0.5)
            try:
                page = get(base + "index.html")[1]
            except OSError:  # the moment between the old process closing the port and the new one opening it
                page = ""
        assert process.poll() is None, "the server stopped instead of restarting"
        assert "(edited in Python)" in page, "the fresh process did not build with the edited Python"
