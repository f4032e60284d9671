"""The event keywords of an entry: names, numbers, named days and lead words, as written. Pure.

A story's keywords come from its title and opening (``events`` merges them over its copies):

- names (capitalised words where grammar does not capitalise them, ``_names``; katakana
  runs) as script-neutral sound keys, so Лавров, Lavrov and ラブロフ are one key (``names``);
- numbers of two or more digits, and named days ("July 3", "3 июля", "7月3日" → ``@07-03``);
- the lower-case words of the title and the lead (first ``LEAD_WORDS`` words), which say
  *what* happened ("recognise", "ceasefire", "mining") where names only say who;
- character pairs of Japanese and Chinese text.

Each key keeps the word as the entry wrote it, so a reason names "Lavrov", never ``lvrv``.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime, time, timedelta
from itertools import compress, filterfalse, repeat
from operator import itemgetter, ne

from monitor.dedup.clean import clean, readable
from monitor.dedup.dates import (
    day_key,
    event_day,
    named_days,
    neighbours,
    of_other_script,
    script_locales,
    script_words,
    unique,
)
from monitor.dedup.hannumerals import han_figures
from monitor.dedup.scan import spaced_split, split_for
from monitor.dedup.shingles import NUMBER, NUMBER_SCAN, number_key, number_parts
from monitor.glued import glued_name_start
from monitor.models import Entry
from monitor.names import name_key
from monitor.text import NO_SPACE_RUN, fold, without_spaces

STEM = 7
MAX_KEYWORDS = 80
OPENING_WORDS = 150
LEAD_WORDS = 30  # about the first sentence: the lede says what happened
OPENING_CHARS = 200  # where a report dates its event: the dateline and first sentence
# Inside a word, besides letters and digits: the vowel signs and viramas of Indic scripts (दिल्ली is one
# word, not द ल ल), Arabic and Hebrew points, combining accents, and the Persian zero-width non-joiner.
_IN_WORD = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0963\u0966-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u20d0-\u20ff\ufe20-\ufe2f"
)
_WORD = re.compile(f"[^\\W\\d_][\\w’'{_IN_WORD}]*")
# The characters beyond ASCII a _WORD may hold: a text with neither has ASCII words only.
_WORD_BEYOND_ASCII = re.compile(r"[^\x00-\x7f\W]")
_IN_WORD_BEYOND_ASCII = re.compile(f"[’{_IN_WORD}]")
_NUMBER = re.compile(NUMBER)
_NUMBER_SCAN = re.compile(NUMBER_SCAN)  # the same matches, sought in C
_ASCII_NOT_DIGIT = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isdigit()})
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_ASCII_NOT_WORD = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "_'")})
_NOT_FIRST = "0123456789_'"
_SENTENCE_END = re.compile(r"(?<=[.!?…:;])\s+|\n+|(?<=[。！？])")
_SPACED_END = spaced_split(".!?…:;", newline_run=True)  # the same split, fast, for a text without 。！？
NOUN_CAPITALS = 0.3  # share of capitalised mid-sentence words above which a language capitalises nouns
NOUN_SAMPLE = 20  # mid-sentence words needed to tell  # word characters a word cannot start with
# Capitalised because they open a sentence, not because they name anything.
_NOT_NAMES = frozenset(
    """the a an in on at as by for from he she it its they this that we but and or if of to with
    after before while when where what why how""".split()  # noqa: SIM905 (a word list reads better as text)
)
# Headline words that say nothing about which event: function words and newsroom labels.
_NOT_TOPICS = _NOT_NAMES | frozenset(
    """into over about than then there their them these those will would could should have has had
    been being says said more most some such other others first last year years week explainer
    analysis opinion""".split()  # noqa: SIM905
)
WORD_MARK = "~"  # marks a headline word: bound to its script, unlike names, numbers and days


def keywords(entry: Entry, published: datetime, lines: str | None = None) -> tuple[str, ...]:
    """Distinct event keywords of the title and opening, title first.

    - names (capitalised words, katakana runs) as script-neutral sound keys
      (``names.name_key``): Лавров, Lavrov and ラブロフ share one;
    - numbers of two or more digits, and named days (``@07-03``);
    - headline words (``~recogni``, stems of 4+ letters), which carry what happened
      ("recognises", "frustration") when names only say who;
    - character pairs of text written without spaces (Japanese, Chinese, Thai).

    Names carry events: rewrites of one happening share Zhirnov, Kuala Lumpur, Kursk or 30
    even when every sentence differs. ``lines`` is the story text (``clean``) when the
    caller has it already.
    """
    return tuple(keywords_written(entry, published, lines))


def keywords_written(entry: Entry, published: datetime, lines: str | None = None) -> dict[str, str]:
    """``keywords`` (at most ``MAX_KEYWORDS``), each with the word as this entry wrote it:
    reasons name "Lavrov", "Wonsan", "30", "July 3", never the sound key ``lvrv``."""
    return keywords_and_heads(entry, published, lines)[0]


def keywords_and_heads(
    entry: Entry, published: datetime, lines: str | None = None, headline: str | None = None
) -> tuple[dict[str, str], tuple[str, ...]]:
    """``keywords_written``, and its first keys: the names its headline writes (who or where it is about),
    with the headline's days and figures (which day's figures a recurring report gives; ``headline_names``
    leaves them out); for a headline naming no one, the opening's names after the headline's figures.
    ``headline``: ``clean.readable(entry.title)``, when the caller has it (as ``lines``, the story text)."""
    body = clean(entry.body).text if lines is None else lines
    # Read as the body is (``clean``).
    title = _without_label(readable(entry.title) if headline is None else headline, entry.outlet)
    title_words = _words(title)
    body = _without_label(_without_about(body, title_words), entry.outlet)
    # maxsplit: the words past the opening are never split out of a long body.
    opening_words = body.split(None, OPENING_WORDS)[:OPENING_WORDS]
    opening = " ".join(opening_words)
    found: dict[str, str] = {}
    names, opening_read = _names(title_words, opening)
    heads: tuple[str, ...] = ()
    for text, words in ((title, title_words), (opening, opening_read)):
        named = list(filter(names.__contains__, words))
        _first_seen(found, zip(map(_NAME_OF.__getitem__, named), named, strict=True))
        if not text.isascii():
            runs = _KATAKANA_RUN.findall(text)
            _first_seen(found, zip(map(name_key, runs), runs, strict=True))
        heads = heads or tuple(found)  # the title's names, read first (else the opening's, and the title's figures)
        numbers, digits = _numbers(text)
        days = named_days(text, published) if digits else []
        _first_seen(found, ((day_key(day), day.strftime("%-d %B")) for day in days))
        # The day of a date is the date's, not a figure of its own: "on 23 April" is one anchor, not two.
        dated = {f"{part:.6g}" for day in days for part in (day.day, day.month)}
        _first_seen(found, ((n, n) for n in numbers if n not in dated))
        if text is title and heads:
            heads = tuple(found)  # and the days and figures of a title naming someone or somewhere
    lead_text = " ".join(opening_words[:LEAD_WORDS])
    _first_seen(found, weekdays(f"{title}\n{lead_text}", published.date()))
    # capitalised words are names, keyed above
    lead = title_words + _words(lead_text)
    if not lead or not "".join(lead).isascii():
        # A script without capitals (Arabic, Persian, Hangul, Devanagari) cannot say which words
        # name someone: every word of its headline and lead is keyed by sound, so تبریز meets
        # Tabriz and 울산 Ulsan; IDF weighs down the words every report of the language uses.
        _first_seen(found, zip(map(_CASELESS_OF.__getitem__, lead), lead, strict=True))
    _first_seen(found, zip(map(_TOPIC_OF.__getitem__, lead), lead, strict=True))
    for text in (title, opening):
        if not text.isascii():
            pairs = [run[i : i + 2] for run in NO_SPACE_RUN.findall(text) for i in range(len(run) - 1)]
            _first_seen(found, zip(pairs, pairs, strict=True))
    return dict(itertools.islice(found.items(), MAX_KEYWORDS)), heads


def weekdays(text: str, published: date) -> list[tuple[str, str]]:
    """The days of the week ``text`` names, each as a key and as written: "Saturday", "شنبه", "གཟའ་ཕུར་བུ",
    "วันเสาร์" (CLDR's names in every language babel knows, ``build_weekdays``). The key is ``WEEKDAY_MARK`` and
    the date of that weekday nearest ``published`` (three days before it to three after): "opened on Monday"
    and "opens on Monday" written the same day are one key, the Monday named by a report of another week another.
    A brief dates its happening by the weekday; its rewrite in another language or script names the same day,
    where its people and places are written apart (སླེ, Leh)."""
    names, unspaced = _weekday_names()
    found = []
    if not text.isascii() and _unspaced_first().search(text):  # a name is in the text only where its first letter is
        found += [(name, name) for name in unspaced if name in text]
    tokens = _DAY_TOKEN.findall(text)
    # ASCII lowered keeps every character's class: the same words at the same places, folded in one call.
    folded = _DAY_TOKEN.findall(text.lower()) if text.isascii() else list(map(_day_folded, tokens))
    # A name opens with its first word: only where a word is the start of some name can one stand (a few of the
    # lead's thirty-odd words), so the joins below are tried there alone, in the same order as at every word.
    opening = _weekday_starts()
    starts = [at for at, word in enumerate(folded) if word in opening]
    for size in (1, 2, 3):  # a name of one word, or of two or three ("segunda-feira", "གཟའ་ཕུར་བུ")
        for at in starts:
            if at + size <= len(folded) and (name := "".join(folded[at : at + size])) in names:
                found.append((name, " ".join(tokens[at : at + size])))
    table = _weekday_days()
    nearest = (published + timedelta((int(table[name]) - published.weekday() + 3) % 7 - 3) for name, _ in found)
    return [(f"{WEEKDAY_MARK}{day:%m-%d}", written) for day, (_, written) in zip(nearest, found, strict=True)]


WEEKDAY_MARK = "%"  # an ASCII mark (script-neutral), neither a figure's digit nor a named day's "@"
# A word of a weekday's name: letters and their marks (Tibetan vowel signs and subjoined letters, Indic vowel
# signs, Arabic points, the Persian non-joiner), up to a space, a hyphen, punctuation or the Tibetan tsheg.
_DAY_TOKEN = re.compile(f"[^\\W\\d_][\\w{_IN_WORD}\u0f71-\u0f87\u0f8d-\u0fbc]*")
WEEKDAY_LETTERS = 4  # the least letters of a weekday's name in a script with capitals: "joi", "sun" are words


@functools.cache
def _weekday_names() -> tuple[dict[str, float], dict[str, float]]:
    """``build_weekdays``' names (``script_words.json``): of spaced scripts, as ``weekdays`` folds them; and of
    scripts without spaces, sought in the text."""
    table = script_words()["weekdays"]
    unspaced = {name: day for name, day in table.items() if without_spaces(name[0])}
    return {name: day for name, day in table.items() if name not in unspaced}, unspaced


@functools.cache
def _weekday_days() -> dict[str, float]:
    """Every name of ``_weekday_names``, spaced or not -> its day (0 Monday): joined once, not per text."""
    names, unspaced = _weekday_names()
    return names | unspaced


@functools.cache
def _unspaced_first() -> re.Pattern[str]:
    """The first letters of the names of scripts without spaces (``_weekday_names``), as one character class."""
    return re.compile("[" + "".join(sorted({re.escape(name[0]) for name in _weekday_names()[1]})) + "]")


def _day_folded(token: str) -> str:
    """A word as ``weekdays`` compares it with the names: NFKC, lower case, no Persian non-joiner (an ASCII word
    is only lowered: NFKC leaves it as it is)."""
    if token.isascii():
        return token.lower()
    return unicodedata.normalize("NFKC", token).lower().replace("\u200c", "")


@functools.cache
def _weekday_starts() -> frozenset[str]:
    """Every beginning of a spaced name of ``_weekday_names`` (the whole name too): a folded word that is none of
    them opens no name of one, two or three words."""
    return frozenset(name[:end] for name in _weekday_names()[0] for end in range(len(name) + 1))


def build_weekdays() -> dict[str, float]:
    """CLDR's wide weekday names of every locale babel knows (lower case, its word breaks, tsheg and hyphens
    left out) -> the day (0 Monday): ``script_words``' builder. A locale without names of its own (babel's
    root "Sun") adds none, nor a name English gives a place or a language; a name two locales give two days
    keeps the day most locales give it (Tibetan and Dzongkha differ by one), or none on a tie; a name of a
    script with capitals needs ``WEEKDAY_LETTERS``."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    root = set(Locale.parse("root").days["format"]["wide"].values())
    english = Locale.parse("en")  # a name some locale's weekday shares with a place or a language ("China")
    taken = {name.lower() for table in (english.territories, english.languages) for name in table.values()}
    votes: dict[str, Counter[int]] = {}
    for ident in locale_identifiers():
        days = Locale.parse(ident).days
        for context in ("format", "stand-alone"):
            for day, name in days[context]["wide"].items():
                key = _DAY_BREAKS.sub("", unicodedata.normalize("NFKC", name).lower())
                cased = name[:1].lower() != name[:1].upper()
                if name not in root and key not in taken and (len(key) >= WEEKDAY_LETTERS or not cased):
                    votes.setdefault(key, Counter())[day] += 1
    table = {}
    for key, counted in votes.items():
        (day, most), *rest = counted.most_common(2)
        if not rest or most > rest[0][1]:
            table[key] = float(day)
    return table


