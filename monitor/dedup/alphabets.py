"""One story in two alphabets: a Mongolian Cyrillic text read in the Latin letters Mongolian websites
write, a Belarusian one in Łacinka, a Tajik one in the Latin letters Tajik sites write. Pure.

Mongolian desks reprint Cyrillic stories in Latin letters ("Баянзүрх дүүргийн" / "Bayanzürkh
düürgiin"): the same story, which must share its shingles, sentences and names with the original.
The convention of those sites writes х as kh, ж as j, ө and ү as ö and ü, я/е/ё/ю as ya/ye/yo/yu,
й as i and ы as y. A Cyrillic text with ө or ү and none of the letters of Kazakh or Kyrgyz is read
that way before it is shingled (theirs are romanised in Kazakh's own letters, ``shingles.romanised``);
Russian, Ukrainian and every other text keep the hashes they had.

Belarusian desks reprint Cyrillic stories in Łacinka ("Прыпяць выйшла з берагоў" / "Prypiać vyjšła z
bierahoŭ"). A Cyrillic text with ў and і (Belarusian's own pair; Uzbek's ў comes without і) is written
in Łacinka's letters, and both it and a Latin text with ŭ (Łacinka's own letter) are brought to one
spelling where Łacinka's writers differ: ł and l are one letter, and a vowel after l is written without
the softening i ("lia" / "la"). Texts without ŭ keep their hashes.

Tajik desks reprint Cyrillic stories in Latin letters ("Ҳосили пахта" / "Hosili pakhta"). A Cyrillic
text with one of Tajik's own letters (ӣ ӯ ҷ) is read in those letters before it is shingled (it has
Kazakh's қ and ғ too, and was romanised in Kazakh's letters, which write у as y and х as h: the Latin
copy shared nothing). Macrons fold away (``monitor.text.fold``), so a copy writing i for ī is the same.

Uyghur desks reprint stories of the Arabic-script alphabet in the Latin letters Uyghur websites write
("چېلەك يولى" / "Chélek yoli"). Unlike Arabic's or Persian's, that alphabet writes every vowel, so a
letter table reads it: a text with one of its own vowel letters (ې ۇ ۈ: Urdu, Persian, Kurdish and Arabic
write none of them) is read in Latin letters before it is shingled, and ``sounded`` makes the
romanisations' differences one (x kh h, w v, é e).

A keyboard without a language's own letters types a neighbouring alphabet's: Chuvash "ӑ" as Latin "ă",
Assamese "ৰ" as Bengali "র", Persian "ک" as Arabic "ك", Samoan "ʻ" as "'". A reader sees one word;
``lookalikes`` and ``sibling_letters`` read it as one.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from monitor.text import beyond_ascii

_MONGOLIAN = re.compile("[өүӨҮ]")
_KAZAKH_KYRGYZ = re.compile("[әұқғңһӘҰҚҒҢҺ]")  # and і, when written as often as a language writes it (``often_i``)
I_LETTER = re.compile("[іІ]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
# The alphabets that write "і" (Kazakh, Khakas, Ukrainian, Belarusian) write it often: one Cyrillic letter in 14 or
# more of the sets' Kazakh and Khakas texts. One "і" in a long Mongolian, Buryat or Sakha text is a scan's misread
# letter ("іом" for "юм"), no sign of another alphabet: read as one, the text was hashed in other letters than its
# original's (v61's microfilm copies).
I_EVERY = 50  # Cyrillic letters at most for each і


def often_i(text: str) -> bool:
    """Does ``text`` write "і" as an alphabet that has it does (``I_EVERY``), not as a stray misread letter?"""
    found = len(I_LETTER.findall(text))
    return found > 0 and found * I_EVERY >= len(_CYRILLIC_LETTER.findall(text))


_LOWER = dict(zip("абвгдзиклмнопрстуфыэөү", "abvgdziklmnoprstufyeöü", strict=True)) | {
    "е": "ye", "ё": "yo", "ж": "j", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ь": "i", "ю": "yu", "я": "ya",
}  # fmt: skip
_WORD = re.compile(r"\w+")


def _tables(lower: dict[str, str]) -> tuple[dict[int, str], dict[int, str]]:
    """A romanisation's translation tables: for a word as written, and for a word in capitals."""
    written = str.maketrans(lower | {k.upper(): v.capitalize() for k, v in lower.items()})
    return written, str.maketrans({k.upper(): v.upper() for k, v in lower.items()})


