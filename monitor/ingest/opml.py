"""OPML subscription lists in and out. Pure: bytes in, values out (and back).

Import reads every ``<outline xmlUrl=...>`` at any depth; the titles of the outlines
that hold it (a reader's folders) become its ``folder``, joined with "/". Outlines
that cannot be polled are returned with the reason, never dropped silently. The file
comes from elsewhere, so its DOCTYPE (the carrier of entity attacks) is cut before
the stdlib parser sees it, as for feeds. Export writes folders back as nested outlines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from monitor.errors import ParseError
from monitor.ingest.parse import defuse


@dataclass(frozen=True, slots=True)
class Outline:
    url: str
    title: str
    folder: str = ""  # "News/World" for an outline inside folders "News" then "World"


@dataclass(frozen=True, slots=True)
class Skipped:
    url: str
    title: str
    why: str


@dataclass(frozen=True, slots=True)
class Subscriptions:
    """What an OPML file lists: the feeds to add, in document order, and the outlines left out with why."""

    feeds: list[Outline] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


_OPML_ROOT = re.compile(rb"<opml[\s>/]", re.IGNORECASE)


def read(body: bytes) -> Subscriptions:
    """Every feed outline with an http(s) xmlUrl, each URL once; the others in ``skipped``.

    Raises ParseError when the body is not OPML."""
    if not _OPML_ROOT.search(body[:1_048_576]):
        raise ParseError("not an OPML file: it has no <opml> element (export the subscription list as OPML)")
    try:
        root = ET.fromstring(defuse(body, _OPML_ROOT, "OPML"))
    except (ET.ParseError, ParseError) as exc:
        raise ParseError(f"not a readable OPML file: {exc}") from exc
    if root.tag.lower() != "opml":
        raise ParseError(f"not an OPML file: the root element is <{root.tag}>, expected <opml>")
    found = Subscriptions()
    seen: set[str] = set()
    section = root.find("body")
    for node, folder in _outlines(root if section is None else section, ()):
        url = (node.get("xmlUrl") or node.get("xmlurl") or "").strip()
        parts = urlsplit(url)
        title = (node.get("title") or node.get("text") or parts.hostname or url).strip()
        why = _refused(url, parts.scheme, parts.hostname, seen)
        if why:
            found.skipped.append(Skipped(url, title, why))
            continue
        seen.add(url)
        found.feeds.append(Outline(url, title, "/".join(folder)))
    return found


def _outlines(parent: ET.Element, folder: tuple[str, ...]) -> Iterable[tuple[ET.Element, tuple[str, ...]]]:
    """Each feed outline (one with an xmlUrl, or a leaf) with the folder titles above it."""
    for node in parent.findall("outline"):
        if node.get("xmlUrl") is None and node.get("xmlurl") is None and len(node):
            yield from _outlines(node, (*folder, (node.get("title") or node.get("text") or "").strip()))
        else:
            yield node, folder


def _refused(url: str, scheme: str, host: str | None, seen: set[str]) -> str:
    if not url:
        return "no xmlUrl: not a feed"
    if scheme not in ("http", "https"):
        return f"{scheme or 'no'} scheme: only http and https feeds are polled"
    if not host:
        return "no host name in the URL"
    return "listed twice" if url in seen else ""


def write(feeds: Iterable[Outline], title: str = "monitor feeds") -> bytes:
    """An OPML 2.0 document listing ``feeds``, inside nested folder outlines where they have one."""
    root = ET.Element("opml", version="2.0")
    ET.SubElement(ET.SubElement(root, "head"), "title").text = title
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {"": body}
    for feed in feeds:
        parent = _folder(folders, feed.folder)
        ET.SubElement(parent, "outline", type="rss", text=feed.title, title=feed.title, xmlUrl=feed.url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _folder(folders: dict[str, ET.Element], path: str) -> ET.Element:
    if path not in folders:
        parent, _, name = path.rpartition("/")
        folders[path] = ET.SubElement(_folder(folders, parent), "outline", text=name, title=name)
    return folders[path]
