"""de87, v82 studied: a "Related: <headline> · <headline>" line under a regional paper's trimmed copy.

A paper that trims a desk's report to two paragraphs and a new first sentence adds its own pointers at the foot:
"Related: <headline> · <headline>", the label set off by a colon, the first headline after it on the same side of
the first separator. ``clean._related`` took "Related: <first headline>" for a label of three words at most and
kept the line (too long for a labelled aside) as story: the copy then held passages of two other stories, a
round-up, kept apart from its own story. The label may now end at its colon, the first headline after it
(``clean._related``). Through the real detector; our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.dedup.clean import clean
from monitor.models import Entry

START = datetime(2034, 6, 2, 5, 0, tzinfo=UTC)
STORIES = {
    "bridge": (
        "Kessel river bridge reopens to lorries and buses after eight months of repairs",
        [
            "KESSEL, June 2 (Valley Wire) – The Kessel river bridge reopened to traffic on Monday after eight months "
            "of repairs to its piers, and buses will return to the route on Wednesday, the county said.",
            "Engineer Marta Lind said the repairs cost 3.2 million euros and the bridge can again carry lorries.",
            "Shops on both banks had lost trade while it was shut, the chamber of commerce said.",
        ],
    ),
    "school": (
        "Orlen primary school gym closes after inspectors find rot in its roof beams",
        [
            "ORLEN, June 2 (Valley Wire) – Inspectors closed the gym of the Orlen primary school on Monday after "
            "finding rot in its roof beams, and classes will move to the town hall, the council said.",
            "Head teacher Jonas Birk said the 240 pupils would lose no lessons.",
        ],
    ),
    "flood": (
        "Pumps keep Dravo dry after storm",
        [
            "DRAVO, June 2 (Valley Wire) – New flood pumps kept the centre of Dravo dry on Monday as the river rose "
            "two metres after a storm, the mayor said.",
            "The pumps can move 9 cubic metres a second and protect some 4,000 homes, mayor Ida Voss said.",
            "They cost 12 million euros and were finished in March.",
        ],
    ),
}
RELATED = f"Related: {STORIES['bridge'][0]} · {STORIES['school'][0]}"  # too long for a labelled aside (``_aside``)


def _entry(key: str, outlet: str, body: str, hours: float, title: str) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def test_a_label_and_its_headlines_go_and_a_labelled_sentence_stays() -> None:
    story = "Dravo stays dry.\nThe pumps worked."
    assert clean(f"{story}\n{RELATED}").text == story
    kept = "Mayor: the pumps worked, and the river fell · by night the streets were dry, the council said."
    assert clean(f"{story}\n{kept}").text == f"{story}\n{kept}"


def test_the_trimmed_copy_with_pointers_joins_its_story_and_a_round_up_does_not() -> None:
    """The paper's copy (a new first sentence, one paragraph of the desk's, its pointers) joins the desk's flood
    report; a round-up quoting the three stories' headlines joins none of them."""
    desk = [
        _entry(key, "Valley Wire", "".join(f"<p>{p}</p>" for p in paragraphs), hours, title)
        for hours, (key, (title, paragraphs)) in enumerate(STORIES.items())
    ]
    flood = STORIES["flood"][1]
    copy = f"DRAVO (VW) – Dravo flood pumps pass first test.\n\n{flood[1]}\n\n{RELATED}"
    roundup = (
        "The week in the valley: the Kessel bridge reopened, the Orlen school gym closed and Dravo's pumps held.\n"
        + "\n".join(title for title, _ in STORIES.values())
    )
    *_, copied, summed = decided(
        [*desk, _entry("paper", "Dravo Courier", copy, 4, flood[0]), _entry("week", "Valley Weekly", roundup, 5, "")]
    )
    assert copied.story_id == 3, copied.reason
    assert summed.story_id is None, summed.reason