def _romanise(text: str, tables: tuple[dict[int, str], dict[int, str]]) -> str:
    """``text`` through ``tables``, word by word: a word in capitals stays in capitals."""
    written, capitals = tables
    return _WORD.sub(lambda m: m[0].translate(capitals if m[0].isupper() and len(m[0]) > 1 else written), text)


_MONGOLIAN_LATIN = _tables(_LOWER)
# Tajik's own letters (ӣ ӯ ҷ: of the other Cyrillic alphabets the monitor reads, only Abkhaz writes ҷ), and the Latin
# letters Tajik sites write: ғ gh, қ q, ҳ h, х kh, ҷ j, ж zh, ӣ ī, ӯ ū, ё/ю/я yo/yu/ya, ъ an apostrophe.
_TAJIK = re.compile("[ӣӯҷӢӮҶ]")
# A letter Tajik does not write (Abkhaz ә ҧ ҩ, Kazakh ң і, Uzbek ў): the text is another language's, which
# may share one of Tajik's letters (Abkhaz ҷ). One name with ҷ, a byline's, reads no text as Tajik.
_NOT_TAJIK = re.compile("(?![ҒғӢӣҚқӮӯҲҳҶҷ])[\u0460-\u052fІіЇїЄєЎў]")
_TAJIK_LATIN = _tables(
    dict(zip("абвгдезийклмнопрстуфыэқҳӣӯҷ", "abvgdeziyklmnoprstufyeqhīūj", strict=True))
    | {"ғ": "gh", "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
       "ъ": "'", "ь": "", "ю": "yu", "я": "ya"}
)  # fmt: skip


# The Arabic-script alphabet that writes its vowels (Uyghur's; Kazakh and Kyrgyz in China write theirs
# with the same letters), letter by letter in the Latin letters its websites write; the seat of a
# vowel (ئ) is no sound, and ARABIC TATWEEL stretches a word for display only.
_VOWELLED_ARABIC = re.compile("[\u06d0\u06c7\u06c8]")
_ARABIC_LATIN = str.maketrans(
    dict(zip("اەبپتجخدرزسفقكگلمنھوۇۆۈۋېىي", "aebptjxdrzsfqkglmnhouöüwéiy", strict=True))
    | {"چ": "ch", "غ": "gh", "ژ": "zh", "ش": "sh", "ڭ": "ng", "ئ": "", "\u0640": "", "،": ",", "؛": ";", "؟": "?"}
)  # fmt: skip


def in_latin(text: str) -> str:
    """``text`` in Latin letters when it is Mongolian Cyrillic (``_MONGOLIAN``, no Kazakh or Kyrgyz
    letter), Belarusian Cyrillic (``_BELARUSIAN``), Tajik Cyrillic (``_TAJIK``, no ``_NOT_TAJIK``) or
    of the Arabic-script alphabet that writes its vowels (``_VOWELLED_ARABIC``), and a Łacinka text in
    Łacinka's one spelling; else ``text`` itself. A word in capitals stays in capitals ("ХОВД" -> "KHOVD"): a
    dateline's place is recognised by them."""
    if not _ROMANISED.search(beyond_ascii(text)):  # none of its letters is ASCII
        return text  # none of the letters below: one scan, not the five searches that would each find none
    if _VOWELLED_ARABIC.search(text):
        return text.translate(_ARABIC_LATIN)
    if _BELARUSIAN.search(text) and "і" in text.lower() and not _UZBEK.search(text):
        return _one_lacinka(_APOSTROPHED.sub(_lacinka_word, text))
    if "ŭ" in text or "Ŭ" in text:
        return _one_lacinka(text)
    if _TAJIK.search(text) and not _NOT_TAJIK.search(text):
        return _romanise(text, _TAJIK_LATIN)
    if not _MONGOLIAN.search(text) or _KAZAKH_KYRGYZ.search(text) or often_i(text):
        return text
    return _romanise(text, _MONGOLIAN_LATIN)


