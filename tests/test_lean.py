"""A daemon at rest holds only what it uses: apprise never (a child process sends), feedparser never."""

from __future__ import annotations

import json
import logging
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import DATA, fill_dates, recent

from monitor.errors import DeliveryError
from monitor.models import Message, Target
from monitor.outbox.apart import IDLE, STOPPED, Apart
from monitor.outbox.targets import Notifier
from monitor.store import Store

TARGETS = {
    "default": Target("default", ("json://127.0.0.1:9/a", "nosuchservice://x")),
    "team": Target("team", ("json://127.0.0.1:9/a", "mailto://127.0.0.1:9?to=a@example.com&from=b@example.com")),
}


def test_a_lean_notifier_checks_and_names_urls_as_the_plain_one_does():
    plain, lean = Notifier(TARGETS), Notifier(TARGETS, lean=True)
    assert lean.problems("monitor.toml") == plain.problems("monitor.toml") != []
    assert lean.handles() == plain.handles() and len(lean.handles()) == 2
    assert [lean.label(h) for h in lean.handles()] == [plain.label(h) for h in plain.handles()]
    assert [lean.style(h) for h in lean.handles()] == ["chat", "email"]
    assert lean.deliveries("r", ["team"]) == plain.deliveries("r", ["team"])


def test_a_lean_process_sends_from_a_child_and_never_imports_apprise_or_parsers():
    code = (
        "import sys\n"
        "from monitor import runtime, daemon, pipeline\n"
        "from monitor.models import Message, Target\n"
        "from monitor.outbox.targets import Notifier\n"
        "n = Notifier({'default': Target('default', ('console://',))}, lean=True)\n"
        "held = sorted(m for m in ('apprise', 'feedparser', 'selectolax') if m in sys.modules)\n"
        "print('before', held, flush=True)\n"
        "n.send(n.handles()[0], Message('Hello', 'from a lean daemon'))\n"
        "print('after', 'apprise' in sys.modules, flush=True)\n"
        "n.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "before []" in done.stdout
    assert "=== Hello\nfrom a lean daemon" in done.stdout  # the child prints to this process's output
    assert "after False" in done.stdout


def test_a_lean_notifier_fails_and_logs_as_the_plain_one_does(caplog):
    refusing = {"default": Target("default", ("json://127.0.0.1:9/a",))}
    failures = []
    for notifier in (Notifier(refusing), Notifier(refusing, lean=True)):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="apprise"), pytest.raises(DeliveryError) as failed:
            notifier.send(notifier.handles()[0], Message("Hello", "nobody listens on port 9"))
        notifier.close()
        failures.append((str(failed.value), [(r.name, r.levelno, r.getMessage()) for r in caplog.records]))
    assert failures[0] == failures[1]
    assert "did not accept the alert" in failures[0][0] and failures[0][1]  # apprise's warning, replayed here


def test_the_sending_child_stops_when_idle_and_the_next_send_starts_another():
    apart = Apart(idle=0.2)
    message = Message("Hello", "nobody listens")
    assert apart.send("json://127.0.0.1:9/a", 0.0, message) == "refused"
    first = apart._child
    assert first is not None and first.poll() is None
    first.wait(10)  # stopped by its idle timer
    assert apart.send("nosuchservice://x", 0.0, message) == "unknown"
    assert apart._child is not None and apart._child is not first
    apart.close()
    assert apart._child is None


def test_a_sending_child_outlives_the_throttle_so_apprise_still_spaces_sends_by_it():
    refusing = {"default": Target("default", ("json://127.0.0.1:9/a",))}
    for throttle, lives in ((0.0, IDLE), (45.0, 46.0)):
        notifier = Notifier(refusing, throttle=throttle, lean=True)
        with pytest.raises(DeliveryError):
            notifier.send(notifier.handles()[0], Message("Hello", "nobody listens on port 9"))
        assert notifier._apart is not None and notifier._apart.idle == lives
        notifier.close()


