"""apprise in a child process, so a daemon never imports it (``Notifier(..., lean=True)``).

apprise and what it brings (requests, urllib3, asyncio, charset-normalizer) took 6.7 MB of a
daemon's RSS from its first send to its end: a module once imported stays (unloading them was
measured to free nothing). A lean notifier hands each message to a child process instead,
started at a send and stopped ``IDLE`` seconds after the last one; the next send starts another.
The child keeps one apprise service per URL while it lives (apprise's throttle as before) and
sends as ``services.outcome`` does in process. Its log records (apprise's warnings) come back
with each answer and go through this process's loggers: their levels, format and redaction.
Its standard output is this process's (``console://`` prints there).

One JSON line per message on the child's stdin (URLs never on a command line), one JSON line
per answer on a pipe of its own.
A child that cannot start leaves the caller to send in process (``OSError``); one that stops
after reading a message may or may not have sent it: that send fails and is retried later.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from typing import IO, Any

from monitor.models import Message

IDLE = 20.0  # seconds after its last send before the child stops: a delivery pass sends all that is due at once
STOPPED = "stopped"  # the outcome of a send whose child stopped before it answered

log = logging.getLogger(__name__)

_SERVE = "import sys; from monitor.outbox.apart import serve; serve(int(sys.argv[1]))"


def child_env() -> dict[str, str]:
    """This process's environment with monitor's own folder first on PYTHONPATH (a checkout that is not installed)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}


class Apart:
    """Sends through apprise in a child process. ``send`` is safe from any thread (one message at a time)."""

    def __init__(self, idle: float = IDLE):
        self.idle = idle
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None
        self._answers: IO[str] | None = None
        self._timer: threading.Timer | None = None
        self._used = 0.0

    def send(self, url: str, throttle: float, message: Message) -> str:
        """``services.outcome`` of ``message`` to ``url`` in the child, or STOPPED; OSError when no child starts."""
        ask = {
            "url": url,
            "throttle": throttle,
            "title": message.title,
            "body": message.body,
            "format": message.body_format,
            "level": logging.getLogger().getEffectiveLevel(),
        }
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            try:
                answer = self._ask(json.dumps(ask) + "\n")
            finally:
                self._used = time.monotonic()
                self._timer = threading.Timer(self.idle, self._stop_idle)
                self._timer.daemon = True
                self._timer.start()
        if answer is None:
            return STOPPED
        _replay(answer["logs"])
        return str(answer["outcome"])

    def _ask(self, line: str) -> dict[str, Any] | None:
        for _ in range(2):  # a child that stopped before reading the line never saw it: a new one may send it
            child = self._running()
            assert child.stdin is not None and self._answers is not None
            try:
                child.stdin.write(line.encode())
                child.stdin.flush()
            except (BrokenPipeError, OSError):
                self._close()
                continue
            answer = self._answers.readline()
            if not answer:  # stopped after reading it: sent or not, nobody can tell
                self._close()
                log.warning("the process sending through apprise stopped (exit code %s)", child.returncode)
                return None
            found: dict[str, Any] = json.loads(answer)
            return found
        return None

    def _running(self) -> subprocess.Popen[bytes]:
        if self._child is not None and self._child.poll() is None:
            return self._child
        self._close()
        read, write = os.pipe()
        try:
            self._child = subprocess.Popen(
                [sys.executable, "-c", _SERVE, str(write)], stdin=subprocess.PIPE, pass_fds=(write,), env=child_env()
            )
        except BaseException:
            os.close(read)
            raise
        finally:
            os.close(write)
        self._answers = os.fdopen(read, "r", encoding="utf-8")
        return self._child

    def _stop_idle(self) -> None:
        with self._lock:
            if time.monotonic() - self._used >= self.idle - 1.0:  # not a timer a later send has replaced
                self._close()

    def close(self) -> None:
        """Stop the child (it finishes the send it is on). Safe to call twice."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._close()

    def _close(self) -> None:
        child, answers = self._child, self._answers
        self._child = self._answers = None
        if child is not None:
            if child.stdin is not None:
                with contextlib.suppress(OSError):
                    child.stdin.close()  # its loop ends at the end of its input
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        if answers is not None:
            answers.close()


def _replay(records: list[list[Any]]) -> None:
    """The child's log records, through this process's loggers (levels, handlers, redaction)."""
    for name, level, text in records:
        logger = logging.getLogger(name)
        if logger.isEnabledFor(level):
            logger.handle(logger.makeRecord(name, level, __file__, 0, "%s", (text,), None))


class _Caught(logging.Handler):
    """Keeps every record for the next answer."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[list[Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([record.name, record.levelno, record.getMessage()])

    def take(self) -> list[list[Any]]:
        taken, self.records = self.records, []
        return taken


def serve(answers: int) -> None:
    """The child: one answer (``{"outcome", "logs"}``) per message read from stdin, until stdin ends."""
    from monitor.outbox.services import instantiate, outcome

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    caught = _Caught()
    root = logging.getLogger()
    root.addHandler(caught)
    boxes: dict[tuple[str, float], Any] = {}
    with os.fdopen(answers, "w", encoding="utf-8") as out:
        for line in sys.stdin:
            ask = json.loads(line)
            root.setLevel(ask["level"])
            key = (ask["url"], ask["throttle"])
            box = boxes.get(key) or instantiate(*key)
            if box is not None:
                boxes[key] = box
            done = outcome(box, Message(ask["title"], ask["body"], ask["format"]))
            out.write(json.dumps({"outcome": done, "logs": caught.take()}) + "\n")
            out.flush()
