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

import contextlib
import re
import time
from datetime import UTC, datetime
from email.utils import parsedate_tz
from html import escape
from typing import Any
from urllib.parse import urljoin

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

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
_ATOM_TYPES = {"text": "text", "html": "html", "xhtml": "xhtml", "text/plain": "text", "text/html": "html"}
_ATOM_TYPES["application/xhtml+xml"] = "xhtml"
# feedparser fixes "?a=1&amp;b=2" written twice escaped in a link (mixin.pop).
_LINK_ENTITY = re.compile(r"&([A-Za-z0-9_]+);")
_ISO = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?\s*\Z", re.IGNORECASE
)
# feedparser's own mapping of the C1 controls (mixin._cp1252): text it reads gets the same.
_CP1252 = {c: bytes([c]).decode("cp1252") for c in range(0x80, 0xA0) if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


class Unsure(Exception):
    """This feed is feedparser's to read."""


def read(document: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """(feed metadata, entries) as feedparser would give them, or None to let feedparser read ``document``."""
    try:
        root = etree.fromstring(document, _PARSER)
        if root.tag == "rss" and root.get("version", "2.0").startswith(("0.91", "0.92", "2.")):
            channel = root.find("channel")
            if channel is None:
                return None
            return _rss_meta(channel, ""), [_rss_item(item, "") for item in channel.iterfind("item")]
        if root.tag == RDF + "RDF":
            channel = root.find(RSS1 + "channel")
            items = root.findall(RSS1 + "item")
            meta = _rss_meta(channel, RSS1) if channel is not None else {}
            return meta, [_rss_item(item, RSS1) for item in items]
        if root.tag == ATOM + "feed":
            return _atom_meta(root), [_atom_entry(entry) for entry in root.iterfind(ATOM + "entry")]
    except (etree.LxmlError, ValueError, Unsure):
        return None
    return None


def _rss_meta(channel: Any, ns: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for child in channel:
        tag = child.tag
        if tag == ns + "title":
            meta["title"] = _plain(child)
        elif tag == ns + "link":
            meta["link"] = _link_text(child)
        elif tag in ("language", DC + "language"):
            meta["language"] = _plain(child)
        elif tag == "ttl":
            meta["ttl"] = _plain(child)
    return meta


def _rss_item(item: Any, ns: str) -> dict[str, Any]:
    """One RSS entry; raises Unsure on what feedparser reads in its own way."""
    raw: dict[str, Any] = {}
    permalink = False
    about = item.get(RDF + "about")
    if about:
        raw["id"] = about
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == ns + "title":
            _once(raw, "title", _plain(child))
            raw["title_detail"] = {"language": _lang(child)}
        elif tag == ns + "link":
            _once(raw, "link", _link_text(child))
        elif tag == ns + "description":
            _once(raw, "summary", _plain(child))
        elif tag == CONTENT + "encoded":
            if "summary" not in raw and "description" in _after(child, ns):
                raise Unsure("content:encoded before description")
            _once(raw, "content", [{"value": _plain(child), "language": _lang(child)}])
        elif tag == "guid" and not ns:
            _once(raw, "id", _plain(child))
            permalink = child.get("isPermaLink", "true") == "true"
        elif tag == "pubDate" and not ns:
            _once(raw, "published_parsed", _date(_plain(child)))
        elif tag == DC + "date":
            _once(raw, "updated_parsed", _date(_plain(child)))
        elif tag in ("author", DC + "creator", DC + "author") and not (tag == "author" and ns):
            _once(raw, "author", _plain(child))
        elif tag == "category" and not ns:
            _tag(raw, _plain(child), child.get("domain"))
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
            meta["title"] = _construct(child)[0]
        elif child.tag == ATOM + "link" and _alternate(child):
            meta["link"] = _href(child)
    return meta


def _atom_entry(entry: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for child in entry:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == ATOM + "title":
            value, lang = _construct(child)
            _once(raw, "title", value)
            if lang:
                raw["title_detail"] = {"language": lang}
        elif tag == ATOM + "summary":
            _once(raw, "summary", _construct(child)[0])
        elif tag == ATOM + "content":
            value, lang = _construct(child)
            _once(raw, "content", [{"value": value, "language": lang}])
        elif tag == ATOM + "link":
            if _alternate(child):
                raw["link"] = _href(child)  # the last alternate wins, as in feedparser
        elif tag == ATOM + "id":
            _once(raw, "id", _resolved(child))
        elif tag == ATOM + "published":
            _once(raw, "published_parsed", _date(_plain(child)))
        elif tag == ATOM + "updated":
            _once(raw, "updated_parsed", _date(_plain(child)))
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


def _resolved(element: Any) -> str:
    text = _plain(element)
    return urljoin(element.base, text) if element.base and text else text


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


def _link_text(element: Any) -> str:
    text = _LINK_ENTITY.sub(r"&\1", _resolved(element).replace("&amp;", "&"))
    return text


def _person(author: Any) -> str:
    name = _plain(author.find(ATOM + "name")) if author.find(ATOM + "name") is not None else ""
    email = author.find(ATOM + "email")
    address = _plain(email) if email is not None else ""
    return f"{name} ({address})" if name and address else name or address


def _construct(element: Any) -> tuple[str, str | None]:
    """An Atom text construct as feedparser stores it (xhtml: the inner markup of its div), and its xml:lang."""
    kind = _ATOM_TYPES.get(element.get("type", "text"))
    if kind is None or element.get("src") is not None:
        raise Unsure("content by reference or of another type")
    lang = _lang(element)
    if kind != "xhtml":
        return _plain(element), lang
    children = list(element)
    if len(children) == 1 and children[0].tag == XHTML + "div" and not (element.text or "").strip():
        element = children[0]
    etree.cleanup_namespaces(element)
    inner = escape(element.text or "", quote=False) + "".join(
        etree.tostring(c, encoding=str, with_tail=True) for c in element
    )
    return _fix(inner.strip()), lang


def _lang(element: Any) -> str | None:
    """The xml:lang in scope: feedparser's ``language`` of a text construct."""
    for node in (element, *element.iterancestors()):
        if node.get(XML_LANG):
            return str(node.get(XML_LANG))
    return None


def _plain(element: Any) -> str:
    """The text of an element that holds text only (else feedparser's own reading is needed)."""
    if len(element):
        raise Unsure("markup inside a text element")
    return _fix((element.text or "").strip())


def _fix(text: str) -> str:
    """feedparser's repairs of read text (mixin.pop): UTF-8 read as Latin-1, then C1 controls as cp1252."""
    if text.isascii():
        return text
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("iso-8859-1").decode("utf-8")
    return text.translate(_CP1252)


def _date(value: str) -> time.struct_time | None:
    """A UTC struct_time from RFC 822 or W3C-DTF; raises Unsure on other forms feedparser might read."""
    if not value:
        return None
    iso = _ISO.match(value)
    if iso:
        year, month, day, hour, minute, second, zone = iso.groups()
        stamp = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
        offset = 0
        if zone and zone.upper() != "Z":
            digits = zone.replace(":", "")
            offset = (int(digits[1:3]) * 60 + int(digits[3:5])) * (-1 if digits[0] == "-" else 1)
        elif not zone and hour is not None:
            raise Unsure("a time without a zone")
        return time.gmtime(stamp.replace(tzinfo=UTC).timestamp() - offset * 60)
    parts = parsedate_tz(value)
    if parts is None or parts[9] is None or parts[0] < 1000:
        raise Unsure(f"date {value!r}")
    return time.gmtime(datetime(*parts[:6], tzinfo=UTC).timestamp() - parts[9])
