"""Reports of one happening in two languages share no word, only a few rare names and figures (``events._apart``)."""

from __future__ import annotations

import pytest
from test_dedup_events_siblings import events_of, item

from monitor.dedup import events as events_module

# (title, body) of one happening, in English and in a language whose words English never writes.
ENGLISH = (
    "Harbour authority approves new ferry pier after long review",
    "The Norhavn harbour authority approved a new ferry pier on Tuesday, its director Lena Pavlik told "
    "reporters, after a review that lasted more than a year. The pier will cost 48,600,000 crowns and take "
    "three years to build, the authority said, and transport minister Colm Ashdown welcomed the decision. "
    "Engineers Ivo Brandt and Saskia Moll of Tallmoor Marine drew the plans.",
)
OTHERS = {
    "ru": (
        "Портовое управление одобрило строительство нового причала",
        "Портовое управление Сёрвика одобрило строительство нового паромного причала, сообщила его директор "
        "Лена Павлик. Проверка проекта шла больше года, напомнил депутат Олег Мирошников. Причал обойдётся в "
        "48 600 000 крон, строить его будут три года, говорится в заявлении, которое огласила Вера Тимошина. "
        "Проект готовили инженеры Игнат Фомичёв и Зоя Кудрина из Кандалакши.",
    ),
    "el": (
        "Η λιμενική αρχή ενέκρινε νέα προβλήτα για τα πορθμεία",
        "Η λιμενική αρχή του Σέρβικ ενέκρινε νέα προβλήτα για τα πορθμεία, δήλωσε η διευθύντριά της Λένα "
        "Πάβλικ, ύστερα από έλεγχο που κράτησε πάνω από έναν χρόνο, όπως είπε ο βουλευτής Στέλιος Ξανθόπουλος. "
        "Το έργο θα κοστίσει 48.600.000 κορώνες, ανέφερε η εκπρόσωπος Ειρήνη Δρόσου. "
        "Τα σχέδια εκπόνησαν ο Νίκος Βαφειάδης και η Ζωή Κουτσού από την Καβάλα.",
    ),
    "is": (
        "Hafnarstjórn samþykkir nýja ferjubryggju eftir langa skoðun",
        "Hafnarstjórn Sörvíkur samþykkti nýja ferjubryggju, sagði forstjórinn Lena Pavlik við fréttamenn, "
        "eftir skoðun sem stóð í meira en ár, að sögn þingmannsins Ragnars Þórhallssonar. Bryggjan kostar "
        "48.600.000 krónur, sagði upplýsingafulltrúinn Sólveig Eiríksdóttir. "
        "Verkfræðingarnir Ingvar Björnsson og Ásdís Kristjánsdóttir frá Dalvík teiknuðu bryggjuna.",
    ),
}


@pytest.mark.parametrize("language", sorted(OTHERS))
@pytest.mark.parametrize("english_first", [True, False])
def test_another_outlets_report_in_another_language_joins_on_a_rare_name_and_figure(language: str, english_first: bool):
    english = item("Wire", *ENGLISH, 0)
    other = item("Local Desk", *OTHERS[language], 2)

    events = events_of(english, other) if english_first else events_of(other, english)

    assert events[0] == events[1]


@pytest.mark.parametrize("language", sorted(OTHERS))
def test_without_the_rule_the_two_languages_stay_apart(language: str, monkeypatch: pytest.MonkeyPatch):
    """The examples above join by ``_apart``, not by their overlap (else they could not fail)."""
    monkeypatch.setattr(events_module, "RARE_APART", 99)

    events = events_of(item("Wire", *ENGLISH, 0), item("Local Desk", *OTHERS[language], 2))

    assert events[0] != events[1]


def test_a_rare_name_without_a_shared_figure_is_not_enough():
    title, body = OTHERS["is"]
    other = item("Local Desk", title, body.replace("48.600.000", "nokkrar milljónir"), 2)

    events = events_of(item("Wire", *ENGLISH, 0), other)

    assert events[0] != events[1]


def test_past_near_hours_the_two_languages_stay_apart():
    later = events_module.NEAR_HOURS + 1

    events = events_of(item("Wire", *ENGLISH, 0), item("Local Desk", *OTHERS["is"], later))

    assert events[0] != events[1]
