"""Deterministic feed workloads: N outlets × M entries, the same bytes for a given seed.

A mix of RSS and Atom, summary-only and full-content feeds. A share of the entries
(``syndication``) are copies of wire stories carried by several outlets, each copy
varied the way republished stories are: another GUID and link (with tracking
parameters), a retitled or trimmed text, a byline or dateline, other markup.
Every later ``cycle`` pushes new entries into a share of the feeds (``changed``).
Text comes from a seeded vocabulary, so rules and dedup see the same story twice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import cache
from html import escape


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Words the generated rules look for; stories use them now and then.
ENTITIES = _words(
    "Taliban Kabul Afghanistan Moscow Russia Beijing China India Delhi Tokyo Japan Seoul Pyongyang "
    "Tehran Ankara Brussels Berlin Paris London Washington Ottawa Canberra Jakarta Manila Hanoi Bangkok "
    "Islamabad Tashkent Almaty Baku Yerevan Tbilisi Minsk Kyiv Warsaw Riyadh Doha Cairo Nairobi Lagos "
    "Brasilia Lima Lavrov Modi Xi Putin Erdogan Kishida Yoon Sharif Gazprom Rosneft OPEC NATO ASEAN IMF"
)
TOPICS = _words(
    "oil gas pipeline lithium copper mining sanctions tariff tariffs election ceasefire troops drone "
    "missile summit treaty embassy recognition diplomatic refinery crude wheat grain shipping port "
    "railway loan bond currency inflation strike protest earthquake flood drought vaccine outbreak "
    "satellite reactor uranium cyberattack espionage smuggling corruption referendum parliament minister "
    "cabinet budget"
)
STEMS = ("sanction", "export", "import", "negotiat", "recogni", "invest", "agree", "deploy", "licen", "contract")
SUFFIXES = ("", "s", "ed", "ing", "ion", "ions", "ment", "er")
_SYLLABLES = _words("ka ri to mo sen la ven dor pa li shu nek ar bel tam os ru vi gan el")


@dataclass(frozen=True, slots=True)
class Spec:
    """What to generate. ``now`` (epoch seconds) anchors every date: pass the same value to get the same bytes."""

    seed: int = 8
    feeds: int = 500
    entries: int = 50
    full_share: float = 0.3  # feeds carrying the full article, not only a summary
    atom_share: float = 0.4
    syndication: float = 0.2  # share of entries that copy a wire story carried by several outlets
    changed: float = 0.05  # share of feeds with new entries in each later cycle
    new_per_change: int = 5
    now: int = 1_750_000_000


@cache
def vocabulary(seed: int) -> tuple[str, ...]:
    rng = random.Random(f"vocab:{seed}")
    words = {"".join(rng.choices(_SYLLABLES, k=rng.randint(1, 4))) for _ in range(6000)}
    return tuple(sorted(words))


@dataclass(frozen=True, slots=True)
class Story:
    title: str
    paragraphs: tuple[str, ...]  # plain text; the first one is the summary


def story(seed: int, story_id: str) -> Story:
    """One story's text, the same for every outlet that carries it."""
    rng = random.Random(f"story:{seed}:{story_id}")
    vocab = vocabulary(seed)

    def sentence(low: int, high: int) -> str:
        return " ".join(rng.choices(vocab, k=rng.randint(low, high))).capitalize() + "."

    title = sentence(6, 11).rstrip(".")
    paragraphs = [" ".join(sentence(8, 22) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(6, 12))]
    # A story names a few places and topics, mostly in its lede, as news does.
    topics = TOPICS + tuple(stem + rng.choice(SUFFIXES) for stem in STEMS)
    for word in rng.sample(ENTITIES, rng.choice((0, 1, 1, 2))) + rng.sample(topics, rng.choice((0, 1, 1, 2))):
        where = 0 if rng.random() < 0.6 else rng.randrange(len(paragraphs))
        words = paragraphs[where].split()
        words.insert(rng.randrange(len(words)), word)
        paragraphs[where] = " ".join(words)
    return Story(title, tuple(paragraphs))


@dataclass(frozen=True, slots=True)
class Item:
    guid: str
    link: str
    title: str
    summary_html: str
    content_html: str  # "" for summary-only feeds
    author: str
    category: str
    published: datetime