def test_a_send_whose_child_stopped_after_reading_it_fails_and_says_so():
    with socket.create_server(("127.0.0.1", 0)) as server:  # accepts, never answers
        url = f"json://127.0.0.1:{server.getsockname()[1]}/a"
        apart, outcomes = Apart(), []
        sending = threading.Thread(target=lambda: outcomes.append(apart.send(url, 0.0, Message("a", "b"))))
        sending.start()
        connection, _ = server.accept()  # the child is in the middle of the send
        assert apart._child is not None
        apart._child.kill()
        sending.join(30)
        connection.close()
    assert outcomes == [STOPPED]
    assert apart.send("nosuchservice://x", 0.0, Message("a", "b")) == "unknown"  # the next send starts another
    apart.close()


def test_metrics_are_counted_only_where_an_endpoint_serves_them(tmp_path):
    from conftest import write_config
    from delivery_support import ZEBRA_RULE

    from monitor import runtime
    from monitor.config import load_config
    from monitor.daemon.metrics import Metrics, Unrecorded

    path = write_config(tmp_path, ["http://127.0.0.1:9/feed.xml"], ["json://127.0.0.1:9/x"], rules=ZEBRA_RULE)
    served = path.with_name("served.toml")
    served.write_text(path.read_text() + '\n[http]\nlisten = "127.0.0.1:9"\n')
    quiet, counted = (runtime.build(load_config(p), lock=False) for p in (path, served))
    try:
        assert isinstance(quiet.metrics, Unrecorded) and type(counted.metrics) is Metrics
        for name in vars(counted.metrics):  # every metric the code may update takes the same calls and keeps nothing
            getattr(quiet.metrics, name).labels("feed").inc()
            getattr(quiet.metrics, name).set(1.0)
            getattr(quiet.metrics, name).observe(1.0)
        assert not vars(quiet.metrics)
    finally:
        quiet.close()
        counted.close()


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_run_command_loads_none_of_the_other_commands_parts():
    out = _run(
        "import sys, click\n"
        "from monitor.cli import cli\n"
        "assert cli.get_command(click.Context(cli), 'run') is not None\n"
        "print(sorted(m for m in ('flask', 'rich', 'apprise', 'httpx._main', 'monitor.web') if sys.modules.get(m)))\n"
    )
    assert out.strip() == "[]"


def test_a_notifier_takes_a_urls_plugin_from_its_module_and_names_it_as_apprise_does():
    out = _run(
        "import apprise\n"
        "from apprise.apprise import N_MGR\n"
        "from monitor.models import Target\n"
        "from monitor.outbox.targets import Notifier\n"
        "urls = ('json://127.0.0.1:9/a', 'jsons://u:secret@example.com/x', 'ntfy://topic',\n"
        "        'mailto://127.0.0.1:9?to=a@example.com&from=b@example.com', 'tgram://123:abc_def/4/')\n"
        "n = Notifier({'default': Target('default', urls)})\n"
        "print('scanned', bool(N_MGR))\n"
        "print([n.label(h) for h in n.handles()])\n"
        "print(sorted(n.secret(h) for h in n.handles()))\n"
        "print([apprise.Apprise.instantiate(u).url(privacy=True) for u in urls])\n"
        "print('scanned', bool(N_MGR))\n"
    )
    lines = out.splitlines()
    assert lines[0] == "scanned False"  # none of apprise's other plugins imported
    assert lines[-1] == "scanned True"  # apprise's own lookup, for the comparison
    assert lines[1] == lines[3] and "secret" not in lines[1]
    assert lines[2] == "[False, False, False, True, True]"  # the password, the bot token


def test_a_url_apprise_has_no_plugin_module_for_still_goes_through_its_lookup():
    out = _run(
        "from monitor.models import Target\n"
        "from monitor.outbox.targets import Notifier\n"
        "n = Notifier({'default': Target('default', ('nosuchservice://x', 'rocket://u:p@host/#news'))})\n"
        "print(len(n.handles()), len(n.problems('monitor.toml')))\n"
    )
    assert out.strip() == "1 1"


