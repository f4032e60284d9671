"""Reshaped copies as a class (dd40): a copy that keeps a story's own sentences joins it whatever shape it
gives them (a teaser, a cut from the middle, one part of two, a mailer's wrapper, a shuffled order); a text
that quotes a passage of the story among other narrative does not. Stories of our own, in two languages,
decided through the public ``StoryIndex``; one through a real FeedServer and ``run --once``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import assert_one_alert

from monitor.dedup import StoryIndex
from monitor.models import Entry

START = datetime(2026, 5, 11, 6, tzinfo=UTC)

FERRY = [
    "The island ferry Morwen ran aground off Skellan Point on Monday night with 212 passengers on board.",
    "Coastguard captain Hedda Larsk said every passenger was taken off by lifeboat within three hours.",
    "Four crew members were treated for cold at the harbour clinic in Port Ennis and later released.",
    "The operator, Greyfen Lines, has cancelled all crossings to the outer islands until Thursday.",
    "Divers from the salvage firm Tolland Marine will inspect the hull once the tide turns at noon.",
    "Investigators from the maritime board are expected in Port Ennis on Tuesday to question the master.",
]
MINA = [
    "La alcaldía de Valdecañas cerró el martes la mina de Peñagrís tras un derrumbe que sepultó dos camiones.",
    "El geólogo Ramiro Oset halló grietas bajo las granjas más cercanas al pozo número 4.",
    "La empresa propietaria, Minas del Tajo, pagará una valla y la reforestación de las laderas.",
    "Los vecinos de Almoguera pidieron un estudio independiente antes de cualquier reapertura.",
    "El consejero regional Adrián Lumbe prometió una inspección completa antes del 30 de junio.",
]
STORIES = {"ferry": ("Ferry Morwen runs aground off Skellan Point", FERRY),
           "mina": ("Valdecañas cierra la mina de Peñagrís tras un derrumbe", MINA)}  # fmt: skip


def _entry(key: str, title: str, paragraphs: list[str], outlet: str, hours: float) -> Entry:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    when = START + timedelta(hours=hours)
    return Entry(
        "f", outlet, key, f"https://{outlet.split()[0].lower()}.example/{key}", title, "", body, published=when
    )


def _decide(index: StoryIndex, entry_id: int, entry: Entry):
    """``entry`` decided at its publication, then added (its own story when it joins none)."""
    seen = entry.published
    assert seen is not None
    decision = index.find(entry, seen)
    story = decision.story_id if decision.story_id is not None else entry_id
    assert decision.signature is not None
    index.add(entry_id, story, decision.event_id or story, decision.signature, seen)
    return decision


def _reshapes(sentences: list[str]) -> dict[str, list[str]]:
    """The shapes a feed gives the story's own sentences (each a copy)."""
    return {
        "teaser": [" ".join(sentences[:2]), "Read the full story on our website."],
        "middle": [" ".join(sentences[1:4])],
        "second part": sentences[3:],
        "shuffled": [sentences[2], sentences[0], *sentences[3:], sentences[1]],
        "wrapped": [
            "THE HARBOUR LETTER · Issue 212 · Weekday edition",
            "In this issue: Council approves budget; Rail operator names chief; University opens applications.",
            *sentences,
            "More in this issue: Council approves budget · Rail operator names chief · University opens applications",
        ],
    }


@pytest.mark.parametrize("name", ["ferry", "mina"])
@pytest.mark.parametrize("shape", ["teaser", "middle", "second part", "shuffled", "wrapped"])
def test_a_reshaped_copy_read_after_its_story_joins_it(name, shape):
    title, sentences = STORIES[name]
    index = StoryIndex()
    _decide(index, 1, _entry("o", title, sentences, "Coast Wire", 0))
    decision = _decide(index, 2, _entry("c", title, _reshapes(sentences)[shape], "Harbour Letter", 3))
    assert decision.story_id == 1, decision.reason


@pytest.mark.parametrize("name", ["ferry", "mina"])
@pytest.mark.parametrize("shape", ["teaser", "middle", "second part"])
def test_the_whole_story_read_after_its_cut_joins_the_cut(name, shape):
    """The cut first (a teaser, an excerpt, part two): the whole story, hours later, tells the rest of that
    story, not news of its own: it holds two thirds or more of the cut's sentences word for word."""
    title, sentences = STORIES[name]
    index = StoryIndex()
    _decide(index, 1, _entry("c", title, _reshapes(sentences)[shape], "Harbour Letter", 0))
    decision = _decide(index, 2, _entry("o", title, sentences, "Coast Wire", 3))
    assert decision.story_id == 1, decision.reason


