"""de80, v76 studied: a number run into a caseless script's words is a figure, whatever capitals sit beside it.

Round 86 dropped, in a text whose names are unread (in capitals, or mostly caseless with a few Latin capitals),
every number glued after a letter ("D14": a ticker's day, part of a word its cased original prints as a name).
A Japanese report printing a currency as "NZ$" is such a text, and there every figure follows a kanji or kana
("全長22 km", "住民3,150人"): the report lost its figures, and a voice brief of its lede (figures kept, no Latin
capital) was parted from it by the names-and-numbers guard. Only a letter with case ends a word a figure is
glued to; kanji, kana and hangul run figures into the words around them. Through the real detector; our texts.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.dedup.misread import glued_to_letters
from monitor.models import Entry

START = datetime(2033, 5, 9, 1, 0, tzinfo=UTC)
REPORT = (
    "フィジーのバヌアレブ島サブサブで9日、ニュージーランドの支援で建設された全長22 kmの送水管が完成した。"
    "事業費はNZ$7,400,000で、5つの村の住民3,150人が利用する。\n\n"
    "水道公社のセミシ・ラトゥ総裁は、断水の日数が35%減ると述べた。式典には駐フィジー大使も出席した。\n\n"
    "新しい貯水池は6か所、ポンプは48基。工事は2030年に始まり、120人が働いた。"
)
TWIN = (
    REPORT.replace("サブサブ", "ランバサ")
    .replace("22 km", "17 km")
    .replace("NZ$7,400,000", "NZ$5,900,000")
    .replace("5つの村の住民3,150人", "4つの村の住民2,480人")
    .replace("35%", "28%")
    .replace("6か所", "4か所")
    .replace("48基", "31基")
    .replace("120人", "86人")
)
TITLES = ("サブサブに全長22 kmの送水管", "ランバサに全長17 kmの送水管")


def _brief(report: str) -> str:
    """A voice assistant's brief: an intro, the report's first sentence, an outro (its figures as printed)."""
    lede = report.split("。")[0] + "。"
    return f"あなたへのニュースです。{lede}続きを聞くには「次」と言ってください。"


def _entry(key: str, outlet: str, body: str, hours: float, title: str) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def test_only_a_letter_with_case_glues_a_number_to_its_word() -> None:
    assert glued_to_letters("on d14 it", 4) and glued_to_letters("the g7 met", 5)
    assert not glued_to_letters("全長22 km", 2) and not glued_to_letters("住民3,150人", 2)
    assert not glued_to_letters("주민3150명", 2) and not glued_to_letters("on 14 it", 3)


def test_a_voice_brief_of_a_caseless_report_with_latin_capitals_joins_it_and_its_twins_brief_stays_apart() -> None:
    """The desk's report (mostly caseless: "NZ$") keeps its figures, so the brief of its lede joins it; the same
    carrier's brief of the desk's template twin (other place and figures) starts a story of its own."""
    assert "NZ$" in REPORT and TWIN != REPORT
    first, twin, brief, twin_brief = decided(
        [
            _entry("desk", "南洋新報", REPORT, 0, TITLES[0]),
            _entry("desk-twin", "南洋新報", TWIN, 1, TITLES[1]),
            _entry("brief", "Voice Brief", _brief(REPORT), 3, TITLES[0]),
            _entry("twin-brief", "Voice Brief", _brief(TWIN), 4, TITLES[1]),
        ]
    )
    assert first.story_id is None and twin.story_id is None, twin.reason
    assert brief.story_id == 1, brief.reason
    assert twin_brief.story_id == 2, twin_brief.reason
