"""Matched words marked in hostile text: every piece is escaped, only the <mark> tags are ours."""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

AROUND = 160  # characters of body shown around the first matched word


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    phrases = sorted({" ".join(w.split()) for w in words if w.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    return re.compile("|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in phrases), re.IGNORECASE)


def marked(text: str, words: Iterable[str]) -> Markup:
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    out, last = Markup(), 0
    for found in pattern.finditer(text):
        out += escape(text[last : found.start()]) + Markup("<mark>") + escape(found.group(0)) + Markup("</mark>")
        last = found.end()
    return out + escape(text[last:])


def snippet(text: str, words: Iterable[str]) -> str:
    """About AROUND characters of ``text`` around the first matched word (empty when none is in it)."""
    text = " ".join(text.split())
    pattern = _pattern(words)
    first = pattern.search(text) if pattern else None
    if first is None:
        return ""
    start = max(0, first.start() - AROUND // 2)
    return ("…" if start else "") + text[start : start + AROUND] + ("…" if start + AROUND < len(text) else "")
