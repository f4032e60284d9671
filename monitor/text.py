"""Text normalisation shared by parsing, dedup and rule matching. Pure functions."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from array import array


def class_run(one: str) -> re.Pattern[str]:
    """A run of the characters of the class ``one`` ("[…]"), written as the class and its repeat ("[a][a]*", not
    "[a]+"): ``re`` seeks in C where a pattern opening with a class may match, but tries one opening with a repeat
    at every character (``NO_SPACE_RUN`` over a story of the dedup sets: ~14 µs as "[…]+", ~3 µs so)."""
    return re.compile(f"{one}{one}*")


_SPACE = class_run(r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000]")
# Within a line, str.split() splits on exactly _SPACE's characters except these: the
# zero-width space (not white space to str), and the unit separator and three spaces
# that _SPACE leaves alone (computed over all of Unicode; tests/test_text_fast_paths.py).
_SPLIT_DIFFERS = ("\u200b", "\x1f", "\u1680", "\u202f", "\u205f")
# Invisible marks a CMS puts inside words (soft hyphen, zero-width space, word joiner): hyphenation
# hints, not word breaks. "Robo\u200btics" is one word to read, to match and to compare.
INVISIBLE_IN_WORDS = "\u00ad\u200b\u2060"
_INVISIBLE = str.maketrans("", "", INVISIBLE_IN_WORDS)
_MARKUP_HINT = re.compile(r"<[a-zA-Z/!]|&[#a-zA-Z0-9]+;")
# Latin, Greek and Cyrillic letters lose their accents when folded; other scripts
# keep their marks (dropping the dakuten of バ would turn it into ハ).
_FOLDABLE_BASE = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
_BLOCK_TAGS = "p,div,br,li,h1,h2,h3,h4,h5,h6,blockquote,tr,section,article"
# The markup paragraphs_text reads: <p>, </p>, <br>, <br/>, <br />, five named entities, numeric ones.
_PARAGRAPHS = re.compile(r"<(/?)p>|<br(?: ?/)?>|&(?:(amp|lt|gt|quot|apos|nbsp)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\u00a0"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, paragraphs kept.

    Safe on any input, including plain text that merely contains ``<`` or ``&``.
    """
    if not markup:
        return ""
    if ("<" not in markup and "&" not in markup) or not _MARKUP_HINT.search(markup):
        return squash(markup)
    simple = paragraphs_text(markup)
    return squash(simple if simple is not None else parsed_text(markup))


def parsed_text(markup: str) -> str:
    """The text of ``markup`` as the HTML parser reads it, a line break after each block element, unsquashed."""
    from selectolax.lexbor import LexborHTMLParser  # only parser processes read HTML: not held by an idle daemon

    tree = LexborHTMLParser(markup)
    for node in tree.css("script,style,noscript,iframe,object"):
        node.decompose()
    for node in tree.css(_BLOCK_TAGS):
        node.insert_after("\n")
    root = tree.body or tree.root
    return root.text(separator="") if root is not None else ""


def paragraphs_text(markup: str) -> str | None:
    """``parsed_text(markup)`` up to white space that ``squash`` removes, without the HTML parser,
    when the only tags are ``<p>``, ``</p>`` and ``<br>`` and the only entities are plain
    (``_PARAGRAPHS``); None for any other markup.

    Summaries are often just that, and parsing them cost 10-20 µs each. The HTML rules
    followed: a ``<p>`` closes an open paragraph, a ``</p>`` with none open makes an
    empty one, a line break follows each paragraph and ``<br>``, text in between stays.
    tests/test_text_fast_paths.py checks the two agree on markup of this kind.
    """
    if "\x00" in markup or "\ufeff" in markup or (not markup.isascii() and _SURROGATE.search(markup)):
        return None  # characters the parser drops or replaces
    pieces: list[str] = []
    in_paragraph = False
    done = 0  # markup before this is read
    # str.find runs at memchr speed: much faster than a regex scan of the whole text.
    lt, amp = markup.find("<"), markup.find("&")
    while lt >= 0 or amp >= 0:
        at = lt if amp < 0 or 0 <= lt < amp else amp
        token = _PARAGRAPHS.match(markup, at)
        if token is None:
            return None  # another tag or entity, or a lone "<" or "&"
        pieces.append(markup[done:at])
        done = token.end()
        close, named, decimal, hexadecimal = token.groups()
        if named:
            pieces.append(_ENTITIES[named])
        elif decimal or hexadecimal:
            char = _plain_char(int(decimal, 10) if decimal else int(hexadecimal, 16))
            if char is None:
                return None
            pieces.append(char)
        elif token.group()[1] == "b":  # <br>
            pieces.append("\n")
        else:  # <p> closes an open paragraph; </p> closes one, or makes an empty one
            if close or in_paragraph:
                pieces.append("\n")
            in_paragraph = not close
        if at == lt:
            lt = markup.find("<", done)
        else:
            amp = markup.find("&", done)
    pieces.append(markup[done:])
    return "".join(pieces)


