"""Held-out v38 (studied by dd39): a report posted in two parts, and an excerpt opened by an ellipsis.

(1) An app posts a long report as two entries under its headline with the part's number, "… [1/2]", "… [2/2]".
The second part can be one short closing sentence: too little text to compare, so only the headline could join it,
and the number made it another headline (2 alerts). A part's number closing a headline is now a label.
(2) An excerpt of a report's middle opens with "… " and a capitalised word that opens a sentence. The word was read
as a name (a sentence's first word is none), so the excerpt printed a name its own story lacked and failed the
names check (1 alert). An ellipsis opening a line is now read like a bullet: the word after it opens a sentence.
Our own stories, in Lithuanian, Georgian and Spanish.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories
from test_dedup_masthead import STORIES as TWO_STORIES

from monitor.dedup.clean import bare_headline
from monitor.dedup.shingles import facts

STORIES = {lang: pair[0] for lang, pair in TWO_STORIES.items()}  # each language's first story


@pytest.mark.parametrize(
    ("headline", "bare"),
    [
        ("Šiauliuose atidarytas naujas baseinas [2/2]", "Šiauliuose atidarytas naujas baseinas"),
        ("ქუთაისში ახალი საცურაო აუზი გაიხსნა (1/3)", "ქუთაისში ახალი საცურაო აუზი გაიხსნა"),
        # kept: a fraction inside the headline, one without brackets, a headline that is only the number
        ("Baseinas [1/2] atidarytas", "Baseinas [1/2] atidarytas"),
        ("Pusė kainos: 1/2", "Pusė kainos: 1/2"),
        ("(1/2)", "(1/2)"),
    ],
)
def test_a_parts_number_closing_a_headline_is_a_label(headline, bare):
    assert bare_headline(headline) == bare


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_short_second_part_joins_its_story(lang):
    title, body = STORIES[lang]
    paragraphs = body.split("\n")
    pieces = (
        ("Origin Desk", title, body, 0.0),
        ("Parts App", f"{title} [1/2]", "\n".join(paragraphs[:2]), 3.0),
        ("Parts App", f"{title} [2/2]", paragraphs[2], 3.05),
    )
    assert decided_stories(pieces, lang) == [1, 1, 1]


@pytest.mark.parametrize(
    "text",
    [
        "… Los vecinos dijeron que el puente abrirá el lunes.",
        "... Kaimynai sakė, kad tiltas atsidarys pirmadienį.",
        "Intro.\n… Los vecinos dijeron que el puente abrirá el lunes.",
    ],
)
def test_a_word_after_an_opening_ellipsis_opens_a_sentence(text):
    assert facts(text) == []