_DAY_BREAKS = re.compile("[\\s\u0f0b-\u0f0e\u200c\u200d.\\-]+")


def headline_names(heads: tuple[str, ...]) -> tuple[str, ...]:
    """The names of ``heads`` (``keywords_and_heads``) when its headline names someone or somewhere (a name
    first), without the headline's days and figures; else all of them."""
    return tuple(w for w in heads if w[0].isalpha()) if heads and heads[0][0].isalpha() else heads


def _without_about(body: str, title_words: list[str]) -> str:
    """``body`` without its closing "about" block: a last paragraph opening with a short label that
    names whom the headline names ("About Greyfen Robotics: founded in 2014…", "Acerca de Vialsur:",
    "О компании Ростех:"), or such a label on a line of its own above it. An issuer closes every
    release with it (founded when, where, how many staff): its names and numbers are the issuer's,
    in each of its releases, not the event's. Names only, where the script has capitals."""
    if "\n" not in body:
        return body
    head, _, last = body.rstrip().rpartition("\n")
    label = _LABEL.match(last)
    if label is None:  # the label on a line of its own, then the paragraph
        head, _, heading = head.rpartition("\n")
        if not head or _STOP.search(heading) or len(heading.split()) > ABOUT_WORDS:
            return body
        label = _LABEL.match(heading + ":")
    if label is None or len(label[1].split()) > ABOUT_WORDS:
        return body
    named = {w for w in title_words if not w.islower()}  # capitalised, or of a script without case
    return head if named.intersection(_words(label[1])[1:]) else body


