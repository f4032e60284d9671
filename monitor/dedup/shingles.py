"""A text's words, shingles, sentences and facts as stable 32-bit hashes. Pure.

Hashes are CRC-32 (of each token, then mixed per shingle), never Python's salted ``hash``:
signatures are stored and compared across processes and restarts. Tokens are hashed in
their US/UK-folded form (``clean.spelling``), remembered per token, since news repeats its
words and the folding is the costly part.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable

import numpy as np

from monitor.dedup.alphabets import DIGRAPHIC, I_LETTER, often_i, sounded
from monitor.dedup.clean import ADVERTISING_LABELS, dateline_pattern, spelling
from monitor.dedup.dates import day_facts
from monitor.dedup.scan import STOPS as _STOPS  # a full stop of any script
from monitor.dedup.scan import ascii_breaks, compiled, opens_sentence, spaced_split, split_for, stop_split, text_end
from monitor.text import NO_SPACE_RUN, beyond_ascii, char_class, fold, fold_is_local, script_tokens, word_spaces

SHINGLE_WORDS = 3
SHINGLE_CHARS = 5  # a character of Japanese carries less than a word
FACTS = 40
NAME_STEM = 5
SENTENCES = 32
# Numbers (thousands grouped by a comma, a point or a space: "1 200"), katakana runs (foreign
# names), Han names and places marked by their suffix (田中一郎氏, 福井市), and capitalised words
# of the Latin, Greek and Cyrillic alphabets.
# A number in any digit system (``\\d``: Persian ۸۶, Devanagari ८६), its separators (Arabic ٫ and ٬ too),
# and its multiplier word.
_MULTIPLIER = (
    r"(?:\s?(?P<times>万亿|萬億|万|萬|亿|億|千|ລ້ານ|ล้าน|លាន|သန်း|(?:thousand|million|billion|mln|bn|тыс|млн|млрд|Mio|Mrd|ሚሊዮን|ቢሊዮን|මිලියන"
    r"|mil millones|millones|milliards?|millions?|milyon|milyar"
    r"|(?:милл?ион|мільйон|mıllıon|милл?иард|мільярд|милијард|mıllıard)\w*)\b"
    r"|(?<=\d)[kKM](?!\w)))?"  # 亿元: no boundary; "7.8k", "1.25M" (``_COMPACT``): glued, then no letter
)
NUMBER = (
    r"(?P<number>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[,.\u066b]\d+)?(?!\d)|\d[\d,.\u066b\u066c]*\d|\d)"
    + _MULTIPLIER
)
# ``NUMBER`` written to open with a character class (``finditer`` then seeks its start in C, not the whole
# pattern at every character): its first digit,
# then the rest of the number in group 1 (``\d{1,3}`` is that digit and ``\d{0,2}``), its multiplier word in
# group 2. ``number_parts`` reads a match as ``NUMBER``'s groups. Same matches (tests/test_dedup_signing_scans_c.py).
_NUMBER_REST = r"(\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[,.\u066b]\d+)?(?!\d)|[\d,.\u066b\u066c]*\d|)"
# The zero of each run of ten decimal digits of the Basic Multilingual Plane (``\d`` there; the test of
# tests/test_dedup_signing_scans_c.py compares): ``DIGITS`` stands for ``\d`` inside a pattern's opening class.
# With ``\d`` in it, ``re`` tests every character of a text against the class's ranges and then the digit
# category; with ranges only, by one table look-up (half a fact scan's time on an ASCII story). A character
# beyond the plane passes the class (a digit of Adlam or Brahmi is one), and the look behind after it decides.
_DIGIT_ZEROS = (
    "0\u0660\u06f0\u07c0\u0966\u09e6\u0a66\u0ae6\u0b66\u0be6\u0c66\u0ce6\u0d66\u0de6\u0e50\u0ed0\u0f20\u1040"
    "\u1090\u17e0\u1810\u1946\u19d0\u1a80\u1a90\u1b50\u1bb0\u1c40\u1c50\ua620\ua8d0\ua900\ua9d0\ua9f0\uaa50\uabf0\uff10"
)
DIGITS = "".join(f"{zero}-{chr(ord(zero) + 9)}" for zero in _DIGIT_ZEROS) + "\U00010000-\U0010ffff"
NUMBER_SCAN = rf"[{DIGITS}](?<=\d)" + _NUMBER_REST + _MULTIPLIER


def _latin_capitals() -> str:
    """Every capital letter of the Latin alphabet, marks and all, as a character class's ranges: each letter Unicode
    calls upper or title case in its Latin blocks, not a list of the languages seen. A name opening with "Ł", "Š",
    "İ", "Ọ" or "Ḽ" is a name as one opening with "L" is. Read as no name, or as letters after it ("İSKENDERUN"
    as "SKENDERUN"), a copy printing it without the mark (a display or a keyboard with plain letters only) had a
    name its original lacked. (Greek's and Cyrillic's basic capitals follow in ``_CAPITALS``; their extended letters
    are left as they were: a Kazakh dateline's place in capitals, "ҚАРАҒАНДЫ.", then read as no name, lost v6 a
    desk's follow-up that the first letter's cut had named.)"""
    codes = range(0x41, 0x250), range(0x1E00, 0x1F00)  # Latin to Extended-B, and Latin Extended Additional
    return char_class([c for block in codes for c in block if unicodedata.category(chr(c)) in ("Lu", "Lt")])


# A time of day written with a colon ("10:40") before the numbers: read as numbers, its hours and minutes were
# facts, and a copy that converts the time ("06:40 (UTC)") printed two facts its original lacks (``_CLOCK`` drops it).
# A capitalised word first: most matches are one, and no other alternative starts with a capital (so the order
# decides nothing), but each tried before it costs a failed attempt at every capital. No group of its own, so
# "number" and "times" stay groups 1 and 2.
_CAPITALS, _KATAKANA, _HAN = _latin_capitals() + "Α-ΩА-ЯЁ", "\u30a1-\u30fa\u30fc", "\u4e00-\u9fff"
# A currency's or unit's letters glued to an amount ("Sh92,000", "Sh92 000", "Rs1200", "KSh3,000"): up to three
# letters, then a number grouped in thousands or of four digits or more. The amount is the fact, not the letters:
# read as a name, "Sh92,000" was the name "Sh92" and the number "000", and "Sh92000" one name, so a copy dropping
# the separator printed two facts its original lacks. A model's letters and number ("A320", "G7") stay one name.
# Written without "|": tests/test_dedup_signing_scans.py splits ``_FACT`` at its first one.
_GLUED_AMOUNT = (
    r"(?![^\W\d_]{0,2}\d{1,3}(?:[,. \u00a0\u202f\u2009]?\d{3})+(?!\d))"
    r"(?![^\W\d_]{0,2}\d{1,3}(?:[,.]\d{1,2})?[kKM](?!\w))"  # or in its compact form, "K1.25M" (``_COMPACT``)
)
# A name's letters after its capital: a letter with a combining mark ("ọ́" in "Mọ́nsúrà", no precomposed form) is
# one letter, so the name goes on after it; cut there, it was "Mọ", and a copy without the marks a name of its own.
_NAME_REST = r"[\w\u0300-\u036f'’-]*"
_FACT_PATTERN = (
    rf"[{_CAPITALS}]{_GLUED_AMOUNT}{_NAME_REST}|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|"
    + NUMBER
    + rf"|\d[\d,.:]*\d|[{_KATAKANA}]{{2,}}|[{_HAN}]{{2,6}}(?=[氏市県町村区])"
)
# ``_FACT`` written to open with one character class: its first character is matched (sought in C), then
# ``_FACT``'s alternatives for it, in order, each checking that character by a look behind (the classes do
# not overlap). A number's rest is group 1, its multiplier word group 2, as in ``NUMBER_SCAN``. Same matches
# (tests/test_dedup_signing_scans_c.py); ``_FACT``'s ``\d[\d,.:]*\d`` has no counterpart, as it is never
# reached: ``NUMBER`` matches wherever a digit is. Both compiled on first use (``scan.compiled``, ``__getattr__``).
_FACT_SCAN_PATTERN = (
    rf"[{_CAPITALS}{DIGITS}{_KATAKANA}{_HAN}](?:(?<=[{_CAPITALS}]){_GLUED_AMOUNT}{_NAME_REST}"
    r"|(?<=\d)(?:(?<=[01])\d|(?<=2)[0-3])?:[0-5]\d(?![\d:])"
    rf"|(?<=\d){_NUMBER_REST}{_MULTIPLIER}"
    rf"|(?<=[{_KATAKANA}])[{_KATAKANA}]+|(?<=[{_HAN}])[{_HAN}]{{1,5}}(?=[氏市県町村区]))"
)
# A number's multiplier word, in the languages the monitor reads: "24.8万" and "248000" are one number. Lao,
# Thai, Khmer and Burmese glue theirs to the next word ("48 ລ້ານໂດລາ"): like 万, no word boundary after it.
# Traditional Chinese (Hong Kong's, Taiwan's) and Japanese write 萬 and 億 ("3,200萬", "3億円").
_TIMES = {"千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12, "thousand": 1e3, "тыс": 1e3, "million": 1e6, "millions": 1e6}
_TIMES |= {"萬": 1e4, "億": 1e8, "萬億": 1e12}
# The compact forms a short text (a pager line, a ticker, a smart speaker's card) shortens a figure to, glued to
# it: "7.8k" for "7,800", "K1.25M" for "K1,250,000" (CLDR's short compact forms, "0K", "0M"). Read as letters,
# the copy's figures were names its original lacks, and a brief of three figures kept none of them.
_COMPACT = {"k": 1e3, "K": 1e3, "M": 1e6}
_TIMES |= _COMPACT
# Where a comma groups thousands even before a multiplier: Chinese and Japanese write no decimal comma.
_HAN_TIMES = frozenset(("千", "万", "萬", "亿", "億", "万亿", "萬億"))
_TIMES |= dict.fromkeys(("mln", "млн", "Mio", "millones", "milyon", "ລ້ານ", "ล้าน", "លាន", "သန်း", "ሚሊዮን", "මිලියන"), 1e6)
_TIMES |= dict.fromkeys(
    ("billion", "bn", "млрд", "Mrd", "milliard", "milliards", "mil millones", "milyar", "ቢሊዮን"), 1e9
)
# The whole word with a language's own ending, in the Cyrillic alphabets ("4 миллиона", "21 миллион гъурущ",
# "3 мільйони") and the Latin one of Kazakh that writes them ("31 mıllıard"): its stem is the multiplier. The
# Latin forms of every language ("milionów", "Millionen") were tried: telex_capitals and lower_case copies of the
# stress bench lost 4 of 439 each.
_WRITTEN_OUT = re.compile(r"(милл?ион|мільйон|mıllıon)|милл?иард|мільярд|милијард|mıllıard")
_SPACES = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "\u2009": None, "\u066b": ".", "\u066c": ","})
_THOUSANDS = re.compile(r"[,.](?=\d{3}(?:\D|$))")
# Capitalised because they open a sentence or a clause, not because they name anything.
_NOT_FACTS = frozenset(
    "the a an in on at as by for from he she it its they this that we but and or if of to with utc gmt".split()  # noqa: SIM905
)
_SENTENCE_SPLIT = re.compile(f"(?<=[{_STOPS}])\\s+|(?<=[。！？])|\n")
_SPACED_SPLIT = spaced_split(_STOPS, newline_run=False)  # the same split, fast, for a text without 。！？
_ASCII_SPLIT = stop_split(".!?")  # and for an ASCII text (``scan.ascii_breaks``)
_STOP_SPLIT = stop_split(_STOPS)  # and for any other text without a CJK stop
# A time of day ("16.20", "11:00") is no fact: a desk converts it to UTC ("15.20 UTC") in a copy of the
# same story. A decimal of that shape ("2.45") goes with it; the other names and numbers still count.
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d")
_TOKEN_HASHES: dict[str, int] = {}


def clock_like(text: str) -> bool:
    """Is ``text`` a number of a time of day's shape (``_CLOCK``), which is read as no fact?"""
    return _CLOCK.fullmatch(text) is not None


