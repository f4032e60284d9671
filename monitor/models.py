"""Plain values that pass between the pipeline's stages.

Every type here is a frozen dataclass: a stage takes values and returns new ones,
so the core (parse, dedup, rules, render) can be tested without I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from monitor.durations import parse_duration

TEXT_FIELDS = ("title", "summary", "content")


@dataclass(frozen=True, slots=True)
class FullText:
    """When and how a feed's articles are fetched for their full text (issue 16; ``ingest.fulltext``)."""

    mode: str = "auto"  # "auto": short or truncated entries that pass the rules' prefilter; "always"; "never"
    selector: str | None = None  # CSS selector of the article body; None: trafilatura finds it
    remove: str | None = None  # CSS selector of elements dropped before extraction
    ignore_robots: bool = False  # True: fetch articles robots.txt disallows (the operator's call)


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed to poll, as the config or `feeds add` describes it."""

    url: str
    name: str
    interval: float  # seconds between polls (the starting point when ``adaptive``)
    adaptive: bool = True  # False when the interval was set for this feed: it is then kept as is
    full_text: FullText | None = None  # None: [polling].full_text applies


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed, normalised: plain text, canonical link, UTC date."""

    feed_url: str
    outlet: str  # the feed's display name
    key: str  # stable identity within the feed: GUID, else canonical link, else content hash
    link: str  # canonical: tracking parameters and fragment dropped
    title: str
    summary: str  # plain text
    content: str  # plain text; "" when the feed only carries a summary
    author: str = ""
    tags: tuple[str, ...] = ()
    published: datetime | None = None  # timezone-aware UTC, None when the feed gives no date
    lang: str = ""
    article: str = ""  # plain text of the linked article when fetched (issue 16); "" otherwise

    def text(self, name: str) -> str:
        """The text of one matchable field (title, summary, content, author, tags, feed, link)."""
        if name == "tags":
            return " ".join(self.tags)
        if name == "feed":
            return self.outlet
        return str(getattr(self, name))

    @property
    def body(self) -> str:
        """The longest text the entry carries: the article when fetched, else content, else summary."""
        if self.article:
            return self.article
        return self.content if len(self.content) >= len(self.summary) else self.summary


@dataclass(frozen=True, slots=True)
class Match:
    """A rule matched an entry; ``terms`` are the words as they stood in the text."""

    rule: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Webhook:
    """A signed webhook (``webhook = { url = …, secret_env = … }``): where to post, and where the
    signing secret lives (an environment variable or a file); never the secret itself."""

    url: str = field(repr=False)  # may carry a token
    secret_env: str | None = None
    secret_file: str | None = None  # absolute: the config loader resolved it
    line: int | None = None  # of ``webhook =`` in the config, for problems found later


@dataclass(frozen=True, slots=True)
class Chat:
    """A chat service written to in its own format (``chat = { service = "slack", url = … }``).

    ``url``: the webhook URL (Slack, Teams, Discord), the Bot API base (Telegram) or the
    homeserver (Matrix). Telegram and Matrix also need a token, read from ``token_env`` or
    ``token_file`` (never the config), and a ``chat_id`` or ``room``."""

    service: str
    url: str = field(repr=False)  # a webhook URL is itself a credential
    chat_id: str | None = None
    room: str | None = None
    token_env: str | None = None
    token_file: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A named set of apprise URLs. ``name`` is "default" for ``[notify].urls``."""

    name: str
    urls: tuple[str, ...] = field(repr=False)  # URLs carry secrets: keep them out of reprs
    webhook: Webhook | None = None  # a signed webhook beside the apprise URLs
    chat: Chat | None = None  # a chat service in its native format


@dataclass(frozen=True, slots=True)
class Story:
    """What an alert is about: the first entry of a story and every outlet carrying it."""

    id: int
    entry: Entry
    outlets: tuple[str, ...]  # every outlet carrying the story, first one first


@dataclass(frozen=True, slots=True)
class Message:
    """A rendered notification, ready for apprise."""

    title: str
    body: str
    body_format: str = "text"  # "text", "markdown" or "html"


@dataclass(frozen=True, slots=True)
class Burst:
    """At most ``limit`` single alerts per ``window`` seconds; the rest go out as one roll-up."""

    limit: int
    window: float

    @classmethod
    def parse(cls, text: str) -> Burst:
        found = re.fullmatch(r"\s*(\d+)\s*/\s*(\S+)\s*", str(text))
        if not found or int(found.group(1)) < 1:
            raise ValueError(f'{text!r} is not a cap: write COUNT/DURATION, e.g. "10/1h"')
        return cls(int(found.group(1)), parse_duration(found.group(2)))
