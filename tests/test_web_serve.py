"""The console served for real: by the daemon ([web] listen) and by `monitor web`; the [web]
config and its errors; templates a deployment overrides; the playground's save."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import reserved_port, run_cli, write_config

from monitor.config import load_config
from monitor.errors import ConfigError
from monitor.store import InboxFilter
from monitor.web.security import verify_password
from tests.web_support import RULES, Newsroom, newsroom


def wait_for_page(url: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return str(answer.read().decode())
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def outside_address() -> str | None:
    """An address of this machine that is not loopback (None when it has none)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") else address


# --- config ---------------------------------------------------------------------------------


def test_web_config_is_read_with_auth_and_defaults(tmp_path: Path) -> None:
    config = write_config(
        tmp_path, [], [], extra='[web]\nlisten = "0.0.0.0:8470"\ntoken = "a-token-of-24-characters"\nread_only = true\n'
    )
    web = load_config(config).web
    assert web.listen == ("0.0.0.0", 8470) and web.auth and web.read_only
    assert "a-token-of-24-characters" in load_config(config).secrets  # redacted from logs
    assert not load_config(write_config(tmp_path, [], [])).web.listen  # off unless set


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('token = "short"', ":2: [web].token: a token of at least 16 characters"),
        ('users = { ana = "hunter2" }', "user 'ana': not a password hash; make one with: monitor web --hash-password"),
        ('listne = "127.0.0.1:1"', "unknown key 'listne' in [web] (did you mean 'listen'?)"),
        ('templates = "nowhere"', "[web].templates: folder"),
    ],
)
def test_web_config_errors_name_the_line_and_the_fix(tmp_path: Path, lines: str, message: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f"[web]\n{lines}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert message in str(caught.value)
    assert "hunter2" not in str(caught.value)


def test_hash_password_prints_a_hash_users_can_sign_in_with(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "web", "--hash-password"],
        input="pass phrase\npass phrase\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    hashed = done.stdout.strip().splitlines()[-1]
    assert done.returncode == 0 and verify_password("pass phrase", hashed) and "pass phrase" not in done.stdout


# --- served -----------------------------------------------------------------------------------


@pytest.fixture
def standalone(tmp_path: Path) -> Iterator[tuple[Newsroom, int]]:
    """`monitor web` in a child process over a newsroom's database, listening on all addresses."""
    with newsroom(tmp_path) as room, reserved_port() as port:
        config = room.pipeline.runtime.config.path
        with open(tmp_path / "web.log", "w") as log:
            child = subprocess.Popen(
                [sys.executable, "-m", "monitor", "--config", str(config), "web", "--listen", f"0.0.0.0:{port}"],
                stdout=log,
                stderr=log,
            )
        try:
            wait_for_page(f"http://127.0.0.1:{port}/")
            yield room, port
        finally:
            child.send_signal(signal.SIGTERM)
            assert child.wait(timeout=15) == 0, (tmp_path / "web.log").read_text()


def test_monitor_web_serves_loopback_and_refuses_others_without_auth(standalone: tuple[Newsroom, int]) -> None:
    _, port = standalone
    assert "Earthquake hits the coast" in wait_for_page(f"http://127.0.0.1:{port}/")
    address = outside_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address to ask from")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"http://{address}:{port}/", timeout=5)
    assert refused.value.code == 403
    assert "loopback" in refused.value.read().decode()


def test_monitor_web_says_when_its_port_is_taken(tmp_path: Path) -> None:
    config = write_config(tmp_path, [], [], rules=RULES)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cli("--config", str(config), "web", "--listen", f"127.0.0.1:{port}", timeout=60)
    assert done.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_daemon_serves_the_console_and_stops_it(tmp_path: Path, listen_port: int) -> None:
    port = listen_port
    config = write_config(tmp_path, [], [], rules=RULES, extra=f'[web]\nlisten = "127.0.0.1:{port}"\n')
    log = tmp_path / "daemon.log"
    with open(log, "w") as stderr:
        daemon = subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(config), "run"], stderr=stderr)
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}/playground?rule=quake")
        assert "any: [earthquake]" in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/feeds", timeout=5) as answer:
            assert "default-src 'none'" in answer.headers["Content-Security-Policy"]
        started = time.monotonic()
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=15) == 0 and time.monotonic() - started < 10
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
    assert "web console at http://127.0.0.1" in log.read_text() and "Traceback" not in log.read_text()


