"""OPML subscription lists in and out. Pure: bytes in, values out (and back).

Import reads every ``<outline xmlUrl=...>`` at any depth (readers nest them in
folders). The file comes from elsewhere, so its DOCTYPE (the carrier of entity
attacks) is cut before the stdlib parser sees it, as for feeds.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from monitor.errors import ParseError
from monitor.ingest.parse import defuse


@dataclass(frozen=True, slots=True)
class Outline:
    url: str
    title: str


_OPML_ROOT = re.compile(rb"<opml[\s>/]", re.IGNORECASE)


def read(body: bytes) -> list[Outline]:
    """Every feed outline with an http(s) xmlUrl, in document order, each URL once.

    Raises ParseError when the body is not OPML."""
    try:
        root = ET.fromstring(defuse(body, _OPML_ROOT, "OPML (no <opml> element)"))
    except (ET.ParseError, ParseError) as exc:
        raise ParseError(f"not a readable OPML file: {exc}") from exc
    if root.tag.lower() != "opml":
        raise ParseError(f"not an OPML file: the root element is <{root.tag}>, expected <opml>")
    seen: set[str] = set()
    found = []
    for node in root.iter("outline"):
        url = (node.get("xmlUrl") or node.get("xmlurl") or "").strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or url in seen:
            continue
        seen.add(url)
        found.append(Outline(url, (node.get("title") or node.get("text") or parts.hostname).strip()))
    return found


def write(feeds: Iterable[Outline], title: str = "monitor feeds") -> bytes:
    """An OPML 2.0 document listing ``feeds``."""
    root = ET.Element("opml", version="2.0")
    ET.SubElement(ET.SubElement(root, "head"), "title").text = title
    body = ET.SubElement(root, "body")
    for feed in feeds:
        ET.SubElement(body, "outline", type="rss", text=feed.title, title=feed.title, xmlUrl=feed.url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