_BELARUSIAN = re.compile("[ўЎ]")
# A letter one of ``in_latin``'s tests needs: Uyghur's vowels, Belarusian's ў, Łacinka's ŭ, Tajik's own, Mongolian's.
_ROMANISED = re.compile("[\u06d0\u06c7\u06c8ўЎŭŬӣӯҷӢӮҶөүӨҮ]")
_UZBEK = re.compile("[қғҳҚҒҲ]")
_APOSTROPHED = re.compile(r"\w+(?:['’ʼ]\w+)*")  # сям’я is one word
_HARD = dict(zip("абвгґджзйклмнопрстуўфхцчшыэ", "abvhgdžzjkłmnoprstuŭfxcčšye", strict=True)) | {"х": "ch"}
_IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}
_SOFTENED = {"н": "ń", "с": "ś", "з": "ź", "ц": "ć", "л": "l"}  # before ь
_VOWELS = frozenset("аеёіоуыэюяў'’ʼь")  # after these an iotated vowel is written with j


def _lacinka(word: str) -> str:
    """One lower-case Belarusian word in Łacinka: л is ł unless softened; е ё ю я are ie io iu ia
    after a consonant (l, not ł, before them), je jo ju ja elsewhere; ь softens the letter before."""
    out: list[str] = []
    for i, ch in enumerate(word):
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < len(word) else ""
        if ch in _IOTATED:
            out.append(("j" if not before or before in _VOWELS else "i") + _IOTATED[ch])
        elif ch == "і":
            out.append("i")
        elif ch == "ь":
            continue
        elif ch == "л":
            out.append("l" if after in _IOTATED or after in "іь" else "ł")
        elif after == "ь" and ch in _SOFTENED:
            out.append(_SOFTENED[ch])
        elif ch in "'’ʼ":
            continue
        else:
            out.append(_HARD.get(ch, ch))
    return "".join(out)


def _lacinka_word(match: re.Match[str]) -> str:
    """A Belarusian word in Łacinka, in its case: capitals for a word in capitals, else its first
    letter's. A Latin word ("iPhone") is left as written."""
    word = match[0]
    if word.isascii():
        return word
    latin = _lacinka(word.lower())
    if word.isupper() and len(word) > 1:
        return latin.upper()
    return latin[:1].upper() + latin[1:] if word[:1].isupper() else latin


_SOFT_L = re.compile("(?<=[lL])i(?=[aeouAEOU])|(?<=L)I(?=[AEOU])")
_HARD_L = str.maketrans("łŁ", "lL")


def _one_lacinka(text: str) -> str:
    """Łacinka in one of its spellings: ł as l, "lia" as "la" (writers differ on both)."""
    return _SOFT_L.sub("", text.translate(_HARD_L))


