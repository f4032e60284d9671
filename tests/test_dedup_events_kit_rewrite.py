"""Held-out v45 (studied by dd48): a desk's second brief of the day, from one template, and the wire's rewrite.

A local desk reports the town's new climbing wall, then six hours later, in the same frame of words and quoting
the same councillor, its new sports hall: another happening (``RELEASE_TEXT``: its next release of one press
kit, kept out of its first brief's event). But a wire desk's English rewrite of the first brief names the same
town and councillor, and the second brief joined the event through it. The kit's next release joins no story
of that event, whoever wrote it (``EventIndex._kits``). Our own texts: Slovenian and Macedonian Cyrillic.
"""

from __future__ import annotations

from test_dedup_classes import _parsed

from monitor.dedup import StoryIndex

WIRE = "Alpine Wire Desk"
KRANJ = (
    "Mestna občina Kranj je danes odprla novo {place}.\n\n"
    "{owned} je last občine, {price} evrov.\n\n"
    "Svetnica Mojca Zupan pravi, da je prvi mesec že vse rezervirano."
)
KRANJ_WALL = KRANJ.format(
    place="plezalno steno za mlade, s štirimi smermi", owned="Stena", price="ura plezanja stane 18"
)
KRANJ_HALL = KRANJ.format(
    place="telovadnico za mlade, z dvanajstimi orodji", owned="Telovadnica", price="vstop stane 6"
)
KRANJ_WIRE = (
    "The town of Kranj opened a town-owned climbing wall with four routes for young people on Monday, at 18 euros"
    " an hour.\n\nCouncillor Mojca Zupan said the first month is already fully booked."
)
BITOLA = (
    "Општина Битола денес отвори {place}.\n\n"
    "{owned} е во сопственост на општината, {price} денари.\n\n"
    "Советничката Марија Стојановска вели дека првиот месец е веќе резервиран."
)
BITOLA_WALL = BITOLA.format(
    place="нов ѕид за качување за младите, со четири патеки", owned="Ѕидот", price="час качување чини 180"
)
BITOLA_HALL = BITOLA.format(
    place="нова спортска сала за младите, со дванаесет справи", owned="Салата", price="влезот чини 60"
)
BITOLA_WIRE = (
    "The town of Bitola opened a climbing wall with four routes for young people on Monday, at 180 denars an"
    " hour.\n\nCouncillor Marija Stojanovska said the first month is already fully booked."
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


def test_a_desks_next_release_joins_not_the_event_through_the_wires_rewrite_of_its_first():
    desk = "Gorenjski glas"
    assert _events(
        (desk, "Kranj: nova plezalna stena za mlade", KRANJ_WALL, 0),
        (WIRE, "Kranj opens climbing wall for young people", KRANJ_WIRE, 1),
        (desk, "Kranj: nova telovadnica za mlade", KRANJ_HALL, 6),
    ) == [1, 1, 3]


def test_the_same_in_cyrillic():
    desk = "Битолски весник"
    assert _events(
        (desk, "Битола доби ѕид за качување", BITOLA_WALL, 0),
        (WIRE, "Bitola opens climbing wall for young people", BITOLA_WIRE, 1),
        (desk, "Битола доби спортска сала", BITOLA_HALL, 6),
    ) == [1, 1, 3]


def test_the_wires_rewrite_still_joins_the_first_briefs_event():
    """The bar is the desk's own next release's: another desk's report of the first stays in its event."""
    assert _events(
        ("Gorenjski glas", "Kranj: nova plezalna stena za mlade", KRANJ_WALL, 0),
        (WIRE, "Kranj opens climbing wall for young people", KRANJ_WIRE, 1),
    ) == [1, 1]
