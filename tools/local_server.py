"""Serve a folder over HTTP on this machine: `make serve`, the tests and the benchmarks all use this."""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files, with no request log (it would bury test and build output) and optional extra headers."""

    extra_headers: dict[str, str] = {}

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


@contextmanager
def serve_directory(
    directory: Path,
    headers: dict[str, str] | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    handler: type[QuietHandler] = QuietHandler,
) -> Iterator[str]:
    """Serve `directory` on `host` (a free port unless one is given); yields the base URL ending in /."""
    handler_class = type("Handler", (handler,), {"extra_headers": dict(headers or {})})
    server = ThreadingHTTPServer((host, port), functools.partial(handler_class, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