class Workload:
    def __init__(self, spec: Spec):
        self.spec = spec
        rng = random.Random(f"feeds:{spec.seed}")
        self.atom = [rng.random() < spec.atom_share for _ in range(spec.feeds)]
        self.full = [rng.random() < spec.full_share for _ in range(spec.feeds)]
        total = spec.feeds * spec.entries
        # Each wire story is carried by about four outlets.
        self.wire_pool = max(1, int(total * spec.syndication / 4))
        self._items: dict[tuple[int, int], Item] = {}  # later cycles reuse every entry already written

    def path(self, feed: int) -> str:
        return f"/feeds/{feed:05d}.{'atom' if self.atom[feed] else 'rss'}"

    def paths(self) -> list[str]:
        return [self.path(i) for i in range(self.spec.feeds)]

    def name(self, feed: int) -> str:
        return f"Outlet {feed:05d}"

    def content_type(self, feed: int) -> str:
        return "application/atom+xml" if self.atom[feed] else "application/rss+xml"

    def new_entries(self, feed: int, cycle: int) -> int:
        """How many entries ``feed`` has gained by ``cycle`` (0 on the cold cycle)."""
        rng = random.Random(f"cycles:{self.spec.seed}:{feed}")
        return sum(self.spec.new_per_change for _ in range(cycle) if rng.random() < self.spec.changed)

    def changed(self, feed: int, cycle: int) -> bool:
        return cycle > 0 and self.new_entries(feed, cycle) != self.new_entries(feed, cycle - 1)

    def document(self, feed: int, cycle: int = 0) -> bytes:
        top = self.spec.entries + self.new_entries(feed, cycle)
        items = [self.item(feed, slot) for slot in range(top - 1, top - 1 - self.spec.entries, -1)]
        render = _atom if self.atom[feed] else _rss
        return render(self, feed, items).encode()

    def item(self, feed: int, slot: int) -> Item:
        if (feed, slot) not in self._items:
            self._items[feed, slot] = self._make_item(feed, slot)
        return self._items[feed, slot]

    def _make_item(self, feed: int, slot: int) -> Item:
        spec = self.spec
        rng = random.Random(f"item:{spec.seed}:{feed}:{slot}")
        host = f"outlet{feed:05d}.example"
        published = datetime.fromtimestamp(spec.now - (spec.entries + 20 - slot) * 600, UTC)
        if rng.random() < spec.syndication:
            text = story(spec.seed, f"wire:{rng.randrange(self.wire_pool)}")
            title, paragraphs = _vary(rng, text)
        else:
            text = story(spec.seed, f"own:{feed}:{slot}")
            title, paragraphs = text.title, text.paragraphs
        slug = "-".join(title.lower().split()[:6])
        link = f"https://{host}/{published:%Y/%m/%d}/{slug}-{slot}"
        if rng.random() < 0.5:
            link += "?utm_source=rss&utm_medium=feed"
        summary = f"<p>{escape(paragraphs[0])}</p>"
        content = "".join(f"<p>{escape(p)}</p>" for p in paragraphs) if self.full[feed] else ""
        return Item(
            guid=f"{host}:{slot}",
            link=link,
            title=title,
            summary_html=summary,
            content_html=content,
            author=f"Reporter {rng.randrange(40)}",
            category=rng.choice(("world", "business", "politics", "asia", "energy")),
            published=published,
        )


def _vary(rng: random.Random, text: Story) -> tuple[str, tuple[str, ...]]:
    """A republished copy: the variations outlets make to a wire story."""
    title, paragraphs = text.title, list(text.paragraphs)
    kind = rng.choice(("same", "retitle", "trim", "byline", "dateline", "prefix"))
    if kind == "retitle":
        words = title.split()
        words[rng.randrange(len(words))] = rng.choice(vocabulary(0))
        title = " ".join(words)
    elif kind == "trim":
        paragraphs = paragraphs[: max(2, len(paragraphs) // 2)]
    elif kind == "byline":
        paragraphs[0] = "By Wire Staff. " + paragraphs[0]
    elif kind == "dateline":
        paragraphs[0] = f"{rng.choice(ENTITIES).upper()} (Wire) - " + paragraphs[0]
    elif kind == "prefix":
        title = "UPDATE: " + title
    return title, tuple(paragraphs)


def _rss(w: Workload, feed: int, items: list[Item]) -> str:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        'content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>',
        f"<title>{w.name(feed)}</title><link>https://outlet{feed:05d}.example/</link>",
        "<description>News</description><language>en</language><ttl>15</ttl>",
    ]
    for it in items:
        parts.append(
            f"<item><title>{escape(it.title)}</title><link>{escape(it.link)}</link>"
            f'<guid isPermaLink="false">{it.guid}</guid><pubDate>{format_datetime(it.published)}</pubDate>'
            f"<dc:creator>{it.author}</dc:creator><category>{it.category}</category>"
            f"<description>{escape(it.summary_html)}</description>"
            + (f"<content:encoded><![CDATA[{it.content_html}]]></content:encoded>" if it.content_html else "")
            + "</item>"
        )
    parts.append("</channel></rss>\n")
    return "\n".join(parts)


def _atom(w: Workload, feed: int, items: list[Item]) -> str:
    host = f"outlet{feed:05d}.example"
    newest = items[0].published.isoformat() if items else "2025-01-01T00:00:00+00:00"
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f'<title>{w.name(feed)}</title><id>https://{host}/</id><link href="https://{host}/"/>'
        f"<updated>{newest}</updated>",
    ]
    for it in items:
        parts.append(
            f'<entry><title>{escape(it.title)}</title><link href="{escape(it.link)}"/>'
            f"<id>tag:{it.guid}</id><published>{it.published.isoformat()}</published>"
            f"<updated>{it.published.isoformat()}</updated><author><name>{it.author}</name></author>"
            f'<category term="{it.category}"/><summary type="html">{escape(it.summary_html)}</summary>'
            + (f'<content type="html">{escape(it.content_html)}</content>' if it.content_html else "")
            + "</entry>"
        )
    parts.append("</feed>\n")
    return "\n".join(parts)


def rules_yaml(count: int, seed: int = 8) -> str:
    """``count`` watch rules in the project's YAML syntax: places, then topics, sometimes an exclusion."""
    rng = random.Random(f"rules:{seed}")
    topics = [*TOPICS, *(s + "*" for s in STEMS)]
    lines = []
    for number in range(count):
        places = rng.sample(ENTITIES, rng.randint(2, 4))
        subjects = rng.sample(topics, rng.randint(2, 5))
        lines += [f"- name: Rule {number:04d}", "  match:", "    all:"]
        lines.append(f"      - any: [{', '.join(repr(p) for p in places)}]")
        lines.append(f"      - any: [{', '.join(repr(s) for s in subjects)}]")
        if rng.random() < 0.3:
            lines.append(f"    none: [{rng.choice(TOPICS)!r}]")
    return "\n".join(lines) + "\n"
