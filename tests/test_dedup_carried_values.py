"""de72, v67 and v68 studied: a copy's names, figures and dates compared as values, whatever form its carrier prints.

- A day is one fact, its month and day, in any order and separator, with or without a weekday before it or a
  year, in numbers or with its month's name ("10.03.2030", "Sun 2030-03-10", "03/10/2030", "10 March":
  ``dates.day_facts``).
- A name's closing glottal mark or quote ("Le'") is no part of it: a scan drops it (``shingles._fact_word``).
- A carrier's marks around the story's words are read back to them (``reshaped``): CamelCase hashtags are their
  words and a line of tags alone the bridge's; tracked changes read as the text they replaced; an author box on
  top is the carrier's credit.

Each rule through the real detector (a copy joins; a desk's template twin with other facts stays apart), and the
studied sets' split copies through ``benchmarks/dedup_quality.py``'s own run. Our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache

import pytest
from dedup_support import decided, fact_hashes, feed_entry
from test_dedup import benchmark

from monitor.dedup.index import StoryIndex
from monitor.dedup.reshaped import reshaped_read
from monitor.models import Entry

quality = benchmark("dedup_quality")
START = datetime(2031, 3, 10, 6, 0, tzinfo=UTC)
TITLE = "Harbour board opens a new water plant at Elswin"
REPORT = (
    "The Elswin Harbour Board opened its new water plant on 10.03.2031, and it makes 180,000 litres a day. "
    "Board chair Osric Vane said the plant cost 1,240,000 and was paid by the Marlow Trust. "
    "Three schools now take their water from it."
)
# the same desk's template story five hours later: another town, person, figures and day
TWIN = (
    "The Tarrow Harbour Board opened its new water plant on 12.03.2031, and it makes 45,000 litres a day. "
    "Board chair Ines Okafor said the plant cost 310,000 and was paid by the Marlow Trust. "
    "Three schools now take their water from it."
)


def _entry(key: str, outlet: str, body: str, hours: float, title: str = TITLE) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def _facts(text: str) -> set[int]:
    return set(fact_hashes(text))


@pytest.mark.parametrize(
    "written",
    [
        "2031-03-10",
        "Mon 2031-03-10",
        "03/10/2031",
        "10/3/2031",
        "Monday, 2031/3/10",
        "10 March 2031",
        "March 10",
        "Mar. 10",
    ],
)
def test_a_day_in_numbers_is_one_fact_in_any_form(written: str) -> None:
    assert _facts(f"The plant opened on {written} at Elswin.") == _facts("The plant opened on 10.03.2031 at Elswin.")


def test_another_day_or_a_weekday_that_is_not_the_days_stays_a_fact_of_its_own() -> None:
    assert _facts("It opened on 2031-03-12 at Elswin.") != _facts("It opened on 2031-03-10 at Elswin.")
    # 10 March 2031 is a Monday: "Sun" before it is a word of the text (here a name), not the stamp's weekday
    assert (
        len(_facts("It opened on Sun 2031-03-10 at Elswin.")) == len(_facts("It opened on 2031-03-10 at Elswin.")) + 1
    )
    # a month ending a sentence or a line is no day's with the number after it (an accordion's "5 ▸")
    assert _facts("It ends in early April.\n5 crews of Elswin wait.") > _facts("It ends in early April.")
    assert _facts("It ends in March. 5 crews of Elswin wait.") > _facts("It ends in March.")
    # numbers that name no day (a month 14) are read as numbers
    assert _facts("Code 2031-14-40 at Elswin.") > _facts("Code 14 at Elswin.")


def test_the_calendar_relays_copy_joins_and_the_template_twin_stays_apart() -> None:
    relay = REPORT.replace("10.03.2031", "Mon 2031-03-10").rsplit(" Three", 1)[0]
    report, copy, twin = decided(
        [
            _entry("desk", "Elswin Post", REPORT, 0),
            _entry("relay", "Calendar Relay", relay, 1, "Water plant at Elswin (wire)"),
            _entry("twin", "Elswin Post", TWIN, 5, "Harbour board opens a new water plant at Tarrow"),
        ]
    )
    assert report.story_id is None and copy.story_id == 1, copy.reason
    assert twin.story_id is None, twin.reason


def test_a_names_closing_glottal_mark_is_no_part_of_it() -> None:
    assert _facts("The pupils of Le' school grew yams, said Managreve.") == _facts(
        "The pupils of Le school grew yams, said Managreve."
    )


def test_camel_case_hashtags_are_their_words_and_a_line_of_tags_is_the_bridges() -> None:
    post = "#ElswinHarbourBoard opened a plant, said #OsricVane of #iPhone fame.\n#Elswin #PacificNews"
    assert reshaped_read(post) == "Elswin Harbour Board opened a plant, said Osric Vane of iPhone fame.\n"
    assert reshaped_read("#Elswin #PacificNews") == "#Elswin #PacificNews"  # tags alone: nothing else to read


def test_the_bridges_tagged_copy_joins_the_report() -> None:
    post = (
        "CW: local news · Elswin\n"
        + REPORT.replace("The Elswin Harbour Board", "The #ElswinHarbourBoard").replace("Osric Vane", "#OsricVane")
        + "\n#Elswin #WaterNews"
    ).replace(" Three schools now take their water from it.", "")
    report, copy = decided(
        [_entry("desk", "Elswin Post", REPORT, 0), _entry("bridge", "Coral Bridge", post, 1, "Elswin")]
    )
    assert report.story_id is None and copy.story_id == 1, copy.reason
    assert copy.score >= 90, copy.reason  # its tags read as the names: 74 % of its text shared when read as words


def test_tracked_changes_read_as_the_text_they_replaced() -> None:
    text = "It makes [-180000-]{+180 000+} litres{++ a day++}, {~~said~>says~~} Vane{-- today--}."
    assert reshaped_read(text) == "It makes 180000 litres, said Vane today."
    assert reshaped_read("A list [-] item and {+} sign") == "A list [-] item and {+} sign"


def test_an_author_box_on_top_is_the_carriers() -> None:
    boxed = "┌ By Ann Lee · Elswin Post └ ✉ desk@newsroom The Elswin Harbour Board opened. More follows."
    assert reshaped_read(boxed) == "The Elswin Harbour Board opened. More follows."
    on_lines = "┌ By Ann Lee · Elswin Post\n└ ✉ desk@newsroom\nThe board opened."
    assert reshaped_read(on_lines) == "The board opened."
    alone = "┌ By Ann Lee └ ✉ desk@newsroom"
    assert reshaped_read(alone) == alone


def _brief(text: str) -> str:
    """The brief feed's summary: its author box, the text with a tracked change to a figure, cut at a word."""
    box = "┌ By Ann Lee · Harbour Desk correspondent └ ✉ desk@newsroom "
    changed = text.replace("180,000", "[-180,000-]{+180 000+}").replace("45,000", "[-45,000-]{+45 000+}")
    return box + changed[:150].rsplit(" ", 1)[0] + " …"


