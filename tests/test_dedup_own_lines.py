"""Held-out v51 (de60): lines a carrier adds naming itself are the carrier's, not the story's.

A carrier re-posting a desk's article swaps the desk's credit for its own in its own language ("Na Mwandishi
wa <Carrier>", "(<Carrier>編集部)", "<Carrier> 편집팀") and an aggregator closes it with its note ("This article was
collected by <Carrier> …"). No list of credit words covers every language, but the entry's outlet name is known
(``ownlines``): glued to a cut summary's dateline the credit kept a copy under its own headline from its story (its
words counted as names the story lacks), and a copy trimmed of its last paragraph and closed with the note ended in
"sentences of its own", a follow-up's shape. A sentence naming the outlet inside the story stays. Fiction, in
Portuguese and Indonesian (``test_dedup_refresh_note``'s stories).
"""

from __future__ import annotations

import pytest
from test_dedup_classes import START, _parsed, decided_stories
from test_dedup_refresh_note import CUT, STORIES

from monitor.dedup.ownlines import own_lines_dropped
from monitor.dedup.signature import signature

CARRIER = "Relay Norte"
CREDITS = {"pt": f"Redação de {CARRIER}", "id": f"Oleh redaksi {CARRIER}"}  # credit words no list of ``clean`` holds
NOTES = {
    "pt": f"Esta notícia foi recolhida automaticamente por {CARRIER} junto de parceiros. Todos os direitos pertencem "
    "ao editor original.",
    "id": f"Berita ini dikumpulkan otomatis oleh {CARRIER} dari mitra penerbit. Hak cipta tetap milik penerbit asli.",
}


@pytest.mark.parametrize("lang", sorted(CREDITS))
def test_a_summary_with_the_carrier_s_credit_glued_to_its_dateline_joins_its_story(lang):
    title, paragraphs, own, _, _ = STORIES[lang]
    summary = " ".join((CREDITS[lang], *paragraphs))[: CUT + len(CREDITS[lang])].rstrip() + " …"
    copy = signature(_parsed(f"{lang}9", own, summary, CARRIER), START)
    story = paragraphs[0].split(" — ")[1]  # the lede after its dateline: the credit and the dateline are gone
    assert copy.lede.split()[:1] == [story.split()[0].casefold()] and "relay" not in copy.lede.split()
    pieces = (("Origin Desk", title, "\n\n".join(paragraphs), 0.0), (CARRIER, own, summary, 1.5))
    assert decided_stories(pieces, lang) == [1, 1]


@pytest.mark.parametrize(("lang", "kept"), [("pt", 2), ("id", 1)])
def test_a_copy_trimmed_and_closed_with_the_carrier_s_note_joins_its_story(lang, kept):
    title, paragraphs, own, _, _ = STORIES[lang]
    body = "\n\n".join((*paragraphs[:kept], NOTES[lang]))  # its first paragraphs, then the note
    pieces = (("Origin Desk", title, "\n\n".join(paragraphs), 0.0), (CARRIER, own, body, 1.5))
    assert decided_stories(pieces, lang) == [1, 1]


@pytest.mark.parametrize("lang", sorted(NOTES))
def test_the_credit_on_a_line_of_its_own_and_the_note_go(lang):
    paragraphs = STORIES[lang][1]
    text = "\n".join((CREDITS[lang], *paragraphs, NOTES[lang]))
    # de84: the line under the credit opens the text, read as a first line is: its dateline goes too
    assert own_lines_dropped(text, CARRIER) == "\n".join((paragraphs[0].split(" — ", 1)[1], *paragraphs[1:]))


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to Relay Norte at the port on Monday, the harbour master said boats would sail again.\nMore.",
        "COIMBRA, Relay Norte. The river rose two metres overnight.\nMore.",  # the outlet's dateline: a sentence
        "Helena Quintas said the schools stay shut.\nHelena Quintas told Relay Norte the pavilion stays open.",
        "The river rose overnight.\nRelay Norte counted 212 people in the pavilion.",  # a figure: news
        "Relay Norte",  # all the text there is
    ],
)
def test_a_sentence_naming_the_outlet_stays(text):
    assert own_lines_dropped(text, CARRIER) == text


@pytest.mark.parametrize(
    ("outlet", "text"),
    [
        ("ANI", "Anil Kumar, the party leader, said the vote would be held in May.\nMore."),  # rv34
        ("ANI", "The river rose overnight.\nAnil Kumar said the schools stay shut."),
        ("RT", "Boats wait offshore.\nThe port stays shut, a report said."),  # "port", "report": no "RT"
        ("RT", "RTVE staff said the river rose overnight.\nMore."),
    ],
)
def test_an_outlet_name_inside_another_word_is_no_credit_and_no_note(outlet, text):
    assert own_lines_dropped(text, outlet) == text


@pytest.mark.parametrize(
    ("outlet", "text", "left"),
    [
        ("ANI", "By ANI staff\nThe river rose overnight.", "The river rose overnight."),
        ("RT", "The river rose overnight.\nThis report was collected by RT.", "The river rose overnight."),
        ("港湾通信", "(港湾通信編集部)\n川の水位が一晩で上がった。", "川の水位が一晩で上がった。"),  # no spaces: glued
    ],
)
def test_a_short_outlet_name_as_a_word_of_its_own_is_its_credit_or_note(outlet, text, left):
    assert own_lines_dropped(text, outlet) == left
