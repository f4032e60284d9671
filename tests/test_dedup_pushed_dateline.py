"""de88, v83 studied: a desk's update puts a new paragraph on top of its story, the lede below keeping its dateline.

A desk files its story ("GOOLE, March 15 (Harbour Line) - A fire broke out …"), then hours on its update under a new
headline: a new first paragraph (the new count, a quote), then the story it filed, word for word, dateline and all.
At the top a dateline is wrapping; pushed down, it was read as the lede's words, so the lede was no sentence of the
story's, its place and agency names it lacked: the update read as the desk's corrected re-issue (a sentence of the
story's printing other names, and a line of its own), a second alert. A paragraph past the first now loses a dateline
sure of its shape too (``clean._pushed_down``). Through the real detector; our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.dedup.clean import clean
from monitor.models import Entry

START = datetime(2035, 3, 15, 8, 0, tzinfo=UTC)
LEDE = (
    "A fire broke out at a warehouse of Ousebank Coatings on Marsh Lane in Goole shortly after 7am, "
    "and three workers were taken to hospital, the fire service said."
)
STORY = [
    f"GOOLE, March 15 (Harbour Line) - {LEDE}",
    "Flames spread across the whole roof, incident commander Ruth Ingleby said. Residents were told to keep "
    "their windows shut as smoke drifted over the town centre.",
    "The warehouse covers 2,400 square metres. The cause is not yet known; police have sealed off the site "
    "and investigators will go in on Thursday.",
]
UPDATE = (
    'The number of injured rose to seven in the afternoon. "We are all deeply shaken, but nobody is in danger", '
    "said Ousebank Coatings chief executive Dennis Whitley."
)


def _entry(key: str, body: list[str], hours: float, title: str) -> Entry:
    html = "".join(f"<p>{p}</p>" for p in body)
    return feed_entry(key, "Harbour Line", html, START + timedelta(hours=hours), title)


def test_a_later_paragraph_loses_its_dateline_and_a_sentence_keeps_its_place() -> None:
    text = clean("".join(f"<p>{p}</p>" for p in [UPDATE, *STORY])).text
    assert text.splitlines()[1] == LEDE
    # a place and a colon opening a sentence is no dateline: no agency, no capitals
    kept = clean("<p>The talks went on late.</p><p>Kabul: the talks resumed on Monday.</p>").text
    assert kept.splitlines()[1] == "Kabul: the talks resumed on Monday."


def test_the_desks_update_on_top_joins_its_story_and_its_correction_does_not() -> None:
    """The update joins the story it puts a paragraph on; the desk's corrected re-issue (the size set right, a
    line saying so) stays the alert it was: its readers were told a figure wrong."""
    corrected = [*STORY[:2], STORY[2].replace("2,400", "1,400"), "Correction: an earlier version gave the size wrong."]
    story, update, fixed = decided(
        [
            _entry("desk", STORY, 0, "Three hurt in Goole warehouse fire"),
            _entry("desk-update", [UPDATE, *STORY], 3, "Goole warehouse fire: injured rise to seven"),
            _entry("desk-fix", corrected, 5, "Goole warehouse fire: size corrected"),
        ]
    )
    assert story.story_id is None
    assert update.story_id == 1, update.reason
    assert fixed.story_id is None, fixed.reason