ABOUT_WORDS = 5


def _without_label(text: str, outlet: str) -> str:
    """``text`` without a label opening with the outlet's own name, up to a colon, a bar or a spaced
    dash ("Abay Press Daily Digest: …", "Northwind Morning Briefing — …"): a digest or newsletter
    titles and opens each of its items so, and its words say which outlet and issue, not which event."""
    name = _words(outlet) if outlet else []
    if not name or _words(text[: len(outlet) + 2])[: len(name)] != name:
        return text
    label = _OWN_LABEL.match(text)
    if label is None or len(label[1].split()) > len(name) + LABEL_WORDS:
        return text
    return text[label.end() :].lstrip()


LABEL_WORDS = 5  # the label's own words after the outlet's name
# Up to a colon, a bar or a spaced dash; never past a comma: "Outlet, Tabriz:" is a dateline, and its place counts.
_OWN_LABEL = re.compile(r"\W*([^\n,،、]{1,80}?)(?:\s?[:：፦|]|\s[—–-]\s)")
_LABEL = re.compile(r"\W*([^:：፦\n]{1,80}?)\s?[:：፦]")
_STOP = re.compile(r"[.!?。！？।።]\s*$")


def _names(title_words: list[str], opening: str) -> tuple[set[str], list[str]]:
    """The capitalised words of an entry that name someone or something, not a sentence's first word;
    and the words of ``opening`` (``_words``, read here sentence by sentence: no word spans a sentence break).

    A capital says "name" only where grammar does not put one: a word opening a sentence
    ("Das", "Les", "The", "Метеорологи") is a name only when the entry also writes it
    capitalised mid-sentence, and a title in title case proves nothing. In a text that
    capitalises its nouns (``NOUN_CAPITALS`` or more of its mid-sentence words, as German
    does), a word is a name only when it recurs capitalised mid-sentence or stands in a run
    of capitalised words ("Elena Haddadi"): "Häuser" once is a noun, "Estgate" twice a place.
    """
    texts = split_for(opening, _SENTENCE_END, _SPACED_END).split(opening)
    sentences = list(map(_words, texts))
    words = list(itertools.chain.from_iterable(sentences))
    later = list(itertools.chain.from_iterable(map(_AFTER_FIRST, sentences)))  # each sentence's words but its first
    title_later = title_words[1:]
    # A name key is None or a non-empty string: ``compress`` keeps the words with one, in C.
    capitals = list(itertools.compress(title_later, map(_NAME_OF.__getitem__, title_later)))
    if len(capitals) * 2 > len(title_later):  # title case: every word capitalised, names or not
        capitals = []
    capitals += itertools.compress(later, map(_NAME_OF.__getitem__, later))
    if len(later) < NOUN_SAMPLE or len(capitals) < NOUN_CAPITALS * (len(later) + len(title_later)):
        return set(capitals), words
    counts = Counter(capitals)
    runs = {
        word
        for text, sentence in zip(texts, sentences, strict=True)
        for pair in itertools.pairwise(sentence[1:])
        if _NAME_OF[pair[0]] is not None and _NAME_OF[pair[1]] is not None and " ".join(pair) in text
        for word in pair
    }
    return {word for word, seen in counts.items() if seen > 1} | runs, words