# A Kazakh text in Cyrillic is hashed in the letters of Kazakh's Latin alphabet, folded (Сейітов and
# Seıitov, Көкшетау and Kókshetaý): a desk's transliterated copy then shares its shingles and facts.
# Only a text with a letter of Kazakh's own is romanised (not Russian's; not the ө ү ң it shares with
# Kyrgyz, whose Latin copies write у as u, not as Kazakh's y, unless beside the і Kyrgyz lacks and
# Ukrainian has); every other Cyrillic text is hashed in one spelling of its sounds (``alphabets.sounded``).
# ә and һ are Kazakh's and also Tatar's, Bashkir's and Dungan's: like the ө ү ң, they show Kazakh only beside і.
# A copy cut to its first sentence keeps them and may lose the one letter that told its original apart (Tatar's
# or Dungan's җ): read as Kazakh, its words were hashed in other letters than its original's.
_KAZAKH_OWN = re.compile("[ұқғҰҚҒ]")
_TURKIC = re.compile("[әһөүңӘҺӨҮҢ]")
_KAZAKH_I = I_LETTER  # Kazakh's і, counted by ``alphabets.often_i``
# Every letter the two searches above look for (Kazakh's, Kyrgyz's, Tatar's and Serbian's) is of this block.
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Tatar's own letter and Bashkir's (no other Cyrillic alphabet the monitor reads writes them). Bashkir writes
# Kazakh's ә ғ һ too: read as Kazakh, у was y in its original and u in a copy a Russian keyboard typed (v16).
_TATAR = re.compile("[җҖҙҘҡҠ]")


