"""de74, v70 studied: a wire's flash written through within the hour under a new headline is one story
(``versions._reheaded``), and a longer text that words one sentence of a story its own way among sentences
of its own is another story quoting it (``paraphrase.paraphrases``), not its copy. Through the real detector,
both ways."""

from __future__ import annotations

from test_dedup_classes import decided_stories

FLASH = (
    "<p>The cooperative Haldor Dairy of Brekkeby recalled 9,000 wheels of its mountain cheese from the shops on "
    "Thursday after traces of listeria were found in one batch.</p>"
)
MORE = (
    "<p>No one has fallen ill, the health office in Solvang said, but cheese made between 2 and 19 October "
    "must be returned to the shop where it was bought.</p>"
    '<p>"We took the first measures the same night," the cooperative\'s chairman Audun Vestrheim said.</p>'
    "<p>Haldor groups 140 summer farms and has sold its cheese across the valley and abroad since 1978.</p>"
)
WIRE, TITLE = "Fjord Wire", "Brekkeby: cheese recalled from the shops"


def test_the_flash_written_through_within_the_hour_under_a_new_headline_is_one_story() -> None:
    through = (WIRE, "Listeria: Haldor recalls 9,000 cheeses", FLASH + MORE, 0.1)
    stories = decided_stories(((WIRE, TITLE, FLASH, 0), through), "r")
    assert stories[1] == stories[0]


def test_a_new_headline_over_a_new_lead_above_the_flash_within_the_hour_is_the_desks_next_story() -> None:
    lead = "<p>Police in Solvang questioned two drivers of the Brekkeby creamery on Thursday over a stolen lorry.</p>"
    other = (WIRE, "Solvang police question creamery drivers", lead + FLASH + MORE, 0.5)
    stories = decided_stories(((WIRE, TITLE, FLASH, 0), other), "r")
    assert stories[1] != stories[0]


CHECK = (
    "<p>On social networks, people write that all the cheese of the valley is contaminated. That is false.</p>"
    "<p>The cooperative Haldor Dairy of Brekkeby recalled 9,000 wheels of its mountain cheese from the shops on "
    "Thursday, nothing more; the other cooperatives go on selling as before.</p>"
    "<p>Inspectors found no trace of the germ in the other dairies checked this week.</p>"
)


def test_a_fact_check_wording_the_lede_its_own_way_among_its_own_sentences_is_another_story() -> None:
    pieces = ((WIRE, TITLE, FLASH, 0), ("Truth Desk", "All the valley's cheese contaminated? False", CHECK, 4.5))
    stories = decided_stories(pieces, "c")
    assert stories[1] != stories[0]


def test_a_copy_wording_the_lede_its_own_way_with_a_line_of_its_own_is_the_story() -> None:
    reworded = FLASH.replace("recalled 9,000 wheels", "has recalled 9,000 wheels").replace("on Thursday ", "")
    local = "<p>Shops in Tindvik took the cheese off their shelves in the morning.</p>"
    pieces = ((WIRE, TITLE, FLASH + MORE, 0), ("Valley Post", "Cheese recalled", reworded + MORE + local, 2))
    stories = decided_stories(pieces, "c")
    assert stories[1] == stories[0]