def test_a_rival_desk_repeating_the_background_paragraph_is_another_story():
    """A follow-up by another desk, new narrative with its own names and numbers, then the story's last two
    sentences as background: a part of the story, not two thirds of it."""
    index = StoryIndex()
    _decide(index, 1, _entry("o", STORIES["ferry"][0], FERRY, "Coast Wire", 0))
    follow_up = [
        "The master of the Morwen, Captain Ivo Brannock, was suspended on Wednesday pending the inquiry.",
        "Greyfen Lines chief executive Sunniva Hale said a chartered vessel, the Elsdon, would resume two of "
        "the four daily crossings from Friday at a cost of 18,000 euros a day.",
        "Passenger groups in Port Ennis asked for 40 euros in compensation per cancelled ticket.",
        " ".join(FERRY[4:]),
    ]
    decision = _decide(index, 2, _entry("f", "Morwen master suspended", follow_up, "Isles Daily", 30))
    assert decision.story_id is None, decision.reason


def test_a_one_sentence_flash_quoted_by_a_write_up_is_too_little_to_be_its_cut():
    """The floor: one sentence of a story is a flash another desk's write-up may quote whole; the write-up,
    adding the rest with names and numbers, is news told after its flash (two sentences would be its teaser)."""
    index = StoryIndex()
    _decide(index, 1, _entry("o", "Flash: ferry aground", FERRY[:1], "Coast Wire", 0))
    write_up = [FERRY[0], *(s.replace("Port Ennis", "Port Ennis harbour") for s in FERRY[1:])]
    decision = _decide(index, 2, _entry("w", "Ferry aground: all passengers rescued", write_up, "Isles Daily", 3))
    assert decision.story_id is None, decision.reason


def test_a_round_up_quoting_the_story_and_two_others_is_none_of_them():
    index = StoryIndex()
    _decide(index, 1, _entry("a", STORIES["ferry"][0], FERRY, "Coast Wire", 0))
    _decide(index, 2, _entry("b", STORIES["mina"][0], MINA, "Diario del Tajo", 0.5))
    third = [
        "The regional rail operator named Oona Vell its new chief executive on Monday, ending a search of 8 months.",
        "Vell ran the freight arm of Nordhavn Rail for 6 years and starts on 1 July.",
    ]
    _decide(index, 3, _entry("c", "Rail operator names new chief", third, "Rail Gazette", 1))
    round_up = ["Here is what happened this week.", " ".join(FERRY[:2]), " ".join(MINA[:2]), " ".join(third)]
    decision = _decide(index, 4, _entry("r", "The week in review", round_up, "Harbour Letter", 6))
    assert decision.story_id is None, decision.reason


def test_the_whole_story_after_a_cut_from_its_middle_alerts_once(tmp_path, feed_server, json_receiver):
    title, sentences = STORIES["ferry"]
    rows = [
        {"title": title, "link": "https://letter.example/t", "guid": "t1"},
        {"title": title, "link": "https://wire.example/o", "guid": "o1"},
    ]
    cut = "".join(f"<p>{p}</p>" for p in _reshapes(sentences)["middle"])
    for row, body in zip(rows, (cut, "".join(f"<p>{p}</p>" for p in sentences)), strict=True):
        row.update(content=body, summary="")
    assert_one_alert(tmp_path, feed_server, json_receiver, rows, "Morwen")


def test_a_story_under_a_masthead_joins_though_its_dateline_now_runs_into_the_text():
    """At the text's opening a dateline is wrapping; under a masthead it stays, and the first sentence is no
    longer the story's word for word: under one headline the rest of the story still makes it the story's cut."""
    title, sentences = STORIES["ferry"]
    dated = [f"PORT ENNIS — {sentences[0]}", *sentences[1:]]
    index = StoryIndex()
    _decide(index, 1, _entry("o", title, dated, "Coast Wire", 0))
    wrapped = _reshapes(dated)["wrapped"]
    decision = _decide(index, 2, _entry("c", title, wrapped, "Harbour Letter", 3))
    assert decision.story_id == 1, decision.reason