def __getattr__(name: str) -> re.Pattern[str]:
    """``_FACT`` and ``_FACT_SCAN``, compiled on first use by the names they are known by."""
    if name in ("_FACT", "_FACT_SCAN"):
        return compiled(_FACT_PATTERN if name == "_FACT" else _FACT_SCAN_PATTERN)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def kazakh(text: str) -> bool:
    """Is ``text`` Kazakh Cyrillic by its letters (above)? Not with Tatar's own җ: Tatar writes Kazakh's ә
    and һ too, and its Latin copies (Zamanälif: ä, ö, ü, ñ, c for җ) share its sounds, not Kazakh's letters;
    nor with Bashkir's own ҙ or ҡ (``_TATAR``). Without a letter of Kazakh's own, its і written as often as
    Kazakh writes it (``alphabets.often_i``: one misread in a Buryat or Sakha scan is no Kazakh)."""
    text = beyond_ascii(text)  # every letter sought here is Cyrillic
    if _CYRILLIC.search(text) is None or _TATAR.search(text):
        return False  # one search for a text without one, not three
    if _KAZAKH_OWN.search(text):
        return True
    return _TURKIC.search(text) is not None and _KAZAKH_I.search(text) is not None and often_i(text)


_ROMAN = str.maketrans(
    dict(zip("абвгғдежзиіклмнңопрстуұүфхһыэәөқ", "abvggdejzıiklmnnoprstyuufhhyeaoq", strict=True))
    | {"ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "ıy", "я": "ıa", "ъ": "", "ь": ""}
)


def crc(text: str) -> int:
    return zlib.crc32(text.encode())


def romanised(tokens: list[str]) -> list[str]:
    """Folded ``tokens`` of a Kazakh Cyrillic text in Latin letters (``_ROMAN``); others as they are."""
    if not kazakh("".join(tokens)):  # one search of the joined tokens, not one per token
        return tokens
    return [token.translate(_ROMAN) for token in tokens]


def token_hashes(tokens: list[str]) -> list[int]:
    """The hash of each token's spelling-folded form (``clean.spelling``), in one spelling of its sounds
    (``alphabets.sounded``) but in a text of both of Serbian's alphabets' letters (``alphabets.DIGRAPHIC``)."""
    if DIGRAPHIC.search(beyond_ascii("".join(tokens))):
        return [crc(spelling(token)) for token in tokens]
    return _sounded_hashes(tokens)


def _sounded_hashes(tokens: list[str]) -> list[int]:
    """``token_hashes`` of ``tokens`` without a letter of ``alphabets.DIGRAPHIC``, remembered per token."""
    return remembered(tokens, _TOKEN_HASHES, _sounded_hash)


def _sounded_hash(token: str) -> int:
    return crc(sounded(spelling(token)))


def remembered(words: list[str], memo: dict[str, int], hash_of: Callable[[str], int]) -> list[int]:
    """``hash_of`` each of ``words``, remembered in ``memo``: the news repeats its words."""
    if len(memo) > 1 << 17:
        memo.clear()  # a bound on memory; the words that matter come back at once
    try:
        # Every word known, the usual case: one pass in C (a look for None among the values was half as long again).
        return list(map(memo.__getitem__, words))
    except KeyError:
        for word in set(words).difference(memo):  # the new words, found in C
            memo[word] = hash_of(word)
        return list(map(memo.__getitem__, words))


def unspaced(tokens: list[str]) -> bool:
    """Are most tokens single characters of a script written without spaces (Japanese, Chinese, Thai)?

    Most of all of them, not of the opening's: a partner's paragraph in English on top of a Shan or Japanese
    story (its context, a note) would make its story's characters words, shingled three at a time, and the copy
    would share no shingle with its original. Each such character is a token of its own (``script_tokens``)."""
    joined = "".join(tokens)
    if joined.isascii():
        return False  # no ASCII character is of such a script: the usual case, without a loop
    # Counted among the characters beyond ASCII: the runs of them there are no longer, and no fewer characters.
    return sum(map(len, NO_SPACE_RUN.findall(beyond_ascii(joined)))) * 2 > len(tokens)


def shingle_hashes(tokens: list[str]) -> np.ndarray:
    """A stable 32-bit hash per shingle of ``tokens`` (a uint64 array holding 32-bit values).

    Shingles are ``SHINGLE_WORDS`` tokens, or ``SHINGLE_CHARS`` when most tokens are single
    characters of an unspaced script; a text shorter than one shingle is one shingle. In a text
    of words, a shingle opening at a character of an unspaced script is ``SHINGLE_CHARS`` wide
    (``_unspaced_runs``): one shingle per token still, so a sentence's shingles are where they were.
    """
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    no_spaces = unspaced(tokens)
    width = min(SHINGLE_CHARS if no_spaces else SHINGLE_WORDS, len(tokens))
    joined = "".join(tokens)
    if joined.isascii() or not _CYRILLIC.search(beyond_ascii(joined)):  # no Kazakh to romanise, no Serbian letter
        hv = uint64s(_sounded_hashes(tokens))
    else:
        hv = uint64s(token_hashes(romanised(tokens)))
    if no_spaces or joined.isascii():
        return mixed_runs(hv, width)
    return _unspaced_runs(tokens, hv, mixed_runs(hv, width))


def _unspaced_runs(tokens: list[str], hv: np.ndarray, shingles: np.ndarray) -> np.ndarray:
    """``shingles`` (``SHINGLE_WORDS`` wide, of a text of words with hashes ``hv``) with each one opening at a
    character of an unspaced script made ``SHINGLE_CHARS`` wide, where that many tokens are left.

    A partner's paragraph in English above a line of Chinese or Thai made the text one of words, and its
    characters were shingled three at a time: the line shared no shingle with the same line in its original,
    shingled five at a time. Shingled as there, it shares them whatever surrounds it."""
    wide = len(tokens) - SHINGLE_CHARS + 1
    if wide <= 0 or not NO_SPACE_RUN.search(beyond_ascii("".join(tokens))):
        return shingles
    one = NO_SPACE_RUN.match  # a token of such a script is one character (``text.script_tokens``)
    opens = np.fromiter((len(token) == 1 and one(token) is not None for token in tokens[:wide]), bool, count=wide)
    if opens.any():  # ``shingles`` is ``mixed_runs``'s own array
        shingles[:wide][opens] = mixed_runs(hv, SHINGLE_CHARS)[opens]
    return shingles


def uint64s(values: list[int]) -> np.ndarray:
    """``np.array(values, dtype=np.uint64)`` of ints in 0 .. 2**64 - 1, built by ``array.array`` in C: numpy
    converts each int of a list on its own, twice as slow (20 µs for a story's 300 word hashes)."""
    return np.frombuffer(array(_UINT64, values), dtype=np.uint64)


_UINT64 = next(code for code in "LQ" if array(code).itemsize == 8)  # C's unsigned long where it is 64 bits


def mixed_runs(hv: np.ndarray, width: int, final: np.uint64 | None = None) -> np.ndarray:
    """A stable 32-bit hash of each run of ``width`` values of ``hv`` (uint64; ``width`` <= its length), the
    finaliser's multiplier ``final`` (another keeps another family of hashes apart, ``skeleton``)."""
    n = len(hv) - width + 1
    mixed = hv[:n] * _MIX  # (0 ^ first token) * _MIX, then each next token mixed in, in place
    for offset in range(1, width):
        mixed ^= hv[offset : offset + n]
        mixed *= _MIX
    # MurmurHash3's 64-bit finaliser, then the high 32 bits: every input bit reaches every output bit.
    mixed ^= mixed >> _33
    mixed *= _FINAL if final is None else final
    mixed ^= mixed >> _33
    mixed >>= _32
    return mixed


_MIX, _FINAL = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xFF51AFD7ED558CCD)
_33, _32 = np.uint64(33), np.uint64(32)


