"""One outlet's two announcements of one issuer, hours apart, are two events (``events._siblings``).

The two share the issuer's names (its chief, its city, its founding year), so by keywords alone they
would be one event; each headline names a place or person the other report never names.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from test_dedup import NOW

from monitor.dedup import StoryIndex
from monitor.models import Entry
from monitor.store.window import window_rows

# (headline, body) pairs: the same issuer, two announcements, in three languages and two scripts.
ENGLISH = (
    (
        "Greyfen Robotics to build battery plant in Tarvik",
        "Greyfen Robotics will build a battery plant in Tarvik employing 420 people, chief executive Ilse "
        "Marrow said on Tuesday. Greyfen Robotics, founded in Dunholt in 2009, has 1,150 staff and "
        "supplies warehouse robots to retailers across the region, Marrow told reporters at Dunholt.",
    ),
    (
        "Greyfen Robotics names Osric Penhale finance chief",
        "Greyfen Robotics has appointed Osric Penhale as finance chief from March, chief executive Ilse "
        "Marrow said on Tuesday. Greyfen Robotics, founded in Dunholt in 2009, has 1,150 staff and "
        "supplies warehouse robots to retailers across the region, Marrow told reporters at Dunholt.",
    ),
)
RUSSIAN = (
    (
        "Компания «Северный Ветер» построит завод в Кандалакше",
        "Компания «Северный Ветер» построит завод в Кандалакше на 380 рабочих мест, сообщил во вторник "
        "генеральный директор Аркадий Веденеев. Компания основана в Мурманске в 2011 году, в ней работают "
        "2400 человек, она выпускает лопасти для ветряков, рассказал Веденеев журналистам в Мурманске.",
    ),
    (
        "Компания «Северный Ветер» назначила Зинаиду Лукашину финансовым директором",
        "Компания «Северный Ветер» назначила Зинаиду Лукашину финансовым директором с марта, сообщил во "
        "вторник генеральный директор Аркадий Веденеев. Компания основана в Мурманске в 2011 году, в ней "
        "работают 2400 человек, она выпускает лопасти для ветряков, рассказал Веденеев журналистам в Мурманске.",
    ),
)
SPANISH = (
    (
        "Aguas del Tormes abrirá una depuradora en Peñaranda",
        "Aguas del Tormes abrirá una depuradora en Peñaranda con una inversión de 36 millones, anunció el "
        "martes su presidenta Remedios Albarrán. Aguas del Tormes, fundada en Salamanca en 1987, da servicio "
        "a 210.000 vecinos de la provincia, recordó Albarrán ante la prensa en Salamanca.",
    ),
    (
        "Aguas del Tormes nombra a Fermín Ugalde director técnico",
        "Aguas del Tormes ha nombrado a Fermín Ugalde director técnico a partir de marzo, anunció el martes "
        "su presidenta Remedios Albarrán. Aguas del Tormes, fundada en Salamanca en 1987, da servicio "
        "a 210.000 vecinos de la provincia, recordó Albarrán ante la prensa en Salamanca.",
    ),
)
LANGUAGES = {"en": ENGLISH, "ru": RUSSIAN, "es": SPANISH}


def item(outlet: str, title: str, body: str, hours: float) -> Entry:
    published = NOW + timedelta(hours=hours)
    return Entry("https://x.example/feed", outlet, f"{outlet}-{title}", "", title, "", body, published=published)


def events_of(*entries: Entry) -> list[int]:
    """The event of each entry, fed in order through a real index as the pipeline does."""
    index, events, stories = StoryIndex(), [], {}
    for entry_id, e in enumerate(entries, start=1):
        assert e.published is not None
        decision = index.find(e, e.published)
        assert decision.signature is not None
        story = decision.story_id or entry_id
        event = stories.setdefault(story, decision.event_id or story)
        index.add(entry_id, story, event, decision.signature, e.published)
        events.append(event)
    return events


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("first", [0, 1])
def test_one_outlets_two_announcements_hours_apart_are_two_events(language: str, first: int):
    (title_a, body_a), (title_b, body_b) = LANGUAGES[language][first], LANGUAGES[language][1 - first]

    events = events_of(item("Desk", title_a, body_a, 0), item("Desk", title_b, body_b, 2))

    assert events[0] != events[1]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_same_pair_from_two_outlets_is_one_event_by_its_keywords(language: str):
    """The rule, not the keywords, tells the announcements apart: from two outlets they still join (the
    examples above would pass without the rule otherwise)."""
    (title_a, body_a), (title_b, body_b) = LANGUAGES[language]

    events = events_of(item("Desk", title_a, body_a, 0), item("Other Desk", title_b, body_b, 2))

    assert events[0] == events[1]


def test_the_outlets_next_story_naming_nothing_new_in_its_headline_joins():
    """One-sided: a later headline naming only what the first report names is a report of that happening."""
    (title, body), _ = ENGLISH
    later = "Greyfen Robotics plant in Tarvik to open in 2027, says Marrow"
    more = body.replace("Tuesday", "Tuesday evening").replace("employing 420 people", "opening in 2027")

    events = events_of(item("Desk", title, body, 0), item("Desk", later, more, 3))

    assert events[0] == events[1]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_after_a_restart_the_stored_first_announcement_still_tells_the_second_apart(language: str):
    """The rule reads the stored story's headline names and outlet: a story rebuilt at start-up from
    its stored signature (as ``store.window`` reads it) is judged as one added since."""
    (title_a, body_a), (title_b, body_b) = LANGUAGES[language]
    first, second = item("Desk", title_a, body_a, 0), item("Desk", title_b, body_b, 2)
    assert first.published is not None and second.published is not None
    sig = StoryIndex().find(first, first.published).signature
    assert sig is not None and sig.heads
    keywords = " ".join(sig.keywords)
    stored = (1, 1, 1, first.published.isoformat(), sig.pack(), sig.lede, keywords, sig.when, "Desk", first.link)
    restarted = StoryIndex()
    restarted.load(window_rows([stored]))  # type: ignore[arg-type]  # every row read has its signature

    assert restarted.find(second, second.published).event_id is None
