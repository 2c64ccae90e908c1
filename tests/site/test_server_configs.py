"""The generated server configuration, in real nginx and Apache (Debian's packages, installed by `make test`
through tools/ensure-servers.sh), each run on a free 127.0.0.1 port with workers running as www-data.

The servers publish a copy of the built site made the way a web team would (`cp -a`: modes kept), so a
folder the build left unreadable to other users shows up as 403. They must send the policy from the
generated files, refuse to hand out the configuration files, and (Apache) fail loudly without mod_headers.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

SERVER_PATH = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
RUN_AS = "www-data"
START_TIMEOUT = 15  # seconds
# Neither server may hand these out (the snippets are not in the site, but an old copy might be).
CONFIG_FILES = ["/.htaccess", "/_headers", "/web.config", "/nginx-headers.conf", "/apache-headers.conf"]


def server_binary(name: str) -> str:
    path = shutil.which(name, path=SERVER_PATH)
    if not path:
        pytest.fail(
            f"{name} is not installed: run `make test`, which installs Debian's nginx and apache2 "
            "(tools/ensure-servers.sh)."
        )
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running(command: list[str], port: int, log: Path) -> Iterator[str]:
    """Run a server in the foreground until the block ends; yields its base URL once it accepts."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"{command[0]} stopped (exit {process.returncode}):\n{log_text(log)}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"{command[0]} did not answer on 127.0.0.1:{port}:\n{log_text(log)}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def log_text(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.is_file() else "(no log)"


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only, never a proxy


def fetch(url: str) -> tuple[int, dict[str, str]]:
    try:
        with OPENER.open(url, timeout=10) as response:
            response.read()
            return response.status, dict(response.headers.items())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items())


def generated_policy(site_root: Path) -> str:
    return re.search(r"^  Content-Security-Policy: (.*)$", (site_root / "_headers").read_text(), re.M).group(1)


@pytest.fixture(scope="module")
def published(site) -> Iterator[Path]:
    """The site and its server-config/ copied as `cp -a` would (modes kept) into a folder anyone can enter."""
    base = Path(tempfile.mkdtemp(prefix="toolkit-servers-"))
    try:
        os.chmod(base, 0o755)
        shutil.copytree(site.root, base / "site", symlinks=True)  # copy2 + copystat: modes are kept
        shutil.copytree(site.root.parent / "server-config", base / "server-config")
        (base / "run").mkdir()
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_the_server_snippets_are_beside_the_site_not_in_it(site):
    """Nothing a content publisher can write is included by the server's configuration."""
    server_config = site.root.parent / "server-config"
    for name in ("nginx-headers.conf", "apache-headers.conf"):
        assert (server_config / name).is_file(), name
        assert not list(site.root.rglob(name)), f"{name} is in the published folder"
    assert not (site.root / ".server-config").exists()
    for name in ("_headers", ".htaccess", "web.config"):
        assert (site.root / name).is_file(), name
    nginx = (server_config / "nginx-headers.conf").read_text()
    assert "include this file again inside every such location" in nginx.replace("\n# ", " ").lower()


# -- Apache -------------------------------------------------------------------------------------------


def apache_config(published: Path, port: int, *, mod_headers: bool, allow_override: str = "FileInfo", extra: str = "") -> Path:
    run = published / "run"
    site = published / "site"
    modules = ["mpm_event", "authz_core", "mime", "dir", "alias"] + (["headers"] if mod_headers else [])
    text = "\n".join(
        [f"LoadModule {name}_module {APACHE_MODULES}/mod_{name}.so" for name in modules]
        + [
            "ServerName 127.0.0.1",
            f"Listen 127.0.0.1:{port}",
            f"PidFile {run}/apache.pid",
            f"DefaultRuntimeDir {run}",
            f"ErrorLog {run}/apache-error.log",
            "LogLevel warn",
            f"User {RUN_AS}",
            f"Group {RUN_AS}",
            "StartServers 1",
            "ServerLimit 1",
            "ThreadsPerChild 4",
            "MaxRequestWorkers 4",
            "TypesConfig /etc/mime.types",
            "DirectoryIndex index.html",
            "AccessFileName .htaccess",
            f'DocumentRoot "{site}"',
            '<Directory "/">',
            "    AllowOverride None",
            "    Require all denied",
            "</Directory>",
            f'<Directory "{site}">',
            f"    AllowOverride {allow_override}",
            "    Require all granted",
            "</Directory>",
            extra,
        ]
    )
    config = run / f"apache-{port}.conf"
    config.write_text(text + "\n", encoding="utf-8")
    return config


def apache_check(config: Path) -> subprocess.CompletedProcess:
    return subprocess.run([server_binary("apache2"), "-t", "-f", str(config)], capture_output=True, text=True, timeout=60)


@contextmanager
def apache(published: Path, **options) -> Iterator[str]:
    port = free_port()
    config = apache_config(published, port, **options)
    check = apache_check(config)
    assert check.returncode == 0, check.stderr
    with running([server_binary("apache2"), "-f", str(config), "-DFOREGROUND"], port, published / "run" / "apache-error.log") as url:
        yield url