class _Unknown(enum.Enum):
    """A text's ``word_spaces`` not given (None is one of its values): computed where it is needed."""

    SPACES = 0


UNKNOWN = _Unknown.SPACES
Spaces = str | None | _Unknown  # ``text.word_spaces`` of a folded text, or UNKNOWN


def sentence_hashes(folded: str, spaced: Spaces = UNKNOWN) -> list[int]:
    """A hash per sentence of folded text (its words only: punctuation and spacing do not count).
    ``spaced``: its ``word_spaces``, when the caller has it (a signature cuts its words from it too)."""
    if folded.isascii():
        return _ascii_sentences(folded, spaced)[0][:SENTENCES]
    return [key for key in _folded_pieces(folded, spaced)[0] if key is not None][:SENTENCES]


@functools.lru_cache(maxsize=4)  # a signature asks for its sentences' hashes, then (``_sentences``) their counts
def _folded_pieces(folded: str, spaced: Spaces = UNKNOWN) -> tuple[list[int | None], list[int], list[int] | None]:
    """Each piece of folded text split at its sentence ends (``_SENTENCE_SPLIT``), in order, empty ones too:
    the hash of its words (space-separated; None for a piece without any) and how many they are; and where
    each piece ends, when its words were cut from its ``word_spaces`` (``spaced``; else None)."""
    keys: list[int | None] = []
    counts: list[int] = []
    if spaced is UNKNOWN:
        spaced = word_spaces(folded)
    if spaced is not None:  # words of ASCII only: each sentence's are a slice's (as ``_ascii_sentences``)
        start = 0
        ends = [*_breaks(folded), len(folded)]
        for end in ends:
            tokens = spaced[start:end].split()  # the break between sentences is white space: no word
            keys.append(crc(" ".join(tokens)) if tokens else None)
            counts.append(len(tokens))
            start = end
        return keys, counts, ends
    for sentence in split_for(folded, _SENTENCE_SPLIT, _SPACED_SPLIT).split(folded):
        tokens = script_tokens(sentence)
        keys.append(crc(" ".join(tokens)) if tokens else None)
        counts.append(len(tokens))
    return keys, counts, None


