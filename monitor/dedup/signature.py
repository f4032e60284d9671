"""What the index keeps of an entry: shingle samples of the whole text, sentence hashes, event keywords. Pure.

A ``Signature`` is computed once per entry (in a parser process) and stored beside it in
SQLite, so the start-up rebuild reads signatures instead of re-reading every body.

The text (``clean``: wrapping removed) is cut into sentences and tokens (words; one
character for scripts written without spaces, ``monitor.text.NO_SPACE_RANGES``), US/UK
spellings folded, a word of the Latin or Cyrillic alphabet in one spelling of its sounds
(``alphabets.sounded``: a desk's transliterated copy is the same text), and shingled (3
words, or 5 characters). Each shingle gets a stable 32-bit hash (CRC-32 of each token,
mixed; never Python's salted ``hash``). Kept:

- ``sample``: the ``SAMPLE_MAX`` smallest shingle hashes (every one of a shorter text). Chosen
  by value, not position, so a copy and its original keep the *same* shingles of the text
  they share wherever it sits: the containment of one in the other is measured on the whole
  body, not on the opening, and exactly when the shorter is a summary or one paragraph taken
  from the middle (a sample of half its shingles said too little about a 30-shingle summary);
- ``opening``: the other hashes of the first ``OPENING_SHINGLES`` shingles, so a short
  copy (a summary, a trimmed first paragraph) is measured on enough of its text;
- ``keys`` (blocking): the first ``LEAD_KEYS`` shingles, a sample of the rest of the opening,
  and the smallest of each of ``SPREAD_KEYS`` equal stretches of the text (``_spread``). A copy
  is found through any one of them, and it looks up *all* its own shingles, so a copy whose
  opening was rewritten still finds its original through the middle, a copy of one paragraph
  through the key of its stretch, and a copy with a paragraph added on top through the
  original's opening;
- ``facts``: the names and numbers as written (capitalised words inside a sentence, numbers,
  katakana runs), hashed, the ``FACTS`` smallest: two stories from one frame of words ("A
  train operated by X derailed near Y on Tuesday") share wording but not facts; ``fact_lines``, a byte
  each: the first sentence printing it and whether it is a number (de68: a fact vetoes a copy only where
  both texts print one sentence with another fact of its kind in it, ``compare``);
- ``sentences``: a hash per sentence (the first ``SENTENCES``), for reasons people can read
  ("87 % of this entry's sentences appear in entry 17, in order");
- ``skeleton`` and ``skeleton_facts``: the text read by its words' consonants (``skeleton``), its smallest
  shingle hashes and its names' and numbers', and the ``SKELETON_KEYS`` smallest as keys: a second look at a
  copy whose letters a systematic process changed (a keyboard, a transliteration), ``compare.resembles``.
"""

from __future__ import annotations

import functools
import re
import struct
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from monitor.dedup.alphabets import DIGRAPHIC, apostrophes_joined, in_latin
from monitor.dedup.clean import address_hash, addresses, bare_headline, clean, readable
from monitor.dedup.events import event_time, keywords_and_heads
from monitor.dedup.figures import figure_values
from monitor.dedup.misread import digits_read, glued_to_letters
from monitor.dedup.ownlines import own_lines_dropped
from monitor.dedup.reshaped import reshaped_read
from monitor.dedup.restated import restated
from monitor.dedup.shingles import (
    FACTS,
    SHINGLE_CHARS,
    SHINGLE_WORDS,
    crc,
    fact_spans,
    facts,
    sentence_facts,
    sentence_hashes,
    shingle_hashes,
    unspaced,
)
from monitor.dedup.skeleton import skeleton_facts, skeleton_hashes, skeleton_sample
from monitor.dedup.spelled import with_spelled
from monitor.models import Entry
from monitor.text import beyond_ascii, class_run, fold, script_tokens, spaced_tokens, word_spaces

