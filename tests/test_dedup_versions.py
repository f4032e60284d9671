"""de73, v69 studied: a desk's text that opens with the whole of its earlier entry of a story, word for word,
within hours of it, is that entry grown (a flash written through), not the desk's next story
(``versions.grown``). Through the real detector, both ways."""

from __future__ import annotations

from functools import cache

from test_dedup import benchmark
from test_dedup_classes import decided_stories

from monitor.dedup.index import StoryIndex

quality = benchmark("dedup_quality")

FLASH = (
    "<p>A grain silo caught fire at the river port of Kallaste on Tuesday evening, and 30 workers were "
    "evacuated. No one was hurt, the port authority said.</p>"
)
MORE = (
    "<p>Firefighters from Tartu and Mustvee brought the fire under control after three hours, fire chief "
    "Anneli Kask said. About 1,200 tonnes of barley were stored in the silo.</p>"
    "<p>The silo, built in 1974, belongs to the cooperative Peipsi Vili. Its manager Toomas Lepp said the "
    "cause was not yet known.</p>"
    "<p>The port handles most of the grain shipped across Lake Peipus to the south of the country.</p>"
)
NEXT_DAY = (
    "<p>Police have opened an inquiry into the silo fire, inspector Marek Org said on Wednesday, and the "
    "cooperative's 45 drivers were sent home until Monday.</p>"
    "<p>Insurers put the loss at 2.4 million euros. The barley came from 60 farms around Jõgeva.</p>"
)
TITLE = "Grain silo burns at Kallaste port"


def test_a_desks_flash_written_through_within_the_hour_is_one_story() -> None:
    stories = decided_stories((("Peipsi Wire", TITLE, FLASH, 0), ("Peipsi Wire", TITLE, FLASH + MORE, 0.4)), "w")
    assert stories[1] == stories[0]


def test_the_write_through_joins_under_the_storys_headline_hours_later_too() -> None:
    stories = decided_stories((("Peipsi Wire", TITLE, FLASH, 0), ("Peipsi Wire", TITLE, FLASH + MORE, 3)), "w")
    assert stories[1] == stories[0]


def test_the_desks_text_opening_with_its_flash_under_a_headline_of_its_own_is_its_next_story() -> None:
    later = ("Peipsi Wire", "Kallaste silo owner counts 1,200 tonnes of barley lost", FLASH + MORE, 3)
    stories = decided_stories((("Peipsi Wire", TITLE, FLASH, 0), later), "w")
    assert stories[1] != stories[0]


def test_the_desks_text_opening_with_its_flash_a_day_later_is_its_next_story() -> None:
    # past ``GROWN_HOURS``: a desk reopening its first report with the next day's news
    stories = decided_stories((("Peipsi Wire", TITLE, FLASH, 0), ("Peipsi Wire", TITLE, FLASH + NEXT_DAY, 26)), "w")
    assert stories[1] != stories[0]


def test_the_desks_text_opening_with_only_the_first_paragraph_of_its_story_is_its_next_story() -> None:
    # the whole earlier entry is not in it: it repeats the story's lead, then tells other news
    pieces = (("Peipsi Wire", TITLE, FLASH + MORE, 0), ("Peipsi Wire", TITLE, FLASH + NEXT_DAY, 2))
    stories = decided_stories(pieces, "w")
    assert stories[1] != stories[0]


def test_another_outlets_text_opening_with_the_flash_is_not_grown_by_its_desk() -> None:
    # another desk's write-up an hour or more after the flash tells its news further (``novelty``)
    pieces = (("Peipsi Wire", TITLE, FLASH, 0), ("Tartu Evening", "Kallaste silo fire", FLASH + MORE, 2))
    stories = decided_stories(pieces, "w")
    assert stories[1] != stories[0]


@cache
def _v69() -> dict[str, int]:
    rows = quality.load(quality.DEDUP_DATA / "heldout69.jsonl")
    return {a.row["id"]: a.story for a in quality.assign(rows, StoryIndex())}


def test_v69_each_wire_flash_and_its_write_through_are_one_story() -> None:
    rows = quality.load(quality.DEDUP_DATA / "heldout69.jsonl")
    kinds = {(row["story"], row["guid"].rsplit(":", 1)[-1]): row["id"] for row in rows}
    story = _v69()
    pairs = [(kinds[s, "flash"], kinds[s, "writethrough"]) for s, kind in kinds if kind == "writethrough"]
    assert len(pairs) == 12
    assert all(story[flash] == story[through] for flash, through in pairs)


def test_the_desks_text_leading_with_news_of_its_own_above_its_flash_is_its_next_story() -> None:
    # its first sentence is not the flash's: a new lead over the repeated report
    lead = "<p>Police arrested a 34-year-old night guard on Wednesday over the fire at the Kallaste grain silo.</p>"
    pieces = (("Peipsi Wire", TITLE, FLASH, 0), ("Peipsi Wire", TITLE, lead + FLASH + NEXT_DAY, 5))
    stories = decided_stories(pieces, "w")
    assert stories[1] != stories[0]


def test_a_flash_whose_lede_the_write_through_sets_right_by_a_word_is_grown_too() -> None:
    touched = FLASH.replace("on Tuesday evening, and 30 workers", "late on Tuesday evening, and all 30 workers")
    stories = decided_stories((("Peipsi Wire", TITLE, FLASH, 0), ("Peipsi Wire", TITLE, touched + MORE, 1.5)), "w")
    assert stories[1] == stories[0]


def test_the_desks_next_brief_in_its_flashs_frame_with_other_figures_is_not_grown() -> None:
    # the frame kept, the figures swapped: another silo the same evening, not the first one's write-through
    other = FLASH.replace("Kallaste", "Mustvee").replace("30 workers", "12 workers") + NEXT_DAY
    stories = decided_stories((("Peipsi Wire", TITLE, FLASH, 0), ("Peipsi Wire", TITLE, other, 2)), "w")
    assert stories[1] != stories[0]
