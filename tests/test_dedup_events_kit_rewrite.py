"""Held-out v45 (studied by dd48): a desk's second brief of the day, from one template, and the wire's rewrite.

A local desk reports the town's new climbing wall, then six hours later, in the same frame of words and quoting
the same councillor, its new sports hall: another happening (``RELEASE_TEXT``: its next release of one press
kit, kept out of its first brief's event). But a wire desk's English rewrite of the first brief names the same
town and councillor, and the second brief joined the event through it. The kit's next release joins no story
of that event, whoever wrote it (``EventIndex._kits``). Our own texts: Slovenian and Macedonian Cyrillic.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import _parsed

from monitor.dedup import StoryIndex

WIRE = "Alpine Wire Desk"
# Per language: the desk, its template, the wall's and the hall's fillings, its headlines, the wire's rewrite.
KRANJ = (
    "Gorenjski glas",
    "Mestna občina Kranj je danes odprla novo {0}.\n\n{1} je last občine, {2} evrov.\n\n"
    "Svetnica Mojca Zupan pravi, da je prvi mesec že vse rezervirano.",
    ("plezalno steno za mlade, s štirimi smermi", "Stena", "ura plezanja stane 18"),
    ("telovadnico za mlade, z dvanajstimi orodji", "Telovadnica", "vstop stane 6"),
    ("Kranj: nova plezalna stena za mlade", "Kranj: nova telovadnica za mlade"),
    "The town of Kranj opened a town-owned climbing wall with four routes for young people on Monday, at 18 euros"
    " an hour.\n\nCouncillor Mojca Zupan said the first month is already fully booked.",
)
BITOLA = (
    "Битолски весник",
    "Општина Битола денес отвори {0}.\n\n{1} е во сопственост на општината, {2} денари.\n\n"
    "Советничката Марија Стојановска вели дека првиот месец е веќе резервиран.",
    ("нов ѕид за качување за младите, со четири патеки", "Ѕидот", "час качување чини 180"),
    ("нова спортска сала за младите, со дванаесет справи", "Салата", "влезот чини 60"),
    ("Битола доби ѕид за качување", "Битола доби спортска сала"),
    "The town of Bitola opened a climbing wall with four routes for young people on Monday, at 180 denars an"
    " hour.\n\nCouncillor Marija Stojanovska said the first month is already fully booked.",
)


def _events(*pieces: tuple[str, str, str, float]) -> list[int]:
    """The event of each (outlet, title, body, hours), decided in order by one new index."""
    index, events = StoryIndex(), []
    for i, (outlet, title, body, hours) in enumerate(pieces, start=1):
        entry = _parsed(f"k{i}", title, body, outlet, hours)
        assert entry.published is not None
        decision = index.find(entry, entry.published)
        story = decision.story_id or i
        events.append(decision.event_id or story)
        assert decision.signature is not None
        index.add(i, story, events[-1], decision.signature, entry.published)
    return events


@pytest.mark.parametrize("case", [KRANJ, BITOLA], ids=["slovenian", "macedonian"])
def test_a_desks_next_release_joins_not_the_event_through_the_wires_rewrite_of_its_first(case):
    desk, template, wall, hall, (wall_title, hall_title), wire = case
    assert _events(
        (desk, wall_title, template.format(*wall), 0),
        (WIRE, "Town opens climbing wall for young people", wire, 1),
        (desk, hall_title, template.format(*hall), 6),
    ) == [1, 1, 3]


def test_the_wires_rewrite_still_joins_the_first_briefs_event():
    """The bar is the desk's own next release's: another desk's report of the first stays in its event."""
    desk, template, wall, _, (wall_title, _), wire = KRANJ
    first = (desk, wall_title, template.format(*wall), 0)
    assert _events(first, (WIRE, "Kranj opens climbing wall", wire, 1)) == [1, 1]