# A headline's words are counted so that a character of a script without spaces is a third of a word (a Han or
# Thai headline of nine characters says about as much as one of three words): ``title_words`` and the lede's.
CHARS_A_WORD = 3
TITLE_ONLY = 8  # a flag: no story text (or only wrapping), the headline stands in for it
# A flag: no capital in the text (Arabic, Burmese, Gujarati, or a caseless alphabet read in Latin
# letters, ``alphabets.in_latin``), or capitals only (``in_capitals``): its facts are its numbers only,
# and a cased copy of it (a desk's Latin reprint capitalising every name) adds names the caseless text
# cannot show.
NO_CAPITALS = 16
SAMPLE_BELOW = 1 << 32  # every hash: a text of SAMPLE_MAX shingles or fewer is kept whole
SAMPLE_MAX = 160
OPENING_SHINGLES = 24
LEAD_KEYS = 8  # the first shingles, all indexed: a summary or first-paragraph copy shares them
OPENING_KEYS = 6  # then the opening's shingles below KEY_BELOW
KEY_BELOW = 1 << 29
SPREAD_KEYS = 10
SKELETON_KEYS = 4  # the smallest skeleton hashes, indexed: a copy looks up its ``skeleton`` sample (``skeleton``)
LEDE_CHARS = 160  # the readable opening kept with the signature
EVENT_DATING = timedelta(days=7)  # how late a report may date its event by a named day
# T4 and before cut a word at its combining marks and joiners (उज्जैन was three tokens, กิ two: now whole,
# ``text.token_pattern``).
# This design's blobs. Older ones are recomputed at start-up (``rebuild``): T2 joined a brief's one-sentence
# paragraphs of one length as a hard-wrapped text (now apart, ``clean.unwrapped``); T1 took a lede opening "Stand By Me
# Director Rob Reiner" or "Ukraine's armed forces (ZSU) –" for a credit or an agency's dateline, and missed one from
# "BOGOTÁ, Dec 5 (Agency) -" (``shingles.credit_end``); T0 and before read the names of a credit
# run into the lede ("By Ann Lee, Harbourline Press Vireo Telecom and …"), of a dateline after it and of an agency's
# dateline after an app's line as facts (now none, ``shingles.credit_end``); SZ kept an outlet's row of its other
# headlines under a story ("See also · <headline> · <headline>") as story text (now none, ``clean._related``); SY
# kept a mailer's masthead paragraph
# ("<Outlet> · the weekday letter, …", the entry's own outlet named first) as story text (now the outlet's,
# ``_masthead_dropped``), read the word after an excerpt's opening "… " as a name (``shingles.after_bullet``) and
# hashed a part's number "… [2/2]" with the headline (``clean.bare_headline``); SY joined SX's and SW's changes,
# made on two branches: SX, and everything before read no month name nor thousand or million word
# of a script besides Latin and Cyrillic among its event keys (now CLDR's, ``dates._script_month``,
# ``eventkeys.script_multiplier``); SW, SX's sibling, and SV kept a stub's pointer to its story
# in words ("<headline> — continue: https://…") as story text (now a link, none: ``clean._unlinked``), and hashed
# a headline with a tag in square brackets after it ("… [Mostar]"; now without, ``clean.bare_headline``);
# ST shingled a text whose opening was mostly words (a partner's English paragraph on top of a Shan story) three
# words at a time, its script's
# characters too (now by what most of its tokens are, ``shingles.unspaced``), kept a teaser's link line
# ("<headline> ➜ https://…") as story text (now none, ``clean._unlinked``: its headline stands in), and hashed a
# headline with a live blog's clock time before it or an edition's label after it ("06:31 · …", "… · Evening
# edition"; now without, ``clean.bare_headline``), and named no day by one in numbers ("8/3/2027": now the
# reading of the week before publication, ``dates``); SS kept a live feed's bare clock time
# opening the text ("20:37 ▸ LAGOS — …") as story text, its two numbers among the facts (now a stamp, dropped,
# ``clean._STAMP``); SR read the Latin capitals of a mostly
# caseless text (a name's gloss, "राठौड़ (Rathore)") as names among its facts (now its numbers only, as a caseless
# text's, ``signature``), and Traditional Chinese's 萬 and 億 as no multiplier ("3,200萬": now 32 million,
# ``shingles``); SQ kept a digest's item heading on top ("6. <headline>") as story text and the dateline under it
# (now both dropped, ``clean._item_heading``), and read a currency's letters glued to an amount ("Sh92,000") as a
# name and a number (now the amount, ``shingles``); SP kept an app's one-sentence call after a cut summary
# ("… Continue in the <Outlet> app.") as story text (now dropped, ``clean._TAIL_AFTER_ELLIPSIS``); SO
# flagged a caseless text under a line of Latin capitals (an app's "Open in the <Outlet> app.") as capitalised (now
# caseless, ``mostly_caseless``); SN kept a page's stamp (an e-paper's folio, a print view's footer) as story text (now
# dropped, ``clean._page_stamp``), read a capital palochka inside a word as a capital (now lower case,
# ``alphabets.strokes``) and named no day by a month of Russia's names with another language's ending, nor by an English
# month as the Germanic languages write it (now both, ``dates``), and read a "million" written out with an ending ("4
# миллиона", "4 mıllıon") as no multiplier (now 1e6, ``shingles``);
# SM keyed the smallest skeleton hash of each of four stretches (now the four smallest, which a copy's decision
# looks up: ``SKELETON_KEYS``), read an
# Abkhaz text with ҷ in Tajik's Latin letters (now as written, ``alphabets._NOT_TAJIK``) and a Latin byline run
# into a story in another script as story text (now dropped, ``clean``); SL
# kept no skeleton (``skeleton``: a copy whose letters a keyboard or a transliteration changed shared too few
# words with its story) and read a text hard-wrapped narrower than 50 columns line by line (``clean.unwrapped``);
# SK (never released) read a palochka typed as a stroke ("Г1ала": now "і", ``alphabets.strokes``) and a program's
# escaped string
# ("50\\,000", "\\n": now undone, ``transfer.unescaped``) as written, and gave a sentence shorter than a shingle
# the text's shingles (now none); SJ also read a quoted-printable or RTF
# body as stored ("Asunci=C3=B3n", "Asunci\\u243?n": now as its reader sees it, ``transfer``) and kept a
# closing link line ("=> address Headline") as story text (now dropped, ``clean.unmarked``); SI cut a word at an
# apostrophe inside it ("foʻou" two words, a copy's "foou" one: now it is left out, ``alphabets.apostrophes_joined``),
# read a Bashkir text as Kazakh and its ҙ ҡ ҫ ғ otherwise than a keyboard's з к с г (now as those, ``alphabets``),
# and read every word of a text in capitals as a name (now it is caseless, ``in_capitals``);
# SH read a letter of another alphabet
# with a mark ("Атăл"), a letter a script's keyboards write two ways ("ৰ" / "র", "ک" / "ك", a nukta) and an
# apostrophe written as a modifier letter ("Faʻamausili") as written (now as one, ``alphabets``); SG kept as
# story text a dateline whose letters carry marks, whose comma is another script's or whose day an ordinal
# ("ଭୁବନେଶ୍ୱର, ଏପ୍ରିଲ ୧୨ –", "12טן אַפּריל"), and a closing credit in brackets ("(By Jane Doe)": both ``clean``);
# SF read a text as it came (now as ``clean.readable`` reads it: NFKC, lookalike letters in the text's alphabet,
# a stray joiner dropped);
# SE kept no count of its headline's names (now the last byte of the head: a story rebuilt at start-up is judged by
# ``events._siblings`` as one added since); SD kept a time of day
# written with a colon ("10:40") as two numbers among the facts (now none, ``shingles._FACT``); SC read a Uyghur text of
# the Arabic-script alphabet as written (now in Latin letters, ``alphabets``), kept invisible format
# characters, page chrome and a dashed credit as story text, and had no ``NO_CAPITALS`` flag; SB hashed a word as
# written (now in one spelling of its sounds, ``alphabets.sounded``: a Kyrgyz story's Latin copy shares
# its shingles), a Kyrgyz text in Kazakh's Latin letters, mojibake as it came (now decoded again,
# ``clean.repaired``), and keyed the whole sample's smallest hashes (now each tenth's, ``_spread``); SA hashed a Tajik
# Cyrillic text in Kazakh's Latin letters (now in those Tajik sites write, ``alphabets``) and kept
# the word after a line's bullet ("🔹 Students") as a name (``shingles.after_bullet``); S9 hashed a Belarusian
# Cyrillic text in Cyrillic letters and a Łacinka one with ł and "lia" (now both in one Łacinka
# spelling, ``alphabets``); S8 hashed a Mongolian
# Cyrillic text in Kazakh's Latin letters (now in those Mongolian sites write, ``alphabets``); S7
# hashed a Kazakh text in Cyrillic letters (now in Kazakh's Latin ones, ``shingles.romanised``),
# kept a time of day and "UTC" as facts, and a name's whole word (not its first letters); S6 kept a name or number
# cut at the text's end ("212" cut to "21") as a fact, and ended sentences only at Latin and CJK
# full stops (not at ۔ or ।); S5 keyed numbers by their digits ("3,412"
# gave 412, "۳۴۱۲" its Persian digits) and no word of a script without capitals, and folded
# "12000亿" to 12000 (its names and numbers, and its event keywords); S4 kept a credit glued to the
# dateline after it ("Автор: Илья Гречко НОВОСИБИРСК, …") as story text; S3 sampled half the
# shingles of a short text; S2 cut the wrapping by the earlier shapes; before, MinHash bands.
# TX (tx1) read a figure in its compact form ("7.8k", "K1.25M") as letters: a name among the facts, no number
# (now the figure written out, de64, ``shingles._COMPACT``). TY kept no sentence of each fact (now ``fact_lines``, de68:
# the guard reads the sentences two texts share).
_MAGIC = b"TZ"  # after TY (two bytes; T3 was dd44's, T4 before TX, SU another branch's, dd39 also called its own SY)
# magic, flags, length, keys, sample, opening, sentences, facts, title hash, headline names (``heads``),
# skeleton, skeleton's facts; then a byte per fact (``fact_lines``)
_HEAD = struct.Struct("<2sBHBBBBBIBBB")