_AFTER_FIRST = operator.itemgetter(slice(1, None))  # ``sentence[1:]``, called from C


def _first_seen(found: dict[str, str], pairs: Iterable[tuple[str | None, str]]) -> None:
    """Add each (key, word) whose key is new: a keyword keeps the place and the form of its first sight."""
    for key, word in pairs:  # a plain loop: 40 % faster than ``update`` fed by a generator
        if key is not None and key not in found:
            found[key] = word


def event_time(entry: Entry, published: datetime, window: timedelta) -> float:
    """When the reported event happened: the earlier day the opening names (at noon), else publication."""
    day = event_day(entry.body[:OPENING_CHARS], published, window)
    if day is None:
        return published.timestamp()
    return datetime.combine(day, time(12), published.tzinfo).timestamp()


class _PerWord(dict[str, str | None]):
    """``function(word)`` for any word, remembered: news repeats its words, so most lookups are
    hits, and a dict's own lookup (``map(cache.__getitem__, words)``) costs no Python call."""

    def __init__(self, function: Callable[[str], str | None], limit: int = 1 << 14):
        super().__init__()
        self._function = function
        self._limit = limit

    def __missing__(self, word: str) -> str | None:
        if len(self) >= self._limit:
            self.clear()  # a bound on memory; the words that matter come back at once
        value = self[word] = self._function(word)
        return value


