"""Held-out v11 (studied by dd14): an alphabet without capitals against its Latin reprint, and
invisible format characters.

A Uyghur desk reprints an Arabic-script story in the Latin letters Uyghur websites write; that
alphabet writes its vowels, so a letter table reads it (``alphabets.in_latin``). The Arabic-script
text has no capitals, so its facts are its numbers, and the Latin copy capitalises every name: the
two are asked for the caseless text's numbers (``signature.NO_CAPITALS``). A right-to-left CMS puts a
mark after every number: format characters are dropped before anything is read (``clean.visible``).
Our own stories (a library in Kashgar, a Hebrew and a Persian sentence), none of v11's.
"""

from __future__ import annotations

from datetime import datetime

from dedup_support import assert_one_alert
from test_dedup_classes import _parsed
from test_dedup_scripts import _copies

from monitor.dedup import StoryIndex
from monitor.dedup.alphabets import in_latin
from monitor.dedup.clean import visible
from monitor.dedup.signature import NO_CAPITALS, Signature, signature
from monitor.models import Entry

ARABIC = (
    "<p>قەشقەر — دۈشەنبە كۈنى قەشقەر شەھىرىدە يېڭى كۈتۈپخانا ئېچىلدى. كۈتۈپخانىدا 45 مىڭ كىتاب بار، "
    "دېدى مۇدىر ئابدۇراخمان تۇرسۇن.</p><p>قۇرۇلۇشقا 12 مىليون يۈەن خەجلەندى. "
    "ئۇ ھەر كۈنى 9 دىن 21 گىچە ئوچۇق.</p>"
)
LATIN = (
    "<p>Qeshqer — Düshenbe küni Qeshqer shehiride yéngi kütüpxana échildi. Kütüpxanida 45 ming kitab bar, "
    "dédi mudir Abdurakhman Tursun.</p><p>Qurulushqa 12 milyon yüen xejlendi. "
    "U her küni 9 din 21 giche ochuq.</p>"
)
ARABIC_TITLE = "قەشقەردە يېڭى كۈتۈپخانا ئېچىلدى"
LATIN_TITLE = "Qeshqerde yéngi kütüpxana échildi"


def _story_then(copy: Entry) -> int | None:
    """The story ``copy`` joins in an index holding only the Arabic-script original (story 1)."""
    index = StoryIndex()
    first = _parsed("a", ARABIC_TITLE, ARABIC, outlet="Qeshqer Kundilik")
    assert first.published is not None and copy.published is not None
    decision = index.find(first, first.published)
    assert decision.signature is not None
    index.add(1, 1, 1, decision.signature, first.published)
    return index.find(copy, copy.published).story_id


def test_a_latin_reprint_of_an_arabic_script_uyghur_story_joins_it():
    copy = _parsed("l", LATIN_TITLE, LATIN, outlet="Uyghur Latin Desk", hours=1)
    assert _story_then(copy) == 1


def test_the_latin_reprint_alerts_once(tmp_path, feed_server, json_receiver):
    rows = _copies((ARABIC_TITLE, ARABIC), (LATIN_TITLE, LATIN))
    assert_one_alert(tmp_path, feed_server, json_receiver, rows, "45")


def test_the_same_frame_with_other_numbers_is_another_story():
    # One template filled for another day: every number differs, the frame is word for word.
    other = LATIN.replace("45", "38").replace("12", "7").replace("9 din 21", "10 din 19")
    assert _story_then(_parsed("l", LATIN_TITLE, other, outlet="Uyghur Latin Desk", hours=1)) is None


def test_only_a_text_without_capitals_is_flagged():
    when = datetime(2026, 5, 4)
    arabic = signature(_parsed("a", ARABIC_TITLE, ARABIC), when)
    latin = signature(_parsed("l", LATIN_TITLE, LATIN), when)
    assert arabic.flags & NO_CAPITALS and not latin.flags & NO_CAPITALS


def test_arabic_persian_and_urdu_texts_keep_their_letters():
    # Their alphabets leave short vowels unwritten: no letter table reads them.
    for text in ("افتتحت مكتبة جديدة في المدينة", "کتابخانه تازه‌ای در شهر باز شد", "شہر میں نئی لائبریری کھل گئی"):
        assert in_latin(text) == text


def test_format_characters_go_and_the_joiners_of_spelling_stay():
    assert visible("נפתחו 14\u200f סניפים ו־3\u200e\ufeff מרכזים") == "נפתחו 14 סניפים ו־3 מרכזים"
    assert visible("\u202bسلام\u202c دنیا") == "سلام دنیا"
    assert visible("کتابخانه\u200cای") == "کتابخانه\u200cای"  # ZWNJ: Persian spelling
    assert visible("plain text") == "plain text"


def test_a_copy_with_a_mark_after_every_number_joins_its_story():
    marked = ARABIC.replace("45 ", "45\u200f ").replace("12 ", "12\u200f ").replace("21 ", "21\u200f ")
    when = datetime(2026, 5, 4)
    plain = signature(_parsed("a", ARABIC_TITLE, ARABIC), when)
    copy = signature(_parsed("m", ARABIC_TITLE.replace("يېڭى", "يېڭى\u200f"), marked), when)
    assert copy.facts == plain.facts and copy.shingles == plain.shingles and copy.title == plain.title


def test_a_signature_of_the_design_before_is_computed_again():
    # SC blobs read a Uyghur Arabic-script text as written and carry no NO_CAPITALS flag.
    blob = signature(_parsed("a", ARABIC_TITLE, ARABIC), datetime(2026, 5, 4)).pack()
    assert Signature.unpack(blob, "lede", (), 0.0, "") is not None
    assert Signature.unpack(b"SC" + blob[2:], "lede", (), 0.0, "") is None
