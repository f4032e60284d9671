"""The analyst's feedback: stored per alert, read per rule, used by rules test, check and rules suggest."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from conftest import run_cli, serve_outlets, write_config

from monitor.demo.feedserver import FeedServer
from monitor.models import Entry, Message
from monitor.rules import load_rules
from monitor.rules.feedback import score_feedback
from monitor.rules.load import alias_groups
from monitor.rules.suggest import suggest
from monitor.store import Store
from monitor.store.records import Delivery, Notice

TALIBAN = "name: Taliban news\nmatch:\n  any: [Taliban, Afghan*, Kabul, Russia*, Kremlin]\n"


def test_feedback_is_stored_listed_and_used(tmp_path):
    with FeedServer() as server:
        config = write_config(tmp_path, serve_outlets(server), ["console://"], rules=TALIBAN)
        assert run_cli("--config", str(config), "run", "--once").returncode == 0
    with sqlite3.connect(tmp_path / "state.db") as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM alerts ORDER BY id")]
    assert len(ids) >= 2, ids

    marked = run_cli("--config", str(config), "alerts", "feedback", str(ids[0]), "irrelevant", "--note", "a quote")
    assert marked.returncode == 0 and "irrelevant" in marked.stdout, marked.stderr
    assert run_cli("--config", str(config), "alerts", "feedback", str(ids[1]), "relevant").returncode == 0
    missing = run_cli("--config", str(config), "alerts", "feedback", "999999", "relevant")
    assert missing.returncode != 0 and "no alert 999999" in missing.stderr

    listed = run_cli("--config", str(config), "alerts", "feedback", "--list")
    assert "Taliban news: 1 relevant, 1 irrelevant" in listed.stdout and "a quote" in listed.stdout, listed.stdout

    tested = run_cli("--config", str(config), "rules", "test", "--since", "3650d")
    assert "feedback: precision 0.50 on 2 marked entries" in tested.stdout, tested.stdout
    checked = run_cli("--config", str(config), "check")
    assert checked.returncode == 0 and "rule 'Taliban news' still matches irrelevant #" in checked.stderr, (
        checked.stderr
    )
    suggested = run_cli("--config", str(config), "rules", "suggest", "Taliban news")
    assert suggested.returncode == 0 and "Taliban news:" in suggested.stdout, suggested.stderr


def entry(title: str) -> Entry:
    return Entry(feed_url="u", outlet="o", key=title, link="", title=title, summary="", content="")


def test_suggest_proposes_the_negation_window_as_a_diff(tmp_path):
    path = tmp_path / "rule.yaml"
    path.write_text("name: r\nmatch:\n  all: [Taliban, recogni*]\n  near: 20\n", encoding="utf-8")
    rule = load_rules([path])[0]
    marked = [
        (entry("Russia recognises the Taliban government"), True),
        (entry("Kazakhstan has no intention of recognising the Taliban"), False),
    ]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    found = suggest(rule, alias_groups(("negation", "hedge")), marked, lines, 0)
    assert found is not None and found.removed == 1 and found.lost == 0
    assert '+  unless_near: {any: ["@negation", "@hedge"], sentence: true}' in found.diff, found.diff
    changed = tmp_path / "after.yaml"
    changed.write_text(
        "".join(lines[:2]) + '  unless_near: {any: ["@negation", "@hedge"], sentence: true}\n' + "".join(lines[2:])
    )
    after = load_rules([changed])[0]  # the proposed rule loads and does what was promised
    score = score_feedback(after, [(1, marked[0][0], True), (2, marked[1][0], False)])
    assert score.precision == 1.0 and not score.wrong and not score.lost


def test_suggest_gives_up_when_every_change_loses_a_relevant_entry(tmp_path):
    path = tmp_path / "rule.yaml"
    path.write_text("name: r\nmatch:\n  any: [Taliban]\n", encoding="utf-8")
    rule = load_rules([path])[0]
    same = [(entry("The Taliban said"), True), (entry("The Taliban said"), False)]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert suggest(rule, alias_groups(("negation",)), same, lines, 0) is None


def test_feedback_on_a_notice_is_refused_and_stores_nothing(tmp_path):
    with FeedServer() as server:
        config = write_config(tmp_path, serve_outlets(server), ["console://"], rules=TALIBAN)
        assert run_cli("--config", str(config), "run", "--once").returncode == 0
    store = Store(tmp_path / "state.db")
    delivery = Delivery("(notice)", "console://", "console", "console")
    store.queue_notice(Notice((delivery,), "feed-down", Message("Feed down", "x")), datetime.now(UTC))
    notice_id = store._query("SELECT id FROM alerts WHERE kind = 'notice'")[0]["id"]
    entry_alert = store._query("SELECT id FROM alerts WHERE kind != 'notice' ORDER BY id")[0]["id"]
    store.close()

    refused = run_cli("--config", str(config), "alerts", "feedback", str(notice_id), "irrelevant")
    assert refused.returncode != 0 and f"alert {notice_id} is a notice" in refused.stderr, refused.stderr
    accepted = run_cli("--config", str(config), "alerts", "feedback", str(entry_alert), "irrelevant")
    assert accepted.returncode == 0, accepted.stderr
    with sqlite3.connect(tmp_path / "state.db") as conn:
        assert [row[0] for row in conn.execute("SELECT alert_id FROM feedback")] == [entry_alert]
