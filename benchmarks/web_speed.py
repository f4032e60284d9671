"""The console's speed on a large history: page render times and the playground's backtest.

    .venv/bin/python -m benchmarks.web_speed                    # 100,000 entries (issue 15's figure)
    .venv/bin/python -m benchmarks.web_speed --entries 1000000  # the inbox at 1M entries
    .venv/bin/python -m benchmarks.web_speed --smoke            # a tiny run, for the test suite

The database is filled by benchmarks/bigdb.py (entries over a year, four outlets per story),
indexed for full text as the daemon keeps it, and given one alert per ten entries (five rules,
three targets, every state). Each page is asked through Flask's test client, the way a browser
asks it (security, CSRF, templates and all; no network), and timed as the median of several runs.
Targets: a page within 200 ms, a backtest within 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.bigdb import fill
from monitor import runtime
from monitor.config import load_config
from monitor.store import Store, iso
from monitor.web import Console, create_app

RULE = """\
- name: quake-asia
  match:
    - any: [earthquake, flood, drought]
    - any: [Japan, China, India, Jakarta, Manila]
"""
RULES = ("quake-asia", "oil", "sanctions", "election", "mining")
TARGETS = ("default", "desk", "ops")
STATES = ("sent", "sent", "sent", "pending", "dead", "muted")
PAGE_TARGET, BACKTEST_TARGET = 0.200, 1.0


def add_alerts(path: Path, entries: int, now: datetime) -> int:
    """One alert per ten entries, spread over rules, targets and states, in id order."""
    store = Store(path)
    rows = [
        (
            n,
            RULES[i % 5],
            (n - 1) // 4 + 1,
            n,
            TARGETS[i % 3],
            f"u{i % 3}",
            f"json://hook-{i % 3}.example/***",
            STATES[i % 6],
            iso(now),
            f"story:{n}",
        )
        for i, n in enumerate(range(1, entries + 1, 10))
    ]
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO alerts (id, rule, story_id, entry_id, target, url_id, url_label, status, created, "
            "alert_key, matched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')",
            rows,
        )
        # created follows the entry's date, so the time filter has something to cut
        db.execute("UPDATE alerts SET created = (SELECT first_seen FROM entries WHERE id = alerts.entry_id)")
    store.close()
    return len(rows)


def timed(ask: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        ask()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--smoke", action="store_true", help="2,000 entries, one run each")
    parser.add_argument("--work", type=Path, default=None, help="keep the database here")
    args = parser.parse_args()
    entries, runs = (2_000, 1) if args.smoke else (args.entries, 5)
    with tempfile.TemporaryDirectory(prefix="web-speed-") as tmp:
        folder = args.work or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "rules").mkdir(exist_ok=True)
        (folder / "rules" / "quake.yaml").write_text(RULE)
        config_path = folder / "web.toml"
        config_path.write_text(
            '[storage]\npath = "state.db"\n[rules]\npaths = ["rules"]\n'
            "[notify]\nurls = []\n[notify.targets.desk]\nurls = []\n[notify.targets.ops]\nurls = []\n"
        )
        db = folder / "state.db"
        now = datetime.now(UTC)
        if not db.exists():
            started = time.perf_counter()
            fill(db, entries, now)
            alerts = add_alerts(db, entries, now)
            Store(db).catch_up_fts()
            print(f"filled {entries:,} entries and {alerts:,} alerts in {time.perf_counter() - started:.0f} s")
        config = load_config(config_path)
        store = Store(db)
        rt = runtime.load(config, lean=True)
        app = create_app(Console(config, store, lambda: rt, lambda: "no reload in a benchmark"))
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
        middle = entries // 2 - entries // 2 % 10 + 1
        pages = [
            "/",
            "/?rule=oil",
            "/?target=ops&state=dead",
            "/?state=muted&since=30d",
            f"/?before={middle}",
            "/?q=earthquake",
            "/?q=earthquake%20japan&rule=quake-asia",
            f"/story/{middle // 4 + 1}",
            "/feeds",
            "/search?q=earthquake",
            "/search?q=lithium%20China",
            "/alerts.atom",
            "/rules/oil/alerts.json",
            "/mutes",
            "/playground",
        ]
        print(f"| page ({store.history_count():,} entries) | median of {runs} | target |")
        print("|---|---:|---|")
        worst = 0.0
        for page in pages:
            answer = client.get(page)
            assert answer.status_code == 200, (page, answer.status_code)
            seconds = timed(lambda page=page: client.get(page), runs)
            worst = max(worst, seconds)
            print(f"| `{page}` | {seconds * 1000:.0f} ms | {'ok' if seconds <= PAGE_TARGET else 'OVER'} ≤ 200 ms |")
        token = _csrf(client)
        form = {"csrf": token, "path": str(folder / "rules" / "quake.yaml"), "yaml": RULE, "since": "400d"}
        for action in ("test",):
            answer = client.post("/playground", data={**form, "action": action})
            assert answer.status_code == 200 and b"match-count" in answer.data, answer.data[-2000:]
            seconds = timed(lambda: client.post("/playground", data={**form, "action": "test"}), max(1, runs // 2))
            found = answer.get_data(as_text=True).split('class="match-count">', 1)[1].split("<", 1)[0]
            print(
                f"| playground backtest over all {store.history_count():,} entries ({found} matches) "
                f"| {seconds * 1000:.0f} ms | {'ok' if seconds <= BACKTEST_TARGET else 'OVER'} ≤ 1 s |"
            )
        print(f"slowest page: {worst * 1000:.0f} ms")
        store.close()
    return 0


def _csrf(client: object) -> str:
    body = client.get("/playground").get_data(as_text=True)  # type: ignore[attr-defined]
    return body.split('name="csrf" value="', 1)[1].split('"', 1)[0]


if __name__ == "__main__":
    sys.exit(main())
