"""Compare-ready text for dedup: boilerplate stripped, folded, tokenised by script. Pure.

Syndicated copies differ in wrapping, not in the story: a "Source link" or
"Read More" line, a staff byline, a copyright notice, a "(Reporting by …)"
credit, "Authored by … via Substack," in front. These are removed line by line
before anything is compared, so they can neither hide a copy nor join two
different stories that share the same footer.

Tokens are script-aware: Latin, Cyrillic and other space-separated scripts give
words; Han, Hiragana and Katakana (written without spaces) give one token per
character, so a Japanese or Chinese body still yields meaningful 3-token shingles.
"""

from __future__ import annotations

import hashlib
import re

from rapidfuzz import fuzz

from monitor.models import Entry
from monitor.text import ascii_words, ascii_words_joined, fold

LEDE_CHARS = 300  # the verified opening: long enough to tell stories apart, short enough for trims
OPENING_TOKENS = 24  # the MinHash'd opening: shorter than the shortest summary a copy carries
SHINGLE = 3

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Whole lines that are wrapping, not story (matched on the folded line).
_BOILERPLATE_LINE = re.compile(
    r"^(?:source link|read more\b.{0,80}|(?:copyright|©)\s.{0,120}|\(reporting by .{0,160}\)"
    r"|(?:this (?:article|story) )?(?:was )?originally (?:appeared|published) (?:on|in|at) .{0,80}"
    r"|by [\w .'’-]{2,60}|tyler durden.{0,40}|authored by .{0,80} via \w+,?)$"
)
_LEADING_CREDIT = re.compile(r"^authored by [^,\n]{1,80} via [^,\n]{1,40},\s*", re.IGNORECASE)


def strip_boilerplate(text: str) -> str:
    """The folded story text without wrapping lines; paragraphs joined by single spaces."""
    return fold(story_lines(text))


def story_lines(text: str) -> str:
    """``text`` without wrapping lines, case kept (names are told by it); paragraphs joined by single spaces."""
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and not _BOILERPLATE_LINE.match(fold(line))]
    return _LEADING_CREDIT.sub("", " ".join(kept))


def tokens(text: str) -> list[str]:
    """Words, or single characters for scripts written without spaces."""
    return ascii_words(text) if text.isascii() else _TOKEN.findall(text)


def story_text(entry: Entry) -> str:
    """What copies share: the body without boilerplate, else the title."""
    return strip_boilerplate(entry.body) or fold(entry.title)


def lede(entry: Entry) -> str:
    """The verified opening: the first ``LEDE_CHARS`` of the story text's tokens, space-separated.

    Punctuation is not a token, so a trailing ellipsis ("…", "...") never reaches it.
    """
    return lede_of(story_lines(entry.body), entry.title)


def lede_of(lines: str, title: str) -> str:
    """``lede`` of an entry whose ``story_lines(entry.body)`` are ``lines``."""
    text = fold(lines) or fold(title)
    return _join(text[: LEDE_CHARS + 40])[:LEDE_CHARS]


def _join(text: str) -> str:
    """The tokens of ``text``, space-separated: punctuation and spacing differences vanish, for every script."""
    return ascii_words_joined(text) if text.isascii() else " ".join(_TOKEN.findall(text))


def opening_shingles(text: str) -> list[bytes]:
    """3-token shingles of the first ``OPENING_TOKENS`` tokens of a lede (encoded for hashing)."""
    words = text.split(None, OPENING_TOKENS)[:OPENING_TOKENS]
    if len(words) < SHINGLE:
        return [text.encode()] if text else []
    # zip stops at the shortest: one shingle per run of SHINGLE consecutive words.
    return [" ".join(shingle).encode() for shingle in zip(*(words[i:] for i in range(SHINGLE)), strict=False)]


def content_hash(entry: Entry) -> str:
    """Identity of an entry's text, insensitive to markup and spacing: decides whether a re-fetch is an update."""
    text = _join(fold(entry.title)) + "\n" + _join(fold(entry.body))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def material_change(old: Entry, new: Entry, threshold: float = 95.0) -> tuple[bool, str]:
    """Did the text change enough to tell someone again? Any changed number, or similarity below ``threshold``.

    Returns (material, reason). A typo fix or a moved comma is not material; "12 killed" for "5 killed" is.
    """
    before, after = _join(fold(old.title + "\n" + old.body)), _join(fold(new.title + "\n" + new.body))
    numbers_before, numbers_after = set(_NUMBER.findall(before)), set(_NUMBER.findall(after))
    if numbers_before != numbers_after:
        changed = sorted(numbers_before ^ numbers_after)[:5]
        return True, f"numbers changed: {', '.join(changed)}"
    score = fuzz.ratio(before, after)
    if score < threshold:
        return True, f"text {score:.0f}% like before (< {threshold:.0f}%)"
    return False, f"text {score:.0f}% like before (>= {threshold:.0f}%): minor edit"
