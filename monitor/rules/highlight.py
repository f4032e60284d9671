"""Where a rule's matched words stand in a text: one pattern for every way they are shown
(the CLI's [brackets], the console's <mark>), and the snippet of body around the first one."""

from __future__ import annotations

import re
from collections.abc import Iterable


def words_pattern(words: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str] | None:
    """Any of ``words`` (longest first, so a phrase wins over its own first word), any run of
    white space between the words of a phrase; None when there is no word."""
    phrases = sorted({" ".join(w.split()) for w in words if w.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(alternatives, re.IGNORECASE if ignore_case else 0)


def snippet(text: str, words: Iterable[str], width: int, *, ignore_case: bool = False) -> str:
    """About ``width`` characters of ``text`` around the first matched word (empty when none is in it)."""
    text = " ".join(text.split())
    pattern = words_pattern(words, ignore_case=ignore_case)
    first = pattern.search(text) if pattern else None
    if first is None:
        return ""
    start = max(0, first.start() - width // 2)
    return ("…" if start else "") + text[start : start + width] + ("…" if start + width < len(text) else "")
