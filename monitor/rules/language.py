"""The language of an entry whose feed does not say, for ``lang:`` scopes. Pure.

langid.py (a small naive-Bayes model over byte n-grams, bundled with the package,
deterministic) reads the title and the start of the summary: on the tuning part of
tests/data/rules_eval it named 160 of 160 items right from title + summary, 157 from
the title alone (benchmarks/rules_quality.py --languages). Kana and Hangul need no
model: each belongs to one language. Detection runs only when a rule with a ``lang:``
scope is about to be evaluated for an entry without a language, once per entry.

A feed's word is trusted unless the text's own letters or words refute it: an aggregator whose feed
says ``en`` carrying a Japanese or Russian item. The model never refutes (a claim of ``de`` over an
English headline stands: telling two Latin-script languages apart is the model's guess against the
publisher's word); another script's letters do, or, for a language written in ASCII's letters alone,
Latin letters it never writes (round 31: an Igbo item, gọọmentị, ụzọ, under a feed that says ``en``);
and, for a language listed in ``COMMON_WORDS``, its missing words (round 43): a dozen words in small
letters of which hardly one is among that language's commonest (the, of, and …) are not English, whatever
their letters (a Luganda or Sesotho item, typed in ASCII, under a feed that says ``en``). A text without
the articles and prepositions a language writes in every sentence is no guess.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import Any

from monitor.models import Entry

SAMPLE_CHARS = 300  # enough for a headline and a sentence or two; more costs time and gains nothing
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7af]")
# Fewer letters than a short headline's cannot refute a feed: a name or two ("The Taliban",
# "iPhone 17") is quoted in its own letters by every language.
REFUTING_LETTERS = 12
# The scripts each language is written in (first word of a letter's Unicode name), for the
# languages a feed commonly claims; a language written in two scripts is under both. A claim of
# a language not listed is never refuted.
_WRITERS = {
    "LATIN": "af az br bs ca cs cy da de en eo es et eu fi fo fr fy ga gd gl ha hr hu id ig is it kk ku la lb "
    "lt lv mg mi ms mt nb nl nn no oc pl pt ro sk sl so sq sr sv sw tk tl tr tt ug uz vi xh yo zu",
    "CYRILLIC": "ba be bg cv kk ky mk mn ru sr tg tt uk uz",
    "ARABIC": "ar ckb fa ks ku ps sd ug ur",
    "HEBREW": "he yi",
    "GREEK": "el",
    "CJK": "ja ko zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "DEVANAGARI": "hi mr ne sa",
    "BENGALI": "as bn",
    "THAI": "th",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "ETHIOPIC": "am ti",
    "TAMIL": "ta",
    "TELUGU": "te",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "GUJARATI": "gu",
    "GURMUKHI": "pa",
    "ORIYA": "or",
    "SINHALA": "si",
    "KHMER": "km",
    "LAO": "lo",
    "MYANMAR": "my",
}
# Languages whose alphabet is ASCII's letters: accented Latin letters in a sample's common words (those in small
# letters) are another language's. Names carry them into any language (Erdoğan, São Paulo, Nguyễn Thị Kim Ngân: an
# English story on Vietnam holds dozens), so capitalised words do not count.
ASCII_WRITERS = frozenset({"en", "id", "ms", "sw", "zu", "xh", "so"})
# Round 34: Russian's own alphabet, the same way. Chuvash, Tatar, Bashkir or Kazakh under a feed that says ``ru``
# writes letters Russian never does in its common words (ӑ, ӗ, ҫ, ә, ү, ң), or types Chuvash's as the Latin ç, ĕ, ă
# of a Russian keyboard ("çĕнĕ салтаксем"); ASCII letters stand in Russian text ("iphone", "lng") and do not count.
_OWN_LETTERS = {"ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")}
REFUTING_ACCENTS = 6  # in common words: "café" or "naïve" is one or two
# Round 43: the commonest words (two letters or more) of the Latin-written languages feeds claim most, for a claim the
# letters cannot refute: English with ASCII letters only is written with these in every sentence. A sample of
# ``REFUTING_WORDS`` words in small letters or more with fewer than one in ``COMMON_SHARE`` of them among the claimed
# language's is in another language. Over the evaluation set's items (tests/data/rules_eval, tuning and v1-v38) a sample
# in the claimed language held one in fifteen at least (English; one in five in the others), one in another language
# under a wrong claim one in twenty at most (Corsican under fr, German under en: those stay).
COMMON_WORDS = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in on for is are was were has have had be been with by at from that this its it as an "
        "will would not but or which who their after said says over into than",
        "fr": "le la les de des du et en un une est sont pour dans sur au aux qui que par avec ce cette il elle ne pas "
        "été son sa ses",
        "de": "der die das und den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er "
        "hat dass sie nach wird bei einer um am sind noch wie einem über so zum war haben nur oder aber vor zur",
        "es": "el la de que en los del se las por un una para con no es al lo como más pero sus le ya fue este ha",
        "pt": "os as de do da dos das em no na que um uma para com por se não ao mais foi",
        "it": "il la di che un una per in del della dei delle con non si da al le lo gli ha sono nel alla",
    }.items()
}
REFUTING_WORDS = 12
COMMON_SHARE = 20
_WORD = re.compile(r"[^\W\d_]{2,}")
_SCRIPTS: dict[str, frozenset[str]] = {
    lang: frozenset(script for script, langs in _WRITERS.items() if lang in langs.split())
    for lang in {lang for langs in _WRITERS.values() for lang in langs.split()}
}


@functools.cache
def _identifier() -> Any:
    from langid.langid import LanguageIdentifier, model  # loads the model once (about half a second)

    return LanguageIdentifier.from_modelstring(model, norm_probs=False)


def detect(text: str) -> str:
    """A two-letter code (ISO 639-1) for ``text``; "" when there is nothing to judge."""
    text = text[:SAMPLE_CHARS]
    if not any(char.isalpha() for char in text):
        return ""
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    return str(_identifier().classify(text)[0])


def entry_language(entry: Entry) -> str:
    """The entry's language as the feed gives it (unless its letters refute it), else as detected
    from its title and summary (not as the refuted claim again: "" then)."""
    sample = f"{entry.title}\n{entry.summary or entry.content}"
    if lang := trusted(entry.lang, sample):
        return lang
    found = detect(sample)
    # A claim the letters refuted is no answer when the model gives it back: langid knows no Chuvash or Bashkir and
    # reads their Cyrillic as Russian (round 34). The language is then unknown, in every lang: scope
    return "" if found == entry.lang.split("-")[0].lower() else found


def trusted(claim: str, text: str) -> str:
    """The two-letter code of a feed's ``claim`` ("en-GB" -> "en"), or "" when there is none or most
    letters of ``text``, ``REFUTING_LETTERS`` at least, are of scripts the claimed language is not
    written in."""
    lang = claim.split("-")[0].lower()
    scripts = _SCRIPTS.get(lang)
    if not lang or scripts is None:
        return lang
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():  # the common case, read at C speed: Latin letters or none
        if "LATIN" not in scripts:
            return lang if sum(map(str.isalpha, sample)) < REFUTING_LETTERS else ""
        return "" if _uncommon(sample, lang) else lang
    counts = Counter(unicodedata.name(char, "?").split(" ", 1)[0] for char in sample if char.isalpha())
    outside = sum(n for script, n in counts.items() if script not in scripts)
    if (lang in ASCII_WRITERS or lang in _OWN_LETTERS) and _foreign_letters(sample, lang) >= REFUTING_ACCENTS:
        return ""
    if _uncommon(sample, lang):
        return ""
    return lang if outside < REFUTING_LETTERS or outside <= counts.total() - outside else ""


def _uncommon(text: str, lang: str) -> bool:
    """Whether ``text`` has ``REFUTING_WORDS`` words in small letters or more and fewer than one in ``COMMON_SHARE``
    of them among ``lang``'s commonest (False for a language without a list)."""
    common = COMMON_WORDS.get(lang)
    if common is None:
        return False
    words = [word for word in _WORD.findall(text) if word.islower()]
    return len(words) >= REFUTING_WORDS and sum(word in common for word in words) * COMMON_SHARE < len(words)


def _foreign_letters(text: str, lang: str) -> int:
    """How many letters outside ASCII that ``lang`` does not write (for an ASCII writer: Latin ones, ụ, é, ß), composed
    or not, the words of ``text`` in small letters hold."""
    own = _OWN_LETTERS.get(lang)
    return sum(
        1
        for word in unicodedata.normalize("NFC", text).split()
        if not word[0].isupper()
        for char in word
        if not char.isascii()
        and char.isalpha()
        and (char.lower() not in own if own else unicodedata.name(char, "").startswith("LATIN"))
    )