def _plain_char(code: int) -> str | None:
    """The character a numeric entity names; None for those the parser reads otherwise (NUL, controls, C1,
    surrogates, noncharacters, beyond Unicode) or that are white space."""
    if 0x20 <= code < 0x7F or 0xA0 <= code < 0xD800 or 0xE000 <= code < 0xFDD0:
        return chr(code)
    if 0xFDF0 <= code <= 0x10FFFF and code & 0xFFFE != 0xFFFE:
        return chr(code)
    return None


_SOFT_BREAK_THEN_SPACE = re.compile(r"=\n[ \t]+")


def squash(text: str) -> str:
    """Collapse runs of spaces, keep single paragraph breaks, trim; drop ``INVISIBLE_IN_WORDS``."""
    if not text.isascii() and any(char in text for char in INVISIBLE_IN_WORDS):
        text = text.translate(_INVISIBLE)
    if "=\n" in text:  # a quoted-printable soft break: the space opening the next line is the text's
        text = _SOFT_BREAK_THEN_SPACE.sub(" =\n", text)
    if "\x1f" in text if text.isascii() else any(char in text for char in _SPLIT_DIFFERS):
        lines = [_SPACE.sub(" ", line).strip() for line in text.splitlines()]
    else:  # the same result, 8x faster than the regular expression
        lines = [" ".join(line.split()) for line in text.splitlines()]
    # Lines are stripped and non-empty, so no blank line can be left between them.
    return "\n".join(filter(None, lines))


def fold(text: str) -> str:
    """Compare-ready text: NFKC (width), casefold (case), Latin/Greek/Cyrillic accents dropped.

    ``fold("Talibán") == fold("TALIBAN")`` and ``fold("ＴＡＬＩＢＡＮ") == "taliban"``.
    Arabic vowel marks (harakat) are dropped too. The result may be shorter or longer
    than the input: map positions back with ``fold_map``, never by index.
    """
    if text.isascii():  # NFKC leaves ASCII alone, and casefold lowers it
        return text.lower()
    if len(text) > WORD_MEMO_CHARS:
        return _fold_text(text)
    # A word or a name: dedup folds every name and number it finds, and news repeats its words.
    return _fold_word(text)


WORD_MEMO_CHARS = 40


@functools.lru_cache(maxsize=4)  # a signature folds its text, then its sentence pass asks for the same fold
def _fold_text(text: str) -> str:
    """``fold`` of a long text that is not all ASCII: its lower case when every character of it is one whose
    fold is its lower case (``_local_folds``: "€", "£", "–" in English text), a sixth of the time."""
    if _local_folds()[0].search(beyond_ascii(text)) is None:  # its class holds no ASCII character
        return text.lower()
    return _fold(text)


def fold_is_local(text: str) -> bool:
    """Is ``fold(text)`` the fold of each of its characters, joined, and is each character that is white
    space, a line break or punctuation of ASCII, and only those, one in the fold? Then a split of the
    folded text at white space and full stops is the fold of the same split of ``text``, piece by piece."""
    return text.isascii() or _local_folds()[1].search(beyond_ascii(text)) is None


@functools.cache
def _local_folds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two searches for a character outside a set of local folds, built on first use: the first finds one
    whose fold is not its lower case, the second one whose fold is not local (``fold_is_local``).

    A character of Latin-1, Latin Extended-A and B, general punctuation or currency signs folds on
    its own when it is no white space, no mark and decomposes to no mark first (so it composes with
    nothing before it), and its fold is letters and digits only (é to e, ß to ss) or itself (€, £, —);
    "…" (three full stops) and "‼" are not. tests/test_text_local_folds.py checks each in context."""
    lower: list[int] = []
    local: list[int] = []
    for code in (*range(0x80, 0x250), *range(0x2010, 0x2070), *range(0x20A0, 0x20D0)):
        char = chr(code)
        if (
            char.isspace()
            or unicodedata.category(char)[0] in "MC"
            or unicodedata.combining(unicodedata.normalize("NFD", char)[0])
        ):
            continue
        folded = _fold(char)
        if folded == char or (folded and all(part.isalnum() for part in folded)):
            local.append(code)
            if folded == char.lower():
                lower.append(code)
    return re.compile(f"[^\x00-\x7f{char_class(lower)}]"), re.compile(f"[^\x00-\x7f{char_class(local)}]")


def char_class(codes: list[int]) -> str:
    """A character class's body for ``codes`` (ascending), runs written as ranges: a class of single
    characters is searched 20x slower."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in runs)


