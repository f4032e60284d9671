"""Event anchors that do not depend on a script (issue 13, seventh round: classes found on held-out v4,
tune3 and the catalogue), probed in scripts and languages no labelled set uses (Bengali and its
digits, Amharic, Devanagari digits), every entry read by the real parser:

- a number is its value whatever digits and separators write it: "3,412", "3 412", "۳٬۴۱۲", "৩,৪১২"
  and "३४१२" are one anchor, "8.6" and "۸٫۶" another, "12000亿" and "1.2万亿" a third;
- in a script without capitals (Bengali, Amharic, Persian, Hangul) every word of the headline and
  lead is keyed by sound, so চাঁদপুর meets Chandpur and ጎንደር Gondar; words of Indic scripts keep
  their vowel signs (দিল্লি is one word);
- the day of a date is not also a number ("on 23 April" is one anchor); a day is read in Korean
  ("2월 8일") and in any decimal digits;
- a headline naming a place or person an earlier report of its script never names, sharing with it
  neither a rare name nor two numbers, reports another happening;
- a weekly round-up quoting a story and the follow-up that repeats it quotes one happening, not two:
  with a third story, it is a round-up, not the follow-up of its own outlet's story.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import START, _decide, _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.eventkeys import keywords_written
from monitor.models import Entry


def _keys(body: str, title: str = "Bulletin") -> dict[str, str]:
    entry = _parsed("k", title, body, "Desk")
    assert entry.published is not None
    return keywords_written(entry, entry.published)


def _add(index: StoryIndex, entry_id: int, entry: Entry) -> None:
    _decide(index, entry_id, entry, {})


@pytest.mark.parametrize(
    "written",
    ["3,412", "3412", "3 412", "۳٬۴۱۲", "৩,৪১২", "३४१२", "٣٤١٢"],
)
def test_a_number_is_one_anchor_whatever_digits_and_separators_write_it(written):
    assert "3412" in _keys(f"The tally reached {written} by the evening, the agency said.")


@pytest.mark.parametrize(("written", "value"), [("۸٫۶", "8.6"), ("8.6", "8.6"), ("১২০০০亿", "1.2e+12")])
def test_a_decimal_or_a_multiplied_number_is_its_value(written, value):
    assert value in _keys(f"Officials put it at {written} on Monday.")
    assert _keys("全年交易额达12000亿元。")["1.2e+12"] == _keys("全年交易额达1.2万亿元。")["1.2e+12"] == "1.2e+12"


def test_the_day_of_a_date_is_not_a_number_of_its_own():
    found = _keys("The Velmar bridge reopened on 23 April after 41 days of repairs.")

    assert "@04-23" in found and "41" in found
    assert "23" not in found


@pytest.mark.parametrize(
    ("word", "name"),
    [("চাঁদপুরের", "Chandpur"), ("ጎንደር", "Gondar"), ("মেঘনা", "Meghna"), ("রহমান", "Rahman"), ("თბილისში", "Tbilisi")],
)
def test_a_word_of_a_script_without_capitals_is_keyed_by_its_sound(word, name):
    caseless = _keys(f"{word} থেকে খবর", title=f"{word} সংবাদ")
    latin = _keys(f"News from {name} on Monday.", title=f"Report from {name}")

    assert set(caseless) & set(latin), (caseless, latin)


def test_an_indic_word_keeps_its_vowel_signs():
    found = _keys("কলকাতা মেট্রোর নতুন লাইন চালু হয়েছে।", title="কলকাতা মেট্রো")

    assert "কলকাতা" in found.values() and "মেট্রো" in found.values()
    assert found["krkt"] == "কলকাতা"  # Kolkata's key: the word read whole


EN_FERRY = (
    "A ferry carrying 214 passengers capsized on the Meghna river near Chandpur early on Tuesday, said Harun "
    "Rahman of the inland water transport authority. Rescuers pulled 196 people from the water by noon."
)
BN_FERRY = (  # the Bengali desk's own words, Bengali digits: only names and numbers are the English report's
    "মঙ্গলবার ভোরে চাঁদপুরের কাছে মেঘনা নদীতে ২১৪ জন যাত্রী নিয়ে একটি ফেরি ডুবে যায়, জানিয়েছেন হারুন রহমান। "
    "দুপুরের মধ্যে উদ্ধারকর্মীরা ১৯৬ জনকে পানি থেকে তুলে আনেন।"
)
BN_FIRE = (  # another happening the same day, in Bengali, sharing one figure and no name
    "মঙ্গলবার সকালে সিলেটের একটি চা কারখানায় আগুন লাগে, তবে ২১৪ জন শ্রমিক নিরাপদে বেরিয়ে আসেন বলে "
    "জানিয়েছে ফায়ার সার্ভিস। ক্ষতির পরিমাণ এখনো জানা যায়নি।"
)


EN_DAM = (
    "Engineers opened the spillway of the Gondar reservoir on Friday after 38 centimetres of rain in two days, "
    "said Selam Bekele of the regional water bureau. Some 1,250 residents of villages below the dam were moved."
)
AM_DAM = (  # Amharic, spaced and without capitals
    "በሁለት ቀናት ውስጥ 38 ሴንቲሜትር ዝናብ ከጣለ በኋላ የጎንደር ግድብ መተንፈሻ ዓርብ ተከፈተ ሲሉ ሰላም በቀለ ተናግረዋል። "
    "ከግድቡ በታች የሚኖሩ 1250 ነዋሪዎች ወደ ሌላ ቦታ ተዛውረዋል።"
)


@pytest.mark.parametrize(
    ("first", "same", "other"),
    [
        (
            ("en", "Ferry with 214 aboard capsizes on Meghna river near Chandpur", EN_FERRY, "Wire"),
            ("bn", "চাঁদপুরে মেঘনায় ফেরিডুবি, উদ্ধার ১৯৬", BN_FERRY, "Dhaka"),
            ("fi", "সিলেটে চা কারখানায় আগুন", BN_FIRE, "Sylhet"),
        ),
        (
            ("en", "Gondar reservoir spillway opened after heavy rain", EN_DAM, "Wire"),
            ("am", "የጎንደር ግድብ መተንፈሻ ተከፈተ", AM_DAM, "Addis"),
            None,
        ),
    ],
)
def test_a_report_in_a_script_without_capitals_joins_the_english_report_of_its_happening(first, same, other):
    """Bengali (its own digits) and Amharic: the desk's own words, the English report's names and figures."""
    index = StoryIndex()
    _add(index, 1, _parsed(*first))

    joined = index.find(_parsed(*same, hours=2), START)

    assert joined.story_id is None and joined.event_id == 1, joined.event_reason
    if other is not None:  # another happening the same day, sharing one figure and no name
        assert "214" in joined.event_reason and "196" in joined.event_reason, joined.event_reason  # as values
        assert index.find(_parsed(*other, hours=3), START).event_id is None


FLOOD_A = (
    "The Tarrow burst its banks overnight and 320 people left their homes in Kelbrook, said Anna Vell of the "
    "county rescue service. Petra Osk, who leads the county council, opened two school halls for families."
)
FLOOD_B = (  # the county's other town, the same spokespeople, one figure in common by chance
    "Water rose above the old weir before dawn and crews moved residents from 48 homes in Dunmere, said Anna "
    "Vell of the county rescue service. Petra Osk, who leads the county council, said 320 sandbags were laid."
)


def test_a_headline_naming_a_place_the_earlier_report_never_names_is_another_happening():
    index = StoryIndex()
    for n in range(2, 6):  # the county's spokespeople are in every report: their names are common here
        other = FLOOD_A.replace("Kelbrook", f"Town{n}").replace("320", str(100 + n)).replace("Tarrow", f"River{n}")
        _add(index, n, _parsed(f"o{n}", f"Roads closed near Town{n}", other, f"Post{n}", hours=-30 + n))
    _add(index, 1, _parsed("a", "Floods force 320 from homes in Kelbrook", FLOOD_A, "Wire"))

    decision = index.find(_parsed("b", "Floods force families from homes in Dunmere", FLOOD_B, "Herald", 2), START)

    assert decision.event_id != 1, decision.event_reason


TUG = (
    "A yard in Portmerrin launched the harbour's first battery tug on Monday, a 31-metre boat named Keelwind "
    "that will start work in June. The builder said the tug can push a tanker for six hours on one charge. "
    "Its crew of five trained on a simulator for a month before the launch. The port plans two more by 2029."
)
SALMON = (
    "Some 52,000 farmed trout escaped into the fjord off Skarvøy after a storm tore a 20-metre gash in a net "
    "pen, the operator Lysvik Fisk said on Tuesday. Fishermen have been asked to report catches of trout."
)
SALMON_NEXT = (  # the same outlet's next-day story, opening with the paragraph it ran the day before
    SALMON + " Fishermen had landed 3,100 of them by Wednesday evening, the fisheries directorate said, and "
    "river owners upstream opened their traps to catch more. Anglers were paid a reward of 40 kroner a fish. "
    "Inspectors will visit every pen of the operator before the summer, and the operator must pay for it. "
    "The directorate said most escaped fish stay close to the farm for a week before they spread along the coast."
)
ICE = (
    "The icebreaker Hallvard spent Sunday night cutting nine cargo ships out of pack ice on the approaches to "
    "Lulemark, where the ice was up to 60 centimetres thick. The ships had waited four days for an escort. "
    "Two more icebreakers are due in the gulf next week as the cold spell is forecast to last."
)


def _first(text: str, sentences: int = 1) -> str:
    return ". ".join(text.split(". ")[:sentences]) + "."


def test_a_round_up_quoting_a_story_and_its_follow_up_is_no_follow_up_of_its_outlets_story():
    index = StoryIndex()
    _add(index, 1, _parsed("tug", "Portmerrin launches first battery tug", TUG, "Harbour Weekly"))
    _add(index, 2, _parsed("tug2", "Portmerrin launches first battery tug", _first(TUG, 3), "Tug Digest", 1))
    _add(index, 3, _parsed("fish", "Storm frees 52,000 trout off Skarvøy", SALMON, "Coast Wire", 2))
    follow = index.find(_parsed("fish2", "Fishermen land 3,100 escaped trout", SALMON_NEXT, "Coast Wire", 26), START)
    # its own outlet's day-two story naming new figures: its next development, another event (README rounds 67, 75)
    assert follow.story_id is None and follow.event_id != 3, follow.event_reason
    _add(index, 4, _parsed("fish2", "Fishermen land 3,100 escaped trout", SALMON_NEXT, "Coast Wire", 26))
    _add(index, 5, _parsed("ice", "Icebreaker Hallvard frees nine ships", ICE, "Gulf Post", 27))
    quotes = (("Battery tug", _first(TUG, 3)), ("Trout", _first(SALMON)), ("Ice", _first(ICE)))
    body = "<p>Three stories from the water that our readers followed this week.</p>" + "".join(
        f"<p>{title} — {text}</p>" for title, text in quotes
    )
    week = _parsed("week", "The week at sea", body, "Harbour Weekly", 40)

    decision = index.find(week, START)

    assert decision.story_id is None and decision.event_id is None, (decision.reason, decision.event_reason)


@pytest.mark.parametrize("written", ["2월 8일", "2월8일", "２月８日", "8 февраля", "February 8"])
def test_a_day_is_read_in_korean_and_in_wide_digits(written):
    assert "@02-08" in _keys(f"{written}: the Orvik ferry sailed again after 12 days.")
