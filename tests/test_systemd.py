"""systemd integration: the sd_notify client and the hardened unit file.

The notifier is tested against a real AF_UNIX datagram socket standing in for
systemd's $NOTIFY_SOCKET. The unit file is checked with Debian's
`systemd-analyze` (package `systemd`); those tests skip only when it is not on
PATH, and CI installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.daemon.systemd import Notifier

UNIT = Path(__file__).resolve().parent.parent / "systemd" / "monitor.service"
MAX_EXPOSURE = 2.0


# --- sd_notify ---------------------------------------------------------------


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    """A bound datagram socket and the $NOTIFY_SOCKET value that reaches it."""
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(5)
        yield sock, str(path)


@pytest.fixture
def abstract_socket() -> Iterator[tuple[socket.socket, str]]:
    name = f"monitor-test-{os.getpid()}-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(5)
        yield sock, "@" + name


def receive(sock: socket.socket) -> list[str]:
    return sock.recv(4096).decode().split("\n")


def test_messages_arrive_on_path_socket(notify_socket: tuple[socket.socket, str]) -> None:
    sock, address = notify_socket
    notifier = Notifier.from_env({"NOTIFY_SOCKET": address})
    assert notifier.enabled

    assert notifier.ready()
    assert receive(sock) == ["READY=1"]
    assert notifier.watchdog()
    assert receive(sock) == ["WATCHDOG=1"]
    assert notifier.status("polling 12 feeds")
    assert receive(sock) == ["STATUS=polling 12 feeds"]
    assert notifier.stopping()
    assert receive(sock) == ["STOPPING=1"]


def test_status_is_kept_on_one_line(notify_socket: tuple[socket.socket, str]) -> None:
    sock, address = notify_socket
    Notifier.from_env({"NOTIFY_SOCKET": address}).status("line one\nREADY=1")
    assert receive(sock) == ["STATUS=line one READY=1"]


def test_reloading_carries_monotonic_timestamp(notify_socket: tuple[socket.socket, str]) -> None:
    sock, address = notify_socket
    before = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
    assert Notifier.from_env({"NOTIFY_SOCKET": address}).reloading()
    after = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
    first, second = receive(sock)
    assert first == "RELOADING=1"
    key, _, value = second.partition("=")
    assert key == "MONOTONIC_USEC"
    assert before <= int(value) <= after


def test_abstract_namespace_socket(abstract_socket: tuple[socket.socket, str]) -> None:
    sock, address = abstract_socket
    notifier = Notifier.from_env({"NOTIFY_SOCKET": address})
    assert notifier.ready()
    assert receive(sock) == ["READY=1"]


def test_reads_os_environ_by_default(notify_socket: tuple[socket.socket, str], monkeypatch: pytest.MonkeyPatch) -> None:
    sock, address = notify_socket
    monkeypatch.setenv("NOTIFY_SOCKET", address)
    assert Notifier.from_env().ready()
    assert receive(sock) == ["READY=1"]


def test_unset_socket_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    for notifier in (Notifier.from_env(), Notifier.from_env({}), Notifier(None), Notifier("")):
        assert not notifier.enabled
        assert not notifier.ready()
        assert not notifier.reloading()
        assert not notifier.watchdog()
        assert not notifier.status("x")
        assert not notifier.stopping()


def test_unsupported_address_is_ignored() -> None:
    notifier = Notifier("relative/path.sock")
    assert not notifier.enabled
    assert not notifier.ready()


def test_send_failure_does_not_raise(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    notifier = Notifier.from_env({"NOTIFY_SOCKET": str(tmp_path / "nobody-listens.sock")})
    assert notifier.enabled
    with caplog.at_level("DEBUG", logger="monitor.daemon.systemd"):
        assert not notifier.ready()
        assert not notifier.watchdog()
    assert "sd_notify" in caplog.text


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, None),
        ({"WATCHDOG_USEC": "60000000"}, 60.0),
        ({"WATCHDOG_USEC": "1500000"}, 1.5),
        ({"WATCHDOG_USEC": "60000000", "WATCHDOG_PID": str(os.getpid())}, 60.0),
        ({"WATCHDOG_USEC": "60000000", "WATCHDOG_PID": str(os.getpid() + 1)}, None),
        ({"WATCHDOG_USEC": "60000000", "WATCHDOG_PID": "garbage"}, None),
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "-5"}, None),
        ({"WATCHDOG_USEC": "sixty"}, None),
        ({"WATCHDOG_USEC": ""}, None),
    ],
)
def test_watchdog_interval(env: dict[str, str], expected: float | None) -> None:
    assert Notifier.from_env(env).watchdog_interval() == expected


def test_watchdog_interval_from_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    assert Notifier.from_env().watchdog_interval() == 30.0


# --- the unit file --------------------------------------------------------------

SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
needs_systemd_analyze = pytest.mark.skipif(
    SYSTEMD_ANALYZE is None,
    reason="systemd-analyze is not on PATH (Debian: apt-get install -y systemd)",
)


def unit_setting(key: str) -> list[str]:
    prefix = key + "="
    return [line[len(prefix) :] for line in UNIT.read_text().splitlines() if line.startswith(prefix)]


def test_unit_has_the_required_settings() -> None:
    assert unit_setting("Type") == ["notify"]
    assert unit_setting("NotifyAccess") == ["main"]
    assert unit_setting("WatchdogSec") == ["60"]
    assert unit_setting("ExecStart") == ["/opt/monitor/.venv/bin/monitor --config /etc/monitor/config.toml run"]
    assert unit_setting("ExecReload") == ["/bin/kill -HUP $MAINPID"]
    assert unit_setting("Restart") == ["on-failure"]
    assert unit_setting("StateDirectory") == ["monitor"]
    assert unit_setting("DynamicUser") == ["yes"]
    assert "PYTHONUNBUFFERED=1" in unit_setting("Environment")
    assert unit_setting("IPAddressDeny") == []  # it must reach feeds anywhere


@pytest.fixture
def verifiable_unit(tmp_path: Path) -> Path:
    """The unit, with ExecStart pointing at an executable that exists here.

    `systemd-analyze verify` fails when the ExecStart binary is missing, and
    /opt/monitor/.venv/bin/monitor only exists on an installed host.
    """
    text = UNIT.read_text()
    fake = text.replace("ExecStart=/opt/monitor/.venv/bin/monitor ", f"ExecStart={sys.executable} ")
    assert fake != text
    unit = tmp_path / "monitor.service"
    unit.write_text(fake)
    return unit


def run_analyze(*args: str) -> subprocess.CompletedProcess[str]:
    assert SYSTEMD_ANALYZE is not None
    env = {**os.environ, "SYSTEMD_COLORS": "0", "SYSTEMD_PAGER": "", "LC_ALL": "C.UTF-8"}
    return subprocess.run([SYSTEMD_ANALYZE, *args], capture_output=True, text=True, env=env, timeout=120)


@needs_systemd_analyze
def test_systemd_analyze_verify(verifiable_unit: Path) -> None:
    result = run_analyze("verify", str(verifiable_unit))
    assert result.returncode == 0, result.stderr
    # verify only warns (exit 0) about unknown keys or bad values: treat any
    # message about our unit as a failure.
    complaints = [line for line in (result.stdout + result.stderr).splitlines() if "monitor.service" in line]
    assert complaints == []


@needs_systemd_analyze
def test_systemd_analyze_security_exposure(verifiable_unit: Path) -> None:
    result = run_analyze("security", "--offline=yes", str(verifiable_unit))
    assert result.returncode == 0, result.stderr
    match = re.search(r"Overall exposure level for monitor\.service:\s*([0-9.]+)\s+(\S+)", result.stdout)
    assert match, result.stdout + result.stderr
    exposure, rating = float(match.group(1)), match.group(2)
    assert exposure <= MAX_EXPOSURE, result.stdout
    assert rating == "OK", result.stdout