@dataclass(frozen=True, slots=True)
class Signature:
    """An entry as the dedup index sees it. ``when`` is the event's POSIX time (see ``signature``).

    ``shingles``, ``written``, ``title_words`` and ``lines`` exist only on a fresh signature (the entry
    being decided): all its shingle hashes, its keywords as written, its headline's length in words,
    and each sentence's hash and shingles with its names and numbers. Stored signatures leave them empty.
    """

    keys: tuple[int, ...]
    sample: bytes  # sorted uint32 shingle hashes below the sample's threshold
    opening: bytes  # uint32 hashes of the opening's other shingles
    sentences: bytes  # uint32 hash per sentence, in order
    facts: bytes  # sorted uint32 hashes of names and numbers, the FACTS smallest
    length: int  # shingles in the text
    flags: int  # clean.DATELINE | BYLINE | TRUNCATED, and TITLE_ONLY
    title: int  # hash of the folded title's words
    lede: str  # the opening, folded: for people, and for "too little text"
    keywords: tuple[str, ...]
    when: float
    outlet: str = ""
    shingles: frozenset[int] = frozenset()
    written: tuple[str, ...] = ()
    title_words: int = 0
    lines: tuple[tuple[int, frozenset[int], frozenset[int]], ...] = ()  # per sentence: hash, shingles, facts
    heads: tuple[str, ...] = ()  # the keys of the names the headline writes (``eventkeys.keywords_and_heads``)
    # The text read as its skeleton (``skeleton``): the smallest shingle hashes, its names' and numbers'
    # hashes, and (fresh only) every shingle hash.
    skeleton: bytes = b""
    skeleton_facts: bytes = b""
    skeletons: frozenset[int] = frozenset()
    # de68: a byte per fact of ``facts``, in its order: the first sentence printing it (``FACT_LINE``) and whether it
    # is a number (``FACT_NUMBER``): the names-and-numbers guard reads the sentences two texts share (``compare``)
    fact_lines: bytes = b""
    # de58: the hash of the entry's own link (stored ones too: the store's link column), and (fresh only) of each
    # address its text points at (``clean.addresses``)
    link: int = 0
    cites: tuple[int, ...] = ()
    # (fresh only) each number's fact hash and value: figures are compared as values (``figures.aligned``)
    figures: tuple[tuple[int, float], ...] = ()
    # (fresh only) the text its names and numbers were read from: the guard reads its names' words only when they
    # would part two texts (``unread``)
    read: str = ""

    def __getstate__(self) -> tuple[object, ...]:
        """The wire form (a parser process's ``examine.Facts`` going back to the serial stage): each fresh-only
        set packed into one integer array (``_Packed``), read back as a set only when a decision reads it."""
        return tuple(_wire_value(self, name) for name in _FIELDS)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        for name, value in zip(_FIELDS, state, strict=True):
            object.__setattr__(self, name, value)  # frozen: as ``dataclasses``' own ``__setstate__`` does

    @property
    def skeleton_keys(self) -> frozenset[int]:
        """The hashes of ``skeleton`` (a copy's smallest skeleton hashes hold its original's ``SKELETON_KEYS``
        smallest, when it holds most of the original, and the original its copy's): looked up by a decision."""
        return frozenset(np.frombuffer(self.skeleton, dtype="<u4").tolist())

    @property
    def threshold(self) -> int:
        """Every shingle hash of the text below this is in ``sample``."""
        if len(self.sample) < SAMPLE_MAX * 4:
            return SAMPLE_BELOW
        return int.from_bytes(self.sample[-4:], "little") + 1  # capped: just above the largest kept

    def pack(self) -> bytes:
        head = _HEAD.pack(
            _MAGIC,
            self.flags,
            min(self.length, 65535),
            len(self.keys),
            len(self.sample) // 4,
            len(self.opening) // 4,
            len(self.sentences) // 4,
            len(self.facts) // 4,
            self.title,
            min(len(self.heads), 255),
            len(self.skeleton) // 4,
            len(self.skeleton_facts) // 4,
        )
        arrays = self.sample + self.opening + self.sentences + self.facts + self.skeleton + self.skeleton_facts
        return head + struct.pack(f"<{len(self.keys)}I", *self.keys) + arrays + self.fact_lines

    @staticmethod
    def unpack(
        blob: bytes, lede: str, words: tuple[str, ...], when: float, outlet: str, link: int = 0
    ) -> Signature | None:
        """The stored signature, or None for one of an older design (then it is computed again). Its
        ``heads`` are the first of ``words``: a headline's names are the first keywords found; ``link``
        the hash of the entry's link, which the store keeps beside it (``cites`` is read only from an
        entry being decided, never a stored one)."""
        if len(blob) < _HEAD.size or not blob.startswith(_MAGIC):
            return None
        _, flags, length, nk, ns, no, nsent, nf, title, nh, nsk, nskf = _HEAD.unpack_from(blob)
        if _HEAD.size + 4 * (nk + ns + no + nsent + nf + nsk + nskf) + nf != len(blob):
            return None
        at = _HEAD.size + 4 * nk
        keys = struct.unpack_from(f"<{nk}I", blob, _HEAD.size)
        sample, at = blob[at : at + 4 * ns], at + 4 * ns
        opening, at = blob[at : at + 4 * no], at + 4 * no
        sentences, at = blob[at : at + 4 * nsent], at + 4 * nsent
        facts, at = blob[at : at + 4 * nf], at + 4 * nf
        skeleton, at = blob[at : at + 4 * nsk], at + 4 * nsk
        return Signature(
            keys, sample, opening, sentences, facts, length, flags, title, lede, words, when, outlet,
            heads=words[:nh], skeleton=skeleton, skeleton_facts=blob[at : at + 4 * nskf], link=link,
            fact_lines=blob[at + 4 * nskf :],
        )  # fmt: skip


