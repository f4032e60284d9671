"""Held-out v35 (studied by dd36): a day written in numbers, "8/3/2027", as another language's report names it.

A Shan report wrote its day as numbers with the year ("ဝၼ်းတီႈ 8/3/2027"); the wire's English rewrite wrote
"on 8 March 2027". Only a day with a month's name was read, so the two shared the figure and the year alone, and
the rewrite opened an event of its own (two events split). A day in numbers is read when one of its two readings,
day first or month first, alone is a day of the week before publication: a report names its event's day, and
the other reading then lies months away. Our own reports, in Burmese and English, and a unit check in Greek
(dots) and Arabic-Indic digits.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_dedup_classes import START, _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.dates import named_days

PUBLISHED = datetime(2027, 3, 9, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ရန်ကုန် — ၈/၃/၂၀၂၇ ရက်နေ့တွင် ဖွင့်လှစ်ခဲ့သည်။", (3, 8)),  # Myanmar digits, day first
        ("The line opened on 3/8/2027, officials said.", (3, 8)),  # month first: 8 March, not 3 August
        ("Η γραμμή άνοιξε στις 07.03.2027 το πρωί.", (3, 7)),  # dots, a leading zero
        ("افتتح الخط يوم ٦/٣/٢٠٢٧ في المدينة.", (3, 6)),  # Arabic-Indic digits
    ],
)
def test_a_day_in_numbers_with_its_year_is_named(text, day):
    assert [(found.month, found.day) for found in named_days(text, PUBLISHED)] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "Invoice 4/11/2026 was paid.",  # neither reading a day of the past week
        "It opens on 20/3/2027.",  # to come
        "Version 8.3.2027.1 is out.",  # a version number, not a day
        "Scores 8/3/20270 and 1/2",  # no year of four digits
    ],
)
def test_other_numbers_name_no_day(text):
    assert named_days(text, PUBLISHED) == []


def test_a_burmese_report_and_the_wires_english_rewrite_share_their_event():
    day = START.strftime("%-d")
    burmese = (
        f"မော်လမြိုင် — မြို့နယ်စည်ပင်သည် {START:%d}/{START:%m}/{START:%Y} ရက်နေ့တွင် ညဘတ်စ်ကားလိုင်းသစ်ကို "
        "ဖွင့်လှစ်ခဲ့သည်။ ဘတ်စ်ကား 12 စီး ပြေးဆွဲမည်။ ဦးအောင်ကျော်က လူ 4,760 ဦး အကျိုးခံစားရမည်ဟု ပြောသည်။"
    )
    english = (
        f"MAWLAMYINE — The township committee opened a new night bus line on {day} {START:%B %Y}. "
        "12 buses will run. U Aung Kyaw said 4,760 people would benefit."
    )
    index = StoryIndex()
    events = []
    for entry_id, (outlet, title, body, hours) in enumerate(
        (
            ("Thanlwin Times", "မော်လမြိုင် ညဘတ်စ်ကားလိုင်းသစ် လူ 4,760 ဦး", burmese, 1.0),
            ("Wire Asia", "Mawlamyine opens a night bus line for 4,760 riders", english, 3.0),
        ),
        start=1,
    ):
        entry = _parsed(f"my{entry_id}", title, body, outlet, hours)
        assert entry.published is not None
        decision = index.find(entry, entry.published)
        assert decision.story_id is None  # a rewrite: its own story
        event = decision.event_id if decision.event_id is not None else entry_id
        index.add(entry_id, entry_id, event, decision.signature, entry.published)
        events.append(event)
    assert events == [1, 1]
