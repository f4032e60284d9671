"""Matched words marked in hostile text: every piece is escaped, only the <mark> tags are ours."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from monitor.rules.highlight import snippet as body_snippet
from monitor.rules.highlight import words_pattern

AROUND = 160  # characters of body shown around the first matched word


def marked(text: str, words: Iterable[str]) -> Markup:
    pattern = words_pattern(words, ignore_case=True)
    if pattern is None:
        return escape(text)
    out, last = Markup(), 0
    for found in pattern.finditer(text):
        out += escape(text[last : found.start()]) + Markup("<mark>") + escape(found.group(0)) + Markup("</mark>")
        last = found.end()
    return out + escape(text[last:])


def snippet(text: str, words: Iterable[str]) -> str:
    """About AROUND characters of ``text`` around the first matched word (empty when none is in it)."""
    return body_snippet(text, words, AROUND, ignore_case=True)