def _name_of(word: str) -> str | None:
    """The sound key of a word that may be a name (capitalised, not a common sentence opener), or of the
    name after a prefix of up to ``PREFIX_LETTERS`` lower-case letters glued to it: Xhosa and Zulu write
    a noun class or a place's locative before it ("eGqeberha", "uThandeka", "laseKwaZakhele"), Irish a
    mutation ("i nGaillimh", "hInis"). Another report writes the name with another prefix, or none."""
    word = word[glued_name_start(word, PREFIX_LETTERS) :]
    if word[0].isupper() and word.lower() not in _NOT_NAMES and not without_spaces(word):
        return name_key(word)
    return None


def _topic_of(word: str) -> str | None:
    """The keyword of a lower-case headline word of four letters or more that is not a function word."""
    if len(word) >= 4 and word.islower() and word not in _NOT_TOPICS and not without_spaces(word):
        return WORD_MARK + fold(word)[:STEM]
    return None


def _caseless_of(word: str) -> str | None:
    """The sound key of a word of a spaced script without capitals in use, when it says enough (three sounds)."""
    first = word[0]
    # Georgian has capitals (Mtavruli) that running text never uses: its words count as caseless.
    if first.isupper() or (first.islower() and not "\u10d0" <= first <= "\u10ff") or without_spaces(first):
        return None
    # Arabic writes its article onto the word: the name is what follows it ("الفرجاني" is Ferjani, as another
    # script writes it; both reports of one language drop it alike).
    article = _ARTICLE.match(word) if "\u0600" <= first <= "\u06ff" else None
    key = name_key(word[article.end() :] if article else word)
    return key if key is not None and len(key) >= CASELESS_KEY else None


