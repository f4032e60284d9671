"""A name written after a prefix glued to it is a name (``eventkeys._name_of``, ``monitor.glued``).

dd18 sorted the event misses of every tuning set: Irish (v11), Zulu (v12) and Xhosa (v13) write a
lower-case prefix before a name's capital, a noun class or a locative in Zulu and Xhosa ("eGqeberha",
"uThandeka", "baseKwaZakhele"), a mutation in Irish ("i nGaillimh", "hInis"). Such a word was not read as
a name, so two outlets' reports of one happening shared no name and stayed two events. Our own reports
(Zulu and Irish), both directions: the same names under other prefixes join; other names in the same
frame of words do not.
"""

from __future__ import annotations

import pytest
from test_dedup_events_siblings import events_of, item

from monitor.dedup.eventkeys import _name_of
from monitor.glued import glued_name_start

# (first outlet's report, a rival's own report of the same happening, a report of another town), our own.
REPORTS = {
    "zu": (
        (
            "Ibhuloho elisha livuliwe eVryheid",
            "Ibhuloho elisha elibize izigidi ezingama-45 livulwe eVryheid ngoLwesibili, kusho imeya uNomvula "
            "Khumalo. Lizosiza izimoto ezingaba yizi-3 200 ngosuku.",
        ),
        (
            "Abashayeli baseVryheid bajabulela ibhuloho",
            "Abashayeli baseVryheid bathi ibhuloho lezigidi ezingama-45 lizonciphisa isikhathi sokuhamba. "
            "UNomvula Khumalo uthe umsebenzi uthathe izinyanga eziyi-18.",
        ),
        (
            "Ibhuloho elisha livuliwe eNkandla",
            "Ibhuloho elisha elibize izigidi ezingama-27 livulwe eNkandla ngoLwesibili, kusho imeya uSibusiso "
            "Ntuli. Lizosiza izimoto ezingaba yizi-1 400 ngosuku.",
        ),
    ),
    "ga": (
        (
            "Droichead nua oscailte i nGaillimh",
            "Osclaíodh droichead nua i nGaillimh Dé Máirt a chosain 38 milliún euro, a dúirt an tAire Siobhán "
            "Ní Bhriain. Beidh 4,600 carr ag trasnú gach lá.",
        ),
        (
            "Tiománaithe na Gaillimhe sásta leis an droichead",
            "Deir tiománaithe go sábhálfaidh an droichead 38 milliún euro i nGaillimh am taistil. Dúirt Siobhán "
            "Ní Bhriain gur tógadh é i 19 mí.",
        ),
        (
            "Droichead nua oscailte i dTrá Lí",
            "Osclaíodh droichead nua i dTrá Lí Dé Máirt a chosain 21 milliún euro, a dúirt an tAire Pádraig "
            "Ó Súilleabháin. Beidh 2,900 carr ag trasnú gach lá.",
        ),
    ),
}


def test_the_name_after_a_prefix_is_keyed_as_the_name_alone():
    assert _name_of("eVryheid") == _name_of("baseVryheid") == _name_of("Vryheid") is not None
    assert _name_of("nGaillimh") == _name_of("Gaillimh") is not None
    assert _name_of("ngosuku") is None and _name_of("kWh") is None  # no capital, or no word after it


@pytest.mark.parametrize("language", sorted(REPORTS))
def test_two_outlets_reports_naming_it_under_other_prefixes_are_one_event(language: str):
    (title_a, body_a), (title_b, body_b), _ = REPORTS[language]

    events = events_of(item("Desk", title_a, body_a, 0), item("Rival", title_b, body_b, 3))

    assert events[0] == events[1]


@pytest.mark.parametrize("language", sorted(REPORTS))
def test_the_same_frame_naming_another_town_and_person_is_another_event(language: str):
    (title_a, body_a), _, (title_c, body_c) = REPORTS[language]

    events = events_of(item("Desk", title_a, body_a, 0), item("Rival", title_c, body_c, 3))

    assert events[0] != events[1]


@pytest.mark.parametrize(
    ("word", "longest", "start"),
    [
        ("eGqeberha", 4, 1),
        ("baseKwaZakhele", 4, 4),
        ("hInis", 4, 1),
        ("l'Afghanistan", 4, 2),  # an apostrophe among the small letters
        ("lwaseRussia", 4, 0),  # five letters: past event clustering's four ...
        ("lwaseRussia", 6, 5),  # ... within the rules' six
        ("PetroChina", 6, 0),  # a capital opens it: one name
        ("iPhone", 6, 1),
        ("yeTALIBAN", 6, 0),  # a capital and a small letter start a name, not an acronym
    ],
)
def test_one_definition_of_where_a_glued_name_starts(word, longest, start):
    """``monitor.glued`` serves event clustering (four letters of prefix) and the rules' matcher (six)."""
    assert glued_name_start(word, longest) == start
