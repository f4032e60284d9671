"""A word keeps its combining marks: the vowel signs and viramas of Indic scripts, and the joiners inside it.

Python's ``\\w`` holds no combining mark, so a tokenizer built on it alone cut उज्जैन into three pieces at its
virama and vowel sign; every word count (a rule's ``near``), word boundary (an alias inside a longer word) and
shingle was of pieces. ``content_hash`` is entry identity: it keeps the tokens it was first made of, so an
upgrade makes no known entry look updated. Texts written for this test.
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

import pytest

from monitor.dedup import content_hash, material_change
from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.text import NO_SPACE_RANGES, fold, is_word_char, script_tokens, spaced_word_pattern, token_pattern


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("उज्जैन रात्रि बस सेवा", ["उज्जैन", "रात्रि", "बस", "सेवा"]),  # Hindi: virama, vowel signs
        ("कलकत्ता में बारिश", ["कलकत्ता", "में", "बारिश"]),
        ("কলকাতায় ভারী বৃষ্টি", ["কলকাতায়", "ভারী", "বৃষ্টি"]),  # Bengali: nukta, vowel signs, hasanta
        ("ଭୁବନେଶ୍ୱରରେ ନୂଆ ସେତୁ", ["ଭୁବନେଶ୍ୱରରେ", "ନୂଆ", "ସେତୁ"]),  # Odia
        ("சென்னையில் கனமழை", ["சென்னையில்", "கனமழை"]),  # Tamil: pulli, vowel signs
        ("ශ්‍රී ලංකා රජය", ["ශ්\u200dරී", "ලංකා", "රජය"]),  # Sinhala: the joiner of ශ්‍රී inside the word
        ("اَمی جا", ["اَمی", "جا"]),  # Perso-Arabic with a vowel point (fatha) written
        ("ministry of ports, 2027", ["ministry", "of", "ports", "2027"]),
    ],
)
def test_a_word_of_a_spaced_script_is_one_token_with_its_marks(text, words):
    assert script_tokens(text) == words
    assert script_tokens(fold(text)) == [fold(word) for word in words]  # folded (Arabic points dropped), as matched


@pytest.mark.parametrize("text", ["ភ្នំពេញ", "រដ្ឋាភិបាល", "မြန်မာ", "ရန်ကုန်မြို့", "กรุงเทพ", "東京"])
def test_an_unspaced_script_gives_one_character_at_a_time(text):
    """Khmer, Myanmar, Thai and Han write no spaces between words: dedup shingles them by character, a vowel
    sign too (a letter with its signs as one token measured worse: a Thai copy joined another story)."""
    assert script_tokens(text) == list(text)


def test_a_non_joiner_parts_words_as_the_space_a_persian_writer_may_type_instead():
    assert script_tokens("می\u200cشود") == script_tokens("می شود") == ["می", "شود"]


def test_a_joiner_outside_a_word_and_a_stray_mark_make_no_token():
    assert script_tokens("a\u200d b \u200dc") == ["a", "b", "c"]
    assert script_tokens("क\u200d ख") == ["क", "ख"]  # a joiner after the word's end is left out
    assert script_tokens("\u093f बस") == ["बस"]  # a vowel sign after a space begins no word


def test_a_letter_or_mark_beyond_the_bmp_is_read_as_one_there():
    brahmi = "\U00011013\U00011038\U00011022"  # Brahmi: a letter, a vowel sign, a letter
    assert script_tokens(f"{brahmi} 😀 x") == [brahmi, "x"]
    assert script_tokens("ok 😀 उज्जैन") == ["ok", "उज्जैन"]  # an emoji is no word, and the BMP's class serves


def test_the_spaced_word_pattern_is_the_tokens_of_spaced_scripts():
    text = "उज्जैन 東京 बस"
    assert spaced_word_pattern(text).findall(text) == ["उज्जैन", "बस"]
    assert token_pattern(text).findall(text) == ["उज्जैन", "東", "京", "बस"]


def test_a_mark_is_a_word_character_of_a_spaced_script_only():
    assert is_word_char("\u094d") and is_word_char("\u0b41")  # Devanagari virama, Odia vowel sign
    assert not is_word_char("\u0e34")  # a Thai vowel sign: Thai terms match inside running text
    assert not is_word_char("\u200d") and not is_word_char("\u200c") and not is_word_char(" ")


def ruleset(tmp_path: Path, text: str) -> RuleSet:
    (tmp_path / "rule.yaml").write_text(text, encoding="utf-8")
    return RuleSet(load_rules([tmp_path]))


def fires(rules: RuleSet, title: str) -> bool:
    return bool(rules.match(Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content="")))


NEAR = "name: r\nmatch:\n  all: [बंदरगाह, हड़ताल]\n  near: {near}\n"


def test_near_counts_devanagari_words_not_their_pieces(tmp_path):
    title = "बंदरगाह पर मज़दूरों की हड़ताल"  # the two terms are four words apart
    assert fires(ruleset(tmp_path, NEAR.format(near=4)), title)
    assert not fires(ruleset(tmp_path, NEAR.format(near=3)), title)


@pytest.mark.parametrize(
    ("term", "title", "expected"),
    [
        ("ସେତୁ", "କଟକରେ ନୂଆ ସେତୁ ଖୋଲିଲା", True),
        ("ସେତୁ", "ସେତୁବନ୍ଧ ଯାତ୍ରା ଆରମ୍ଭ", False),  # the term ends in a vowel sign: a longer word goes on
        ("ରାଜ", "ରାଜ ପରିବାର ଆସିଲେ", True),
        ("ରାଜ", "ରାଜ୍ୟ ସରକାର ଘୋଷଣା କଲେ", False),  # the text goes on with a virama: inside ରାଜ୍ୟ
    ],
)
def test_an_odia_alias_matches_a_whole_word_only(tmp_path, term, title, expected):
    (tmp_path / "aliases.yaml").write_text(f"aliases:\n  place: [{term}]\n", encoding="utf-8")
    assert fires(ruleset(tmp_path, "name: r\nmatch: {any: ['@place']}\n"), title) is expected


def entry(title: str, body: str) -> Entry:
    return Entry(feed_url="https://x.test/feed", outlet="x", key="k", link="", title=title, summary=body, content="")


# content_hash of these, computed with main's code before words kept their marks (8f67139).
PINNED = {
    "hindi": ("उज्जैन रात्रि बस सेवा शुरू", "नगर निगम ने बुधवार को कहा कि नई बसें रात्रि में चलेंगी।", "d2e82e28b92090d7"),
    "bengali": ("কলকাতায় বৃষ্টি", "আবহাওয়া দপ্তর জানিয়েছে, আগামী দুই দিন ভারী বৃষ্টি হবে।", "419aea1e20aebd31"),
    "odia": ("ଭୁବନେଶ୍ୱରରେ ନୂଆ ସେତୁ", "ରାଜ୍ୟ ସରକାର ସେତୁ ନିର୍ମାଣ ପାଇଁ ଅନୁମୋଦନ ଦେଇଛନ୍ତି।", "0fcdf3d827e16384"),
    "tamil": ("சென்னையில் மழை", "வானிலை மையம் கனமழை எச்சரிக்கை விடுத்துள்ளது.", "c15164c7385aced8"),
    "persian": ("می‌خواهم بروم", "دولت اعلام کرد که طرح‌ها اجرا می‌شوند.", "e92d4bde844b1bb2"),
    "chinese": ("上海港口吞吐量创新高", "据统计，今年前十个月集装箱吞吐量增长百分之五。", "b9e24712970fc787"),
    "japanese": ("東京でガス価格が上昇", "バス会社は運賃を見直すと発表した。", "5831d62ab8bd85e2"),
    "thai": ("กรุงเทพฯ ฝนตกหนัก", "กรมอุตุนิยมวิทยาเตือนประชาชนให้ระวังน้ำท่วม", "00d8c600b077f07b"),
    "khmer": ("ភ្នំពេញ", "រដ្ឋាភិបាលបានប្រកាសថ្ងៃឈប់សម្រាក", "6b5ba2c98d6d5253"),
    "myanmar": ("မြန်မာ", "ရန်ကုန်မြို့တွင် မိုးသည်းထန်စွာ ရွာသွန်းခဲ့သည်", "7a77a33ccfdb79b0"),
    "latin": (
        "Depot fire near the harbour",
        "Firefighters said on Tuesday, 3 March, that the blaze was out.",
        "ceb6b83502fa7e94",
    ),
    "accented": ("Café crème à Zürich", "Les prix ont augmenté de 4,5 % selon l'Office fédéral.", "247c251441d53493"),
    "mixed": ("ISRO चंद्रयान-3 launch", "The mission टीम said 12 engines fired; ஏவுதல் done.", "2e524376a8274469"),
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_content_hash_is_the_one_entries_were_stored_with(name):
    """Stored with each entry and compared with the next fetch's: a change would re-alert every such entry."""
    title, body, digest = PINNED[name]
    assert content_hash(entry(title, body)) == digest


