"""Compare-ready text for dedup: wrapping stripped (``clean``), folded, tokenised by script. Pure.

Tokens are script-aware (``monitor.text.script_tokens``): Latin, Cyrillic and other
space-separated scripts give words; scripts written without spaces (Han, kana, Thai, …)
give one token per character, so their bodies still yield meaningful shingles.
"""

from __future__ import annotations

import hashlib
import re

from rapidfuzz import fuzz

from monitor.dedup.clean import clean
from monitor.models import Entry
from monitor.text import NO_SPACE_RANGES, ascii_words_joined, fold, script_tokens, spaced_tokens, word_spaces

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def strip_boilerplate(text: str) -> str:
    """The folded story text without wrapping; paragraphs joined by single spaces."""
    return fold(story_lines(text))


def story_lines(text: str) -> str:
    """``text`` without wrapping, case kept (names are told by it); paragraphs joined by single spaces."""
    return " ".join(clean(text).text.splitlines())


def tokens(text: str) -> list[str]:
    """Words, or single characters for scripts written without spaces."""
    return script_tokens(text)


def _join(text: str) -> str:
    """The tokens of ``text``, space-separated: punctuation and spacing differences vanish, for every script."""
    if text.isascii():
        return ascii_words_joined(text)
    spaced = word_spaces(text)  # a text whose words are all ASCII: its words as the ASCII text's (in C)
    return " ".join(spaced_tokens(text, spaced)) if spaced is None else ascii_words_joined(spaced)


# FROZEN: the tokens content_hash was first made of, which cut words at their combining marks and joiners
# (उज्जैन was "उज ज न"). The hash is stored with each entry and compared with the next fetch's: tokens read
# the way text.token_pattern now does would make every known Indic or Persian entry look updated (and
# re-alert) after an upgrade. Identity needs only to be stable, not to know words: never change this.
_HASH_TOKEN = re.compile(f"[{NO_SPACE_RANGES}]|[^\\W{NO_SPACE_RANGES}]+")


def _hash_join(text: str) -> str:
    """``_join`` with the frozen ``_HASH_TOKEN``: the same for any text whose words hold no mark or joiner
    (``word_spaces`` answers only those; then no mark or joiner is beside an ASCII word either)."""
    if text.isascii():
        return ascii_words_joined(text)
    spaced = word_spaces(text)
    return " ".join(_HASH_TOKEN.findall(text)) if spaced is None else ascii_words_joined(spaced)


def content_hash(entry: Entry) -> str:
    """Identity of an entry's text, insensitive to markup and spacing: decides whether a re-fetch is an update.
    Byte-identical across versions (``_HASH_TOKEN``; tests/test_text_marks.py pins it)."""
    text = _hash_join(fold(entry.title)) + "\n" + _hash_join(fold(entry.body))
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
