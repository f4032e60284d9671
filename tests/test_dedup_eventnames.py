"""Event keys and reasons: which capitalised words are names, and how an event reason names what is shared."""

from __future__ import annotations

from test_dedup import NOW, entry

from monitor.dedup import StoryIndex
from monitor.dedup.eventkeys import keywords_written
from monitor.models import Entry
from monitor.names import name_key


def names(body: str, title: str = "x") -> set[str]:
    """The words of ``body`` and ``title`` kept as names (keys that are sound keys, not numbers or words)."""
    found = keywords_written(entry(body, title=title), NOW)
    return {word for key, word in found.items() if key == name_key(word) and not key.isdigit()}


def test_a_word_opening_a_sentence_is_no_name_unless_written_capitalised_mid_sentence():
    body = (
        "The ferry left Marnport late on Tuesday with 310 passengers aboard. Officials said the crossing "
        "was calm. Les passagers ont applaudi. Marnport harbour reopened an hour later."
    )

    found = names(body)

    assert "Marnport" in found  # opens a sentence too, but is also written capitalised mid-sentence
    assert not found & {"The", "Officials", "Les"}


def test_a_title_in_title_case_proves_nothing_but_a_plain_title_does():
    body = "Rescuers reached the valley after the storm cut the only road for two days."

    assert not names(body, "Storm Cuts Valley Road For Two Days") & {"Storm", "Cuts", "Valley", "Road"}
    assert "Halvik" in names(body, "Storm cuts the road to Halvik")


GERMAN = (
    "In Estgate sind am Freitag 26 Menschen bei einem Brückeneinsturz verletzt worden, erklärten die Behörden. "
    "Die Feuerwehr sperrte die Straße nach Estgate bis zum Abend. Laut Elena Haddadi seien 166 Häuser "
    "geräumt worden, die Schulen bleiben geschlossen und die Polizei bittet um Geduld bei der Umleitung."
)


def test_in_a_language_that_capitalises_nouns_a_name_recurs_or_runs():
    found = names(GERMAN)

    assert {"Estgate", "Elena", "Haddadi"} <= found  # a place written twice, a person's two names
    assert not found & {"Menschen", "Häuser", "Schulen", "Polizei", "Die", "Feuerwehr"}  # nouns, an article


def test_english_names_written_once_stay_names():
    body = (
        "Rescue teams from Kestrel searched the coast near Dunmore on Friday after a trawler sank in a gale, "
        "and the coastguard said two of its crew were still missing as the weather closed in again."
    )  # long enough to be told from a language that capitalises nouns

    assert {"Kestrel", "Dunmore"} <= names(body)


def decide(index: StoryIndex, e: Entry, entry_id: int) -> str:
    decision = index.find(e, NOW)
    assert decision.signature is not None
    story = decision.story_id or entry_id
    index.add(entry_id, story, decision.event_id or story, decision.signature, NOW)
    return decision.event_reason


def test_a_reason_names_shared_people_places_and_numbers_as_written_never_keys_or_character_pairs():
    index = StoryIndex()
    decide(
        index,
        entry(
            "The Orvik dam on the Selva river burst on Sunday, flooding 42 villages; engineer Tomas Varga "
            "said 1,870 people were moved to higher ground overnight.",
            title="Orvik dam bursts, 42 villages flooded",
        ),
        1,
    )
    reason = decide(
        index,
        entry(
            "Плотина Орвик на реке Сельва прорвалась в воскресенье: затоплены 42 деревни, инженер Томас Варга "
            "сообщил, что ночью эвакуированы 1870 человек.",
            title="Прорыв плотины Орвик",
            outlet="Вечер",
            hours=3,
        ),
        2,
    )

    assert reason.startswith("same event as story 1: shares"), reason
    assert "Орвик" in reason and "42" in reason  # as this entry wrote them
    assert name_key("Orvik") not in reason.split() and "rbk" not in reason


def test_a_japanese_reason_counts_character_pairs_instead_of_listing_them():
    index = StoryIndex()
    body = "高知市で22日、ガス爆発があり、住宅12棟が壊れた。市によると、住民83人が避難した。"
    decide(index, entry(body, title="高知市でガス爆発、83人避難"), 1)
    rewrite = "22日に高知市の住宅街でガス爆発が起き、83人が避難した。消防によると、12棟に被害が出たという。"
    reason = decide(index, entry(rewrite, title="高知でガス爆発 住民83人が避難", outlet="JP2", hours=2), 2)

    shares = reason.split("shares ", 1)[1].split(";")[0]
    assert reason.startswith("same event as story 1") and "83" in shares and "ガス" in shares, reason
    assert "words of headline and lead" in shares and "高知" not in shares  # pairs counted, not listed
