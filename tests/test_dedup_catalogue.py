"""Every transformation of the catalogue (tests/data/dedup/catalogue.py) through a real FeedServer
and a real ``run --once``: one alert per story, and hard negatives alert on their own.

The catalogue is a tuning set: these tests guard what was designed on it; the held-out set
(tests/data/dedup/heldout.jsonl) is only ever reported by benchmarks/dedup_quality.py --heldout.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from datetime import UTC, datetime, timedelta
from types import ModuleType

from conftest import DATA, run_cli, write_config
from delivery_support import rss


def catalogue() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dedup_catalogue", DATA / "dedup" / "catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def picks() -> list[tuple[str, dict[str, str], dict[str, str]]]:
    """(transform, original, derived row) for each transformation and hard negative: the first
    with an English original that no earlier pick used (each original is posted once)."""
    rows = list(catalogue().rows())
    by_id = {r["id"]: r for r in rows}
    used: set[str] = set()
    out = []
    for kind in [*catalogue().TRANSFORMS, "independent_report", "follow_up", "round_up", "press_release_pair"]:
        for r in rows:
            original = by_id.get(r.get("against", ""))
            if r["transform"] == kind and original and original["lang"] == "en" and original["id"] not in used:
                used.add(original["id"])
                out.append((kind, original, r))
                break
    return out


def test_each_transformation_alerts_once_per_story(tmp_path, feed_server, json_receiver):
    chosen = picks()
    assert len(chosen) == 20  # 16 transformations and combinations, 4 kinds of hard negative
    now = datetime.now(UTC)
    urls, places = [], []
    for n, (_, original, derived) in enumerate(chosen):
        for name, row, hours in ((f"o{n}", original, 3.0), (f"d{n}", derived, 2.0)):
            feed_server.put(f"/{name}.xml", rss(row, now - timedelta(hours=hours)))
            urls.append(feed_server.url(f"/{name}.xml"))
        places.append(original["title"].split(":")[0])
    rules = "name: Places\nmatch:\n  any: [" + ", ".join(f'"{p}"' for p in sorted(set(places))) + "]\n"
    config = write_config(tmp_path, urls, [json_receiver.url], rules=rules)

    result = run_cli("--config", str(config), "run", "--once", timeout=300)

    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "state.db") as conn:
        story_of = {link: story for link, story in conn.execute("SELECT link, story_id FROM entries")}
    wrong = []
    for kind, original, derived in chosen:
        together = story_of[original["link"].split("?")[0]] == story_of[derived["link"].split("?")[0]]
        if together != (original["story"] == derived["story"]):
            wrong.append(kind)
    assert wrong == []
    stories = {r["story"] for _, original, derived in chosen for r in (original, derived)}
    assert len(json_receiver.titles()) == len(stories), json_receiver.titles()


def test_stories_show_says_what_the_copy_kept_and_what_changed(tmp_path, feed_server, json_receiver):
    (_, original, copy), *_ = [p for p in picks() if p[0] == "aggregator"]
    now = datetime.now(UTC)
    feed_server.put("/wire.xml", rss(original, now - timedelta(hours=3)))
    feed_server.put("/aggregator.xml", rss(copy, now - timedelta(hours=2)))
    urls = [feed_server.url("/wire.xml"), feed_server.url("/aggregator.xml")]
    # One feed at a time, in config order: the wire's entry starts the story, the aggregator's joins it.
    config = write_config(tmp_path, urls, [json_receiver.url], extra="[polling]\nconcurrency = 1")
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    with sqlite3.connect(tmp_path / "state.db") as conn:
        (story,) = conn.execute("SELECT story_id FROM entries GROUP BY story_id HAVING count(*) = 2").fetchone()

    shown = run_cli("--config", str(config), "stories", "show", str(story))

    assert shown.returncode == 0, shown.stderr
    assert "text appears in" in shown.stdout and "entry 1 (Wire)" in shown.stdout, shown.stdout
    assert "opening differs: dateline removed, byline added" in shown.stdout, shown.stdout
    assert "ends with a truncation marker" in shown.stdout, shown.stdout
