"""Where a rule's matched words stand in a text: one pattern for every way they are shown
(the CLI's [brackets], the console's <mark>), the snippet of body around the first one, and
each word in its context (the alert's "In context" lines). Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


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


CONTEXT_WORDS = 6  # words shown either side of a matched word (the alert's "In context" lines)
CONTEXT_CHARS = 48  # at most this many characters a side: an unspaced script (Japanese) has no words to count


@dataclass(frozen=True, slots=True)
class InContext:
    """A matched word where it stands: the words before it, the word as written, the words after
    ("…" where the text goes on). The template marks ``term``; each part is plain text."""

    before: str
    term: str
    after: str

    def marked(self, left: str = "[", right: str = "]") -> str:
        return f"{self.before}{left}{self.term}{right}{self.after}"


def in_context(texts: Sequence[str], words: Iterable[str], width: int = CONTEXT_WORDS) -> list[InContext]:
    """Each of ``words`` (the words that made a rule fire) where it first stands in ``texts``
    (the title, then the body), with about ``width`` words either side; a word found in
    none of them is left out. Whole words are preferred over a word inside a longer one."""
    found = []
    for word in dict.fromkeys(" ".join(w.split()) for w in words if w.strip()):
        for text in texts:
            text = " ".join(text.split())
            phrase = r"\s+".join(map(re.escape, word.split()))
            hit = re.search(rf"(?<!\w){phrase}(?!\w)", text, re.IGNORECASE) or re.search(phrase, text, re.IGNORECASE)
            if hit:
                before, after = _side(text[: hit.start()], width, -1), _side(text[hit.end() :], width, 1)
                found.append(InContext(before, hit.group(), after))
                break
    return found


def _side(text: str, width: int, direction: int) -> str:
    """The ``width`` words of ``text`` nearest the term (``direction`` -1: the end of ``text``,
    1: its start), at most CONTEXT_CHARS characters, with "…" where it is cut."""
    words = text.split(" ")
    kept = words[-(width + 1) :] if direction < 0 else words[: width + 1]  # +1: the piece touching the term
    shown = " ".join(kept)
    if len(shown) > CONTEXT_CHARS:
        shown = shown[-CONTEXT_CHARS:] if direction < 0 else shown[:CONTEXT_CHARS]
    if len(shown) == len(text):
        return shown
    return "…" + shown if direction < 0 else shown + "…"
