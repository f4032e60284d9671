"""v71 studied (round 83): a desk's story re-filed under a new headline hours after its flash (an update with a late
quote in place of its background, a correction's line above it) is the story, when most of it is the desk's own
sentences of the story word for word and it holds the flash whole (``versions._refiled``); a write-through is the
story even when it repeats the background paragraph a sibling story of the desk carries (no round-up). The desk's
next story (its lede and one paragraph, then news of its own) stays apart. Through the real detector, both ways."""

from __future__ import annotations

from test_dedup_classes import decided_stories

WIRE = "Peipsi Wire"
FLASH = (
    "<p>A grain silo caught fire at the river port of Kallaste on Tuesday evening, and 30 workers were "
    "evacuated. No one was hurt, the port authority said.</p>"
)
CONTROL = (
    "<p>Firefighters from Tartu and Mustvee brought the fire under control after three hours, fire chief "
    "Anneli Kask said. About 1,200 tonnes of barley were stored in the silo.</p>"
)
QUOTE = '<p>"We saw smoke from the conveyor first," said the silo manager Toomas Lepp.</p>'
BACKGROUND = (
    "<p>The silo, built in 1974, belongs to the cooperative Peipsi Vili, which the town bought out in 2011 for "
    "3.5 million euros. A fire in its dryer closed the port for nine days in 2019, when 400 tonnes of rye were "
    "lost and the county paid for a new sprinkler line along the quay.</p>"
)
NEW_TOP = "<p>The port authority said at noon that 32 workers, not 30, had left the site, and all were home.</p>"
LATE_QUOTE = '<p>"The port will load barges again on Friday," harbour master Kersti Vaher told reporters.</p>'
OWN_NEWS = (
    "<p>Police opened an inquiry into the conveyor's wiring, inspector Marek Org said, and the cooperative's "
    "45 drivers were sent home until Monday. Insurers put the loss at 2.4 million euros.</p>"
    "<p>The barley came from 60 farms around Jõgeva, whose union asked the county for help with storage.</p>"
)
SIBLING = (
    "<p>The Kallaste town council approved a new ferry pier on Tuesday, to be built by the Narva firm Sadam Ehitus "
    "for 800,000 euros by next spring.</p>"
)


def _day(*later: tuple[str, str, str, float]) -> list[int]:
    first = (
        (WIRE, "Silo fire at Kallaste port", FLASH, 0.0),
        (WIRE, "Kallaste silo fire brought under control", FLASH + CONTROL + QUOTE + BACKGROUND, 0.4),
        (WIRE, "Kallaste silo fire brought under control", NEW_TOP + FLASH + CONTROL + QUOTE + BACKGROUND, 1.5),
    )
    return decided_stories(first + later, "rf")


def test_the_desks_update_under_a_new_headline_hours_on_with_a_late_quote_for_its_background_is_the_story() -> None:
    update = (WIRE, "Kallaste port to load barges again on Friday", FLASH + CONTROL + QUOTE + LATE_QUOTE, 3.0)
    stories = _day(update)
    assert stories[0] == stories[1] == stories[2] == stories[3]


def test_the_desks_next_story_repeating_its_lede_and_a_paragraph_then_news_of_its_own_stays_apart() -> None:
    nxt = (WIRE, "Police look at the wiring of the Kallaste silo", FLASH + CONTROL + OWN_NEWS, 3.0)
    stories = _day(nxt)
    assert stories[0] == stories[1] == stories[2] and stories[3] != stories[0]


def test_a_write_through_repeating_the_background_its_desks_sibling_story_carries_is_the_story() -> None:
    pieces = (
        (WIRE, "Silo fire at Kallaste port", FLASH, 0.0),
        (WIRE, "Kallaste approves a ferry pier", SIBLING + BACKGROUND, 0.3),
        (WIRE, "Kallaste silo fire brought under control", FLASH + CONTROL + QUOTE + BACKGROUND, 0.4),
    )
    stories = decided_stories(pieces, "rs")
    assert stories[2] == stories[0] and stories[1] != stories[0]
