"""A desk's next story of the day that names none of what its first story's headline named is another
happening, however much of the desk's background paragraph it repeats (``events._headline_dropped``).

A desk prints one background paragraph under every story of a firm or town (the founding year, the members,
the region): by keywords alone its milk-price story and its fire story would be one event. A desk telling its
story further the same day names the headline's who and where again, and still joins.
"""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

# Invented: a cooperative's fire in one village, then the desk's story of its milk price, one background line.
BACKGROUND = "The cooperative was founded in 1931 by 60 farmers and today has 112 members across the Hallam plateau."
FIRE = (
    "Fire destroys cheese store in Tolverne",
    "A fire destroyed the cheese store of the Brackley Dairy Cooperative in Tolverne overnight. About 3,200 "
    "wheels, two years of work, were lost, firefighters said. Crews from three villages worked for five hours "
    "to keep the flames from the milking hall next door, and the road through the village stayed shut until "
    "dawn while engineers checked the walls. " + BACKGROUND,
)
PRICE = (
    "Brackley Dairy Cooperative raises milk price to 52 cents",
    "The Brackley Dairy Cooperative will pay its farmers 52 cents a litre for winter milk, three cents more "
    "than last year, after its board voted 9 to 2 for the rise on Thursday. Farmers had asked for more since feed "
    "and diesel grew dearer in the spring, and the board said the new price would hold until the end of March "
    "when it meets again to read the year's accounts. " + BACKGROUND,
)
FURTHER = (
    "Tolverne cheese store fire: cooperative vows to rebuild",
    "The Brackley Dairy Cooperative will rebuild its cheese store in Tolverne within a year, its president "
    "Ada Quenby said after the overnight fire that destroyed 3,200 wheels. Insurers will inspect the ruins on "
    "Friday, and members will bring their milk to a neighbouring dairy until the new store is built, she told farmers "
    "gathered at the gate in the morning. " + BACKGROUND,
)


def test_the_desks_next_story_naming_none_of_its_first_headline_is_another_event():
    events = events_of(item("Hallam Courier", *FIRE, 0), item("Hallam Courier", *PRICE, 1))

    assert events[0] != events[1]


def test_the_desk_telling_its_story_further_the_same_day_joins():
    events = events_of(item("Hallam Courier", *FIRE, 0), item("Hallam Courier", *FURTHER, 3))

    assert events[0] == events[1]
