"""The fast path of ``parse.parse_feed``: well-formed RSS 2.0, RSS 1.0 and Atom 1.0 read with lxml.

feedparser takes ~150-800 µs per entry in pure Python; libxml2 reads the same entry in
a few µs. ``read`` answers with the dictionaries ``parse.to_entry`` reads from feedparser
(same keys, same values) or None: anything it is not sure to read as feedparser would
(malformed XML, an undeclared entity, an encoding libxml2 lacks, another format, an
element feedparser maps onto a field this module ignores, a date it cannot parse, two
of one field in an entry) goes to feedparser, the reference. tests/test_conformance.py
measures the agreement on feedparser's own test feeds.

Hardening: the body has been through ``parse.defuse`` (no DOCTYPE) and the size caps;
the parser resolves no entity, loads no DTD, never touches the network and refuses
huge text nodes (``_PARSER``).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from monitor.ingest import fastvalues, parse
from monitor.ingest.fastvalues import XML_LANG, Unsure, construct, date, lang_of, link_text, plain, resolved

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
    recover=False,
)

# Namespaces whose elements feedparser maps onto a field the monitor reads (title, summary,
# content, author, tags, dates, language, link): an entry holding one is left to feedparser.
# Elements in any other namespace (media thumbnails, slash comments, georss) change nothing.
_MAPPED = (
    "{http://www.itunes.com/dtds/podcast-1.0.dtd}",
    "{http://www.itunes.com/DTDs/Podcast-1.0.dtd}",
    "{http://search.yahoo.com/mrss/}",
    "{http://search.yahoo.com/mrss}",
    "{http://purl.org/dc/terms/}",
    "{http://purl.org/atom/ns#}",
    "{http://www.w3.org/2005/Atom}",
    "{http://www.w3.org/1999/xhtml}",
    "{http://purl.org/rss/1.0/modules/rss091#}",
    "{http://backend.userland.com/rss}",
    "{http://backend.userland.com/rss2}",
    "{http://blogs.law.harvard.edu/tech/rss}",
    "{http://purl.org/net/rss1.1#}",
    "{http://my.netscape.com/rdf/simple/0.9/}",
    "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}",
)
_MAPPED_IN_ATOM = tuple(ns for ns in _MAPPED if ns != ATOM)
# RSS item elements feedparser reads into no field the monitor uses.
_RSS_IGNORED = frozenset(("comments", "enclosure", "source", "docs", "rating", "cloud", "image", "textinput"))


def read(document: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """(feed metadata, entries) as feedparser would give them, or None to let feedparser read ``document``."""
    found = items(document)
    if found is None:
        return None
    meta, elements = found
    entries = [element.fields() for element in elements]
    return None if None in entries else (meta, entries)  # type: ignore[return-value]


def items(document: bytes) -> tuple[dict[str, Any], list[Item]] | None:
    """(feed metadata, entry elements), each read only when asked (``Item.fields``); None for feedparser."""
    try:
        root = etree.fromstring(document, _PARSER)
        if root.tag == "rss" and root.get("version", "2.0").startswith(("0.91", "0.92", "2.")):
            channel = root.find("channel")
            if channel is None:
                return None
            return _rss_meta(channel, ""), [Item(item, "") for item in channel.iterfind("item")]
        if root.tag == RDF + "RDF":
            channel = root.find(RSS1 + "channel")
            meta = _rss_meta(channel, RSS1) if channel is not None else {}
            return meta, [Item(item, RSS1) for item in root.findall(RSS1 + "item")]
        if root.tag == ATOM + "feed":
            return _atom_meta(root), [Item(entry, ATOM) for entry in root.iterfind(ATOM + "entry")]
    except (etree.LxmlError, ValueError, Unsure):
        return None
    return None


# What reading an element depends on besides the element: this reading's code (``parse`` converts what it
# reads) and the libraries under it. Any edit of them makes every stored digest a miss, read once again.
_READER = hashlib.blake2b(
    b"".join(Path(module.__file__ or "").read_bytes() for module in (sys.modules[__name__], fastvalues, parse))
    + f"{sys.version}|{etree.LXML_VERSION}|{etree.LIBXML_VERSION}".encode(),
    digest_size=16,
).digest()


class Item(parse.Deferred):
    """One entry element (RSS 2.0, RSS 1.0 or Atom, by ``ns``), digested before it is read: a stored entry
    whose digest is known is never read again (``parse._read_unknown``)."""

    __slots__ = ("element", "ns")

    def __init__(self, element: Any, ns: str):
        self.element = element
        self.ns = ns

    def digest(self, outlet: str, base: str, lang: str) -> bytes:
        """16 bytes that change whenever anything ``fields`` and ``parse.to_entry`` read changes: the element as
        parsed (comments gone, entities resolved), what it inherits (xml:base, xml:lang, namespaces), the feed's
        values given to the conversion, and the code (``_READER``). Taken before ``fields``, which may alter
        the element (``fastvalues.construct`` drops unused namespace declarations)."""
        element = self.element
        digest = hashlib.blake2b(_READER, digest_size=16, person=b"fastparse")
        inherited = (self.ns, outlet, base, lang, element.base or "", lang_of(element) or "")
        for text in (*inherited, repr(sorted(element.nsmap.items(), key=str))):
            data = text.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        digest.update(etree.tostring(element, with_tail=False))
        return digest.digest()

    def fields(self) -> dict[str, Any] | None:
        """The entry as feedparser gives it; None when feedparser should read the feed."""
        try:
            return _atom_entry(self.element) if self.ns == ATOM else _rss_item(self.element, self.ns)
        except (etree.LxmlError, ValueError, Unsure):
            return None

    def dates(self) -> dict[str, Any] | None:
        """Only the dates of ``fields`` (an entry read as stored needs no more); None as ``fields``."""
        found: dict[str, Any] = {}
        keys = _dates(self.ns)
        try:
            for child in self.element:
                key = keys.get(child.tag) if isinstance(child.tag, str) else None
                if key is not None:
                    found[key] = date(plain(child))
        except (ValueError, Unsure):
            return None
        return {key: value for key, value in found.items() if value is not None}


def _dates(ns: str) -> dict[str, str]:
    """An entry's date elements and the fields they fill (``_rss_item``, ``_atom_entry``)."""
    if ns == ATOM:
        return {ATOM + "published": "published_parsed", ATOM + "updated": "updated_parsed"}
    return {DC + "date": "updated_parsed", **({} if ns else {"pubDate": "published_parsed"})}