# What a `run --once` may skip when nothing new arrives: the dedup code (numpy), the rule loader
# (YAML, jsonschema) and matcher, Jinja2, apprise, APScheduler's cron, httpcore's async extras, the parsers,
# installed packages' metadata, sqlite-utils (with its click plugins' pluggy and dateutil: migrations only).
SKIPPABLE = (
    "numpy",
    "monitor.dedup",
    "monitor.rules.load",
    "monitor.rules.match",  # the matcher (pyahocorasick, google-re2, rapidfuzz): compiled at the first match
    "ahocorasick",
    "re2",
    "rapidfuzz",
    "yaml",
    "jsonschema",
    "jinja2",
    "apprise",
    "apscheduler",
    "trio",
    "anyio",
    "feedparser",
    "lxml",
    "importlib.metadata",  # sqlite-utils' look for plugins (the store asks for none)
    "sqlite_utils",  # the store's migrations and rare writes; its plain connection does the rest
    "pluggy",
    "dateutil",
    "prometheus_client",  # counters nobody could read: no [http] listen
    "http.server",  # with prometheus-client's exporter (langid brings it when a rule asks a language)
    "monitor.ingest.workers",  # the parser pool's: a cycle of a few changed bodies reads them in place
    "multiprocessing",  # (the pool's before it had its own workers)
    "concurrent.futures.process",
)


def _imported_by_a_cycle(config: Path) -> set[str]:
    """The SKIPPABLE modules a real `python -m monitor run --once` process held when it exited."""
    out = _run(
        "import atexit, json, runpy, sys\n"
        f"watch = {SKIPPABLE!r}\n"
        "atexit.register(lambda: print(json.dumps([m for m in watch if m in sys.modules])))\n"
        f"sys.argv = ['monitor', '--config', {str(config)!r}, 'run', '--once']\n"
        "runpy.run_module('monitor', run_name='__main__')\n"
    )
    return set(json.loads(out.splitlines()[-1]))


def test_a_cycle_of_304s_imports_none_of_what_only_news_needs(tmp_path, feed_server):
    from conftest import serve_outlets, write_config
    from delivery_support import ZEBRA_RULE

    config = write_config(tmp_path, serve_outlets(feed_server), ["json://127.0.0.1:9/x"], rules=ZEBRA_RULE)
    first = _imported_by_a_cycle(config)  # a cold cycle: everything is new and every file is validated
    assert {
        "numpy",
        "monitor.dedup",
        "monitor.rules.load",
        "monitor.rules.match",
        "yaml",
        "jinja2",
        "apprise",
        "lxml",
        "sqlite_utils",  # a new database: migrated
    } <= first
    assert "prometheus_client" not in first  # no [http] listen: no metrics, even with news
    with sqlite3.connect(tmp_path / "state.db") as conn:  # the target refused them: nothing left to retry
        conn.execute("UPDATE alerts SET status = 'sent'")
        (stored,) = conn.execute("SELECT count(*) FROM entries").fetchone()
    conn.close()
    # Every feed answers 304 and the files are as validated: none of it loads (the store imports the
    # dedup signature only when it reads the window).
    assert _imported_by_a_cycle(config) == set()
    # One feed brings one more entry: what reading and deciding it needs loads, in this process (no
    # parser pool: its body is read in place).
    text = fill_dates((DATA / "feeds" / "outlet-a.xml").read_text().replace("</channel>", NEW_ITEM), recent())
    feed_server.put("/outlet-a.xml", text)
    news = _imported_by_a_cycle(config)
    assert {"numpy", "monitor.dedup", "monitor.rules.match", "lxml"} <= news
    # No pool; rules as validated; the schema as it was, and new entries stored on the plain connection.
    assert not news & {
        "monitor.ingest.workers",
        "multiprocessing",
        "concurrent.futures.process",
        "yaml",
        "sqlite_utils",
    }
    store = Store(tmp_path / "state.db")
    try:
        assert store.db.execute("SELECT count(*) FROM entries").fetchone() == (stored + 1,)
    finally:
        store.close()


NEW_ITEM = """<item>
  <title>Taliban appoint a new envoy to Moscow</title>
  <link>https://outlet-a.example/world/envoy</link>
  <guid isPermaLink="false">a-1003</guid>
  <pubDate>{recent}</pubDate>
  <description>The Taliban administration named a new ambassador to Russia on Friday.</description>
</item>
</channel>"""