class _Packed:
    """A fresh-only set (``shingles``, ``skeletons``) or the ``lines`` as one array of integers, as pickled.

    A parser process sends each examined entry's signature to the serial stage, the one process every
    entry passes through. Pickle sends a frozenset member by member and the receiver builds every set,
    a few hundred integers and a pair of sets per sentence: on newsroom's entries it cost more to read
    back than the signature had cost to send. Packed, a set is one bytes object, and the set is built by
    ``_Unpacking`` when a decision first reads it (most never read ``lines`` or ``skeletons``). Members
    keep each set's own order, so a set read back iterates as the one pickle would have rebuilt."""

    __slots__ = ("data", "name")

    def __init__(self, name: str, data: bytes):
        self.name, self.data = name, data

    def __reduce__(self) -> tuple[object, ...]:
        return _Packed, (self.name, self.data)

    @staticmethod
    def of(name: str, value: Any) -> _Packed:
        if name != "lines":
            return _Packed(name, _ints_packed([len(value), *value]))
        flat = [len(value)]
        for key, inside, named in value:  # per sentence: its hash, the sizes of its two sets, their members
            flat += (key, len(inside), len(named), *inside, *named)
        return _Packed(name, _ints_packed(flat))

    def unpacked(self) -> Any:
        flat = array(chr(self.data[0]), self.data[1:]).tolist()
        if self.name != "lines":
            return frozenset(flat[1:])
        lines = []
        at = 1
        for _ in range(flat[0]):
            key, inside, named = flat[at : at + 3]
            at += 3 + inside + named
            lines.append((key, frozenset(flat[at - inside - named : at - named]), frozenset(flat[at - named : at])))
        return tuple(lines)