@functools.lru_cache(maxsize=4)  # a signature asks for both its sentences' hashes and their extents
def _ascii_sentences(folded: str, spaced: Spaces = UNKNOWN) -> tuple[list[int], list[int], list[int], list[int]]:
    """The sentences (``_SENTENCE_SPLIT``) of folded ASCII text that have words: each one's hash (of its
    words, space-separated), its words' count, and where it starts and ends (its leading break included).
    ``spaced``: its ``word_spaces``, if known."""
    keys: list[int] = []
    counts: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    start = 0
    if spaced is UNKNOWN:
        spaced = word_spaces(folded)
    spaced = spaced or ""  # once for the whole text (ASCII): each sentence's words are a slice's
    for end in [*ascii_breaks(folded, _ASCII_SPLIT), len(folded)]:
        words = spaced[start:end].split()
        if words:
            keys.append(crc(" ".join(words)))
            counts.append(len(words))
            starts.append(start)
            ends.append(end)
        start = end
    return keys, counts, starts, ends


_NO_PIECES: tuple[list[int | None], list[int], list[int] | None] = ([], [], None)


def _breaks(text: str) -> list[int]:
    """Where each match of ``_SENTENCE_SPLIT`` starts in ``text``: found from the full stops and line breaks
    (``scan.stop_split``) unless a CJK stop, which needs no space after it, is in the text."""
    if split_for(text, _SENTENCE_SPLIT, _SPACED_SPLIT) is _SENTENCE_SPLIT:
        return [found.start() for found in _SENTENCE_SPLIT.finditer(text)]
    return ascii_breaks(text, _STOP_SPLIT)


