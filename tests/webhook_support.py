"""A receiving system for signed webhooks, on 127.0.0.1: it verifies each request the way
docs/delivery.md tells receivers to, and processes each idempotency key once."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import reserved_port

from monitor.config import load_config
from monitor.errors import ConfigError

SECRET = "s3cret-for-tests-only"


def verify(secret: bytes, timestamp: str, signature: str, body: bytes) -> bool:
    """The receiver's check, written independently of monitor's code (as docs/delivery.md shows it)."""
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
        return False
    expected = "sha256=" + hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@dataclass
class SignedReceiver:
    """Accepts a verified POST with 200 (``fail``: 503); ``processed`` holds each key's payload once,
    ``deliveries`` every verified request's key, ``rejected`` the requests that failed verification."""

    port: int
    secret: bytes = SECRET.encode()
    processed: dict[str, dict] = field(default_factory=dict)
    deliveries: list[str] = field(default_factory=list)
    rejected: int = 0
    refused: list[str] = field(default_factory=list)  # keys of the requests answered 503 while ``fail``
    fail: bool = False
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/monitor"

    def handle(self, headers: dict[str, str], body: bytes) -> int:
        if self.fail:
            self.refused.append(headers.get("X-Monitor-Delivery", ""))
            return 503
        if not verify(
            self.secret, headers.get("X-Monitor-Timestamp", ""), headers.get("X-Monitor-Signature", ""), body
        ):
            self.rejected += 1
            return 401
        payload = json.loads(body)
        key = payload["idempotency_key"]
        assert headers.get("X-Monitor-Delivery") == key and headers.get("X-Monitor-Event") == payload["type"]
        with self.lock:
            self.deliveries.append(key)
            self.processed.setdefault(key, payload)  # a repeat is acknowledged, not processed again
        if self.delay:
            time.sleep(self.delay)
        return 200


# (method, path, headers, body) -> (status, answer)
Answer = Callable[[str, str, dict[str, str], bytes], tuple[int, bytes]]


@contextmanager
def serve_http(port: int, answer: Answer) -> Iterator[None]:
    """An HTTP server on 127.0.0.1:``port`` answering POST and PUT with ``answer``, for the block."""

    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, text = answer(self.command, self.path, dict(self.headers.items()), body)
            self.send_response(status)
            self.send_header("Content-Length", str(len(text)))
            self.end_headers()
            self.wfile.write(text)

        do_POST = do_PUT = _any

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def serve_signed_receiver() -> Iterator[SignedReceiver]:
    with reserved_port() as port:  # held for the block: an outage can stop and restart the server on it
        receiver = SignedReceiver(port=port)
        with serve_http(receiver.port, lambda method, path, headers, body: (receiver.handle(headers, body), b"")):
            yield receiver


def config_error(folder: Path, line: str) -> str:
    """The ConfigError text of a config whose target ``room`` has ``line`` at line 4."""
    path = folder / "config.toml"
    path.write_text(f'[notify]\nurls = []\n[notify.targets.room]\n{line}\n[[feeds]]\nurl = "https://a.example/f"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return str(caught.value).replace(str(path), "config.toml")


def webhook_target(name: str, url: str, secret_env: str = "MONITOR_TEST_HOOK_SECRET") -> str:
    """The config lines of a target with only a signed webhook."""
    return f'[notify.targets.{name}]\nwebhook = {{ url = "{url}", secret_env = "{secret_env}" }}\n'