def _ints_packed(flat: list[int]) -> bytes:
    """``flat`` as an array's bytes after its typecode: uint32 ("I", a hash's width), or uint64 ("Q") should
    a value ever not fit."""
    for code in "IQq":  # "q": a negative value, never seen (hashes are unsigned) but never a crash
        try:
            return code.encode() + array(code, flat).tobytes()
        except OverflowError:
            continue
    raise OverflowError("a value beyond 64 bits in a signature's set")


class _Unpacking:
    """A ``Signature`` field's descriptor in place of its slot's: a ``_Packed`` value (a signature read
    back from a parser process) becomes its set on first read and stays one. Assignment as the slot's."""

    def __init__(self, slot: Any):
        self.slot = slot

    def __get__(self, sig: Signature | None, owner: type | None = None) -> Any:
        if sig is None:
            return self
        value = self.slot.__get__(sig, owner)
        if type(value) is _Packed:
            value = value.unpacked()
            self.slot.__set__(sig, value)
        return value

    def __set__(self, sig: Signature, value: Any) -> None:
        self.slot.__set__(sig, value)


def _wire_value(sig: Signature, name: str) -> object:
    """A field as it goes on the wire: a set still packed (a signature sent on again, unread) stays so."""
    if name not in _PACKED:
        return getattr(sig, name)
    value = Signature.__dict__[name].slot.__get__(sig, Signature)  # the raw slot, past ``_Unpacking``
    return value if type(value) is _Packed else _Packed.of(name, value)


