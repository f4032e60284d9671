"""Real parts for tests: a feed server, a JSON (chat-style) receiver and an SMTP server,
all on 127.0.0.1, and helpers to write configs and run the real CLI."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from aiosmtpd.controller import Controller
from hypothesis import settings

from monitor.demo.feedserver import FeedServer

if TYPE_CHECKING:
    from monitor.rules import RuleSet

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent

# Hypothesis: "ci" checks the same examples on every run (a failure reproduces from the log)
# and has no deadline (a loaded 2-core runner must not turn slowness into a failure);
# "dev" (a local run) explores new examples each time. CI sets $CI; HYPOTHESIS_PROFILE overrides.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
# benchmarks/mutation.py: every property test runs once per mutant, so fewer examples.
settings.register_profile("mutation", derandomize=True, deadline=None, max_examples=15)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


@contextmanager
def reserved_port() -> Iterator[int]:
    """A port on 127.0.0.1 that stays ours until the block ends.

    The socket is bound with SO_REUSEADDR and never listens: the kernel hands the port to no
    one else (bind(0) skips it, a plain bind fails), while a server that sets SO_REUSEADDR
    (http.server, wsgiref, asyncio, aiosmtpd) can still bind and listen on it. Closing a probe
    socket and hoping the port stays free until a child binds it was a race.
    """
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


@pytest.fixture
def listen_port() -> Iterator[int]:
    """A reserved port (``reserved_port``) for a child process to listen on, held for the test."""
    with reserved_port() as port:
        yield port


@contextmanager
def refused_port() -> Iterator[int]:
    """A port on 127.0.0.1 where a connection is refused: bound (so no one else takes it), never listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


def recent(hours: float = 1.0) -> datetime:
    return datetime.now(UTC) - timedelta(hours=hours)


def fill_dates(text: str, when: datetime) -> str:
    """Test feeds carry {recent} (RFC 822) and {recent_atom} (RFC 3339) placeholders."""
    return text.replace("{recent}", when.strftime("%a, %d %b %Y %H:%M:%S +0000")).replace(
        "{recent_atom}", when.isoformat(timespec="seconds")
    )


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


def serve_outlets(
    server: FeedServer, names: tuple[str, ...] = ("outlet-a", "outlet-b", "outlet-c"), when: datetime | None = None
) -> list[str]:
    """Serve tests/data/feeds/NAME.xml with fresh dates; returns their URLs."""
    when = when or recent()
    urls = []
    for name in names:
        text = fill_dates((DATA / "feeds" / f"{name}.xml").read_text(), when)
        server.put(f"/{name}.xml", text)
        urls.append(server.url(f"/{name}.xml"))
    return urls


@dataclass
class JsonReceiver:
    """A chat-style webhook: collects apprise json:// posts; ``fail`` makes it answer 503.

    ``delay`` makes it slow: a post is recorded (accepted) first, answered ``delay`` seconds later.
    """

    port: int
    received: list[dict] = field(default_factory=list)
    attempts: int = 0  # every POST, accepted or refused
    fail: bool = False
    delay: float = 0.0
    httpd: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.port}/hook"

    def titles(self) -> list[str]:
        return [m.get("title", "") for m in self.received]


@contextmanager
def serve_json_receiver() -> Iterator[JsonReceiver]:
    """A JsonReceiver on a free port for the duration of the block."""
    receiver = JsonReceiver(port=0)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            receiver.attempts += 1
            if receiver.fail:
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            receiver.received.append(json.loads(body))
            if receiver.delay:
                time.sleep(receiver.delay)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # the kernel picks the port: no race
    receiver.port = int(httpd.server_address[1])
    receiver.httpd = httpd
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def json_receiver() -> Iterator[JsonReceiver]:
    with serve_json_receiver() as receiver:
        yield receiver


@dataclass
class SmtpSink:
    port: int
    messages: list[Message] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"mailto://127.0.0.1:{self.port}?to=ops@example.com&from=monitor@example.com&mode=insecure"

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(message_from_bytes(envelope.content))  # type: ignore[attr-defined]
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[SmtpSink]:
    with reserved_port() as port:
        sink = SmtpSink(port=port)
        controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
        controller.start()
        yield sink
        controller.stop()


def write_config(
    folder: Path,
    feed_urls: list[str],
    urls: list[str],
    *,
    rules: str | None = None,
    extra: str = "",
    targets: dict[str, list[str]] | None = None,
) -> Path:
    """A config in ``folder`` with the project's rules (or ``rules`` as a rule file's text).

    A test about something other than rules passes a one-term rule (``delivery_support.ZEBRA_RULE``):
    the project's rules check their golden examples at every load, about 10 CPU-s per ``check``
    or first ``run`` (langid's model, a compiled matcher per example).
    """
    rules_path = ROOT / "rules"
    if rules is not None:
        rules_dir = folder / "rules"
        rules_dir.mkdir(exist_ok=True)
        (rules_dir / "test.yaml").write_text(rules)
        rules_path = rules_dir
    lines = [
        "[storage]",
        'path = "state.db"',
        "[rules]",
        f'paths = ["{rules_path}"]',
        "[notify]",
        f"urls = {json.dumps(urls)}",
    ]
    for name, target_urls in (targets or {}).items():
        lines += [f"[notify.targets.{name}]", f"urls = {json.dumps(target_urls)}"]
    lines.append(extra)
    for url in feed_urls:
        name = url.rsplit("/", 1)[-1].removesuffix(".xml").replace("-", " ").title()
        lines += ["[[feeds]]", f'url = "{url}"', f'name = "{name}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)  # it holds notification URLs: `check` warns when others can read it
    return path


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real ``monitor`` command in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args], capture_output=True, text=True, timeout=timeout, cwd="/"
    )


@pytest.fixture(scope="session")
def eval_rules() -> RuleSet:
    """The rule-precision evaluation's rules, loaded once for the rounds' tests (imported here, at first use, so
    that a session without them does not load the rule engine)."""
    from monitor import rules

    return rules.RuleSet(rules.load_rules([DATA / "rules_eval" / "rules"]))


@pytest.fixture(scope="module")
def negation_rule(tmp_path_factory) -> RuleSet:
    """A rule that fires on any word of the built-in @negation or @hedge: whether a sentence holds a veto word
    (rounds 42 and 44), through the real loader and matcher."""
    from monitor import rules

    folder = tmp_path_factory.mktemp("rules")
    (folder / "neg.yaml").write_text('name: neg\nmatch:\n  any: ["@negation", "@hedge"]\n', encoding="utf-8")
    return rules.RuleSet(rules.load_rules([folder]))