# The Arabic article, alone or under a one-letter word written onto it (و ب ف ك: and, with, so, as), or
# after ل as "لل" (for the): "الفرجاني", "والطرابلسي", "للكورنيش"; three letters or more follow it.
_ARTICLE = re.compile(r"(?:[وبفك]?ال|لل)(?=\w{3})")
CASELESS_KEY = 3
PREFIX_LETTERS = 4
_NAME_OF = _PerWord(_name_of)
_CASELESS_OF = _PerWord(_caseless_of)
_TOPIC_OF = _PerWord(_topic_of)


def _words(text: str) -> list[str]:
    """``_WORD.findall(text)``: words start with a letter and run on through letters, digits, "_" and apostrophes."""
    if not text.isascii():
        if _WORD_BEYOND_ASCII.search(text) or _IN_WORD_BEYOND_ASCII.search(text):
            return _WORD.findall(text)
        text = text.encode("ascii", "replace").decode("ascii")  # its other characters ("€", "—") end words: "?"
    # In ASCII, a word is a run of [A-Za-z0-9_'] from its first letter on.
    pieces = text.translate(_ASCII_NOT_WORD).split()
    return list(filter(None, map(str.lstrip, pieces, repeat(_NOT_FIRST, len(pieces)))))


def _numbers(text: str) -> tuple[list[str], bool]:
    """The numbers of ``text`` with two or more digits, as values (``shingles.number_key``: "3,412",
    "3412" and "۳٬۴۱۲" are one key, "8.6" and "۸٫۶" another), and whether it may name a day (has digits)."""
    if text.isascii() and not text.translate(_ASCII_NOT_DIGIT).split():
        return [], False  # no digit: the regular expression is not run
    if "0" in text or "+" in text:
        text = _without_phones(text)
    if ":" in text:
        text = _CLOCK.sub(" ", text)
    if "일" in text or "日" in text:
        text = _BARE_DAY.sub(" ", text)
    # ``_NUMBER.findall(text)``, each match found where a digit is, in C (``shingles.NUMBER_SCAN``).
    if text.isascii():
        found = map(number_parts, _NUMBER_SCAN.finditer(text))
        keys = [key for number, times in found if (key := _number_of(number, times or ""))]
    else:
        keys = [key for match in _NUMBER_SCAN.finditer(text) if (key := _scaled_number(match))]
        # Han numerals ("六十", "八百"): the figures a wire's English rewrite prints in digits
        keys += [number_key(str(value)) for value in han_figures(text)]
    return keys, bool(keys) or any(map(str.isdigit, text))


def _scaled_number(match: re.Match[str]) -> str | None:
    """The key of one ``_NUMBER_SCAN`` match in a text beyond ASCII: with the multiplier word ``NUMBER`` reads
    after it, else with one of a script ``NUMBER`` does not read, before or after it (``script_multiplier``)."""
    number, times = number_parts(match)
    if times or (scale := script_multiplier(match.string, match.start(), match.end(1))) is None:
        return _number_of(number, times or "")
    key = number_key(number)
    return f"{float(key) * scale:.6g}" if key[:1].isdigit() else None


def script_multiplier(text: str, start: int, end: int) -> float | None:
    """The value of a word for thousand, million, … next to the number at ``text[start:end]``, in a script
    besides Latin and Cyrillic, as CLDR writes it beside a number (its compact long forms, babel): after it
    ("٤٠ ألف", "40 हज़ार") or before it, as Sinhala does ("රුපියල් මිලියන 380", 380 million rupees). Or, in
    an abjad (Arabic, Hebrew, Syriac letters), a word of the same consonants (``_consonants``): Sorani writes
    the vowels Arabic and Persian leave out (هەزار, هزار: thousand; ملیار, مليار: billion), and CLDR lacks its table."""
    words, skeletons = _script_multipliers()
    for word in neighbours(text, start, end):
        if of_other_script(word) and (scale := words.get(word) or skeletons.get(_consonants(word))):
            return scale
    return None