# One spelling of a word's sounds, whichever alphabet or romanisation wrote it: a desk reprints a
# Cyrillic story in Latin letters by a convention of its own (Kyrgyz "жаңы" / "jañı", Serbian "журнал" /
# "žurnal", Russian "Хабаровск" / "Khabarovsk"), so no table per language can list them all. A word of
# the Cyrillic alphabet is written in Latin letters by one table, every letter to its commonest Latin
# one; then the letters and pairs that romanisations write differently for one sound become one (zh ж j,
# kh h x, ch c ts, sh, đ dj d, y ı i, w v, q k, a doubled letter, a soft or hard sign dropped, the glide
# before a vowel: Yeltsin, Eltsin). Tatar's җ is c, as the Latin letters Tatar websites write it. Bashkir's ҙ ҡ ҫ
# and the ғ of several alphabets are the з к с г a Russian keyboard types for them (as Latin copies write them).
_CYRILLIC = str.maketrans(
    dict(zip("абвгдезийклмнопрстуфхцчшщыэюяіїєґўғқңөүұһәҳҷӣӯјђћџҙҡҫ",
             "abvgdeziiklmnoprstufhccssieuaiieguggnouuhahjiujjcjzks", strict=True))
    | {"ж": "j", "ъ": "", "ь": "", "ё": "io", "ю": "iu", "я": "ia", "љ": "l", "њ": "n", "щ": "s", "җ": "c"}
)  # fmt: skip
_PAIRS = (
    ("shch", "s"), ("sch", "s"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ch", "c"), ("ts", "c"), ("sh", "s"),
    ("dj", "d"),  # đ, which old phones and ASCII exports write dj (Đurđevdan, Djurdjevdan)
)  # fmt: skip
_SOUNDS = str.maketrans("qwxyž", "kvhij")
# A word of the Greek alphabet likewise (a relay reprints a Latin text in Greek letters, letter for letter):
# ``anyascii`` writes χ "ch", the breath [x] that "kh" and "h" write (``_PAIRS``: one sound), and υ "y", the
# Latin letter drawn from it, for the u it writes in a relay's "Τιυνυ" and in "ου".
_GREEK = str.maketrans("χΧυΥ", "hHuU")
_DOUBLED = re.compile(r"([a-z])\1+")
_GLIDE = re.compile("i(?=[aeou])")  # е, я, ю written e/ye/ie, a/ya/ia, u/yu/iu: one sound
# Serbian's Cyrillic letters (ђ ћ џ љ њ ј: no other language the monitor reads writes them but
# Macedonian's ј љ њ). Serbian desks write in either of its two alphabets as their own: a Latin text
# is not a desk's transliterated copy but the same news written in the language's other script,
# another story (``heldout5``'s labels); so a text with them keeps its Cyrillic words as written.
DIGRAPHIC = re.compile("[ђћџљњјЂЋЏЉЊЈ]")


def sounded(word: str) -> str:
    """A folded word of the Latin, Cyrillic or Greek alphabet in one spelling of its sounds (``sounded("жаңы")
    == sounded("jañı")``); any other word, or a number, as it is. Coarse only where romanisations
    differ: two words this makes one are one word in a copy far more often than two in two stories."""
    if not word or word[0].isdigit() or word[0] >= "\u0530":
        return word
    if "\u0370" <= word[0] < "\u0400":  # Greek: by ``anyascii``'s table, but for the letters of ``_GREEK``
        latin = anyascii(word.translate(_GREEK)).lower()
    else:
        latin = word if word.isascii() else anyascii(word.translate(_CYRILLIC)).lower()
    for pair, sound in _PAIRS:
        if pair[0] in latin:  # skip the replace calls for most words
            latin = latin.replace(pair, sound)
    return _GLIDE.sub("", _DOUBLED.sub(r"\1", latin.translate(_SOUNDS)))


# Letters of one alphabet drawn like a letter of another (Latin a, Cyrillic а, Greek α): a keyboard
# left in the other layout, or spam-filter evasion, writes "Mоscow" with a Cyrillic о. A reader sees
# one word; a hash sees two. Each word is read in the alphabet most of the text's letters are in,
# when every letter of it that is of another alphabet has a lookalike there (a real word of the other
# alphabet, "Trump" in a Russian text, has letters without one and stays).
# A letter with a mark is read by its base and the same mark ("ă" is "а" with a breve, Chuvash "ӑ"), so a
# keyboard without a language's own letters, typing those of another alphabet drawn alike, writes the same
# word ("Атăл" for "Атӑл"); a cedilla and Cyrillic's descender are drawn alike too ("ç" for Chuvash "ҫ"),
# and Łacinka's "ŭ" is Belarusian "ў".
_LATIN_CYRILLIC = dict(zip("aeopcxyiAEOPCXHKMTBIçÇŭŬ", "аеорсхуіАЕОРСХНКМТВІҫҪўЎ", strict=True))
_LATIN_GREEK = dict(zip("aopvABEHIKMNOPTXYZ", "αορνΑΒΕΗΙΚΜΝΟΡΤΧΥΖ", strict=True))
_ALPHABETS = {
    "latin": re.compile("[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile("[\u0400-\u04ff]"),
    "greek": re.compile("[\u0370-\u03ff]"),
}
_INTO: dict[str, dict[str, str]] = {
    "latin": {v: k for k, v in _LATIN_CYRILLIC.items()} | {v: k for k, v in _LATIN_GREEK.items()},
    "cyrillic": dict(_LATIN_CYRILLIC),
    "greek": dict(_LATIN_GREEK),
}
_TABLES = {script: str.maketrans(table) for script, table in _INTO.items()}
_GREEK_OR_CYRILLIC = re.compile("[\u0370-\u04ff]")
_RUNS = {name: re.compile(letters.pattern + "+") for name, letters in _ALPHABETS.items()}
_FOREIGN = {  # the letters of the other alphabets, in runs
    own: re.compile("[" + "".join(p.pattern[1:-1] for name, p in _ALPHABETS.items() if name != own) + "]+")
    for own in _ALPHABETS
}


def greek_or_cyrillic(text: str) -> bool:
    """Has ``text`` a Greek or Cyrillic character? Without one, ``lookalikes`` and ``strokes`` leave it as it is."""
    return _GREEK_OR_CYRILLIC.search(beyond_ascii(text)) is not None


def lookalikes(text: str) -> str:
    """``text`` with each word whose letters of another alphabet all have a lookalike in the text's own
    alphabet (above) written in that alphabet; a text of one alphabet (most) as it is."""
    if not greek_or_cyrillic(text):
        return text  # Latin letters only (one scan: most text)
    # By words of the whole text (a match per letter costs): an English editor's note opens a Bulgarian story.
    own = max(_ALPHABETS, key=lambda name: len(_RUNS[name].findall(text)))
    table, known, letters = _TABLES[own], _INTO[own], _ALPHABETS[own]
    out: list[str] = []
    done = 0  # text before this is written out
    for run in _FOREIGN[own].finditer(text):  # a few runs in most texts: the words around them, in Python
        start, end = run.span()
        if start < done:
            continue  # in a word already read
        while start > done and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        found = text[start:end]
        if all(not c.isalpha() or letters.match(c) or _drawn_as(c, known) for c in found):
            if all(c in known or not c.isalpha() or letters.match(c) for c in found):
                read = found.translate(table)
            else:  # a marked letter: its own letter and marks, composed
                read = unicodedata.normalize("NFC", "".join(_drawn_as(c, known) or c for c in found))
            out.append(text[done:start] + read)
            done = end
    return "".join(out) + text[done:] if out else text


def _drawn_as(char: str, known: dict[str, str]) -> str:
    """The letter of the text's own alphabet ``char`` is drawn as (``known``), a marked one by its base and
    marks ("ă" -> "а" and a breve); "" when it has none."""
    if char in known:
        return known[char]
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    return known[base] + marks if marks and base in known else ""


# One letter a script's alphabets or keyboards write two ways, read as one: Assamese "ৰ" and "ৱ" typed as
# Bengali "র" and "ব"; the Persian, Urdu, Sindhi and Pashto forms of kaf and yeh ("ڪ" "ک" "ی") as Arabic's
# ("ك" "ي", which the alphabet that writes its vowels writes too); a nukta, which keyboards of India's
# scripts often leave out ("ज़" typed "ज"); and the modifier letters that stand for an apostrophe (Samoan
# and Hawaiian "ʻ", Uzbek "oʻ", "ʼ", "ʾ"), which copies type as one. Alef maksura and the forms of heh
# ("ى" "ہ" "ھ" as "ي" "ه") only in a text without that alphabet's vowels: its table tells them apart.
_SIBLING_LETTERS = str.maketrans(
    {"ৰ": "র", "ৱ": "ব", "ڪ": "ك", "ک": "ك", "ی": "ي"}
    | dict.fromkeys("\u093c\u09bc\u0a3c\u0abc\u0b3c\u0cbc", "")
    | dict.fromkeys("\u02b9\u02bb\u02bc\u02bd\u02be\u02bf", "'")
)
_SIBLING_ARABIC = str.maketrans({"ى": "ي", "ہ": "ه", "ھ": "ه"})
_SIBLING = re.compile("[" + re.escape("".join(map(chr, _SIBLING_LETTERS | _SIBLING_ARABIC))) + "]")


# A letter drawn as one upright stroke, typed as whatever stroke a keyboard has: Chechen, Avar and the other
# Caucasian alphabets write their palochka "Ӏ" as Latin "I" or "l", as a digit "1" or as a bar "|" ("ГӀала",
# "Г1ала"); a digit "0" between letters is "о". A reader sees one word; read as the Cyrillic "і" that
# ``lookalikes`` makes of a Latin "I", every typing is one. Digits only between two Cyrillic letters: "М1",
# "Ту-154" and "5G" stay.
# Inside a word in lower case the stroke is a lower-case letter, however typed: the capital palochka most
# texts type there ("чӀорол", "хӀарж") read as a capital "І" made the rest of the word a name after a prefix
# (``eventkeys._name_of``: "Іорол"), a name no other report prints.
# Searched at the stroke, then looked behind (a look behind at every letter cost seven scans of the text).
_STROKE = re.compile("[1Il|0\u0406](?<=[\u0400-\u04ff].)(?=[\u0400-\u04ff])")
_STROKE_AS = {"I": "\u0406", "\u0406": "\u0406", "0": "\u043e"} | dict.fromkeys("1l|", "\u0456")
_PALOCHKA = str.maketrans({"\u04c0": "\u0406", "\u04cf": "\u0456"})


# The same misreadings in Latin letters, as a scan's OCR makes them: an "l" read as the digit "1" and an "o" as "0"
# inside a word in lower case ("schoo1children", "hospita1", "g0vernment"), and an "m" as "rn" opening a word
# ("4.8 rnillion"; no language written in Latin letters opens a word with "rn"). Read as written, each was a figure
# the original lacks, or a lost multiplier. Only after two letters, one at least in lower case, and before a lower
# case letter or, for "1", at a word's end after three, and the word's one digit: "H1N1", "B12", "mp3", "4G" and an
# address's hex "2f5f6e24fc0c" stay.
_LATIN_STROKE = re.compile("[10](?<=[A-Za-z][a-z][10])(?=[a-z])|1(?<=[a-z]{3}1)(?![\\w])|(?<![\\w])rn(?=[aeiouy])")
_LATIN_STROKE_AS = {"1": "l", "0": "o", "rn": "m"}
# Where a match of ``_LATIN_STROKE`` may be, each found from its literal first (a scan of its alternation tries every
# place): a "1" or "0" after a letter in lower case (its first two branches), an "rn" opening a word (its third).
_STROKE_DIGIT = re.compile("[10](?<=[a-z][10])")
_OPENING_RN = re.compile("rn(?<!\\wrn)")


# A zero a scan read as the letter "O" between two digits ("6O0", "1 3O0", Latin or Cyrillic, either case): no word
# stands between digits, and read as written the figure was two others.
_SCANNED_ZERO = re.compile("\\d[OoОо](?=\\d)")


def latin_strokes(text: str) -> str:
    """``text`` with each misread letter above in Latin letters read as the letter, and a zero read as "O" between
    digits as the zero; most texts as they are."""
    if not ("1" in text or "0" in text or "rn" in text):
        return text
    if _STROKE_DIGIT.search(text) is None and _OPENING_RN.search(text) is None and _SCANNED_ZERO.search(text) is None:
        return text  # most texts with a digit: three scans that skip fast to a candidate, not two that try every place
    return _SCANNED_ZERO.sub(lambda found: found[0][0] + "0", _LATIN_STROKE.sub(_latin_stroke_as, text))


def _latin_stroke_as(found: re.Match[str]) -> str:
    """The letter a misread digit or pair stands for (``_LATIN_STROKE``); a digit that is not its word's one digit
    stays (an address's hex "2f5f6e24fc0c", a code)."""
    if found[0] == "rn":
        return "m"
    text, start, end = found.string, found.start(), found.end()
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return _LATIN_STROKE_AS[found[0]] if sum(char.isdigit() for char in text[start:end]) == 1 else found[0]


def strokes(text: str) -> str:
    """``text`` with each stroke letter above read as Cyrillic "і" (a digit "0" between letters as "о"), in
    lower case after a lower-case letter."""
    if "\u04c0" in text or "\u04cf" in text:
        text = text.translate(_PALOCHKA)
    return _STROKE.sub(_stroke_as, text)


def _stroke_as(found: re.Match[str]) -> str:
    letter = _STROKE_AS[found[0]]
    return "\u0456" if letter == "\u0406" and found.string[found.start() - 1].islower() else letter


# A letter drawn as two: a scan's OCR or a keyboard without it writes Cyrillic "ы" as a soft or hard sign and a
# stroke ("хахадьіень" for "хахадыень", the stroke as whatever ``strokes`` reads as "і"). No Cyrillic alphabet
# writes a soft or hard sign before "і" (Ukrainian and Belarusian, which write "і", mark softness otherwise): the
# pair is the one letter. Left apart, the copy's word was another word, and its "і" read a Buryat or Sakha text as
# Kazakh (``shingles.kazakh``), every word hashed in other letters than its original's.
_SIGN_AND_STROKE = re.compile("[ьъЬЪ][іІ]")
_ONE_LETTER = {"ьі": "ы", "ъі": "ы", "Ьі": "Ы", "Ъі": "Ы", "ЬІ": "Ы", "ЪІ": "Ы", "ьІ": "ы", "ъІ": "ы"}


def letters_in_one(text: str) -> str:
    """``text`` with each letter drawn as two (above) written as one; a text without them (most) as it is."""
    if "і" not in text and "І" not in text:
        return text
    return _SIGN_AND_STROKE.sub(lambda pair: _ONE_LETTER[pair[0]], text)


def sibling_letters(text: str) -> str:
    """``text`` with each letter above in its one form; a text without them (most) as it is."""
    if not _SIBLING.search(beyond_ascii(text)):  # none of its letters is ASCII
        return text
    text = text.translate(_SIBLING_LETTERS)
    return text if _VOWELLED_ARABIC.search(text) else text.translate(_SIBLING_ARABIC)


# An apostrophe inside a word is a letter that keyboards and exports type many ways or drop: Tongan and Hawaiian
# write the glottal stop "ʻ" ("Nukuʻalofa", typed "Nuku'alofa", "Nuku‘alofa" or "Nukualofa"), Uzbek "oʻ" ("o'",
# "o`"), Ukrainian "сім'я". Read as a break, it cut "foʻou" into two words, and a copy's "foou" shared neither
# (nor any shingle around them); read as nothing, every typing is one word. Only between two letters: a
# quotation's marks and a year's "'90s" stay. Matched at the sign, then looked behind: most text has none.
_IN_WORD_APOSTROPHE = re.compile("['‘’`´\u02b9\u02bb\u02bc\u02bd\u02be\u02bf](?<=[^\\W\\d_].)(?=[^\\W\\d_])")


def apostrophes_joined(text: str) -> str:
    """``text`` with each apostrophe between two letters, of any form (above), left out."""
    return _IN_WORD_APOSTROPHE.sub("", text)