def number_key(digits: str, times: str | None = None) -> str:
    """One form of a number however it is written: "255.0亿" and "255亿", "24.8万" and "248,000",
    "1.2 million" and "1,200,000" give one key. A separator before three digits groups thousands;
    another is the decimal point (",5" in "39,5")."""
    digits = digits.translate(_SPACES)  # "1 200" (French, Russian): a space groups thousands
    plain = _THOUSANDS.sub("", digits) if digits.count(",") + digits.count(".") > 1 or not times else digits
    if times in _HAN_TIMES:  # "3,200萬" is 32 million, as "HK$32 million" writes it, not 3.2萬
        plain = plain.replace(",", "")
    try:
        value = float(plain.replace(",", "."))
    except ValueError:
        return digits
    return f"{value * _times(times or ''):.6g}"


def _times(word: str) -> float:
    """The multiplier of a multiplier word (``_MULTIPLIER``): 1 for none."""
    if (times := _TIMES.get(word)) is not None or not word:
        return times or 1
    stem = _WRITTEN_OUT.match(word)
    return 1 if stem is None else 1e6 if stem.group(1) else 1e9


def facts(text: str, spans: list[tuple[int, int]] | None = None) -> list[int]:
    """The ``FACTS`` smallest hashes of the names and numbers of ``text`` (``spans``: its ``fact_spans``)."""
    return sorted({h for _, h in (fact_spans(text) if spans is None else spans)})[:FACTS]


def fact_spans(text: str) -> list[tuple[int, int]]:
    """Where each name and number of ``text`` is (its offset), with its hash (``_FACT``), in text order.

    A capitalised word opening a sentence counts only when the text also writes it capitalised
    inside a sentence: "Власти", "Officials" or "According" open sentences without naming anything.
    One touching the text's end (but for an ellipsis) does not count: an aggregator cuts its summary
    at so many characters, mid-word ("212 passengers" left as "21"), and the fragment is no fact.
    Nor does one of an opening credit (``credit_end``): a copy's writer and desk are not its story's.
    """
    inner: set[str] = set()
    found: list[tuple[int, str]] = []
    roman = None if text.isascii() or not kazakh(text) else _ROMAN
    cut = text_end(text)
    memo = _FACT_WORDS
    for match in compiled(_FACT_SCAN_PATTERN).finditer(text, credit_end(text)):
        at, end = match.span()
        if end >= cut:
            break  # the matches do not overlap: each later one ends later, at the text's end too
        # A match no group took part in (a name, most often) is its text; a number is its whole, digits and word
        # (``number_parts``, read here: a call and a tuple less for each of a story's numbers).
        whole = match[0]
        key: str | _Parts = whole if match.lastindex is None else (whole, text[at : match.end(1)], match[2])
        word = memo.get(key, "") or _fact_word(key)
        if word is None:
            continue
        if roman is not None:
            word = word.translate(roman)
        # After a word and a space (most names) it opens no sentence and follows no bullet: not asked.
        if (at >= 2 and text[at - 1] == " " and text[at - 2].isalnum()) or not (
            word[0].isalpha() and (opens_sentence(text, at, _STOPS) or after_bullet(text, at))
        ):
            inner.add(word)
        found.append((at, word))
    names = inner - _NOT_FACTS
    hashes = _STEM_HASHES
    spans = [(at, hashes.get(word) or _stem_hash(word)) for at, word in found if word in names]
    return day_facts(text, spans, crc)  # a day written in numbers is one fact in any of its forms