def _fold(text: str) -> str:
    """``fold`` of a text that is not all ASCII."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    beyond = beyond_ascii(decomposed)  # a mark is no ASCII character
    last = 0xFFFF if in_bmp(beyond) else 0x1FFFF  # the BMP's classes are much faster
    if not marks(last).search(beyond):
        return text  # nothing to drop: the NFKC form is already the answer
    stripped = _marks_after_foldable(last).sub("", decomposed)
    return unicodedata.normalize("NFC", _ARABIC_MARKS.sub("", stripped))


def beyond_ascii(text: str) -> str:
    """The characters of ``text`` that are not ASCII, in order. Whether a text holds a character of a class
    without ASCII characters, and how many, is the same question of these: most text holds a few (a dash, a
    quote, an accented name), and a search of a wide class (a script's letters, every mark, ``\\w`` beyond
    ASCII) tried at each of a story's 2,000 characters costs 5-15 µs, this 1-3 µs in C (its UTF-8 bytes
    without the ASCII ones; a lone surrogate passes through)."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


_ASCII_BYTES = bytes(range(0x80))


def in_bmp(text: str) -> bool:
    """Is every character of ``text`` in the Basic Multilingual Plane? Each beyond it is two UTF-16 units
    (a lone surrogate one): counted in C, where ``max(text) <= "\\uffff"`` made a Python object of each
    character (35 µs for a 2 kB story)."""
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


_fold_word = functools.lru_cache(maxsize=1 << 16)(_fold)  # short texts: words and names, which news repeats


def match_text(text: str) -> str:
    """``fold`` with every run of white space made one space: what rule terms are sought in."""
    return one_space(fold(text))


def one_space(text: str) -> str:
    """Every run of white space made one space (``re.sub(r"\\s+", " ", text)``), ends kept."""
    # str.split() splits on exactly the characters \s matches, and is several times faster.
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    if text[0].isspace():
        inner = " " + inner
    return inner + " " if text[-1].isspace() else inner


def ascii_words_joined(text: str) -> str:
    """``" ".join(re.findall(r"\\w+", text))`` for ASCII ``text`` (letters, digits, "_"), several times faster."""
    return _SPACE_RUN.sub(" ", text.translate(_ASCII_NOT_WORD)).strip()