def test_a_boxed_summary_with_tracked_changes_joins_its_report_not_its_twins_brief() -> None:
    tarrow = "Harbour board opens a new water plant at Tarrow"
    report, brief, twin, twin_brief = decided(
        [
            _entry("desk", "Elswin Post", REPORT, 0),
            _entry("brief", "Brief Feed", _brief(REPORT), 1, "Brief: Elswin water"),
            _entry("twin", "Elswin Post", TWIN, 5, tarrow),
            _entry("twin-brief", "Brief Feed", _brief(TWIN), 6, "Brief: Tarrow water"),
        ]
    )
    assert report.story_id is None and brief.story_id == 1, brief.reason
    assert twin.story_id is None, twin.reason
    assert twin_brief.story_id == 3, twin_brief.reason
    # without the box and the figures' edits, 71 % of each brief was its report's (the box is no report's text)
    assert brief.score == twin_brief.score == 100, (brief.reason, twin_brief.reason)


@cache
def _stories(name: str) -> dict[str, int]:
    rows = quality.load(quality.DEDUP_DATA / name)
    return {a.row["id"]: a.story for a in quality.assign(rows, StoryIndex())}


@pytest.mark.parametrize(
    ("name", "copy", "original"),
    [
        ("heldout67.jsonl", "pn003", "pn001"),  # ISO date with a weekday
        ("heldout67.jsonl", "pn029", "pn005"),
        ("heldout67.jsonl", "pn027", "pn022"),
        ("heldout67.jsonl", "pn107", "pn098"),
        ("heldout67.jsonl", "pn103", "pn100"),
        ("heldout67.jsonl", "pn024", "pn004"),  # CamelCase hashtags
        ("heldout67.jsonl", "pn095", "pn093"),  # a noticeboard scan without glottal marks
        ("heldout68.jsonl", "po027", "po025"),  # an author box and tracked changes in a summary
    ],
)
def test_the_studied_sets_split_copies_join_their_stories(name: str, copy: str, original: str) -> None:
    story = _stories(name)
    assert story[copy] == story[original]