# A credit opening the text that ``clean`` could not end at a mark: run into the lede by a feed that joins its
# paragraphs ("By Ann Lee, Harbourline Press Vireo Telecom and …", "By Ann Lee | Labour Desk Hundreds of …"), maybe
# after an app's line ("Listen to this article By …"). Two capitalised words or more after "By" or "Автор" (not
# "By Tuesday,"), and up to four more after a comma, a bar or a slash: where the desk's name ends and the lede's
# first name begins is unknown, so that name may go with it (both copies print it). No word of it is a place in
# capitals before a comma, nor one before a bracket or a dash: that opens the dateline after the credit
# ("MONTEVIDEO, Dec 5 (Agency) - ", "Ankara (Agency) – "). Each word is a capital and what cannot be a space, so a
# word ends where the next begins: no backtracking but the counts' few, and the look-aheads are bounded.
_NAME_WORD = rf"(?![{_CAPITALS}][{_CAPITALS} .'-]{{0,30}},|[{_CAPITALS}]\S*[ \t]+[(–—-])[{_CAPITALS}][\w.'’-]*"
_NAMES = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
# An app's line before it ends in a word in small letters ("Listen to this article", "Слушать статью"), or is a
# page's advertising label glued on (``clean.ADVERTISING_LABELS``): "Stand By Me", "Mourned By Fans" are a lede's words.
_APP_LINE = (
    r"(?:(?:[^\s.!?]+\s+){0,3}?[a-zа-яё]+\s+"
    rf"|(?:{'|'.join(ADVERTISING_LABELS)})\s+)?"
)
_OPENING_CREDIT = re.compile(
    rf"{_APP_LINE}(?:By|BY|Автор:?)[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}"
    rf"(?:[ \t]+(?:and|&|и)[ \t]+{_NAMES})?(?P<desk>[ \t]*[,|/][ \t]*{_NAMES})?"
)


# An agency's dateline that ``clean`` left after an app's line ("Listen to this article BOGOTÁ, Dec 5 (Agency) -
# ", "Montevideo (Agency) – ") or whose place it took with a credit ("(Agency) – "): the agency in brackets and a
# dash are its mark, after a place in capitals or at the start ("Ukraine's armed forces (ZSU) –" is a lede). Bounded.
_PLACE = rf"[{_CAPITALS}][\w'’.-]*(?:[ \t]+[{_CAPITALS}][\w'’.-]*){{0,2}}"
_AGENCY_DATELINE = re.compile(
    rf"(?:{_APP_LINE}{_PLACE}(?:,[ \t]+[{_CAPITALS}][a-z]{{2,8}}\.?[ \t]+\d{{1,2}})?[ \t]+)?"
    r"\([^()\n]{2,40}\)\s?[-–—]{1,2}\s"
)


def credit_end(text: str) -> int:
    """Where an opening credit (``_OPENING_CREDIT``) and a dateline after it (``clean``'s), or an agency's dateline
    (``_AGENCY_DATELINE``), end in ``text``; 0 for none. Each outlet's copy of a wire story credits its own writer,
    desk and agency: their names are not the story's facts, and a copy sharing 90 % of its text with another fell
    short of their names and numbers."""
    found = _OPENING_CREDIT.match(text)
    rest = "" if found is None else text[found.end() :].lstrip(" \t")
    dateline = dateline_pattern().match(rest) if found is not None else None
    if found is None or (found["desk"] is None and dateline is None):  # "By Christmas Day Vireo Telecom will cut"
        agency = _AGENCY_DATELINE.match(text)
        return 0 if agency is None else agency.end()
    return len(text) - len(rest) + (dateline.end() if dateline else 0)


def number_parts(match: re.Match[str]) -> tuple[str, str | None]:
    """A number's digits and its multiplier word (``NUMBER``'s groups "number" and "times"), read from a match of
    ``NUMBER_SCAN`` or a number's of ``_FACT_SCAN``: the first digit and group 1, and group 2."""
    return match.string[match.start() : match.end(1)], match[2]


def after_bullet(text: str, at: int) -> bool:
    """Does the word at ``at`` open a line after a bullet only ("🔹 Students", "• Officials", "– The")?

    A desk that marks each paragraph with an emoji or a dash still opens a sentence there: the word
    after it is capitalised by grammar, not because it names anything.
    """
    if at >= 2 and text[at - 2].isalnum() and text[at - 1] == " ":
        return False  # the usual case, a word and a space before it, without the loop below
    bullet = False
    for i in range(at - 1, max(-1, at - 1 - BULLET_CHARS), -1):
        char = text[i]
        if char == "\n":
            return bullet
        if char.isspace():
            continue
        if char.isalnum() or not (char in _BULLETS or unicodedata.category(char) in _BULLET_KINDS):
            return False  # a letter, a digit, a comma or a bracket before it: inside a sentence
        bullet = True
    return bullet and at - 1 - BULLET_CHARS < 0


BULLET_CHARS = 6  # a bullet and its spaces (an emoji may be two code points)
_BULLETS = frozenset("•‣⁃◦▪▫·*-–—…")  # and an excerpt's opening ellipsis, "… The"
# Symbols (emoji, arrows, stars), and the marks an emoji carries (a variation selector, a joiner).
_BULLET_KINDS = frozenset(("So", "Sm", "Sk", "Sc", "Mn", "Me", "Cf"))
_Parts = tuple[str, str | None, str | None]  # a _FACT match: the whole, its number, its multiplier word


