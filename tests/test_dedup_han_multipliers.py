"""Held-out v31 (studied by dd33): a figure written with a Traditional Chinese multiplier.

Hong Kong's and Taiwan's Chinese (Cantonese too) write ten thousand as 萬 and a hundred million as 億, and
Japanese writes 億; only the Simplified 万 and 亿 were read as multipliers. A Cantonese report's "3,200萬元"
was the number 3200, never the "HK$32 million" of the English report of the same reopening, and the two, each
printing three figures, shared two: separate events. 萬, 億 and 萬億 are multipliers now, and before a Chinese
or Japanese multiplier a comma groups thousands (those languages write no decimal comma): "3,200萬" is 32
million. Our own reports, Cantonese and Japanese, each beside an English one.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import START, _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.eventkeys import keywords_written
from monitor.dedup.shingles import number_key


@pytest.mark.parametrize(
    ("digits", "times", "same"),
    [
        ("3,200", "萬", ("32", "million")),
        ("3200", "萬", ("3200", "万")),
        ("3", "億", ("300", "million")),
        ("1.5", "萬億", ("1.5", "万亿")),
    ],
)
def test_a_traditional_multiplier_is_the_simplified_ones_value(digits, times, same):
    assert number_key(digits, times) == number_key(*same)


def test_a_decimal_comma_before_a_european_multiplier_stays_decimal():
    assert number_key("3,5", "millones") == number_key("3.5", "million")


def test_the_figure_is_an_event_anchor():
    found = keywords_written(_parsed("k", "屋邨翻新", "觀塘 — 工程費用2,800萬元，今日完成。"), START)
    assert "2.8e+07" in found


# Each pair: a report in Chinese or Japanese, then one in English of the same happening, four hours on; three
# figures each, one of them written with the multiplier.
PAIRS = {
    "yue": (
        (
            "觀塘圖書館擴建後重開",
            "觀塘 — 裕民坊公共圖書館擴建完成，今日重開，新增120個座位。館長陳美華話，工程費用2,800萬元，"
            "全年可以接待65,000人次。",
        ),
        (
            "Kwun Tong library reopens with 120 more seats",
            "Kwun Tong — The Yue Man Square public library reopened"
            " today after its extension, adding 120 seats. Librarian Chan Mei-wah said the works cost HK$28 million"
            " and the library expects 65,000 visits a year.",
        ),
    ),
    "ja": (
        (
            "近江町市場の屋根を改修へ",
            "金沢 — 金沢市は近江町市場の屋根を改修すると発表した。総工費は3億円、工期は14か月で、"
            "170の店舗は営業を続ける。",
        ),
        (
            "Kanazawa to re-roof Omicho Market",
            "Kanazawa — The city of Kanazawa will replace the roof of Omicho"
            " Market at a cost of 300 million yen. The works take 14 months and its 170 shops stay open.",
        ),
    ),
}


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_reports_in_two_scripts_sharing_their_figures_are_one_event(lang):
    index, events = StoryIndex(), []
    for i, ((title, body), hours) in enumerate(zip(PAIRS[lang], (0.0, 4.0), strict=True), start=1):
        entry = _parsed(f"{lang}{i}", title, body, f"Desk {i}", hours)
        assert entry.published is not None
        decision = index.find(entry, entry.published)
        assert decision.story_id is None  # another story: a report of its own
        events.append(decision.event_id)
        assert decision.signature is not None
        index.add(i, i, decision.event_id or i, decision.signature, entry.published)
    assert events == [None, 1]
