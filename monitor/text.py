"""Text normalisation shared by parsing, dedup and rule matching. Pure functions."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_MARKUP_HINT = re.compile(r"<[a-zA-Z/!]|&[#a-zA-Z0-9]+;")
# Latin, Greek and Cyrillic letters lose their accents when folded; other scripts
# keep their marks (dropping the dakuten of バ would turn it into ハ).
_FOLDABLE_BASE = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
_BLOCK_TAGS = "p,div,br,li,h1,h2,h3,h4,h5,h6,blockquote,tr,section,article"


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, paragraphs kept.

    Safe on any input, including plain text that merely contains ``<`` or ``&``.
    """
    if not markup:
        return ""
    if not _MARKUP_HINT.search(markup):
        return squash(markup)
    from selectolax.lexbor import LexborHTMLParser  # only parser processes read HTML: not held by an idle daemon

    tree = LexborHTMLParser(markup)
    for node in tree.css("script,style,noscript,iframe,object"):
        node.decompose()
    for node in tree.css(_BLOCK_TAGS):
        node.insert_after("\n")
    root = tree.body or tree.root
    return squash(root.text(separator="") if root is not None else "")


def squash(text: str) -> str:
    """Collapse runs of spaces, keep single paragraph breaks, trim."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line)).strip()


def fold(text: str) -> str:
    """Compare-ready text: NFKC (width), casefold (case), Latin/Greek/Cyrillic accents dropped.

    ``fold("Talibán") == fold("TALIBAN")`` and ``fold("ＴＡＬＩＢＡＮ") == "taliban"``.
    Arabic vowel marks (harakat) are dropped too. The result may be shorter or longer
    than the input: map positions back with ``fold_map``, never by index.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    if not _marks().search(decomposed):
        return text  # nothing to drop: the NFKC form is already the answer
    stripped = _marks_after_foldable().sub(r"\1", decomposed)
    return unicodedata.normalize("NFC", _ARABIC_MARKS.sub("", stripped))


def match_text(text: str) -> str:
    """``fold`` with every run of white space made one space: what rule terms are sought in."""
    return _WHITE_TO_SPACE.sub(" ", fold(text))


def fold_map(text: str) -> tuple[str, list[int], list[int]] | None:
    """``match_text(text)`` with, for each of its characters, the original span it came from.

    Returns (folded, starts, ends): folded character ``i`` came from ``text[starts[i]:ends[i]]``.
    Folding runs cluster by cluster (a character and its combining marks); in the rare text
    where that differs from folding the whole (half-width kana with a separate voicing mark),
    returns None and callers show folded words instead.
    """
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _CLUSTER.finditer(text):
        piece = match.group(0)
        part = " " if piece.isspace() else fold(piece)
        if folded and part == " " and folded[-1] == " ":
            ends[-1] = match.end()
            continue
        folded.extend(part)
        starts.extend([match.start()] * len(part))
        ends.extend([match.end()] * len(part))
    result = "".join(folded)
    return (result, starts, ends) if result == match_text(text) else None


class OriginalWords:
    """Maps spans of ``match_text(text)`` back to ``text``, word by word, cheaply.

    Folding never adds or removes white space between words (checked: when it does,
    the slower ``fold_map`` of the whole text is used), so the n-th word of the folded
    text is the n-th word of the original; only non-ASCII words need a character map.
    """

    def __init__(self, text: str, folded: str):
        self.text = text
        self.folded = folded
        self._words = [m.span() for m in _NOT_WHITE.finditer(text)]
        self._folded_starts = [m.start() for m in _NOT_WHITE.finditer(folded)]
        self._whole: tuple[str, list[int], list[int]] | bool | None = False  # False: not computed

    def span(self, start: int, end: int) -> str:
        """The original text of folded ``[start, end)``; the folded text if it cannot be mapped."""
        if len(self._words) == len(self._folded_starts):
            first, last = self._position(start), self._position(end - 1)
            if first is not None and last is not None:
                return self.text[first[0] : last[1]]
        if self._whole is False:
            self._whole = fold_map(self.text)
        if isinstance(self._whole, tuple):
            _, starts, ends = self._whole
            return self.text[starts[start] : ends[end - 1]]
        return self.folded[start:end]

    def _position(self, index: int) -> tuple[int, int] | None:
        """The original (start, end) of the character that folded to ``folded[index]``."""
        word = bisect.bisect_right(self._folded_starts, index) - 1
        if word < 0:
            return None
        begin, finish = self._words[word]
        offset = index - self._folded_starts[word]
        original = self.text[begin:finish]
        if original.isascii():
            return begin + offset, begin + offset + 1
        mapped = fold_map(original)
        if mapped is None or offset >= len(mapped[0]):
            return None
        return begin + mapped[1][offset], begin + mapped[2][offset]


def without_spaces(char: str) -> bool:
    """True for scripts written without spaces between words (Han, kana, Thai, ...)."""
    return bool(_NO_SPACE.match(char))


def is_word_char(char: str) -> bool:
    """A letter or digit of a script that separates words with spaces."""
    return bool(_SPACED_WORD.match(char))


# Scripts written without spaces: a term in them matches inside running text.
NO_SPACE_RANGES = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\U00020000-\U0003134f"  # Han extensions
)
_NO_SPACE = re.compile(f"[{NO_SPACE_RANGES}]")
_SPACED_WORD = re.compile(f"[^\\W{NO_SPACE_RANGES}]")
# Every run of white space becomes one space, as re.sub(r"\s+", " ", ...) would, but a
# lone space is left alone instead of rewritten: 4x faster on ordinary text.
_WHITE_TO_SPACE = re.compile(r"\s{2,}|[^\S ]")
_NOT_WHITE = re.compile(r"\S+")
_CLUSTER = re.compile(
    r"\s+|.[\u0300-\u036f\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a\uff9e\uff9f]*",
    re.S,
)
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")  # tanwin, harakat, shadda, sukun, dagger alif


@functools.cache
def _marks() -> re.Pattern[str]:
    """Every combining mark (Unicode Mn/Mc/Me), as one character class; built on first use."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x20000):
        if unicodedata.combining(chr(code)) or unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile(f"[{body}]")


@functools.cache
def _marks_after_foldable() -> re.Pattern[str]:
    return re.compile(f"({_FOLDABLE_BASE.pattern}){_marks().pattern}+")