_FIELDS = tuple(Signature.__dataclass_fields__)
_PACKED = ("shingles", "skeletons", "lines")
for _name in _PACKED:
    setattr(Signature, _name, _Unpacking(Signature.__dict__[_name]))


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)``, without the ``numpy.ma`` import it costs every process that signs entries."""
    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return ordered[first]


def signature(entry: Entry, seen: datetime, window: timedelta = EVENT_DATING) -> Signature:
    """The signature of ``entry``; ``seen`` stands in for a missing publication date.

    ``when`` is the event's time (``events.event_time``): publication, or an earlier day
    named in the opening, at most ``window`` before it.
    """
    cleaned = clean(entry.body)
    story = reshaped_read(own_lines_dropped(_masthead_dropped(cleaned.text, entry.outlet), entry.outlet))
    story = restated(story)  # a value in thousands, digit by digit or in a bracket beside it: its value (``restated``)
    # de86: the headline a carrier printed in its post is the entry's (an SMS's title is its text cut short)
    headline = readable(cleaned.headline or entry.title)  # once: the event keys read it too
    text = story or cleaned.headline or entry.title
    if not text.isascii():  # ASCII is in Latin letters already: in_latin's five searches find nothing there
        text = in_latin(text)  # a Mongolian desk's Latin copy is the same story
    text = apostrophes_joined(text)  # after in_latin: Łacinka reads a Belarusian apostrophe (сям'я, siamja)
    text = digits_read(text)  # a fax gateway's "2O33", "l4": the figures they stand for
    folded = fold(text)
    spaced = word_spaces(folded)  # once: the words, and each sentence's (``shingles.sentence_hashes``)
    words = spaced_tokens(folded, spaced)
    hashes = shingle_hashes(words)
    listed = hashes.tolist()  # once: the opening's, the set of them all, and each sentence's
    no_spaces = unspaced(words)
    sample = _sorted_unique(hashes)[:SAMPLE_MAX]  # every hash is below SAMPLE_BELOW (32 bits)
    # The opening in words: a character of Japanese is about a third of a word.
    head = list(dict.fromkeys(listed[: OPENING_SHINGLES * (3 if no_spaces else 1)]))
    bound = int(sample[-1]) + 1 if len(sample) == SAMPLE_MAX else SAMPLE_BELOW
    sampled_head = [h for h in head[LEAD_KEYS:] if h < KEY_BELOW][:OPENING_KEYS]
    # None of a text without spaces (its characters are its words), nor of one in Serbian's Cyrillic letters:
    # its Latin text is the same news in the language's other alphabet, another story (``alphabets.DIGRAPHIC``).
    serbian = DIGRAPHIC.search(beyond_ascii(folded))  # none of its letters is ASCII
    skeletons = skeleton_hashes(words) if not (no_spaces or serbian) else np.zeros(0, np.uint64)
    # and the skeleton's smallest, for a copy no word of which is written as in its original (``skeleton``)
    keys = tuple(dict.fromkeys(head[:LEAD_KEYS] + sampled_head + _spread(hashes, SPREAD_KEYS)))
    skeleton = skeleton_sample(skeletons)
    keys += tuple(key for key in np.frombuffer(skeleton[: 4 * SKELETON_KEYS], dtype="<u4").tolist() if key not in keys)
    published = entry.published or seen
    title = apostrophes_joined(in_latin(bare_headline(headline)))
    title_tokens = _own_name_dropped(script_tokens(fold(title)), entry.outlet)
    found, heads = keywords_and_heads(entry, published, story, restated(headline))
    capitals = in_capitals(text)
    mixed = not capitals and text != text.lower() and mostly_caseless(text)
    caseless = capitals or mixed or text == text.lower()
    # A text in capitals (a wire's telex) shows no names by their capitals: every word would be one. Its names
    # are unknown, not other ones: read as a caseless text's, its facts are its numbers (``NO_CAPITALS``). So are
    # a mostly caseless text's: its few Latin capitals are a gloss of a name it writes in its own script
    # ("मीनाक्षी राठौड़ (Meenakshi Rathore)", a learners' ruby reading run into the name) or an app's line, which
    # its original, printing the same name without them, would lack.
    lowered = capitals or (mixed and len(_lowered(text)) == len(text))
    read = _lowered(text) if lowered else text
    spans = fact_spans(read)
    if lowered:  # its names unread: a number glued to a word's letters ("D14") is no figure (``misread``)
        spans = [span for span in spans if not glued_to_letters(read, span[0])]
    spans, spelled = with_spelled(read, spans)  # figures spelled out, as values
    fact_list = facts(text, spans)
    lines = sentence_facts(text, listed, SHINGLE_CHARS if no_spaces else SHINGLE_WORDS, spans, spaced)
    return Signature(
        keys=keys,
        sample=sample.astype("<u4").tobytes(),
        opening=_u32([h for h in head if h >= bound]),
        sentences=_u32(sentence_hashes(folded, spaced)),
        facts=_u32(fact_list),
        length=len(hashes),
        flags=cleaned.flags | (0 if story else TITLE_ONLY) | (NO_CAPITALS if caseless else 0),
        title=crc(" ".join(title_tokens)),
        lede=" ".join(words[:40])[:LEDE_CHARS],
        keywords=tuple(found),
        when=event_time(entry, published, window),
        outlet=sys.intern(entry.outlet),
        shingles=frozenset(listed),
        written=tuple(found.values()),
        heads=heads,
        title_words=len(title_tokens) // (CHARS_A_WORD if unspaced(title_tokens) else 1),
        lines=lines,
        skeleton=skeleton,
        skeleton_facts=skeleton_facts(text, spans, FACTS) if len(skeletons) else b"",
        skeletons=frozenset(skeletons.tolist()),
        link=address_hash(entry.link),
        cites=addresses(entry.body, entry.link),
        fact_lines=fact_lines(fact_list, lines, numbers(text, spans) | {fact for fact, _ in spelled}),
        figures=figure_values(read, spans) + spelled,
        read=read,
    )


Lines = tuple[
    tuple[int, frozenset[int], frozenset[int]], ...
]  # ``Signature.lines``: per sentence, hash, shingles, facts
FACT_LINE = 0x7F  # a fact's byte (``Signature.fact_lines``): its first sentence's index (this one: it or later)
FACT_NUMBER = 0x80  # and this bit when it is a number


def numbers(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """The hashes of ``spans`` (``shingles.fact_spans`` of ``text``) that are numbers: a name is a word, it opens
    with a letter."""
    return {h for at, h in spans if not text[at].isalpha()}


def fact_lines(found: list[int], lines: Lines, numeric: set[int]) -> bytes:
    """A byte per fact of ``found`` (``Signature.facts``): the index of the first of ``lines`` printing it (capped
    at ``FACT_LINE``) and ``FACT_NUMBER`` for a number. Kept so that a stored text's facts are known by sentence:
    a fact vetoes a copy only where both texts print one sentence with another fact in it (``compare``)."""
    first: dict[int, int] = {}
    for index, (_, _, named) in enumerate(lines):
        for fact in named:
            first.setdefault(fact, min(index, FACT_LINE))
    return bytes(first.get(fact, FACT_LINE) | (FACT_NUMBER if fact in numeric else 0) for fact in found)


def in_capitals(text: str) -> bool:
    """Is ``text`` written in capitals: lines in capitals (``str.isupper``) hold most of it (a telex with a
    byline in lower case is), capitals are half its characters, and lower-casing keeps every character's place
    (so its facts' offsets hold)?"""
    upper = len(text) if text.isupper() else sum(len(line) for line in text.split("\n") if line.isupper())
    if upper * 5 <= len(text) * 4:
        return False  # most text, at once
    # Capitals must be most of its letters: a Chinese text with one acronym ("GDP") is upper by ``str.isupper``.
    return len(_CAPITAL.findall(text)) * 2 > len(text) and len(_lowered(text)) == len(text)


def mostly_caseless(text: str) -> bool:
    """Are most of ``text``'s letters of scripts without capitals? A Bhojpuri story under an app's line in
    English ("Open in the <Outlet> app.") or beside a company's Latin name is still a caseless text: its story
    shows no names by their capitals, and its copy without that line is no other story for lacking them."""
    if text.isascii():
        return False
    beyond = beyond_ascii(text)  # no caseless letter is ASCII
    if not _CASELESS_LETTERS.search(beyond):
        return False  # the common case, in one pass of C
    caseless = sum(map(len, _CASELESS_LETTERS.findall(beyond)))
    return caseless > sum(map(len, _CASED_LETTERS.findall(text)))


# The letters of the alphabets with capitals (Latin, Greek, Cyrillic, Armenian), and the characters of any other
# script, its marks included (Georgian's capitals are none running text uses: ``eventkeys._caseless_of``): not
# spaces, digits, ASCII, Latin-1's signs, punctuation, arrows and shapes ("▪"), CJK punctuation, full widths, emoji.
_CASED = "A-Za-zªµºÀ-ÖØ-öø-ɏͰ-ϿЀ-ԯԱ-֏Ḁ-ỿ"
_CASED_LETTERS = class_run(f"[{_CASED}]")
_CASELESS = f"[^\\s\\d\\x00-\\xbf{_CASED}\\u2000-\\u2bff\\u3000-\\u303f\\uff00-\\uffef\\U0001f000-\\U0001ffff]"
_CASELESS_LETTERS = class_run(_CASELESS)


_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁЀ-Џ\u0460-\u052e\u0531-\u0556\u10a0-\u10c5]")


