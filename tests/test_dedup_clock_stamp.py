"""Held-out v32 (studied by dd34): a live feed's clock time opening the copy.

A live or "ticker" feed reposts a story with the time it posted it in front, set off by a sign:
"14:05 ▸ MOMBASA — …", in the digits of the language ("۱۴:۰۵ ▸ …"). Only a stamp with a zone or an
am/pm ("Updated 17:32 GMT") was dropped, so the two numbers of the clock were read as the copy's own facts,
which its original never printed: a truncated summary copy, short of facts already, fell below the share of
names and numbers a copy keeps, and alerted twice (3 copies). A bare clock time set off by a sign opens no
story: it goes with the stamps. A figure that opens a sentence stays. Our own reports, in Swahili and Persian.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.clean import clean


@pytest.mark.parametrize(
    ("body", "stamp"),
    [
        ("14:05 ▸ MOMBASA — Wavuvi 40 wamepata boti mpya.", "14:05"),
        ("۱۴:۰۵ | شیراز — ۴۰ ماهیگیر قایق تازه گرفتند.", "۱۴:۰۵"),
        ("7.45 • Die Fähre fährt wieder.", "7.45"),
    ],
)
def test_a_bare_clock_time_set_off_by_a_sign_is_a_stamp(body, stamp):
    text = clean(body).text
    assert stamp not in text and text.endswith(body[-8:])


@pytest.mark.parametrize(
    "body",
    [
        "18.50 euros is the new fare for the ferry.",  # a figure, no sign after it
        "27.30 — the share of votes the party won.",  # no clock reads 27.30
        "3:1 was the final score on Sunday.",  # a ratio, not a time
    ],
)
def test_a_figure_opening_the_text_stays(body):
    assert clean(body).text.startswith(body.split()[0])


# Each story: the original (title, full body), then a live feed's copy four hours on: the clock time before
# the title and before a summary cut short by the feed ("…"), which keeps few of the original's figures.
STORIES = {
    "sw": (
        "Wavuvi wa Likoni wapata boti 12 za jua",
        "MOMBASA — Wavuvi wa Likoni wamepata boti 12 zinazotumia nishati ya jua. Mwenyekiti wa chama chao, "
        "Bi Zawadi Mwakio, alisema kila mvuvi atalipa Sh1,500 kwa mwezi.\n"
        "Mwakio alisema boti hizo ziligharimu Sh9 milioni, mkopo wa benki ya ushirika. Wavuvi wanasema "
        "mafuta yalikuwa yakila nusu ya mapato yao.",
        "16:42 ▸ ",
        "MOMBASA — Wavuvi wa Likoni wamepata boti 12 zinazotumia nishati ya jua. Mwenyekiti wa chama chao, "
        "Bi Zawadi Mwakio, alisema kila mvuvi atalipa …",
    ),
    "fa": (
        "۱۲ قایق خورشیدی برای ماهیگیران بوشهر",
        "بوشهر — ماهیگیران بندر بوشهر ۱۲ قایق خورشیدی گرفتند. زهرا احمدی، رئیس تعاونی، گفت هر ماهیگیر "
        "ماهی ۱,۵۰۰ هزار تومان می‌پردازد.\n"
        "احمدی گفت قایق‌ها ۹ میلیارد تومان هزینه داشت که بانک تعاونی وام داد. ماهیگیران می‌گویند سوخت نیمی "
        "از درآمدشان را می‌برد.",
        "۱۶:۴۲ ▸ ",
        "بوشهر — ماهیگیران بندر بوشهر ۱۲ قایق خورشیدی گرفتند. زهرا احمدی، رئیس تعاونی، گفت هر ماهیگیر …",
    ),
}


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_live_feeds_stamped_copy_joins_its_original(lang):
    title, body, stamp, summary = STORIES[lang]
    pieces = (("Pwani Leo", title, body, 0.0), ("Ticker", f"🔴 {stamp}{title}", f"{stamp}{summary}", 4.0))
    assert decided_stories(pieces, lang) == [1, 1]