@pytest.mark.parametrize("snippet", ["apache-headers.conf", ".htaccess"])
def test_apache_config_check_passes_with_mod_headers_and_fails_without(published, snippet):
    """No <IfModule mod_headers.c>: a server without mod_headers refuses the configuration."""
    path = published / ("server-config" if snippet == "apache-headers.conf" else "site") / snippet
    include = f"Include {path}" if snippet == "apache-headers.conf" else f'<Directory "{published / "site"}">\nInclude {path}\n</Directory>'
    with_module = apache_check(apache_config(published, free_port(), mod_headers=True, extra=include))
    assert with_module.returncode == 0, with_module.stderr
    without = apache_check(apache_config(published, free_port(), mod_headers=False, extra=include))
    assert without.returncode != 0, f"{snippet} is accepted by an Apache without mod_headers"
    assert "Header" in without.stderr


def assert_serves_the_site_with_the_policy(url: str, published: Path):
    policy = generated_policy(published / "site")
    for path in ("/", "/index.html", "/process/evaluate.html", "/cy/index.html", "/assets/toolkit.css"):
        status, headers = fetch(url + path)
        assert status == 200, f"{path}: {status} (the {RUN_AS} user cannot read the site?)"
        assert headers.get("Content-Security-Policy") == policy, path
        assert headers.get("X-Content-Type-Options") == "nosniff", path


def assert_config_files_are_not_served(url: str):
    for path in CONFIG_FILES:
        status, _ = fetch(url + path)
        assert status in (403, 404), f"{path} was served ({status})"


def test_apache_reading_htaccess_serves_the_policy_and_hides_the_config_files(published):
    with apache(published, mod_headers=True, allow_override="FileInfo") as url:
        assert_serves_the_site_with_the_policy(url, published)
        assert_config_files_are_not_served(url)


def test_apache_with_the_vhost_snippet_serves_the_policy_and_hides_the_config_files(published):
    include = f"Include {published / 'server-config' / 'apache-headers.conf'}"
    with apache(published, mod_headers=True, allow_override="None", extra=include) as url:
        assert_serves_the_site_with_the_policy(url, published)
        assert_config_files_are_not_served(url)


def test_apache_without_mod_headers_answers_500_rather_than_pages_without_the_policy(published):
    with apache(published, mod_headers=False, allow_override="FileInfo") as url:
        status, headers = fetch(url + "/index.html")
        assert status == 500, f"served {status} without the policy"
        assert "Content-Security-Policy" not in headers


# -- nginx --------------------------------------------------------------------------------------------


def nginx_config(published: Path, port: int) -> Path:
    run = published / "run"
    snippet = published / "server-config" / "nginx-headers.conf"
    text = f"""
user {RUN_AS};
worker_processes 1;
daemon off;
master_process on;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {run}/client_body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {published / "site"};
        index index.html;
        include {snippet};
        # a location with its own add_header that includes the snippet again, as the guide says
        location /assets/ {{
            add_header Cache-Control "public, max-age=3600" always;
            include {snippet};
        }}
        # a location with its own add_header that forgets to: nginx drops the policy there
        location /search/ {{
            add_header Cache-Control "no-cache" always;
        }}
    }}
}}
"""
    config = run / f"nginx-{port}.conf"
    config.write_text(text, encoding="utf-8")
    return config


def nginx_command(published: Path, config: Path, *options: str) -> list[str]:
    run = published / "run"
    return [server_binary("nginx"), "-p", str(run), "-e", str(run / "nginx-error.log"), "-c", str(config), *options]


@pytest.fixture(scope="module")
def nginx_url(published) -> Iterator[str]:
    port = free_port()
    config = nginx_config(published, port)
    check = subprocess.run(nginx_command(published, config, "-t"), capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stderr
    with running(nginx_command(published, config), port, published / "run" / "nginx-error.log") as url:
        yield url


def test_nginx_serves_the_site_with_the_policy(nginx_url, published):
    assert_serves_the_site_with_the_policy(nginx_url, published)


def test_nginx_workers_cannot_read_a_folder_only_its_owner_may(nginx_url, published):
    """Control: the server really reads the site as another user, so a 0700 folder is refused."""
    private = published / "site" / "private-probe"
    private.mkdir(mode=0o700)
    try:
        private.chmod(0o700)
        (private / "index.html").write_text("<!doctype html><title>probe</title>", encoding="utf-8")
        (private / "index.html").chmod(0o644)
        status, _ = fetch(nginx_url + "/private-probe/index.html")
        assert status == 403
    finally:
        shutil.rmtree(private)


def test_nginx_does_not_serve_the_config_files(nginx_url):
    assert_config_files_are_not_served(nginx_url)
    status, _ = fetch(nginx_url + "/process/evaluate.html")
    assert status == 200  # control: the rule hides only those names


def test_nginx_location_with_its_own_add_header_keeps_the_policy_by_including_the_snippet(nginx_url, published):
    policy = generated_policy(published / "site")
    status, headers = fetch(nginx_url + "/assets/embed/early.js")
    assert status == 200
    assert headers.get("Cache-Control") == "public, max-age=3600"
    assert headers.get("Content-Security-Policy") == policy
    # control: the inheritance rule the snippet and the guide warn about is real
    status, headers = fetch(nginx_url + "/search/search_index.json")
    assert status == 200 and headers.get("Cache-Control") == "no-cache"
    assert "Content-Security-Policy" not in headers
