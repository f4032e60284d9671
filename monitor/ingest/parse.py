"""Feed bytes to Entry values. Pure: no network, no files, no clock.

feedparser is only ever handed a byte stream: given a str it would open paths and
``file://`` URLs, and it must never fetch anything itself.
"""

from __future__ import annotations

import calendar
import codecs
import hashlib
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from monitor.errors import ParseError
from monitor.models import Entry
from monitor.text import html_to_text, squash
from monitor.urls import canonical_link

# Everything before the root element is cut, and the XML declaration rebuilt:
# - a DOCTYPE can declare entities ("billion laughs", one large entity repeated,
#   external entities, remote DTDs). expat only honours a DOCTYPE before the root,
#   feedparser re-declares the "safe" ones it finds there and its fallback parser
#   expands them into huge strings (measured: a 100 kB feed became a 90 MB title);
# - feedparser sniffs the encoding with a regex that runs in cubic time on a long
#   first line starting with "<?" (measured: 26 kB took 78 s), so the declaration it
#   sees is ours: short and on its own line.
# Feeds never need a prolog; comments and stylesheet instructions are lost, nothing else.
_ROOT = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|channel))[\s>/]", re.IGNORECASE)
# feedparser takes ~150 µs per entry: a 5 MB feed of 100,000 entries took 15 s. The
# document is cut before the entry past MAX_ENTRIES and closed again.
_ENTRY = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]")
_FEED_KIND = "an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF>)"
_DECLARATION = re.compile(rb"\s*<\?xml\s[^<>]{0,256}?\?>")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z][\w.:-]{0,39})["']""")
_PROLOG_LIMIT = 1 << 20  # the root element must start within the first MiB
# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_UNICODE_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\0?\0", "utf-16-le"),
    (b"\0<\0?", "utf-16-be"),
)
# feedparser looks each attribute up by a linear scan: quadratic in the attributes of
# one element (5,000 took 1.7 s, 200,000 would take 45 minutes). Real feeds use a few.
MAX_ATTRIBUTES = 64
_CROWDED = re.compile(rb"<[\w:.-]+(?:\s+[^\s=<>/]+\s*=\s*(?:\"[^\"]*\"|'[^']*')){%d}" % MAX_ATTRIBUTES)
# feedparser spends ~20 µs per element: 10 MB of "<x/>" took 51 s and 450 MB. A
# thousand entries of full HTML content stay well below this many tags.
MAX_TAGS = 250_000
MAX_ENTRIES = 1000  # read per fetch: real feeds carry 10-500; a hostile one 100,000
_MAX_TITLE = 2_000  # characters of markup read per field, before cleaning: bounds the
_MAX_TEXT = 200_000  # memory of text cleaning (a 20 MB entry took 400 MB) and of matching


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed read: its entries, except those ``parse_feed`` was told are stored unchanged (``unchanged``)."""

    title: str
    entries: tuple[Entry, ...]
    ttl_minutes: int | None = None  # RSS <ttl>, a lower bound on the poll interval
    warning: str = ""  # set when the feed was readable but not well-formed
    skipped: int = 0  # entries beyond MAX_ENTRIES, not read
    # Entries read exactly as stored (their raw digest was ``known``): not converted, only their key and date.
    unchanged: tuple[tuple[str, datetime | None], ...] = ()
    digests: dict[str, bytes] = field(default_factory=dict)  # raw digest by key of ``entries`` (when asked)

    def every_key(self) -> list[str]:
        """The key of every entry read, converted or unchanged."""
        return [e.key for e in self.entries] + [key for key, _ in self.unchanged]

    def every_date(self) -> list[datetime | None]:
        """The publication date of every entry read, converted or unchanged (a feed's cadence)."""
        return [e.published for e in self.entries] + [when for _, when in self.unchanged]


def defuse(body: bytes, root_element: re.Pattern[bytes] = _ROOT, kind: str = _FEED_KIND) -> bytes:
    """The body as an XML parser may see it: UTF-8 when it came as UTF-16/32, the root
    element preceded only by a short XML declaration (no DOCTYPE, so no entities).

    Raises ParseError when no ``root_element`` (default: RSS, Atom or RDF) starts in the first MiB.
    """
    body, transcoded = _ascii_compatible(body)
    root = root_element.search(body, 0, _PROLOG_LIMIT)
    if root is None:
        raise ParseError(f"the response is not {kind}")
    declaration = _DECLARATION.match(body, 0, root.start())
    encoding = _ENCODING.search(declaration.group()) if declaration and not transcoded else None
    named = b' encoding="' + encoding.group(1) + b'"' if encoding else b""
    return b'<?xml version="1.0"' + named + b"?>\n" + body[root.start() :]


def _first_entries(document: bytes) -> tuple[bytes, int]:
    """``document`` cut before its entry number MAX_ENTRIES + 1, and how many were cut."""
    cut, count = 0, 0
    for count, match in enumerate(_ENTRY.finditer(document), 1):
        if count == MAX_ENTRIES + 1:
            cut = match.start()
    if not cut:
        return document, 0
    root = _ROOT.search(document)
    assert root is not None  # defuse() put it first
    name, kind = root.group(1), root.group(2).lower()
    closing = b"</channel></" + name + b">" if kind == b"rss" else b"</" + name + b">"
    return document[:cut] + closing, count - MAX_ENTRIES


def _ascii_compatible(body: bytes) -> tuple[bytes, bool]:
    """UTF-16/32 bodies re-encoded as UTF-8 (True), so markup can be found as bytes."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :], False
    for mark, codec in _UNICODE_MARKS:
        if body.startswith(mark):
            return body.decode(codec, "replace").lstrip("\ufeff").encode(), True
    return body, False


def parse_feed(
    body: bytes,
    feed_url: str,
    outlet: str = "",
    readers: Readers | None = None,
    known: Mapping[bytes, str] | None = None,
) -> ParsedFeed:
    """Parse a fetched body into entries. Raises ParseError when it is not a feed.

    Reads at most MAX_ENTRIES entries and a bounded length of each text field. ``readers``
    are tried in turn (default READERS: the fast path, then feedparser); the last must answer.
    ``known`` (raw digest -> key of the entries stored): an entry whose ``raw_digest`` is there is the
    one stored, and is not converted (``ParsedFeed.unchanged``); the others' digests come back in
    ``ParsedFeed.digests``, for the store to keep.
    """
    if not body or body.isspace():
        raise ParseError("empty response body: the server sent no feed")
    document, skipped = _first_entries(defuse(body))
    if _CROWDED.search(document):
        raise ParseError(f"an element has more than {MAX_ATTRIBUTES} attributes: refused as hostile")
    if document.count(b"<") > MAX_TAGS:
        raise ParseError(f"more than {MAX_TAGS:,} tags in the first {MAX_ENTRIES} entries: refused as hostile")
    for reader in readers or READERS:
        parsed = reader(document)
        if parsed is None:
            continue
        meta = parsed.get("feed", {})
        if not parsed.entries and parsed.get("bozo") and not meta:
            raise ParseError(f"not a readable feed: {_one_line(parsed.get('bozo_exception'))}")
        name = outlet or squash(_clip(meta.get("title"), _MAX_TITLE)) or feed_url
        base = meta.get("link") or feed_url
        lang = (meta.get("language") or "").lower()
        try:
            read = _read_unknown(parsed.entries[:MAX_ENTRIES], feed_url, name, base, lang, known or {})
        except _Unsure:  # an entry the reader deferred is not one it reads as feedparser: the next reader
            continue
        warning = _one_line(parsed.get("bozo_exception")) if parsed.get("bozo") else ""
        return replace(
            read,
            ttl_minutes=_int(meta.get("ttl")),
            warning=warning,
            skipped=skipped + max(0, len(parsed.entries) - MAX_ENTRIES),
        )
    raise AssertionError("the last reader must always answer")


class Deferred(Protocol):
    """An entry a reader digests before reading it (the fast path's, ``fastparse.Item``): a stored one is not read.
    A reader's other entries are dictionaries (feedparser's, ``read_fast``'s), read at once.

    ``digest`` stands for ``raw_digest`` of what ``fields`` would give (with the feed's values); ``fields`` is
    that reading, ``dates`` its date fields alone; both None when the feed is the next reader's."""

    __slots__ = ()  # an implementation keeps its own slots (``fastparse.Item``: one per entry element)

    def digest(self, outlet: str, base: str, lang: str) -> bytes: ...

    def fields(self) -> dict[str, Any] | None: ...

    def dates(self) -> dict[str, Any] | None: ...


class _Unsure(Exception):
    """A deferred entry's reader gave it up: the feed goes to the next reader."""


def _read_unknown(
    raws: list[Any], feed_url: str, name: str, base: str, lang: str, known: Mapping[bytes, str]
) -> ParsedFeed:
    """The entries whose raw digest is not ``known``, converted; the others' keys and dates. Of entries
    with the same key, the first wins, converted or not (a feed may repeat an entry: only one is kept).
    Raises _Unsure when a deferred entry's reader gives it up."""
    entries: list[Entry] = []
    unchanged: list[tuple[str, datetime | None]] = []
    digests: dict[str, bytes] = {}
    seen: set[str] = set()
    for raw in raws:
        deferred = not isinstance(raw, dict)  # a ``Deferred``
        digest = raw.digest(name, base, lang) if deferred else raw_digest(raw, name, base, lang)
        key = known.get(digest)
        if key is None:
            entry = to_entry(_read(raw.fields() if deferred else raw), feed_url, name, base, lang)
            if entry.key not in seen:
                entries.append(entry)
                digests[entry.key] = digest
            key = entry.key
        elif key not in seen:
            unchanged.append((key, entry_date(_read(raw.dates() if deferred else raw))))
        seen.add(key)
    return ParsedFeed(name, tuple(entries), unchanged=tuple(unchanged), digests=digests)


def _read(fields: Any) -> Any:
    if fields is None:
        raise _Unsure
    return fields


# Bump when ``to_entry`` makes something else of the same raw fields: stored digests then match nothing,
# and every entry is converted again (and re-checked for an update) on its feed's next changed read.
_CONVERSION = b"1"


def raw_digest(raw: Any, outlet: str, base: str, lang: str) -> bytes:
    """16 bytes that change whenever anything ``to_entry`` reads of ``raw`` (or is given) changes."""
    get = dict.get
    contents = get(raw, "content", ()) or ()
    tags = get(raw, "tags", ()) or ()
    fields = (
        get(raw, "id"),
        get(raw, "link"),
        get(raw, "title"),
        get(raw, "summary"),
        len(contents),
        *(v for c in contents for v in (get(c, "value"), get(c, "language"))),
        get(raw, "author"),
        len(tags),
        *(get(t, "term") for t in tags),
        *(get(raw, key) for key in _DATE_KEYS),
        get(raw, "language"),
        get(get(raw, "title_detail") or {}, "language"),
        outlet,
        base,
        lang,
    )
    digest = hashlib.blake2b(digest_size=16, person=_CONVERSION)
    for value in fields:  # each field as its length and its bytes: no two readings hash alike
        text = (value if type(value) is str else repr(value)).encode("utf-8", "surrogatepass")
        digest.update(len(text).to_bytes(8, "little"))
        digest.update(text)
    return digest.digest()


def read_fast(document: bytes) -> Any:
    """The fast path's reading (fastparse), shaped as feedparser's result; None when it leaves the feed to feedparser.

    An empty reading of a document that holds entries is suspicious: feedparser reads it.
    """
    # Imported here: only parser processes parse, and a daemon at rest should not hold lxml.
    from monitor.ingest import fastparse

    return _shaped(document, fastparse.read(document))


def read_deferred(document: bytes) -> Any:
    """``read_fast`` with its entries ``Deferred`` (``fastparse.Item``): each read only when ``parse_feed`` does
    not know it, which then gives the feed to feedparser if the fast path is unsure of it (what ``read_fast``
    finds out at once)."""
    from monitor.ingest import fastparse

    return _shaped(document, fastparse.items(document))


def _shaped(document: bytes, read: tuple[dict[str, Any], list[Any]] | None) -> Any:
    if read is None or (not read[1] and _ENTRY.search(document)):
        return None
    meta, entries = read
    return _Parsed(feed=meta, entries=entries)


def read_with_feedparser(document: bytes) -> Any:
    # Imported here: only parser processes parse, and a daemon at rest should not hold feedparser (~9 MB).
    import feedparser

    return feedparser.parse(io.BytesIO(document), sanitize_html=False, resolve_relative_uris=False)


class _Parsed(dict[str, Any]):
    """The fast path's reading with feedparser's attribute access (``parsed.entries``)."""

    @property
    def entries(self) -> list[Any]:
        entries: list[Any] = self["entries"]  # feedparser's dictionaries, or Deferred entries
        return entries


Readers = tuple[Callable[[bytes], Any], ...]
READERS: Readers = (read_deferred, read_with_feedparser)


def to_entry(raw: Any, feed_url: str, outlet: str, base: str, lang: str = "") -> Entry:
    # dict.get, not FeedParserDict.get: none of these keys is one feedparser maps to another,
    # and its own lookup costs a Python call each (about 8 µs per entry in all).
    get = dict.get
    title = html_to_text(_clip(get(raw, "title"), _MAX_TITLE))
    raw_summary, raw_content = _clip(get(raw, "summary"), _MAX_TEXT), _clip(_longest_content(raw), _MAX_TEXT)
    summary = html_to_text(raw_summary)
    # A feed with content and no summary has its content copied there (as feedparser does): the same
    # markup is read once, not twice (~0.1 ms for a 3 kB article). Equal markup reads as equal text.
    content = "" if raw_content == raw_summary else html_to_text(raw_content)
    if content == summary:
        content = ""
    link = canonical_link(get(raw, "link", ""), base)
    entry_lang = (get(raw, "language") or _content_lang(raw) or lang).lower()
    return Entry(
        feed_url=feed_url,
        outlet=outlet,
        key=identity(get(raw, "id", ""), link, title, summary),
        link=link,
        title=title,
        summary=summary,
        content=content,
        author=squash(_clip(get(raw, "author"), _MAX_TITLE)),
        tags=tuple(t["term"] for t in get(raw, "tags", ()) if get(t, "term")),
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


_DATE_KEYS = ("published_parsed", "updated_parsed", "created_parsed")  # first found wins


def entry_date(raw: Any) -> datetime | None:
    """The entry's publication (else update) time in UTC, None when absent or absurd."""
    for key in _DATE_KEYS:
        # dict.get: feedparser's own get answers a missing updated_parsed with published_parsed, and a warning.
        parsed = dict.get(raw, key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (OverflowError, ValueError, OSError):
                return None
    return None


def _longest_content(raw: Any) -> str:
    values = [dict.get(c, "value", "") for c in dict.get(raw, "content", ()) or ()]
    return max(values, key=len, default="")


def _content_lang(raw: Any) -> str:
    for detail in (dict.get(raw, "title_detail"), *(dict.get(raw, "content") or ())):
        if detail and dict.get(detail, "language"):
            return str(detail["language"])
    return ""


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _clip(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split())[:300]
