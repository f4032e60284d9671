"""A report naming only two people, places or figures of another finds it, and joins it by its overlap.

An outlet's correction ("the fire burned 230 hectares, not 320") or a rival desk's short rewrite names
the place and one figure of the story, and repeats its words; the lookup used to need three shared names,
numbers or days before it weighed anything, so such a report was its own event. With two, it is weighed,
and joins only at the full overlap (``EventIndex.threshold``): the lower floors, meant for reports that
share three anchors or more, do not apply.
"""

from __future__ import annotations

import pytest
from test_dedup_events_siblings import events_of, item

from monitor.dedup import events as events_module

# (story, its correction or short rewrite by another desk): the second names two of the first's anchors.
PAIRS = {
    "en": (
        (
            "Brushfire on the Karrowdale slopes forces evacuation of 40 homes",
            "A brushfire on the slopes above Karrowdale forced the evacuation of 40 homes on Monday "
            "afternoon, the municipality told reporters. The fire has burned 320 hectares so far, and two "
            "helicopters and 90 firefighters are at the scene. Strong south-easterly winds are making the "
            "work difficult, fire chief Piet Claasen said. Nobody has been injured.",
        ),
        (
            "Correction: Karrowdale brushfire burned fewer hectares than reported",
            "Correction: an earlier report said the brushfire on the Karrowdale slopes had burned 320 "
            "hectares. The municipality now says the fire burned far fewer hectares on the slopes. We "
            "apologise for the error in the evacuation report.",
        ),
    ),
    "ru": (
        (
            "Пожар на склонах у Карровдейла: эвакуированы 40 домов",
            "Лесной пожар на склонах у Карровдейла вынудил эвакуировать 40 домов в понедельник днём, "
            "сообщили в администрации. Огонь уже уничтожил 320 гектаров, на месте работают два вертолёта "
            "и 90 пожарных. Сильный юго-восточный ветер мешает тушению, сказал начальник пожарной части "
            "Пётр Класен. Никто не пострадал.",
        ),
        (
            "Поправка: пожар у Карровдейла уничтожил меньше гектаров",
            "Поправка: в предыдущем сообщении говорилось, что пожар на склонах у Карровдейла уничтожил 320 "
            "гектаров. В администрации теперь уточняют, что огонь уничтожил меньше гектаров на склонах. "
            "Приносим извинения за ошибку в сообщении об эвакуации.",
        ),
    ),
    "es": (
        (
            "Un incendio en las laderas de Carrodal obliga a evacuar 40 viviendas",
            "Un incendio forestal en las laderas de Carrodal obligó a evacuar 40 viviendas el lunes por la "
            "tarde, informó el ayuntamiento. El fuego ha quemado ya 320 hectáreas y trabajan en la zona dos "
            "helicópteros y 90 bomberos. El fuerte viento del sureste dificulta la extinción, dijo el jefe "
            "de bomberos Pedro Clasen. No hay heridos.",
        ),
        (
            "Corrección: el incendio de Carrodal quemó menos hectáreas",
            "Corrección: una noticia anterior decía que el incendio en las laderas de Carrodal había quemado "
            "320 hectáreas. El ayuntamiento precisa ahora que el fuego quemó menos hectáreas en las laderas. "
            "Pedimos disculpas por el error en la noticia de la evacuación.",
        ),
    ),
}
# Two reports of one town the same day, naming the town and its mayor and nothing else alike, about two
# different things: two anchors and no shared word, far below the overlap.
OTHER_HAPPENING = (
    "Council approves budget for new library wing",
    "The council of Karrowdale approved the budget for a new library wing, mayor Fenwick said. "
    "Construction of the reading rooms starts in spring and the wing should open to readers next year.",
)
TOWN_STORY = (
    "Bus drivers walk out over unpaid overtime",
    "Bus drivers in Karrowdale walked out over unpaid overtime, halting every route in the town, "
    "mayor Fenwick said. The union wants back pay before the depots reopen.",
)


@pytest.mark.parametrize("language", sorted(PAIRS))
def test_a_correction_naming_two_of_the_storys_anchors_joins_its_event(language: str):
    story, correction = PAIRS[language]

    events = events_of(item("Desk", *story, 0), item("Desk", *correction, 5))

    assert events[0] == events[1]


@pytest.mark.parametrize("language", sorted(PAIRS))
def test_from_another_outlet_too(language: str):
    story, correction = PAIRS[language]

    events = events_of(item("Desk", *story, 0), item("Rival", *correction, 5))

    assert events[0] == events[1]


@pytest.mark.parametrize("language", sorted(PAIRS))
def test_needing_three_shared_anchors_the_two_stay_apart(language: str, monkeypatch: pytest.MonkeyPatch):
    """The pairs above join because two anchors are enough to be weighed (else they could not fail)."""
    monkeypatch.setattr(events_module, "LEAST_SHARED", events_module.MIN_SHARED)
    story, correction = PAIRS[language]

    events = events_of(item("Desk", *story, 0), item("Desk", *correction, 5))

    assert events[0] != events[1]


@pytest.mark.parametrize("outlet", ["Desk", "Rival"])
def test_two_reports_of_one_town_and_its_mayor_about_two_things_stay_apart(outlet: str):
    events = events_of(item("Desk", *OTHER_HAPPENING, 0), item(outlet, *TOWN_STORY, 2))

    assert events[0] != events[1]


# The story's correction frame filled for another place: its headline names a town the story never names.
ANOTHER_PLACE = (
    "Correction: Ellmoor brushfire burned fewer hectares than reported",
    "Correction: an earlier report said the brushfire on the slopes near Ellmoor, north of Karrowdale, had burned "
    "320 hectares. The municipality now says the fire burned far fewer hectares on the slopes. We apologise for "
    "the error in the evacuation report.",
)


def test_a_report_whose_headline_names_another_place_stays_apart():
    """Two anchors and the same words, but the headline is about somewhere the story never names."""
    story, _ = PAIRS["en"]

    events = events_of(item("Desk", *story, 0), item("Desk", *ANOTHER_PLACE, 5))

    assert events[0] != events[1]