# A text repeats few distinct clusters (letters and their marks): fold each once.
_fold_cluster = functools.lru_cache(maxsize=4096)(fold)


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
        part = " " if piece.isspace() else _fold_cluster(piece)
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
    Words are counted in C, never listed (a rule asks for a few spans of a long text, and listing
    every word's place cost more than the match): in the folded text by its spaces when its every
    gap is one space (as ``match_text`` leaves it), else with ``str.split`` (white space as ``\\s``
    sees it); in the original with ``str.split`` from the word asked for last, as the words of a rule
    matched all over a long article ask for many spans in reading order.
    """

    def __init__(self, text: str, folded: str):
        self.text = text
        self.folded = folded
        # ASCII folds character for character (case only); white space keeps its length
        # unless a run was collapsed. Then folded positions are original positions.
        self._same_positions = text.isascii() and len(text) == len(folded)
        self._same_words: bool | None = None  # as many words in both: not counted yet
        self._single_spaced = False  # the folded text's every white space a lone " " (known with _same_words)
        self._whole: tuple[str, list[int], list[int]] | bool | None = False  # False: not computed
        self._cursor = (0, 0)  # the original's word last asked for, and where it starts
        self._runs: tuple[list[int], list[int]] | bool | None = None  # see _aligned; None: not looked at

    def span(self, start: int, end: int) -> str:
        """The original text of folded ``[start, end)``; the folded text if it cannot be mapped."""
        if self._same_positions:
            return self.text[start:end]
        if self.folded[start] != " " != self.folded[end - 1] and self._aligned():
            return self.text[self._original(start) : self._original(end - 1) + 1]
        if self._same_words is None:
            words = self.folded.split()
            self._same_words = len(self.text.split()) == len(words)
            blanks = len(self.folded) - sum(map(len, words))
            gaps = (
                max(len(words) - 1, 0)
                + self.folded[:1].isspace()
                + (len(self.folded) > 1 and self.folded[-1].isspace())
            )
            self._single_spaced = bool(words) and blanks == gaps == self.folded.count(" ")
        if self._same_words:
            first, last = self._position(start), self._position(end - 1)
            if first is not None and last is not None:
                return self.text[first[0] : last[1]]
        if self._whole is False:
            self._whole = fold_map(self.text)
        if isinstance(self._whole, tuple):
            _, starts, ends = self._whole
            return self.text[starts[start] : ends[end - 1]]
        return self.folded[start:end]

    def _aligned(self) -> bool:
        """Whether each character folded on its own to one, white space aside (its every run to one space):
        then a folded position is an original one shifted by the runs before it. True of most news text beyond
        ASCII (a dash, a quote, "é", a no-break space: ``_local_folds``; "ß" to "ss" fails the length check),
        whose words would otherwise be counted span by span. Lists the collapsed runs once: where each stands
        in the folded text, and the characters dropped before it and up to it."""
        if self._runs is None:
            self._runs = False
            if _local_folds()[1].search("".join(beyond_ascii(self.text).split())) is None:
                at: list[int] = []
                dropped = [0]
                for run in _WHITE_RUNS.finditer(self.text):
                    at.append(run.start() - dropped[-1])
                    dropped.append(dropped[-1] + run.end() - run.start() - 1)
                if len(self.text) - dropped[-1] == len(self.folded):  # a safety net: lengths agree
                    self._runs = at, dropped
        return self._runs is not False

    def _original(self, index: int) -> int:
        """Where folded character ``index`` (no collapsed space) stands in the original (``_aligned`` texts)."""
        at, dropped = self._runs  # type: ignore[misc]
        return index + dropped[bisect.bisect_left(at, index)]

    def _position(self, index: int) -> tuple[int, int] | None:
        """The original (start, end) of the character that folded to ``folded[index]``."""
        word, folded_start = self._folded_word(index)  # the last word starting at or before it
        if word < 0:
            return None
        begin, finish = self._original_word(word)
        offset = index - folded_start
        original = self.text[begin:finish]
        if original.isascii():
            return begin + offset, begin + offset + 1
        mapped = fold_map(original)
        if mapped is None or offset >= len(mapped[0]):
            return None
        return begin + mapped[1][offset], begin + mapped[2][offset]

    def _folded_word(self, index: int) -> tuple[int, int]:
        """The number of the folded text's last word starting at or before ``index`` (-1 if none), and its start."""
        folded = self.folded
        if self._single_spaced:  # a word starts at 0 (unless a space does) and after each space
            word = folded.count(" ", 0, index) + (folded[0] != " ") - 1
            return word, folded.rfind(" ", 0, index) + 1
        word = len(folded[: index + 1].split()) - 1
        return word, _word_span(folded, word)[0] if word >= 0 else -1

    def _original_word(self, word: int) -> tuple[int, int]:
        """Where the original text's ``word``-th word starts and ends: split from the word asked before
        when it is not after this one (spans are mostly asked in reading order)."""
        known, at = self._cursor
        if word < known:
            known, at = 0, 0
        skip = word - known
        rest = self.text[at:].split(None, skip)[skip]  # from that word on
        begin = len(self.text) - len(rest)
        self._cursor = (word, begin)
        return begin, begin + len(rest.split(None, 1)[0])


def _word_span(text: str, n: int) -> tuple[int, int]:
    """Where the ``n``-th word (from 0, split on white space) of ``text`` starts and ends."""
    rest = text.split(None, n)[n]  # from that word on: split drops the white space before it
    begin = len(text) - len(rest)
    return begin, begin + len(rest.split(None, 1)[0])


def without_spaces(char: str) -> bool:
    """True for scripts written without spaces between words (Han, kana, Thai, ...)."""
    return bool(_NO_SPACE.match(char))


def is_word_char(char: str) -> bool:
    """A letter, digit or combining mark of a script that separates words with spaces: what a word is made of
    (``token_pattern``; the joiner it may hold inside is no word character of its own)."""
    if _SPACED_WORD.match(char):
        return True
    if char.isascii() or _NO_SPACE.match(char):
        return False
    return bool(marks(0xFFFF if in_bmp(char) else 0x1FFFF).match(char))


# THE script table (one definition: text, rules and dedup all read it). Scripts written
# without spaces: a rule term in them matches inside running text, and dedup and event
# keywords take them one character at a time (a vowel sign too: dedup measured letters
# with their marks as one token worse, a Thai copy joined to another story in v5).
NO_SPACE_RANGES = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\uff66-\uff9f"  # half-width Katakana (NFKC makes it full width; raw text may still carry it)
    "\U00020000-\U0003134f"  # Han extensions
)
_NO_SPACE = re.compile(f"[{NO_SPACE_RANGES}]")
NO_SPACE_RUN = class_run(f"[{NO_SPACE_RANGES}]")
# Indic text writes the zero-width joiner inside words (ශ්‍රී, क्‍ष): it shapes the letters around it and parts
# no words. The non-joiner is a word break: Persian writes می‌شود with it, or with a space (dedup measured
# the two spellings apart when it joined, v4), and Indic text rarely.
JOINER = "\u200d"


