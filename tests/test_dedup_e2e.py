"""Events, copies, escalation and `stories show` end to end: real HTTP feeds, real CLI, real SQLite."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from conftest import run_cli, write_config
from delivery_support import eval_rows as rows
from delivery_support import rss

RULES = """
- name: Osaka by event
  novelty: event
  match:
    any: ["Osaka"]
- name: Osaka by story
  escalate_at: 2
  match:
    any: ["Osaka"]
"""


def test_event_rule_alerts_once_per_event_and_copies_alert_once(tmp_path, feed_server, json_receiver):
    original, copy = rows("s-indo-pacific")[:2]
    (rewrite,) = rows("s-indo-pacific-rewrite")[:1]
    now = datetime.now(UTC)
    urls = []
    for name, row, hours in (("wire", original, 3), ("copy", copy, 2), ("rewrite", rewrite, 1)):
        feed_server.put(f"/{name}.xml", rss(row, now - timedelta(hours=hours)))
        urls.append(feed_server.url(f"/{name}.xml"))
    config = write_config(tmp_path, urls, [json_receiver.url], rules=RULES)

    result = run_cli("--config", str(config), "run", "--once")

    assert result.returncode == 0, result.stderr
    titles = json_receiver.titles()
    assert len([t for t in titles if t.startswith("[Osaka by event]")]) == 1, titles
    by_story = [t for t in titles if t.startswith("[Osaka by story]")]
    assert len(by_story) == 3, titles  # the original, its escalation at 2 outlets, the rewrite
    with sqlite3.connect(tmp_path / "state.db") as conn:
        stories = conn.execute("SELECT id, event_id FROM stories ORDER BY id").fetchall()
        kinds = sorted(k for (k,) in conn.execute("SELECT kind FROM alerts"))
        (copied,) = conn.execute("SELECT story_id FROM entries GROUP BY story_id HAVING count(*) = 2").fetchone()
    assert len(stories) == 2 and stories[0][1] == stories[1][1]  # two stories, one event
    assert kinds == ["escalation", "event", "story", "story"]

    shown = run_cli("--config", str(config), "stories", "show", str(copied))

    assert shown.returncode == 0, shown.stderr
    assert "copy score" in shown.stdout and "text appears in" in shown.stdout
    other = next(sid for sid, _ in stories if sid != copied)
    assert f"other stories of the event: {other}" in shown.stdout

    # The event reason names what it shares as the joining entry wrote it, never a sound key. The
    # three feeds are polled side by side: the rewrite joins the original's event, or (polled
    # first) the original joins the rewrite's.
    shows = {sid: run_cli("--config", str(config), "stories", "show", str(sid)).stdout for sid, _ in stories}
    ((joiner, line),) = [
        (sid, line) for sid, out in shows.items() for line in out.splitlines() if "same event as story" in line
    ]
    shared = line.split("shares ", 1)[1].split(";")[0].split(" and ")[0].split(", ")
    row = rewrite if joiner == other else original
    text = " ".join(str(row.get(k) or "") for k in ("title", "summary", "content"))
    words = [w for w in shared if not (w[0].isdigit() and " " in w)]  # a day reads "1 August" however written
    assert words and all(word in text for word in words), (shared, line)


def test_stories_show_names_an_unknown_story(tmp_path, feed_server, json_receiver):
    config = write_config(tmp_path, [], [json_receiver.url])

    result = run_cli("--config", str(config), "stories", "show", "99")

    assert result.returncode != 0
    assert "no story 99" in result.stderr


def test_an_edited_entry_is_an_update_and_re_alerts_when_material(tmp_path, feed_server, json_receiver):
    (row,) = rows("s-ttp-border")[:1]
    rules = 'name: Border\non_update: alert\nmatch:\n  any: ["militants"]\n'
    when = datetime.now(UTC) - timedelta(hours=1)
    feed_server.put("/wire.xml", rss(row, when))
    config = write_config(tmp_path, [feed_server.url("/wire.xml")], [json_receiver.url], rules=rules)
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    feed_server.put("/wire.xml", rss({**row, "content": row["content"].replace("30", "34")}, when))

    assert run_cli("--config", str(config), "run", "--once").returncode == 0

    assert len(json_receiver.titles()) == 2, json_receiver.titles()
    with sqlite3.connect(tmp_path / "state.db") as conn:
        entries = conn.execute("SELECT count(*), max(update_reason) FROM entries").fetchone()
    assert entries[0] == 1 and "numbers changed" in entries[1]
