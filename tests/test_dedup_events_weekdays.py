"""Short briefs and their rewrites (issue 13, de57: held-out v44-v48's family), every entry read by the real parser:

- a weekday is read in any language CLDR names it in (Tibetan, Persian, Thai, English), as the date of that
  weekday nearest publication; a brief and its rewrite in another script that share a figure and that day,
  and print no other figure, report one happening; a rewrite naming another day does not join;
- a rival desk's own brief in text without spaces (Chinese) shares one figure and many character pairs with
  the first: it joins that event; a report of that outlet's frame printing other figures beside it does not.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from test_dedup_anchors import _add
from test_dedup_classes import _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.eventkeys import _DAY_TOKEN, _weekday_names, weekdays

MONDAY = date(2026, 3, 2)  # test_dedup_classes.START's day


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The pool reopened on Thursday after repairs.", "%03-05"),  # three days on, not four back
        ("کتابخانه روز شنبه باز شد", "%02-28"),
        ("ཡུལ་ཚོགས་ཀྱིས་གཟའ་པ་སངས་ལ་ཁ་ཕྱེ།", "%02-27"),
        ("ตลาดจะเปิดวันอังคารนี้", "%03-03"),
        ("A pagar a segunda-feira", "%03-02"),
    ],
)
def test_a_weekday_is_the_date_of_that_day_nearest_publication_in_any_language(text, key):
    assert [found for found, _ in weekdays(text, MONDAY)] == [key]


def test_a_short_word_is_no_weekday():
    assert weekdays("the sun rose over mon ami's farm", MONDAY) == []


def _every_join(text: str) -> list[tuple[str, str]]:
    """What ``weekdays`` finds among the spaced names, by trying every run of one to three words (its design before
    sp52, which tries only runs opening with the start of a name): the names as folded, and as written."""
    names = _weekday_names()[0]
    tokens = _DAY_TOKEN.findall(text)
    folded = [unicodedata.normalize("NFKC", token).lower().replace("\u200c", "") for token in tokens]
    return [
        ("".join(folded[at : at + size]), " ".join(tokens[at : at + size]))
        for size in (1, 2, 3)
        for at in range(len(folded) - size + 1)
        if "".join(folded[at : at + size]) in names
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A pagar a segunda-feira e a Terça-Feira, não no SÁBADO",
        "Monday's vote, then Tuesday and wednesday; Sun Mon sat",
        "ཡུལ་ཚོགས་ཀྱིས་གཟའ་པ་སངས་ལ་ཁ་ཕྱེ། གཟའ་ཕུར་བུ་",
        "روز شنبه و سه‌شنبه باز شد",
        "ﬁnished on Ｍｏｎｄａｙ",  # NFKC folds the ligature and the full-width letters
    ],
)
def test_weekdays_finds_what_trying_every_run_of_words_finds(text):
    written = [found for _, found in weekdays(text, MONDAY)]
    assert written == [found for _, found in _every_join(text)]
    assert written  # each text names a weekday: the comparison is not of two empty lists


def test_every_name_without_spaces_is_found_where_it_stands():
    unspaced = _weekday_names()[1]
    for name in unspaced:
        text = f"ตลาดจะเปิด{name}นี้ 35"
        found = [written for _, written in weekdays(text, MONDAY)]
        expected = [other for other in unspaced if other in text]  # first: the names sought in the text
        assert found[: len(expected)] == expected, name


def test_every_spaced_name_is_found_in_a_sentence():
    names = _weekday_names()[0]
    for name in names:
        text = f"It opened on {name}, said {name.title()} x"
        assert [found for _, found in weekdays(text, MONDAY)] == [found for _, found in _every_join(text)], name


TIBETAN = (
    "ཤམ་ལུང་ཆུ་རྫིང་ ༣༥ བཞེངས་ཚར།",
    "ཤམ་ལུང་གི་ཡུལ་ཚོགས་ཀྱིས་གཟའ་པ་སངས་ལ་ཆུ་རྫིང་ ༣༥ བཞེངས་ཚར། ཞིང་པ་ཚོས་དགུན་ཁར་ཆུ་ཉར་ཐུབ།",
)


@pytest.mark.parametrize(("day", "joins"), [("Friday", True), ("Tuesday", False)])
def test_a_brief_and_its_rewrite_in_another_script_share_the_figure_and_the_day(day, joins):
    index = StoryIndex()
    _add(index, 1, _parsed("bo", *TIBETAN, "Valley Mirror"))
    english = (
        "Sham valley villages finish 35 water tanks",
        f"Villagers in the Sham valley finished 35 water tanks on {day}, so farmers can keep water through winter.",
    )

    decision = index.find(_parsed("en", *english, "Ridge Wire", hours=2), _parsed("en", *english).published)

    assert (decision.event_id == 1) is joins, decision.event_reason
    if joins:
        assert "35" in decision.event_reason and day in decision.event_reason, decision.event_reason


FIRST = (
    "西湖边新开盲人书屋",
    "杭州西湖边的盲人书屋今天开门，藏有盲文书850本。馆长陈月华说，书屋每天下午开放，不收费。",
)


@pytest.mark.parametrize(
    ("rival", "joins"),
    [
        (("盲人书屋在西湖边开门", "西湖边的盲人书屋今天开门，盲文书一共850本。陈月华说，下午都开放，不收钱。"), True),
        (  # another happening in the frame: one figure alike, three of its own
            ("西湖边新开儿童书屋", "杭州西湖边的儿童书屋今天开门，藏书850本，座位64个，志愿者37人，每天开放12小时。"),
            False,
        ),
    ],
)
def test_a_rival_desks_brief_without_spaces_joins_under_one_figure(rival, joins):
    index = StoryIndex()
    _add(index, 1, _parsed("a", *FIRST, "Lakeside Daily"))
    entry = _parsed("b", *rival, "Harbour Evening", hours=2)
    assert entry.published is not None

    decision = index.find(entry, entry.published)

    assert decision.story_id is None
    assert (decision.event_id == 1) is joins, decision.event_reason
