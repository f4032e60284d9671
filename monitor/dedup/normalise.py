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


# FROZEN: the tokens content_hash was first made of, which cut words at their combining marks and joiners
# (उज्जैन was "उज ज न"). The hash is stored with each entry and compared with the next fetch's: tokens read
# the way text.token_pattern now does would make every known Indic or Persian entry look updated (and
# re-alert) after an upgrade. Identity needs only to be stable, not to know words: never change this.
_HASH_TOKEN = re.compile(f"[{NO_SPACE_RANGES}]|[^\\W{NO_SPACE_RANGES}]+")


def _join(text: str, frozen: re.Pattern[str] | None = None) -> str:
    """The tokens of ``text`` (read by ``frozen`` when given), space-separated: punctuation and spacing
    differences vanish, for every script. A text whose words are all ASCII has no mark or joiner in a word
    (``word_spaces``): its words are the ASCII text's, by either reading, found in C."""
    if text.isascii():
        return ascii_words_joined(text)
    spaced = word_spaces(text)
    if spaced is not None:
        return ascii_words_joined(spaced)
    return " ".join(frozen.findall(text) if frozen is not None else spaced_tokens(text, None))


def content_hash(entry: Entry) -> str:
    """Identity of an entry's text, insensitive to markup and spacing: decides whether a re-fetch is an update.
    Byte-identical across versions (``_HASH_TOKEN``; tests/test_text_marks.py pins it)."""
    text = _join(fold(entry.title), _HASH_TOKEN) + "\n" + _join(fold(entry.body), _HASH_TOKEN)
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
