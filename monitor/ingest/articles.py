"""Fetching linked articles for their full text (issue 16), politely and within a deadline.

The same client as the feeds (``fetch.fetch``): SSRF guard on every hop (``allow_private``),
the size cap counted after decompression, a total deadline, ``HostSlots`` per host, the
honest User-Agent. On top of it, for articles:

- a per-host hourly budget (``Politeness.budget`` fetches; the rest wait for a later poll);
- ``Retry-After`` on a 429/503 keeps the host's articles waiting that long;
- robots.txt (``urllib.robotparser``), fetched with the same client and cached per host for
  a day, unless the feed sets ``full_text_ignore_robots``: a 4xx robots.txt allows all, an
  unreachable one (5xx, network) allows nothing until the next try (RFC 9309, 2.3.1);
- one deadline for all the article fetches of one poll (``Politeness.timeout``): an alert
  never waits longer; what is left is matched on the feed's text and tried on a later poll.

Every outcome is a row of the store's ``articles`` table (by canonical URL: a copy of the
same URL in another feed is never fetched twice), never an exception.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeGuard
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from monitor.errors import FetchError, ParseError
from monitor.ingest import fulltext
from monitor.ingest.fetch import USER_AGENT, HostSlots, Limits, fetch
from monitor.ingest.fulltext import Politeness
from monitor.ingest.pool import FeedParser
from monitor.models import Entry, FullText
from monitor.rules import RuleSet
from monitor.store import Article, Store
from monitor.store.articles import MAX_ATTEMPTS
from monitor.urls import redact

log = logging.getLogger(__name__)

ROBOTS_TTL = 86400.0  # seconds a host's robots.txt is trusted


def _settled(article: Article | None) -> TypeGuard[Article]:
    """A stored outcome that is not tried again: the text was had, robots.txt forbids it, or attempts ran out."""
    return article is not None and (article.status in ("fetched", "blocked") or article.attempts >= MAX_ATTEMPTS)


@dataclass
class Articles:
    """The long-lived parts of article fetching: the client, host slots, budgets, robots.txt cache."""

    client: httpx.Client
    store: Store
    parser: FeedParser
    hosts: HostSlots = field(default_factory=HostSlots)
    clock: Callable[[], float] = time.monotonic
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _spent: dict[str, deque[float]] = field(default_factory=dict)  # per host, when each fetch of the last hour began
    _wait_until: dict[str, float] = field(default_factory=dict)  # per host, from Retry-After
    _robots: dict[str, tuple[float, RobotFileParser | None]] = field(default_factory=dict)  # None: disallow all

    def texts(
        self,
        feed_url: str,
        entries: tuple[Entry, ...],
        setting: FullText,
        rules: RuleSet,
        polite: Politeness,
        now: datetime,
        *,
        retry: bool = False,
    ) -> dict[str, str]:
        """The article text of each entry that wants one (``fulltext.wanted``) and could be had before
        the deadline, by entry key. ``retry``: the entries were tried before, their mode aside."""
        deadline = self.clock() + polite.timeout
        asked = [e for e in entries if retry or fulltext.wanted(e, setting, rules, polite.min_words)]
        if not asked:
            return {}
        known = self.store.articles(e.link for e in asked)  # one read for the poll, not one per entry
        decided: list[Article] = []  # outcomes that took no request: stored together at the end
        found: dict[str, str] = {}
        try:
            for entry in asked:
                text = self._text(feed_url, entry.link, setting, polite, now, deadline, known, decided)
                if text:
                    found[entry.key] = text
        finally:
            self.store.save_articles(feed_url, decided, now)
        return found

    def _text(
        self,
        feed_url: str,
        url: str,
        setting: FullText,
        polite: Politeness,
        now: datetime,
        deadline: float,
        known: dict[str, Article],
        decided: list[Article],
    ) -> str:
        """The article's text, from ``known`` (the rows read at the poll's start, and its outcomes) or fetched.

        An outcome that needs no request (deadline, robots.txt) joins ``decided``, stored with the
        poll's others in one transaction. Before a request the row is read again, and the outcome
        stored at once, as before: a copy of the URL in another feed's poll is never fetched twice."""
        cached = known.get(url)
        if _settled(cached):
            return cached.text
        attempts = cached.attempts if cached else 0
        host = (urlsplit(url).hostname or "").lower()
        outcome = self._refused(url, host, setting, deadline, attempts)
        if outcome is not None:
            decided.append(outcome)
        else:
            stored = self.store.article(url)
            if _settled(stored):  # another feed's poll had it meanwhile
                known[url] = stored
                return stored.text
            outcome = self._get(url, host, setting, polite, deadline, stored.attempts if stored else attempts)
            self.store.save_article(feed_url, outcome, now)
        known[url] = outcome
        if outcome.status != "fetched" and log.isEnabledFor(logging.INFO):
            log.info("article %s: %s (%s)", redact(url), outcome.status, outcome.error)
        return outcome.text

    def _refused(self, url: str, host: str, setting: FullText, deadline: float, attempts: int) -> Article | None:
        """Why the article is not asked for, without asking the page: the deadline passed or robots.txt."""
        left = deadline - self.clock()
        if left <= 1.0:
            return Article(url, "failed", error="not tried: the poll's article deadline had passed", attempts=attempts)
        if not setting.ignore_robots and not self._allowed(url, host, min(left, 5.0)):
            return Article(url, "blocked", error="robots.txt disallows it (full_text_ignore_robots = true overrides)")
        return None

    def _get(
        self, url: str, host: str, setting: FullText, polite: Politeness, deadline: float, attempts: int
    ) -> Article:
        if not self._spend(host, polite.budget):
            return Article(
                url, "budget", error=f"{polite.budget} article fetches from {host} this hour", attempts=attempts
            )
        try:
            with self.hosts.slot(url):
                left = round(max(0.1, deadline - self.clock()), 1)  # rounded: messages name it
                got = fetch(self.client, url, limits=Limits(timeout=left, max_bytes=polite.max_bytes))
            text = self.parser.extract(got.body or b"", url, setting.selector, setting.remove, polite.extract_timeout)
        except FetchError as exc:
            if exc.retry_after:
                with self._lock:
                    self._wait_until[host] = self.clock() + exc.retry_after
            return Article(url, "failed", error=str(exc), attempts=attempts + 1)
        except ParseError as exc:
            return Article(url, "failed", error=str(exc), attempts=attempts + 1)
        if not text:
            return Article(url, "failed", error="no article text found on the page", attempts=MAX_ATTEMPTS)
        return Article(url, "fetched", text=text, source_url=got.moved_to or url)

    def _spend(self, host: str, budget: int) -> bool:
        """Take one fetch of ``host``'s hourly budget; False when it is spent or the host asked to wait."""
        now = self.clock()
        with self._lock:
            if self._wait_until.get(host, 0.0) > now:
                return False
            spent = self._spent.setdefault(host, deque())
            while spent and spent[0] <= now - 3600.0:
                spent.popleft()
            if len(spent) >= budget:
                return False
            spent.append(now)
            return True

    def _allowed(self, url: str, host: str, timeout: float) -> bool:
        now = self.clock()
        with self._lock:
            cached = self._robots.get(host)
        if cached is None or cached[0] <= now:
            parser = self._read_robots(url, timeout)
            # An unreachable robots.txt is asked again in 10 min, not a day.
            cached = (now + (ROBOTS_TTL if parser is not None else 600.0), parser)
            with self._lock:
                self._robots[host] = cached
        parser = cached[1]
        return parser is not None and parser.can_fetch(USER_AGENT, url)

    def _read_robots(self, url: str, timeout: float) -> RobotFileParser | None:
        parts = urlsplit(url)
        address = f"{parts.scheme}://{parts.netloc}/robots.txt"
        robots = RobotFileParser(address)
        try:
            with self.hosts.slot(url):
                got = fetch(self.client, address, limits=Limits(timeout=timeout, max_bytes=512 * 1024))
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                robots.parse([])  # no robots.txt: everything allowed
                return robots
            log.info("robots.txt of %s unreachable (%s): its articles wait", parts.hostname, exc)
            return None
        robots.parse((got.body or b"").decode("utf-8", "replace").splitlines())
        return robots
