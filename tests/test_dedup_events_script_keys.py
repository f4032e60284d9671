"""Round 37 (dd37): month names and thousand/million words in scripts besides Latin and Cyrillic.

A Sinhala report saying "නොවැම්බර් 8" (November 8) and "රුපියල් මිලියන 250" (250 million rupees, the word
before the number) printed neither the day nor 2.5e+08 the English wire of the same opening printed: two
shared anchors fewer, two events. (The day is a key, not the report's event time: ``dates.event_day``.)
Months and multiplier words now come from CLDR's tables (babel) for every locale written in another script,
with a month's sound key (``names.name_key``) where a language's own table lists another calendar, and an
abjad word's consonants where a language writes vowels the table's spelling leaves out (Sorani هەزار,
Persian هزار). Our own sentences, in Sinhala, Arabic, Hebrew, Greek, Hindi, Sorani, Thai and English.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from test_dedup_events_siblings import events_of, item

from monitor.dedup.dates import named_days
from monitor.dedup.eventkeys import WORD_MARK, _neutral, _numbers, _script, _scripts, event_time
from monitor.models import Entry

PUBLISHED = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "කොළඹ නොවැම්බර් 8 වැනිදා නව පාලම විවෘත විය",  # Sinhala: the month before the day, a loanword
        "افتتح الجسر الجديد في 8 نوفمبر",  # Arabic
        "הגשר נפתח ב-8 בנובמבר",  # Hebrew, the preposition glued to the month
        "Η γέφυρα άνοιξε στις 8 Νοεμβρίου",  # Greek genitive
        "पुल 8 नवंबर को खुला",  # Hindi
        "สะพานเปิดเมื่อวันที่ 8 พฤศจิกายน",  # Thai
    ],
)
def test_a_month_named_in_another_script_names_the_day(text: str):
    assert named_days(text, PUBLISHED) == [date(2026, 11, 8)]


def test_a_month_of_two_words_is_read_whole():
    # The Levantine months: كانون الأول is December, كانون الثاني January; the first word alone says neither.
    assert named_days("افتُتح الجسر في 8 كانون الأول", PUBLISHED) == [date(2025, 12, 8)]
    assert named_days("كانون 8 وقال", PUBLISHED) == []


def test_a_number_beside_another_word_names_no_day():
    assert named_days("පාලමේ දිග මීටර් 8 කි", PUBLISHED) == []
    assert named_days("الجسر بطول 8 كيلومترات", PUBLISHED) == []


def test_the_sinhala_report_shares_the_english_ones_day_but_keeps_its_own_time():
    # Its day key, not its event time: dated by a month of another script, a full report moved a day from its
    # own undated teaser of the same hour (held-out v35, Saraiki "11 مارچ" beside a one-line teaser).
    window, published = timedelta(days=7), datetime(2026, 11, 9, 7, 45, tzinfo=UTC)
    english = "COLOMBO — A new bridge opened on November 8, the ministry said."
    sinhala = "කොළඹ — නව පාලම නොවැම්බර් 8 වැනිදා විවෘත කළ බව අමාත්‍යාංශය පැවසීය."
    at = [event_time(Entry("f", "o", "g", "", "t", "", body), published, window) for body in (english, sinhala)]
    assert at[0] < at[1] == published.timestamp()
    assert named_days(sinhala, published) == named_days(english, published) == [date(2026, 11, 8)]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("රුපියල් මිලියන 250ක් වැය විය", "2.5e+08"),  # Sinhala: the word before the number
        ("بتكلفة 250 ألف دولار", "250000"),  # Arabic: after it
        ("लागत 25 लाख रुपये", "2.5e+06"),  # Hindi: a lakh is a hundred thousand
        ("بە ٤٠ هەزار کتێب", "40000"),  # Sorani: vowels the Persian هزار does not write
        ("بە تێچووی ٦.٥ ملیار دینار", "6.5e+09"),  # Sorani: the Arabic مليار with its vowel in Kurdish letters
    ],
)
def test_a_multiplier_word_of_another_script_scales_its_number(written: str, value: str):
    assert _numbers(written)[0] == [value]


def test_a_word_of_another_sound_beside_a_number_scales_nothing():
    assert _numbers("12 طالبان")[0] == ["12"]  # a name whose sound key is a trillion's elsewhere
    assert _numbers("مدة 40 يوما")[0] == ["40"]


def test_the_sinhala_report_and_the_english_wire_are_one_event():
    english = (
        "Colombo opens a new harbour bridge",
        "COLOMBO — A new harbour bridge built for 250 million rupees opened on November 8. "
        "It carries 18,000 vehicles a day, the roads ministry said.",
    )
    sinhala = (
        "කොළඹ නව වරාය පාලම විවෘත කෙරේ",
        "කොළඹ — රුපියල් මිලියන 250ක් වැය කර ඉදිකළ නව වරාය පාලම නොවැම්බර් 8 වැනිදා විවෘත කෙරිණි. "
        "දිනකට වාහන 18,000ක් මෙය භාවිත කරනු ඇතැයි මාර්ග අමාත්‍යාංශය පැවසීය.",
    )
    events = events_of(item("Ruhuna Daily", *sinhala, 0), item("Harbour Wire", *english, 20))
    assert events[0] == events[1]


@pytest.mark.parametrize(
    "keys",
    [
        ("lavrov", "2024", "@07-03"),  # names, numbers, days: all neutral
        ("lavrov", WORD_MARK + "talks", "2024", WORD_MARK + "ceasefire"),  # with Latin headline words
        ("lavrov", WORD_MARK + "переговоры", "会談", "2024"),  # other scripts: each key looked up
        ("", WORD_MARK, "lavrov"),
    ],
)
def test_the_neutral_keys_are_those_of_no_script(keys: tuple[str, ...]):
    """``EventIndex.add`` posts a new story under the keys ``_neutral`` gives: those ``_script`` calls neutral."""
    assert list(_neutral(keys, _scripts(keys))) == [key for key in keys if _script(key) is None]