def test_a_deployment_overrides_a_template(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "mutes.html").write_text(
        '{% extends "base.html" %}{% block main %}Our own mutes{% endblock %}'
    )
    with newsroom(tmp_path) as room:
        client = room.app(templates=tmp_path / "pages").test_client()
        client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
        assert "Our own mutes" in client.get("/mutes").get_data(as_text=True)
        assert "Inbox" in client.get("/").get_data(as_text=True)  # the others stay bundled


# --- playground save ------------------------------------------------------------------------


def _form(room: Newsroom, client: object, text: str, action: str) -> dict[str, str]:
    page = client.get("/playground").get_data(as_text=True)  # type: ignore[attr-defined]
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token
    path = str(room.folder / "rules" / "test.yaml")
    return {"csrf": token.group(1), "path": path, "yaml": text, "action": action, "since": "30d"}


def test_save_writes_a_valid_rule_file_and_reloads(tmp_path: Path) -> None:
    with newsroom(tmp_path) as room:
        client = room.app().test_client()
        client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
        edited = RULES.replace("[earthquake]", "[earthquake, stocks]")
        answer = client.post("/playground", data=_form(room, client, edited, "save"))
        assert "saved " in answer.get_data(as_text=True) and room.reloads == ["reload"]
        assert (room.folder / "rules" / "test.yaml").read_text() == edited
        broken = client.post("/playground", data=_form(room, client, "- name: x\n  match: 3\n", "save"))
        assert "test.yaml:2" in broken.get_data(as_text=True)
        assert (room.folder / "rules" / "test.yaml").read_text() == edited  # refused whole
        assert room.reloads == ["reload"]


def test_a_file_outside_the_rule_paths_is_never_read_or_written(tmp_path: Path) -> None:
    with newsroom(tmp_path) as room:
        client = room.app().test_client()
        client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
        assert client.get("/playground?path=/etc/passwd").status_code == 400
        form = {**_form(room, client, "x", "save"), "path": str(tmp_path / "config.toml")}
        assert client.post("/playground", data=form).status_code == 400


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any folder: the copy-the-YAML case needs another user")
def test_save_in_a_folder_this_process_cannot_write_shows_the_yaml_to_copy(tmp_path: Path) -> None:
    with newsroom(tmp_path) as room:
        client = room.app().test_client()
        client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
        rules = room.folder / "rules"
        rules.chmod(0o555)
        try:
            answer = client.post("/playground", data=_form(room, client, RULES, "save")).get_data(as_text=True)
        finally:
            rules.chmod(0o755)
        assert "is not writable by this process: copy the YAML below" in answer and room.reloads == []


def test_monitor_web_is_listed_in_the_help() -> None:
    assert "web" in run_cli("--help").stdout


def test_the_speed_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.web_speed", "--smoke", "--work", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| `/` |" in done.stdout and "playground backtest over all 2,000 entries" in done.stdout


def test_playground_backtests_with_counts_per_day_and_explains_one_entry(tmp_path: Path) -> None:
    with newsroom(tmp_path) as room:
        client = room.app().test_client()
        client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
        tested = client.post("/playground", data=_form(room, client, RULES, "test")).get_data(as_text=True)
        assert '<span class="match-count">2</span> matches' in tested
        assert "<mark>Earthquake</mark> hits the coast" in tested and '<table class="days">' in tested
        assert "&lt;script&gt;window.__xss=2&lt;/script&gt;" in tested  # the canary, escaped around <mark>
        entry = room.pipeline.store.inbox(InboxFilter(text="coast"))[0]["entry_id"]
        form = {**_form(room, client, RULES, "explain"), "entry": str(entry)}
        explained = client.post("/playground", data=form).get_data(as_text=True)
        assert "rule &#39;quake&#39;" in explained and "MATCHES" in explained