def token_pattern(text: str) -> re.Pattern[str]:
    """THE tokenizer (``script_tokens``, rules' word positions) for ``text``: a word of a spaced script (letters
    and digits with their combining marks, and the joiner between them), or one character of an unspaced script.
    Python's ``\\w`` holds no mark: cut at them, उज्जैन would be three words."""
    return _word_patterns(_beyond_bmp_words(text), JOINER in text)[0]


def spaced_word_pattern(text: str) -> re.Pattern[str]:
    """A word of a spaced script as ``token_pattern`` reads it (none of an unspaced one), for ``text``."""
    return _word_patterns(_beyond_bmp_words(text), JOINER in text)[1]


def _beyond_bmp_words(text: str) -> bool:
    """Does ``text`` hold a letter, digit or mark beyond the BMP (an emoji is none)? Its few characters there
    are found in C, and only they are searched with the classes reaching past the BMP, which crawl."""
    if in_bmp(text):
        return False
    beyond = "".join(_BEYOND_BMP.findall(beyond_ascii(text)))  # most such text is ASCII but for an emoji
    return bool(_SPACED_WORD.search(beyond) or marks().search(beyond))


_BEYOND_BMP = class_run("[\U00010000-\U0010ffff]")


@functools.cache
def _word_patterns(beyond_bmp: bool, joiner: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(token, spaced word) for a text with letters or marks past the BMP or not, and a joiner or not.

    A word starts with a letter or digit (a stray mark after a space is no word). Within it one class of the
    BMP's letters, digits and marks is tried per character, in C, as fast as ``\\w`` alone (a class past the
    BMP crawls: ``marks``); a text with such characters alternates with the full classes. The joiner is sought
    only in a text that holds one. Each step has one way to match: linear on hostile input."""
    letter = f"[^\\W{NO_SPACE_RANGES}]"
    inner = f"[{_bmp_word_class()}]"
    if beyond_bmp:
        inner = f"(?:{inner}|{letter}|(?![{NO_SPACE_RANGES}]){marks().pattern})"
    word = f"{letter}{inner}*" + (f"(?:{JOINER}+{inner}+)*" if joiner else "")
    return re.compile(f"[{NO_SPACE_RANGES}]|{word}"), re.compile(word)


@functools.cache
def _bmp_word_class() -> str:
    """The body of a class of the BMP's letters, digits, "_" and combining marks, without unspaced scripts'."""
    return char_class(_bmp_word_codes())


@functools.cache
def _bmp_word_codes() -> list[int]:
    bmp = array("I", range(0x10000)).tobytes().decode("utf-32-le", "surrogatepass")
    words = _NO_SPACE.sub("", _NOT_WORD.sub("", bmp))
    return sorted({*map(ord, words), *(c for c in special_codes()[0] if c <= 0xFFFF and not _NO_SPACE.match(chr(c)))})


def script_tokens(text: str) -> list[str]:
    """Words, or single characters for scripts written without spaces (``NO_SPACE_RANGES``)."""
    return spaced_tokens(text, word_spaces(text))


def spaced_tokens(text: str, spaced: str | None) -> list[str]:
    """``script_tokens(text)`` given ``spaced``, its ``word_spaces``: a caller that slices the spaced text
    too (a signature's sentences) computes it once."""
    return spaced.split() if spaced is not None else token_pattern(text).findall(text)


def word_spaces(text: str) -> str | None:
    """``text`` with each character outside its words made a space, position for position, when every word of
    it is ASCII (its other characters are signs, spaces or punctuation: "€", "—"); else None. Then
    ``script_tokens(text[a:b]) == word_spaces(text)[a:b].split()`` for any slice, found in C."""
    if not text.isascii():
        beyond = beyond_ascii(text)  # _in_words' classes hold no ASCII character
        if _in_words(beyond):
            return None
        text = text.encode("ascii", "replace").decode("ascii")  # each such character a "?", a non-word
    return text.translate(_ASCII_NOT_WORD)


def _in_words(beyond: str) -> bool:
    """Does ``beyond`` (characters beyond ASCII) hold one a word may (a letter, digit, mark or joiner), or one of an
    unspaced script? Searched with one class of the BMP's in C, unless a character is past it (an emoji)."""
    if in_bmp(beyond):
        return bool(_in_words_bmp().search(beyond))
    return bool(
        _WORD_BEYOND_ASCII.search(beyond) or _NO_SPACE.search(beyond) or JOINER in beyond or marks().search(beyond)
    )


_WORD_BEYOND_ASCII = re.compile(r"[^\x00-\x7f\W]")  # a letter or digit beyond ASCII


@functools.cache
def _in_words_bmp() -> re.Pattern[str]:
    """``_in_words``'s class for the BMP, without ASCII (so searching a text's ``beyond_ascii`` is searching it)."""
    return re.compile(f"[{char_class([c for c in _bmp_word_codes() if c >= 0x80])}{NO_SPACE_RANGES}{JOINER}]")


_SPACED_WORD = re.compile(f"[^\\W{NO_SPACE_RANGES}]")
_SPACE_RUN = re.compile("  +")  # not " {2,}": a literal prefix makes the search fast
_ASCII_NOT_WORD = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})
_WHITE_RUNS = re.compile(r"\s{2,}")  # what ``one_space`` makes one space and shortens (\s: str.split's)
_CLUSTER = re.compile(
    r"\s+|.[\u0300-\u036f\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a\uff9e\uff9f]*",
    re.S,
)
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")  # tanwin, harakat, shadda, sukun, dagger alif