# The first tokens, written out here: words of \w only, and each character of an unspaced script.
FIRST_TOKENS = re.compile(f"[{NO_SPACE_RANGES}]|[^\\W{NO_SPACE_RANGES}]+")
PIECES = [
    *"aZ9 .,'",
    "é",
    "ß",
    "Я",
    "क",
    "\u094d",
    "\u093f",
    "\u0b41",
    "\u200c",
    "\u200d",
    "ก",
    "\u0e34",
    "東",
    "😀",
    "\u0301",
]


def test_content_hash_is_the_first_tokens_hash_for_any_text():
    rng = random.Random(11)
    for _ in range(2000):
        title, body = ("".join(rng.choices(PIECES, k=rng.randint(0, 30))) for _ in range(2))
        joined = " ".join(FIRST_TOKENS.findall(fold(title))) + "\n" + " ".join(FIRST_TOKENS.findall(fold(body)))
        expected = hashlib.sha256(joined.encode()).hexdigest()[:16]
        assert content_hash(entry(title, body)) == expected, (title, body)


def test_a_changed_vowel_sign_is_a_minor_edit_and_a_changed_number_is_not():
    before = entry("उज्जैन रात्रि बस सेवा", "नगर निगम ने कहा कि 12 नई बसें रात्रि में चलेंगी और किराया नहीं बढ़ेगा।")
    assert not material_change(before, entry(before.title, before.summary.replace("बसें", "बसे")))[0]
    assert material_change(before, entry(before.title, before.summary.replace("12", "15")))[0]