MULTIPLIER_CONSONANTS = 3  # consonants of a word that names a multiplier by them alone (``_consonants``)
# The letters an abjad writes vowels with, or leaves out: alef (and its hamza forms), waw, yeh (Arabic,
# Persian, Kurdish forms), Kurdish ە ێ ۆ, Hebrew alef, vav and yod; and every combining mark (points, harakat).
_VOWEL_LETTERS = str.maketrans(dict.fromkeys("اأإآءؤئوىيیێۆەۇۈۋېאוי\u200c"))


def _consonants(word: str) -> str:
    """The consonants of a word of an abjad, to compare spellings with and without vowels; "" for a word of
    another script, or of fewer than ``MULTIPLIER_CONSONANTS``."""
    if not "\u0590" <= word[:1] <= "\u08ff":
        return ""
    letters = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    skeleton = letters.translate(_VOWEL_LETTERS)
    return skeleton if len(skeleton) >= MULTIPLIER_CONSONANTS else ""


@functools.cache
def _script_multipliers() -> tuple[dict[str, float], dict[str, float]]:
    """``build_script_multipliers``, as ``script_words.json`` keeps it (no babel at run time)."""
    words = script_words()
    return words["multipliers"], words["multiplier_skeletons"]


def build_script_multipliers() -> tuple[dict[str, float], dict[str, float]]:
    """The multiplier words of ``dates.script_locales`` (CLDR's compact long number forms, "0 ألف",
    "මිලියන 0", "00 लाख"), lower case -> value; and the value of the consonants of each
    (``_consonants``); ``script_words``' builder."""
    pairs = []
    for locale in script_locales():
        for forms in locale.compact_decimal_formats.get("long", {}).values():
            for power, pattern in forms.items():
                form = str(pattern.pattern if hasattr(pattern, "pattern") else pattern).strip("\u200e\u200f ")
                words = [w for w in form.replace("\u00a0", " ").split() if "0" not in w]
                zeros = form.count("0")
                if len(words) == 1 and zeros and of_other_script(words[0]):
                    pairs.append((unicodedata.normalize("NFKC", words[0]).lower(), int(power) / 10 ** (zeros - 1)))
    skeletons = ((_consonants(word), value) for word, value in pairs)
    return unique(pairs), unique((key, value) for key, value in skeletons if key)


# A telephone number is no figure of the event: every release of one issuer prints its press line.
# By shape, in any country's way of writing one: a trunk 0 or a "+" country code, then two to five
# groups of digits apart by a space, hyphen, dot or slash ("021 807 4500", "+49 (0)30 1234 567", "+7 495
# 123-45-67"). No quantity starts with a 0 and another digit; "0,5" and "09:00" do not match.
_PHONE = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[ .-]?(?:\(0\)[ .-]?)?\(?\d{1,4}\)?|\(?0\d{1,4}\)?)(?:[ ./-]\(?\d{2,4}\)?){2,5}(?![\w])"
)


# ``_PHONE`` written to open with a character class, so that a substitution seeks where one may start in C
# (a pattern opening with a look behind is tried at every character): its first character (+, a bracket or
# a trunk 0) is matched, the look behind checks the one before it, and each alternative the one it needs.
# Same matches (tests/test_dedup_signing_scans_c.py).
_PHONE_SCAN = re.compile(
    r"[+(0](?<![\w.,].)(?:(?<=\+)\d{1,3}[ .-]?(?:\(0\)[ .-]?)?\(?\d{1,4}\)?|(?<=\()0\d{1,4}\)?|(?<=0)\d{1,4}\)?)"
    r"(?:[ ./-]\(?\d{2,4}\)?){2,5}(?![\w])"
)


