"""Issue 18, points 3, 7, 8 and 11, through the real CLI on real files: OPML import that says what it
skipped and keeps folders; lists with headers, times, story ids, last errors, filters and --json;
`stories show` taking an entry id; entries per day over a feed's known life; help that says what happens."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from conftest import run_cli, serve_json_receiver, write_config

from monitor.demo.feedserver import FeedServer

LONG_RULE = "Taliban recognition watch for the Kabul desk"  # longer than the 30 characters lists used to keep
RULE = f"name: {LONG_RULE}\nmatch:\n  any: [Taliban]\n"

OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>reader</title></head><body>
 <outline text="News">
  <outline text="World">
   <outline text="Wire" xmlUrl="https://wire.example/rss"/>
  </outline>
  <outline text="Local" xmlUrl="https://local.example/rss"/>
 </outline>
 <outline text="Archive" xmlUrl="ftp://archive.example/feed.xml"/>
 <outline text="Disk" xmlUrl="file:///var/feeds/a.xml"/>
 <outline text="Wire again" xmlUrl="https://wire.example/rss"/>
 <outline text="Top" xmlUrl="https://top.example/rss"/>
</body></opml>
"""


def rss(items: list[tuple[str, str, datetime]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><guid>{guid}</guid><link>https://x.example/{guid}</link>"
        f"<pubDate>{format_datetime(when)}</pubDate><description>{f'{title}. ' * 8}</description></item>"
        for guid, title, when in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>{body}</channel></rss>'


def folders(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT url, folder FROM feeds WHERE source = 'command'").fetchall())


def test_opml_import_lists_what_it_skips_and_keeps_folders(tmp_path: Path):
    config = write_config(tmp_path, [], ["json://127.0.0.1:9/"], rules="")
    reader = tmp_path / "reader.opml"
    reader.write_text(OPML)
    cli = ("--config", str(config))

    imported = run_cli(*cli, "feeds", "import", str(reader))

    # Before: "0 feeds, 0 added, 0 already known" for a file of ftp:// and file:// outlines, and no word on why.
    assert imported.returncode == 0, imported.stderr
    out = imported.stdout
    assert f"{reader}: skipped 'Archive' <ftp://archive.example/feed.xml>: ftp scheme: only http and https" in out
    assert f"{reader}: skipped 'Disk' <file:///var/feeds/a.xml>: file scheme" in out
    assert f"{reader}: skipped 'Wire again' <https://wire.example/rss>: listed twice" in out
    assert f"{reader}: 3 feeds, 3 added, 0 already known, 3 skipped" in out
    assert folders(tmp_path / "state.db") == {
        "https://wire.example/rss": "News/World",
        "https://local.example/rss": "News",
        "https://top.example/rss": "",
    }

    exported = run_cli(*cli, "feeds", "export", "-o", str(tmp_path / "out.opml"))
    assert exported.returncode == 0, exported.stderr
    again = tmp_path / "again"
    again.mkdir()
    config2 = write_config(again, [], ["json://127.0.0.1:9/"], rules="")
    assert run_cli("--config", str(config2), "feeds", "import", str(tmp_path / "out.opml")).returncode == 0
    assert folders(again / "state.db") == folders(tmp_path / "state.db")  # the folders went round

    toml = run_cli(*cli, "feeds", "import", str(config))
    assert toml.returncode == 1
    assert f"{config}: not an OPML file: it has no <opml> element" in toml.stderr
    assert "response" not in toml.stderr


@pytest.fixture(scope="module")
def polled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A database after one `run --once`: a wire with 4 items over 22 h, a copy of one, a missing feed.
    Shared by the tests that only read it."""
    with FeedServer() as feed_server, serve_json_receiver() as json_receiver:
        yield _polled(tmp_path_factory.mktemp("polled"), feed_server, json_receiver.url)


def _polled(tmp_path: Path, feed_server: FeedServer, target: str) -> Path:
    now = datetime.now(UTC)
    wire = [
        ("w1", "Taliban envoy arrives in Moscow for talks", now - timedelta(hours=0.5)),
        ("w2", "Harvest festival opens in the valley", now - timedelta(hours=8)),
        ("w3", "Taliban minister meets Chinese delegation", now - timedelta(hours=15)),
        ("w4", "Rail link to Uzbekistan reopens", now - timedelta(hours=22)),
    ]
    feed_server.put("/wire.xml", rss(wire))
    feed_server.put("/copy.xml", rss(wire[:1]))
    urls = [feed_server.url(p) for p in ("/wire.xml", "/copy.xml", "/missing.xml")]
    config = write_config(tmp_path, urls, [target], rules=RULE)
    result = run_cli("--config", str(config), "run", "--once")
    assert result.returncode == 0, result.stderr
    return config


def test_alerts_list_has_a_header_times_story_ids_whole_rule_names_filters_and_json(polled: Path):
    cli = ("--config", str(polled))
    listed = run_cli(*cli, "alerts", "list")
    assert listed.returncode == 0, listed.stderr
    header, *rows = listed.stdout.splitlines()
    assert header.split() == ["id", "queued", "(UTC)", "status", "tries", "target", "story", "rule", "title"]
    assert len(rows) == 2 and all(LONG_RULE in row for row in rows), listed.stdout
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert all(re.match(rf"\s*\d+\s+{today} \d\d:\d\d\s+sent\s+", row) for row in rows), rows

    records = json.loads(run_cli(*cli, "alerts", "list", "--json").stdout)
    assert [r["rule"] for r in records] == [LONG_RULE, LONG_RULE]
    assert {r["state"] for r in records} == {"sent"} and all(isinstance(r["story"], int) for r in records)
    assert all(f" {r['story']} " in row for r, row in zip(records, rows, strict=True))

    def count(*args: str) -> int:
        return len(json.loads(run_cli(*cli, "alerts", "list", "--json", *args).stdout))

    assert count("--rule", LONG_RULE.upper()) == 2 and count("--state", "sent") == 2
    # Each alert is of the entry that started its story: the copy may have been polled first.
    assert count("--state", "pending") == 0 and count("--feed", "Missing") == 0
    assert count("--feed", "Wire") + count("--feed", "Copy") == 2 and count("--feed", "Copy") < 2
    assert count("--since", "1h") == 2
    wrong = run_cli(*cli, "alerts", "list", "--rule", "Taliban recognition watch")
    assert wrong.returncode == 1 and f"(did you mean {LONG_RULE!r}?)" in wrong.stderr


def test_feeds_list_shows_the_last_error_and_a_rate_over_the_known_life(polled: Path):
    listed = run_cli("--config", str(polled), "feeds", "list")
    assert listed.returncode == 0, listed.stderr
    assert "last error" in listed.stdout.splitlines()[0]
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()[1:]}
    assert " failing " in rows["Missing"] and "HTTP 404" in rows["Missing"]  # before: "failing", and no why
    records = {r["name"]: r for r in json.loads(run_cli("--config", str(polled), "feeds", "list", "--json").stdout)}
    assert records["Missing"]["state"] == "failing" and "404" in records["Missing"]["last_error"]
    assert records["Wire"]["last_error"] is None and records["Wire"]["errors"] == 0
    # 4 entries in 22 h: 4 a day (a known life under a day counts as one); before, 4 / 7 days = 0.6.
    assert 3.9 < records["Wire"]["entries_per_day"] < 4.1, records["Wire"]


def test_stories_show_takes_an_entry_id(polled: Path):
    with sqlite3.connect(polled.parent / "state.db") as conn:
        pairs = dict(conn.execute("SELECT id, story_id FROM entries").fetchall())
        stories = {row[0] for row in conn.execute("SELECT id FROM stories")}
    cli = ("--config", str(polled), "stories", "show")
    entry, story = next((e, s) for e, s in sorted(pairs.items()) if e != s)
    by_entry = run_cli(*cli, "--entry", str(entry))
    assert by_entry.returncode == 0 and by_entry.stdout.startswith(f"entry {entry} is in story {story}\n")
    assert f"story {story}: " in by_entry.stdout
    orphan = max(pairs)  # more entries than stories: the copy joined the wire's story
    assert orphan not in stories
    fallback = run_cli(*cli, str(orphan))  # before: "no story N"
    assert fallback.returncode == 0 and f"entry {orphan} is in story {pairs[orphan]}" in fallback.stdout
    missing = run_cli(*cli, "999")
    assert missing.returncode == 1 and "no story 999 (nor entry 999)" in missing.stderr


def test_feeds_remove_help_says_what_happens_to_a_config_feed(tmp_path: Path):
    config = write_config(tmp_path, ["https://config.example/rss"], ["json://127.0.0.1:9/"], rules="")
    text = " ".join(run_cli("feeds", "remove", "--help").stdout.split())
    assert "are removed from the config" not in text  # before: a promise the command does not keep
    assert "A config feed is refused" in text
    refused = run_cli("--config", str(config), "feeds", "remove", "https://config.example/rss")
    assert refused.returncode == 1 and "is a config feed: remove its [[feeds]] entry" in refused.stderr
