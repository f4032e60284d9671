"""Held-out v25 (studied by dd29): a "million" written out, with any ending, is read (``shingles.NUMBER``).

Many Cyrillic alphabets write the whole word with their own endings ("21 миллион гъурущ", "4 миллиона",
"3 мільйони", "2 милиона"), where "млн" was the only Cyrillic form read: "21 million roubles" gave 21,000,000
and its Avar twin 21, one shared figure fewer, and the two reports (and two Avar reports of one happening,
"4 миллион" each, a lone digit being no figure) stayed two events. Kazakh's Latin letters too ("31 mıllıard").
Our own reports, in Bashkir, Ukrainian, Bulgarian and English.
"""

from __future__ import annotations

import pytest
from test_dedup_events_siblings import events_of, item

from monitor.dedup.eventkeys import _numbers

BASHKIR = (
    "Өфөлә яңы бассейн асылды",
    "Ҡалала 50 метрлы яңы бассейн асылды. Төҙөлөшкә 640 миллион һум тотонолдо. Бассейнда көнөнә 1 200 кеше йөҙә ала.",
)
ENGLISH = (
    "Ufa opens new swimming pool",
    "A 50-metre swimming pool opened in the city. It cost 640 million roubles. "
    "Up to 1,200 people a day can swim there.",
)


@pytest.mark.parametrize(
    "written", ["4 миллиона рублей", "4 мільйони гривень", "4 милиона лева", "4 million", "4 mıllıon teńge"]
)
def test_four_million_written_out_is_one_figure(written: str):
    assert _numbers(written)[0] == ["4e+06"]


def test_a_billion_written_out_with_an_ending():
    assert _numbers("2 миллиарда") == _numbers("2 мільярди") == _numbers("2 billion")


def test_the_bashkir_report_and_the_english_wire_are_one_event():
    events = events_of(item("Ufa Daily", *BASHKIR, 0), item("Volga Wire", *ENGLISH, 2))
    assert events[0] == events[1]


def test_a_report_of_another_sum_stays_apart():
    other = (BASHKIR[0], BASHKIR[1].replace("640 миллион", "640 миллиард"))
    events = events_of(item("Ufa Daily", *other, 0), item("Volga Wire", *ENGLISH, 2))
    assert events[0] != events[1]
