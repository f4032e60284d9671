"""A small real HTTP server for feeds on 127.0.0.1: the demo, the tests and the benchmarks use it.

Serves in-memory documents with ETag and Last-Modified and answers conditional
requests with 304, like a well-behaved publisher. Documents can be replaced
while it runs, and a route can be a function for misbehaving servers.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Handler = Callable[[BaseHTTPRequestHandler], None]


class FeedServer:
    """``with FeedServer() as server: server.put("/a.xml", body); server.url("/a.xml")``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.docs: dict[str, tuple[bytes, str, str, str]] = {}  # path -> body, type, etag, date
        self.routes: dict[str, Handler] = {}
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer((host, port), self._handler_class())
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: bytes | str, content_type: str = "application/rss+xml") -> None:
        data = body.encode() if isinstance(body, str) else body
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        with self._lock:
            old = self.docs.get(path)
            date = old[3] if old and old[2] == etag else formatdate(usegmt=True)
            self.docs[path] = (data, content_type, etag, date)

    def put_dir(self, folder: Path, prefix: str = "/") -> list[str]:
        """Serve every file of ``folder``; returns the paths."""
        paths = []
        for file in sorted(folder.iterdir()):
            if file.suffix in (".xml", ".rss", ".atom"):
                self.put(
                    prefix + file.name,
                    file.read_bytes(),
                    "application/atom+xml" if b"<feed" in file.read_bytes()[:500] else "application/rss+xml",
                )
                paths.append(prefix + file.name)
        return paths

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                with server._lock:
                    server.hits[path] = server.hits.get(path, 0) + 1
                    doc = server.docs.get(path)
                if path in server.routes:
                    server.routes[path](self)
                    return
                if doc is None:
                    self._reply(404, b"not found", "text/plain")
                    return
                body, content_type, etag, date = doc
                if self.headers.get("If-None-Match") == etag or (
                    not self.headers.get("If-None-Match") and self.headers.get("If-Modified-Since") == date
                ):
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._reply(200, body, content_type, {"ETag": etag, "Last-Modified": date})

            def _reply(
                self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the tests and the demo read the daemon's log, not the server's

        return _Handler