def _fact_word(key: str | _Parts) -> str | None:
    """A ``_FACT`` match (its text, or whole, number and multiplier) as a fact's word, folded; None for a time of
    day. Remembered."""
    whole, number, times = (key, None, None) if isinstance(key, str) else key
    word = None if clock_like(whole) else fold(whole if number is None else number_key(number, times))
    if word and number is None:  # a glottal mark or a closing quote ending a name ("Le'"): a scan drops it
        word = word.rstrip(_WORD_END_MARKS)
    if len(_FACT_WORDS) > 1 << 16:
        _FACT_WORDS.clear()  # a bound on memory; the words that matter come back at once
    _FACT_WORDS[key] = word
    return word


def _stem_hash(word: str) -> int:
    """``crc(_stem(word))``, remembered."""
    value = _STEM_HASHES.get(word)
    if value is None:
        if len(_STEM_HASHES) > 1 << 16:
            _STEM_HASHES.clear()
        value = _STEM_HASHES[word] = crc(_stem(sounded(word)))
    return value


_FACT_WORDS: dict[str | _Parts, str | None] = {}
_WORD_END_MARKS = "'’‘`´ʻʼ"
_STEM_HASHES: dict[str, int] = {}


def _stem(word: str) -> str:
    """A name of a cased alphabet by its first ``NAME_STEM`` letters: a copy that moves an attribution
    inflects the name it moves (Marek Hudák / podľa Mareka Hudáka, Məmmədova / Məmmədovanın)."""
    return word[:NAME_STEM] if word[:1].isalpha() and word[:1] < "\u3000" else word


def sentence_facts(
    text: str, shingles: list[int], width: int, spans: list[tuple[int, int]], spaced: Spaces = UNKNOWN
) -> tuple[tuple[int, frozenset[int], frozenset[int]], ...]:
    """Per sentence of ``text`` (case kept): its hash (``sentence_hashes``), its shingle hashes (taken
    from ``shingles``, the whole text's shingle hashes of ``width`` tokens, as a list: a signature has it),
    and the hashes of its names and numbers (of ``spans``, its ``fact_spans``, in text order). ``spaced``:
    ``word_spaces(fold(text))``, if known."""
    offsets, named = zip(*spans, strict=True) if spans else ((), ())  # the names' places and hashes, apart (in C)
    out = []
    at = 0
    for key, count, start, end in zip(*_sentences(text, spaced), strict=True):
        # A sentence shorter than a shingle owns none (a negative end would slice the whole text's).
        stop = at + count - width + 1
        low = bisect_left(offsets, start)
        high = bisect_left(offsets, end, low)
        # One empty set for every sentence without shingles or names, not one made for each.
        inside = frozenset(shingles[at:stop]) if stop > at else _EMPTY
        out.append((key, inside, frozenset(named[low:high]) if high > low else _EMPTY))
        at += count
    return tuple(out)


_EMPTY: frozenset[int] = frozenset()


def _sentences(text: str, spaced: Spaces = UNKNOWN) -> tuple[list[int], list[int], list[int], list[int]]:
    """``_ascii_sentences`` of any text (case kept): the sentences that have words, each one's hash, word
    count, start and end. A sentence is folded and cut into words on its own (``fold`` of a whole text may
    join or split what the sentence's does not). ``spaced``: ``word_spaces(fold(text))``, if known."""
    if text.isascii():
        return _ascii_sentences(fold(text), spaced)  # the split and the words are those of the folded text
    local = fold_is_local(text)  # each sentence's fold is that piece of the whole text's fold: read it there
    folded = fold(text) if local else ""
    pieces, sizes, cut = _folded_pieces(folded, spaced) if local else _NO_PIECES
    # A local fold as long as the text folds each character to one: a full stop, a space or a line break to
    # itself and no other character to one of those. Its sentences end where the text's do.
    breaks = cut if cut is not None and len(folded) == len(text) else [*_breaks(text), len(text)]
    if local and len(pieces) == len(breaks):
        kept = [i for i, key in enumerate(pieces) if key is not None]  # the sentences with words
        opens = [0, *breaks[:-1]]
        return (
            [key for key in pieces if key is not None],
            [sizes[i] for i in kept],
            [opens[i] for i in kept],
            [breaks[i] for i in kept],
        )
    keys: list[int] = []
    counts: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    start = 0
    for end in breaks:
        tokens = script_tokens(fold(text[start:end]))
        if tokens:
            keys.append(crc(" ".join(tokens)))  # as ``sentence_hashes`` hashes it
            counts.append(len(tokens))
            starts.append(start)
            ends.append(end)
        start = end
    return keys, counts, starts, ends
