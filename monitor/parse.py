"""Feed bytes to Entry values. Pure: no network, no files, no clock.

feedparser is only ever handed a byte stream: given a str it would open paths and
``file://`` URLs, and it must never fetch anything itself.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from monitor.errors import ParseError
from monitor.models import Entry
from monitor.text import html_to_text, squash
from monitor.urls import canonical_link

# A DOCTYPE with an internal subset can declare entities ("billion laughs", a
# large entity repeated, external entities). Feeds never need one, and
# feedparser's fallback parser expands entities into huge strings, so the whole
# declaration is cut before parsing. Undeclared entities then go to the lenient
# parser, which leaves them alone.
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]*\[.*?\]\s*>|[^>]*>)", re.IGNORECASE | re.DOTALL)
_FEEDISH = re.compile(rb"<(rss|feed|rdf:RDF|channel)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    entries: tuple[Entry, ...]
    ttl_minutes: int | None = None  # RSS <ttl>, a lower bound on the poll interval
    warning: str = ""  # set when the feed was readable but not well-formed


def defuse(body: bytes) -> bytes:
    """Remove DOCTYPE declarations, which are the carrier of every XML entity attack."""
    head = body[:4096]
    if b"<!DOCTYPE" not in head.upper() and b"<!ENTITY" not in body[:65536].upper():
        return body
    return _DOCTYPE.sub(b"", body, count=1)


def parse_feed(body: bytes, feed_url: str, outlet: str = "") -> ParsedFeed:
    """Parse a fetched body into entries. Raises ParseError when it is not a feed."""
    if not body.strip():
        raise ParseError("empty response body: the server sent no feed")
    if not _FEEDISH.search(body[:65536]):
        raise ParseError("the response is not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF>)")
    parsed = feedparser.parse(io.BytesIO(defuse(body)), sanitize_html=False, resolve_relative_uris=False)
    meta = parsed.get("feed", {})
    if not parsed.entries and parsed.get("bozo") and not meta:
        raise ParseError(f"not a readable feed: {parsed.get('bozo_exception')}")
    name = outlet or squash(meta.get("title", "")) or feed_url
    base = meta.get("link") or feed_url
    lang = (meta.get("language") or "").lower()
    entries = tuple(_unique(to_entry(raw, feed_url, name, base, lang) for raw in parsed.entries))
    warning = str(parsed.get("bozo_exception", "")) if parsed.get("bozo") else ""
    return ParsedFeed(title=name, entries=entries, ttl_minutes=_int(meta.get("ttl")), warning=warning)


def to_entry(raw: Any, feed_url: str, outlet: str, base: str, lang: str = "") -> Entry:
    title = html_to_text(raw.get("title", ""))
    summary = html_to_text(raw.get("summary", ""))
    content = html_to_text(_longest_content(raw))
    if content == summary:
        content = ""
    link = canonical_link(raw.get("link", ""), base)
    entry_lang = (raw.get("language") or _content_lang(raw) or lang).lower()
    return Entry(
        feed_url=feed_url,
        outlet=outlet,
        key=identity(raw.get("id", ""), link, title, summary),
        link=link,
        title=title,
        summary=summary,
        content=content,
        author=squash(raw.get("author", "")),
        tags=tuple(t["term"] for t in raw.get("tags", ()) if t.get("term")),
        published=entry_date(raw),
        lang=entry_lang.split("-")[0],
    )


def identity(guid: str, link: str, title: str, summary: str) -> str:
    """A stable key: the GUID, else the canonical link, else a hash of the text."""
    guid = (guid or "").strip()
    if guid:
        return "guid:" + guid[:512]
    if link:
        return "link:" + link
    digest = hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()[:32]
    return "hash:" + digest


def entry_date(raw: Any) -> datetime | None:
    """The entry's publication (else update) time in UTC, None when absent or absurd."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = raw.get(key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (OverflowError, ValueError, OSError):
                return None
    return None


def _longest_content(raw: Any) -> str:
    values = [c.get("value", "") for c in raw.get("content", ()) or ()]
    return max(values, key=len, default="")


def _content_lang(raw: Any) -> str:
    for detail in (raw.get("title_detail"), *(raw.get("content") or ())):
        if detail and detail.get("language"):
            return str(detail["language"])
    return ""


def _unique(entries: Iterable[Entry]) -> Iterable[Entry]:
    """Drop repeated identities within one fetch; the first occurrence wins."""
    seen: set[str] = set()
    for entry in entries:
        if entry.key not in seen:
            seen.add(entry.key)
            yield entry


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None