@functools.cache
def marks(last: int = 0x1FFFF) -> re.Pattern[str]:
    """Every combining mark (Unicode Mn/Mc/Me) up to ``last``, as one character class; built on first use.

    A class reaching past the Basic Multilingual Plane makes every search crawl (0.8 ms on 2 kB
    without a mark, against 0.05 ms for the BMP's alone): ``_fold`` asks the BMP's class of a text
    without astral characters, which is most text."""
    ranges: list[tuple[int, int]] = []
    for code in special_codes()[0]:
        if code > last:
            break
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile(f"[{body}]")


@functools.cache
def special_codes() -> tuple[list[int], list[int]]:
    """The code points up to U+1FFFF of combining marks (from U+0300: by category, Mn Mc Me, or by a combining
    class) and of format characters (Cf), in order: read once, for ``marks`` and ``clean``'s invisible ones.

    Neither is a word character (tests/test_dedup_once_unicode.py asks every code point), and letters and
    digits are half the range: only the characters ``\\W`` finds are asked their category, all in C. Asked of
    each code point in a Python loop, each table cost ~9 ms (the marks past the BMP 18 ms) in each process."""
    every = array("I", range(0x20000)).tobytes().decode("utf-32-le", "surrogatepass")  # a chr() each: 4x slower
    chars = "".join(_NOT_WORD.findall(every))
    kinds = "".join(map(unicodedata.category, chars))  # two letters per character: found by a search
    marked = {chars[found.start() // 2] for found in _MARK_KIND.finditer(kinds)}
    marked.update(itertools.compress(chars, map(unicodedata.combining, chars)))
    formats = [ord(chars[found.start() // 2]) for found in re.finditer("Cf", kinds)]
    return sorted(code for code in map(ord, marked) if code >= 0x300), formats


_NOT_WORD = re.compile(r"\W+")
_MARK_KIND = re.compile("M[nce]")  # a category's second letter is lower case: a match starts at a category


@functools.cache
def _marks_after_foldable(last: int = 0x1FFFF) -> re.Pattern[str]:
    """The run of marks after a letter of ``_FOLDABLE_BASE`` (the letter not in the match). Searched from the mark, the
    letter looked behind: the letter first was tried at every letter of a text (4x slower on a story); each run a
    letter-first match removed is the one removed here (a mark of U+0483-U+0489 is both a mark and such a letter)."""
    mark = marks(last).pattern
    return re.compile(f"{mark}(?<={_FOLDABLE_BASE.pattern}{mark}){mark}*")