# A clock time is no figure of the event: a carrier's stamp line prints its own ("Filed by … at 08:26", "Last edit
# 2028-08-05 08:02"), and reports of one happening write its hour apart ("22:00", "10 p.m.", "夜里十点").
_CLOCK = re.compile(r"(?<![\d:.,])[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?![\d:])")


# A day of the month written alone with its counter ("12일", "12日": the 12th) is no figure of the event: every
# report a desk files that day dates its happening so, and two happenings of one town the same day share it
# (``named_days`` reads it with its month, "3월 12일", as a day). Not a count of days ("3日間", "5일간", "20日ぶり").
_BARE_DAY = re.compile(r"(?<![\d.,])(?:[12]?\d|3[01])(?=[일日](?![간間ぶ]))")


def _without_phones(text: str) -> str:
    """``_PHONE.sub(" ", text)``."""
    return _PHONE_SCAN.sub(" ", text)


@functools.lru_cache(maxsize=1 << 14)  # news repeats its figures
def _number_of(number: str, times: str) -> str | None:
    """The key of one ``_NUMBER`` match (number, multiplier): None for a lone digit without a multiplier."""
    if not times and sum(map(str.isdigit, number)) < 2:
        return None
    return number_key(number, times)


# Stories share these instead of holding a frozenset each (equal sets are then the same object).
_NEUTRAL: frozenset[str | None] = frozenset({None})
_LATIN: frozenset[str | None] = frozenset({None, "latin"})
_SCRIPT_SETS: dict[frozenset[str | None], frozenset[str | None]] = {_NEUTRAL: _NEUTRAL, _LATIN: _LATIN}


def _scripts(words: Collection[str], also: frozenset[str | None] = _NEUTRAL) -> frozenset[str | None]:
    """The scripts of ``words`` (and ``also``), with None: one shared frozenset per combination."""
    joined = "\0" + "\0".join(words)
    if joined.isascii() and (also is _NEUTRAL or also is _LATIN):
        # The common case, without looking at each key: an ASCII key is Latin when it is a
        # headline word (it starts with WORD_MARK; no key holds a NUL), else neutral (script_of).
        return _LATIN if also is _LATIN or "\0" + WORD_MARK in joined else _NEUTRAL
    scripts = frozenset((*map(_script, words), None, *also))
    return _SCRIPT_SETS.setdefault(scripts, scripts)


def _neutral(words: Iterable[str], scripts: frozenset[str | None]) -> Iterable[str]:
    """The script-neutral keys of ``words`` (``_script`` None: names, numbers, days), in order; ``scripts``: their
    ``_scripts``. Without a script-bound key (``_NEUTRAL``) all are; with Latin ones alone (``_LATIN``) each key
    not marked a headline word is (``script_of``: no other key is bound to Latin), told in C without the memo's
    lookups (a cache miss each in its 2^17 keys: ~2 µs of ``EventIndex.add``'s ~30 at a 100k window, sp39)."""
    if scripts is _NEUTRAL:
        return words
    if scripts is _LATIN:
        return compress(words, map(ne, map(_LEAD, words), repeat(WORD_MARK)))
    return filterfalse(_script, words)


def script_of(key: str) -> str | None:
    """The script a keyword is bound to (headline words, CJK pairs); None for script-neutral keys."""
    if key.startswith(WORD_MARK):
        return "latin" if key[1:2].isascii() else unicodedata.name(key[1], "other").split()[0]
    if key.isascii():  # names, numbers and days are ASCII keys
        return None
    return "cjk" if without_spaces(key[0]) else None


class _ScriptMemo(dict[str, str | None]):
    """``script_of``, remembered: the index asks for the script of every keyword it adds or compares.

    A dict looked up from C (``map(_SCRIPTS.__getitem__, words)``) rather than ``lru_cache``, whose
    bookkeeping on every hit cost more than the lookups; emptied when it reaches ``SCRIPT_MEMO`` keys.
    """

    def __missing__(self, key: str) -> str | None:
        if len(self) >= SCRIPT_MEMO:
            self.clear()
        script = self[key] = script_of(key)
        return script


SCRIPT_MEMO = 1 << 17
_SCRIPTS = _ScriptMemo()
_script = _SCRIPTS.__getitem__
_LEAD = itemgetter(slice(0, 1))  # a key's first character ("" of "")
