"""Event grouping of short briefs and their rewrites in another script (held-out v44-v47's family).

A brief of three sentences in Chinese, Thai or Arabic and a wire desk's English rewrite of it share no word
and write their people and places apart; what they write alike is their figures and, at best, one name:

- figures in Han numerals are read as values (``hannumerals``), so 四百五十 meets 450;
- an Arabic word is keyed without the article written onto it, so الجندوبي meets Jendoubi;
- another outlet's report within ``NEAR_HOURS`` in another script sharing two keys rare in the window, a
  figure among them and half the figures of either report, joins (``EventIndex._across``);
- but two reports each printing many figures of their own (two markets' closes) stay apart, and so do
  reports a day apart, and a desk's second brief of the day in its first brief's frame with other figures;
- an outlet's next-day story joins at ``OWN_LATER`` only when it shares a name or figure of a headline.
"""

from __future__ import annotations

import pytest
from test_dedup_events_siblings import events_of, item

from monitor.dedup import events as events_module
from monitor.dedup.eventkeys import _caseless_of, _numbers
from monitor.dedup.events import EventIndex, EventMatch
from monitor.dedup.hannumerals import han_figures
from monitor.names import name_key

# An invented ferry brief in Chinese (real place as setting), and a wire desk's English rewrite of it.
FERRY_ZH = (
    "舟山新渡船下礼拜下水，能坐四百五十人",
    "舟山海运公司今天讲，新渡船下礼拜下水，能坐四百五十人。\n\n"
    "公司经理罗海平讲，船造了一年，花了一百五十万。\n\n岛上的居民等这条船等了好多年。",
)
FERRY_EN = (
    "Zhoushan ferry company launches a 450-seat boat next week",
    "Zhoushan's shipping company said its new ferry, with 450 seats, will be launched next week.\n\n"
    "Manager Luo Haiping said the boat took a year to build and cost 1.5 million yuan.",
)
# The same desk's second brief that evening, in the first brief's frame: another boat, other figures.
FERRY_ZH_SECOND = (
    "舟山第二条渡船下个月下水，能坐三百二十人",
    "舟山海运公司今天讲，第二条渡船下个月下水，能坐三百二十人。\n\n"
    "公司经理罗海平讲，船造了八个月，花了九十八万。\n\n岛上的居民等这条船等了好多年。",
)
# An English report of another happening sharing the rewrite's two figures among many of its own.
MARKET_EN = (
    "Port shares close higher as freight rates climb",
    "Port operators' shares closed 450 points higher at 18,320 on Tuesday, with 1.5 million shares "
    "traded. Freight rates rose 3.4 % to 2,915, the index of 27 carriers gained 0.8 % and 62 ships waited.",
)
# An Arabic brief naming the manager with the article written onto the name, and its English rewrite.
MARKET_HALL_AR = (
    "سوق السمك في المنستير يفتح قاعة جديدة فيها 36 محل",
    "قالت البلدية إن سوق السمك في المنستير يفتح قاعة جديدة فيها 36 محل يوم السبت.\n\n"
    "وقال المدير نبيل الجندوبي إن القاعة كلفت 870 ألف دينار.",
)
MARKET_HALL_EN = (
    "Fish market opens new hall with 36 stalls",
    "The fish market will open a new hall with 36 stalls on Saturday, the town said.\n\n"
    "Manager Nabil Jendoubi said the hall cost 870,000 dinars.",
)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("能坐四百五十人", [450]),
        ("花了一百五十万", [1_500_000]),
        ("三百零七个", [307]),
        ("两万人", [20_000]),
        ("十二点", [12]),
        ("二〇三一年", [2031]),
        ("一亿三千万", [130_000_000]),
    ],
)
def test_han_numerals_are_read_as_the_figures_digits_would_print(text: str, figures: list[int]):
    assert han_figures(text) == figures


@pytest.mark.parametrize("text", ["一直", "十分好", "万一下雨", "千万别去", "老百姓", "三三两两", "第一个"])
def test_words_written_with_numeral_characters_are_no_figures(text: str):
    assert han_figures(text) == []


@pytest.mark.parametrize(
    ("arabic", "latin"), [("الجندوبي", "Jendoubi"), ("والطرابلسي", "Trabelsi"), ("بالقصرين", "Kasserine")]
)
def test_an_arabic_name_is_keyed_without_the_article_written_onto_it(arabic: str, latin: str):
    """The article alone, after "and" or "in", as another script writes the name without it."""
    assert _caseless_of(arabic) == name_key(latin)


def test_a_short_word_after_the_article_keeps_its_letters():
    """ "الي" (that) is no article and a name of one letter."""
    assert _caseless_of("الي") is None


@pytest.mark.parametrize(("original", "rewrite"), [(FERRY_ZH, FERRY_EN), (MARKET_HALL_AR, MARKET_HALL_EN)])
def test_a_wire_desks_english_rewrite_joins_the_briefs_event(original, rewrite):
    events = events_of(item("Home Desk", *original, 0), item("Wire", *rewrite, 2))

    assert events[0] == events[1]