def _lowered(text: str) -> str:
    """``text`` in lower case, "İ" as "i" (Turkish capitals: ``str.lower`` writes it as two characters)."""
    return text.replace("İ", "I").lower()


def signatures(entries: Iterable[Entry], seen: datetime, window: timedelta = EVENT_DATING) -> list[Signature]:
    """``signature`` of each entry, in order."""
    return [signature(entry, seen, window) for entry in entries]


def _own_name_dropped(title: list[str], outlet: str) -> list[str]:
    """The headline's words without the outlet's name an outlet signs it with ("… | Лента дня")."""
    name = _name_tokens(outlet)
    if name and len(title) > len(name) and title[-len(name) :] == name:
        return title[: -len(name)]
    return title


@functools.lru_cache(maxsize=1024)  # a worker signs the entries of a few hundred outlets, again and again
def _name_tokens(outlet: str) -> list[str]:
    """The words of an outlet's name, as a headline's are read (shared: a caller may not change the list)."""
    return script_tokens(fold(outlet)) if outlet else []


def _masthead_dropped(text: str, outlet: str) -> str:
    """``text`` without a first paragraph that opens with the outlet's own name and a mark ("Haor Barta · the
    weekday letter, 05 May 2027. Good morning. …"): a newsletter's or app's opening of its issue, the same
    words over every story it carries, so it made each of its stories a copy of the others. A story's own
    first paragraph names no outlet so (a credit line is read in ``clean``); a text of one paragraph keeps it."""
    first, _, rest = text.partition("\n")
    if not outlet or not rest.strip() or first[: len(outlet)].casefold() != outlet.casefold():
        return text
    return rest.lstrip() if _MARKED.match(first, len(outlet)) else text


# After the outlet's name: a mark (middle dot, bar, colon, a spaced dash), not a word of a sentence.
_MARKED = re.compile(r"\s?(?:[·•|:：]|[—–-]\s)")


def _spread(hashes: np.ndarray, count: int) -> list[int]:
    """The smallest hash of each of ``count`` equal stretches of the text, in text order: every
    paragraph of a tenth of the text or more holds a key, so a copy of any one paragraph (a summary
    taken from the middle) finds its original, whatever values its shingles hashed to."""
    if len(hashes) <= count:
        return hashes.tolist()
    # ``np.array_split``'s stretches (the first ``len % count`` one longer), their minima in one C call.
    size, longer = divmod(len(hashes), count)
    starts = np.arange(count) * size + np.minimum(np.arange(count), longer)
    return np.minimum.reduceat(hashes, starts).tolist()


def _u32(values: list[int]) -> bytes:
    """``values`` as little-endian uint32s: by ``struct``, ~6 µs an entry below a NumPy array's."""
    return struct.pack(f"<{len(values)}I", *values)