def _rss_meta(channel: Any, ns: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for child in channel:
        tag = child.tag
        if tag == ns + "title":
            meta["title"] = plain(child)
        elif tag == ns + "link":
            meta["link"] = link_text(child)
        elif tag in ("language", DC + "language"):
            meta["language"] = plain(child)
        elif tag == "ttl":
            meta["ttl"] = plain(child)
    return meta


def _rss_item(item: Any, ns: str) -> dict[str, Any]:
    """One RSS entry; raises Unsure on what feedparser reads in its own way."""
    raw: dict[str, Any] = {}
    permalink = False
    dates = _dates(ns)
    about = item.get(RDF + "about")
    if about:
        raw["id"] = about
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == ns + "title":
            _once(raw, "title", plain(child))
            raw["title_detail"] = {"language": lang_of(child)}
        elif tag == ns + "link":
            _once(raw, "link", link_text(child))
        elif tag == ns + "description":
            _once(raw, "summary", plain(child))
        elif tag == CONTENT + "encoded":
            if "summary" not in raw and "description" in _after(child, ns):
                raise Unsure("content:encoded before description")
            _once(raw, "content", [{"value": plain(child), "language": lang_of(child)}])
        elif tag == "guid" and not ns:
            _once(raw, "id", plain(child))
            permalink = child.get("isPermaLink", "true") == "true"
        elif tag in dates:
            _once(raw, dates[tag], date(plain(child)))
        elif tag in ("author", DC + "creator", DC + "author") and not (tag == "author" and ns):
            _once(raw, "author", plain(child))
        elif tag == "category" and not ns:
            _tag(raw, plain(child), child.get("domain"))
        elif tag.startswith(_MAPPED) or tag.startswith(DC) or (tag[0] != "{" and tag not in _RSS_IGNORED):
            raise Unsure(tag)
    if "summary" not in raw and "content" in raw:
        raw["summary"] = raw["content"][0]["value"]  # feedparser copies content to a missing summary
    if permalink and raw.get("id"):
        raw["id"] = urljoin(item.base, raw["id"]) if item.base else raw["id"]  # feedparser resolves a permalink
        raw.setdefault("link", raw["id"])
    for key in ("published_parsed", "updated_parsed"):
        if raw.get(key) is None:
            raw.pop(key, None)
    return raw


def _after(child: Any, ns: str) -> set[str]:
    return {sibling.tag.removeprefix(ns) for sibling in child.itersiblings() if isinstance(sibling.tag, str)}


def _atom_meta(feed: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    lang = feed.get(XML_LANG)
    if lang:
        meta["language"] = lang
    for child in feed:
        if child.tag == ATOM + "title":
            meta["title"] = construct(child)[0]
        elif child.tag == ATOM + "link" and _alternate(child):
            meta["link"] = _href(child)
    return meta


def _atom_entry(entry: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    dates = _dates(ATOM)
    for child in entry:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == ATOM + "title":
            value, lang = construct(child)
            _once(raw, "title", value)
            if lang:
                raw["title_detail"] = {"language": lang}
        elif tag == ATOM + "summary":
            _once(raw, "summary", construct(child)[0])
        elif tag == ATOM + "content":
            value, lang = construct(child)
            _once(raw, "content", [{"value": value, "language": lang}])
        elif tag == ATOM + "link":
            if _alternate(child):
                raw["link"] = _href(child)  # the last alternate wins, as in feedparser
        elif tag == ATOM + "id":
            _once(raw, "id", resolved(child))
        elif tag in dates:
            _once(raw, dates[tag], date(plain(child)))
        elif tag == ATOM + "author":
            _once(raw, "author", _person(child))
        elif tag == ATOM + "category":
            _tag(raw, child.get("term"), child.get("scheme"), child.get("label"))
        elif tag.startswith(_MAPPED_IN_ATOM) or tag.startswith(DC):
            raise Unsure(tag)
    if "summary" not in raw and "content" in raw:
        raw["summary"] = raw["content"][0]["value"]
    if raw.get("id"):
        raw.setdefault("link", raw["id"])  # an Atom id is a permalink to feedparser
    for key in ("published_parsed", "updated_parsed"):
        if raw.get(key) is None:
            raw.pop(key, None)
    return raw


def _tag(raw: dict[str, Any], term: str | None, scheme: str | None, label: str | None = None) -> None:
    """feedparser's _add_tag: a tag once, however often it is repeated."""
    tag = {"term": term, "scheme": scheme, "label": label}
    tags = raw.setdefault("tags", [])
    if (term or scheme or label) and tag not in tags:
        tags.append(tag)


def _once(raw: dict[str, Any], key: str, value: Any) -> None:
    if key in raw:
        raise Unsure(f"two {key}")
    raw[key] = value


def _alternate(link: Any) -> bool:
    kind = link.get("type", "text/html")
    return link.get("rel", "alternate") == "alternate" and kind in ("text/html", "application/xhtml+xml")


def _href(link: Any) -> str:
    href = (link.get("href") or "").strip()
    return urljoin(link.base, href) if link.base else href


def _person(author: Any) -> str:
    name = plain(author.find(ATOM + "name")) if author.find(ATOM + "name") is not None else ""
    email = author.find(ATOM + "email")
    address = plain(email) if email is not None else ""
    return f"{name} ({address})" if name and address else name or address