def test_without_the_rule_for_two_rare_keys_across_scripts_the_rewrite_stays_apart(monkeypatch):
    """The rewrite joins by ``_across`` (else the test above could not fail)."""
    monkeypatch.setattr(events_module.EventIndex, "_across", lambda self, *args: None)

    events = events_of(item("Home Desk", *FERRY_ZH, 0), item("Wire", *FERRY_EN, 2))

    assert events[0] != events[1]


def test_a_rewrite_a_day_later_is_no_rewrite_of_the_days_brief():
    events = events_of(item("Home Desk", *FERRY_ZH, 0), item("Wire", *FERRY_EN, 20))

    assert events[0] != events[1]


def test_a_report_printing_many_figures_of_its_own_stays_apart():
    """It shares the brief's two figures, but prints seven more the brief never prints."""
    events = events_of(item("Home Desk", *FERRY_ZH, 0), item("Wire", *MARKET_EN, 2))

    assert events[0] != events[1]


def test_the_desks_second_brief_of_the_evening_is_another_event():
    events = events_of(
        item("Home Desk", *FERRY_ZH, 0), item("Wire", *FERRY_EN, 2), item("Home Desk", *FERRY_ZH_SECOND, 6)
    )

    assert events[0] == events[1] != events[2]


def _next_day(headlined: bool) -> EventMatch:
    return EventMatch(1, 1, 0.2, ("a", "b", "c"), 20.0, own=True, anchors=3, headlined=headlined)


def test_an_outlets_next_day_story_joins_at_the_lower_overlap_only_when_a_headline_is_shared():
    """A caseless script keys every word: common words shared a day later are no follow-up's who and where."""
    index = EventIndex()

    assert index.joins(_next_day(headlined=True))
    assert not index.joins(_next_day(headlined=False))


HOUR = 3600.0
# Keys of a desk's brief (names as sound keys, figures), of a wire's English rewrite of it, and of the desk's
# next-day brief from the same template, printing the brief's names and figures again around its new news.
BRIEF = ("jsn", "lbng", "450", "1.5e+06", "12")
REWRITE = ("jsn", "lbng", "450", "1.5e+06", "~ferry", "~launch", "~seats")
NEXT_ISSUE = ("jsn", "lbng", "450", "1.5e+06", "30", "~ferry", "~launch", "~seats", "~delayed")
# The same issue printing no figure of its own: only the template share keeps it apart (a desk's next-day story
# with a new figure is its next development, kept apart by ``events._develops`` whatever it shares).
SAME_FIGURES = tuple(key for key in NEXT_ISSUE if key != "30")


def _template_window() -> EventIndex:
    index = EventIndex()
    index.add(1, 1, BRIEF, 0.0, outlet="Desk")
    index.add(2, 1, REWRITE, 2 * HOUR, outlet="Wire")
    return index


@pytest.mark.parametrize("keys", [NEXT_ISSUE, SAME_FIGURES])
def test_the_desks_next_issue_of_its_template_joins_no_report_of_the_issue_it_follows(keys: tuple[str, ...]):
    """It shares 80 % of the desk's brief's text: the brief's event is another happening, the wire's rewrite too."""
    match = _template_window().find(keys, 26 * HOUR, series={1: 80.0}, outlet="Desk")

    assert match is None or match.event_id != 1


def test_another_desks_story_sharing_that_text_is_skipped_alone():
    """A desk's next-day follow-up may quote a rival's account of the first day: only that story is skipped."""
    index = _template_window()

    match = index.find(NEXT_ISSUE, 26 * HOUR, series={1: 80.0}, outlet="Rival")

    assert index.joins(match) and match is not None and match.story_id == 2


def test_without_the_template_share_the_next_issue_would_join_the_rewrite():
    """What the first test guards against (else it could not fail)."""
    index = _template_window()

    match = index.find(SAME_FIGURES, 26 * HOUR, series={}, outlet="Desk")

    assert index.joins(match) and match is not None and match.event_id == 1


def test_a_storys_outlet_is_its_first_entrys():
    """``outlet_of``: whose next brief a new story may be, when a carrier's copy is the closest entry."""
    index = _template_window()
    index.add(1, 1, ("~copy",), 1 * HOUR, outlet="Carrier")

    assert (index.outlet_of(1), index.outlet_of(2), index.outlet_of(99)) == ("Desk", "Wire", "")


@pytest.mark.parametrize("stamp", ["Filed by the relay desk at 08:26", "Last edit 07:41", "updated 23:05:12"])
def test_a_clock_time_is_no_figure(stamp: str):
    """A carrier's timestamp would give a brief figures its rewrite never prints (8 and 26)."""
    assert _numbers(f"{stamp}. The ferry seats 450.")[0] == ["450"]


def test_a_carriers_stamp_line_in_english_leaves_a_brief_written_apart_from_its_english_rewrite():
    """A word or two of Latin (``STRAY_WORDS``) is a stamp line's, not the brief's language."""
    brief = ("jsn", "450", "1.5e+06", "~desk", "舟山", "山新", "新渡", "渡船")
    rewrite = ("jsn", "450", "~ferry", "~launch", "~seats", "~company")
    arabic = ("jsn", "450", "rkbr", "krt", "~desk")

    assert events_module._written_apart(brief, rewrite)
    assert not events_module._written_apart(rewrite, rewrite)
    assert not events_module._written_apart(arabic, ("jsn", "450", "mtkn", "~desk"))  # both caseless
