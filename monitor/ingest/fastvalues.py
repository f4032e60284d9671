"""Values of feed elements as feedparser gives them, for the fast path (``fastparse``): text
constructs, plain text with feedparser's repairs, links, languages and dates. Anything read
otherwise than feedparser would raises ``Unsure`` (the feed goes to feedparser)."""

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

XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ATOM_TYPES = {"text": "text", "html": "html", "xhtml": "xhtml", "text/plain": "text", "text/html": "html"}
_ATOM_TYPES["application/xhtml+xml"] = "xhtml"
# feedparser fixes "?a=1&amp;b=2" written twice escaped in a link (mixin.pop).
_LINK_ENTITY = re.compile(r"&([A-Za-z0-9_]+);")
_ISO = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?\s*\Z", re.IGNORECASE
)
# feedparser's own mapping of the C1 controls (mixin._cp1252): text it reads gets the same.
_CP1252 = {c: bytes([c]).decode("cp1252") for c in range(0x80, 0xA0) if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_C1 = re.compile("[\x80-\x9f]")  # what _CP1252 may change: a text without one is left as it is


class Unsure(Exception):
    """This feed is feedparser's to read."""


def resolved(element: Any) -> str:
    text = plain(element)
    return urljoin(element.base, text) if element.base and text else text


def link_text(element: Any) -> str:
    text = _LINK_ENTITY.sub(r"&\1", resolved(element).replace("&amp;", "&"))
    return text


def construct(element: Any) -> tuple[str, str | None]:
    """An Atom text construct as feedparser stores it (xhtml: the inner markup of its div), and its xml:lang."""
    kind = _ATOM_TYPES.get(element.get("type", "text"))
    if kind is None or element.get("src") is not None:
        raise Unsure("content by reference or of another type")
    lang = lang_of(element)
    if kind != "xhtml":
        return plain(element), lang
    children = list(element)
    if len(children) == 1 and children[0].tag == XHTML + "div" and not (element.text or "").strip():
        element = children[0]
    etree.cleanup_namespaces(element)
    inner = escape(element.text or "", quote=False) + "".join(
        etree.tostring(c, encoding=str, with_tail=True) for c in element
    )
    return fix(inner.strip()), lang


def lang_of(element: Any) -> str | None:
    """The xml:lang in scope: feedparser's ``language`` of a text construct."""
    for node in (element, *element.iterancestors()):
        if node.get(XML_LANG):
            return str(node.get(XML_LANG))
    return None


def plain(element: Any) -> str:
    """The text of an element that holds text only (else feedparser's own reading is needed)."""
    if len(element):
        raise Unsure("markup inside a text element")
    return fix((element.text or "").strip())


def fix(text: str) -> str:
    """feedparser's repairs of read text (mixin.pop): UTF-8 read as Latin-1, then C1 controls as cp1252."""
    if text.isascii():
        return text
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("iso-8859-1").decode("utf-8")
    # translate looks up every character in the dict (~40 us per 1,000 characters: 0.12 CPU-s of reading 20
    # newsroom feeds); a C1 control is rare, and a scan for one costs a tenth of that.
    return text.translate(_CP1252) if _C1.search(text) else text


def date(value: str) -> time.struct_time | None:
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
