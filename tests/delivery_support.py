"""Shared by the delivery tests: an injectable clock, feeds of distinct stories, an in-process pipeline."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from conftest import DATA

from monitor import runtime
from monitor.config import load_config
from monitor.pipeline import Pipeline, poll_all

WORDS = [
    *("harbour", "copper", "senate", "drought", "lithium", "railway", "treaty", "vaccine", "glacier", "tariff"),
    *("orchard", "satellite", "refinery", "monsoon", "parliament", "bakery", "stadium", "pipeline", "volcano"),
    *("election", "vineyard", "frigate", "census", "reservoir", "courthouse", "quarry", "embassy", "wildfire"),
    *("caravan", "observatory", "granary", "lagoon"),
]

ZEBRA_RULE = """
name: Zebra watch
match:
  any: ["zebra"]
"""


@dataclass
class Clock:
    """A clock tests move by hand: ``pipeline.clock``."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def story_feed(count: int, when: datetime, start: int = 0, outlet: str = "Zebra Times") -> str:
    """An RSS feed of ``count`` unrelated stories, each mentioning "zebra" once (the test rule's word)."""
    items = []
    for n in range(start, start + count):
        words = random.Random(n).sample(WORDS, 12)
        title = f"Zebra sighting {n}: {' '.join(words[:4])}"
        text = f"Story {n} about the zebra: " + " ".join(words * 2)
        items.append(
            f"<item><title>{title}</title><link>https://zebra.example/{n}</link><guid>zebra-{n}</guid>"
            f"<description>{text}</description><pubDate>{when:%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{outlet}</title>'
        f"<link>https://zebra.example/</link>{''.join(items)}</channel></rss>"
    )


def eval_rows(story: str) -> list[dict[str, str]]:
    """The labelled dedup set's entries of one story (tests/data/dedup/eval.jsonl)."""
    lines = (DATA / "dedup" / "eval.jsonl").read_text(encoding="utf-8").splitlines()
    return [r for r in map(json.loads, lines) if r["story"] == story]


def rss(row: dict[str, str], when: datetime) -> str:
    """A one-item RSS feed of an eval row."""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title><item>'
        f"<title>{escape(row['title'])}</title><link>{escape(row['link'])}</link><guid>{escape(row['guid'])}</guid>"
        f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
        f"<description>{escape(row['content'] or row['summary'])}</description></item></channel></rss>"
    )


def build(config: Path, clock: Clock) -> Pipeline:
    return runtime.build(load_config(config), clock=clock, lock=False)


def cycle(config: Path, clock: Clock, *, force: bool = False):  # type: ignore[no-untyped-def]
    """One daemon-like pass in process: poll every feed, deliver (following backoff unless ``force``)."""
    from monitor.outbox.deliver import deliver

    p = build(config, clock)
    try:
        poll_all(p)
        return deliver(p, force=force)
    finally:
        close(p)


def close(p: Pipeline) -> None:
    p.store.close()
    p.client.close()
