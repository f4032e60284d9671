"""Tests written to kill dedup mutants of spellings and of facts written two ways that survived
``python -m benchmarks.mutation dedup`` (session mt8, sampled; benchmarks/mutation_survivors.md).

What the docstrings promise: ``spelling`` folds the US and UK spellings of an English word to one
form (five letters are enough: "litre", "liter") and leaves words of other languages alone;
``facts`` gives a number one hash however it is written ("1.2 million", "1,200,000"), and a Kazakh
name one hash in either alphabet; ``clean`` takes a credit and a dateline off the story, and marks a
text cut short by an ellipsis.
"""

from __future__ import annotations

import pytest

from monitor.dedup.clean import BYLINE, DATELINE, TRUNCATED, clean, spelling
from monitor.dedup.shingles import facts


@pytest.mark.parametrize(("uk", "us"), [("litre", "liter"), ("vigour", "vigor"), ("realise", "realize")])
def test_a_uk_and_a_us_spelling_fold_to_one_form(uk: str, us: str) -> None:
    assert spelling(uk) == spelling(us)


@pytest.mark.parametrize("word", ["fenêtre", "théâtre"])
def test_a_french_word_ending_like_an_english_spelling_is_left_alone(word: str) -> None:
    """Only English (ASCII) words are folded: "fenêtre" is no UK spelling of "fenêter"."""
    assert spelling(word) == word


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Valmoy spent 1.2 million on the school roofs.", "Valmoy spent 1,200,000 on the school roofs."),
        ("The port handled 24.8 thousand containers.", "The port handled 24,800 containers."),
    ],
)
def test_a_number_with_a_multiplier_is_one_fact_with_the_number_written_out(one: str, other: str) -> None:
    assert facts(one) == facts(other)


def test_the_names_of_a_kazakh_text_in_cyrillic_are_the_facts_of_its_latin_transliteration() -> None:
    """shingles.py: a Kazakh Cyrillic text (a letter of Kazakh's own, here ө) is hashed in Kazakh's Latin
    letters, so a desk's transliterated copy shares its facts: Сейітов and Seıitov, Көкшетау and Kókshetaý."""
    cyrillic = facts("Министр Сейітов прибыл в город Көкшетау во вторник.")
    latin = facts("Minister Seıitov arrived in the town of Kókshetaý on Tuesday.")
    assert len(cyrillic) == 2 and set(cyrillic) <= set(latin)


@pytest.mark.parametrize(
    ("credit", "story"),
    [
        (
            "By Ida Berg VALMOY – ",
            "The council of Valmoy sold its old tram depot to a bakery on Tuesday, officials said.",
        ),
        ("Par Claire Vasseur ÉPINAL - ", "Le conseil municipal a vendu le vieux dépôt de tramways mardi soir."),
    ],
)
def test_a_credit_word_a_name_and_a_place_in_capitals_are_a_byline_and_a_dateline(credit: str, story: str) -> None:
    """clean.py: after a credit word, a place in capitals is a dateline even without an agency."""
    cleaned = clean(credit + story)
    assert cleaned.text == story
    assert cleaned.flags & DATELINE and cleaned.flags & BYLINE


@pytest.mark.parametrize("end", ["...", "…"])
def test_a_text_that_ends_in_an_ellipsis_is_truncated(end: str) -> None:
    story = "The council sold the depot to a bakery on Tuesday, and the mayor said more would follow"
    assert clean(story + end).flags & TRUNCATED
    assert not clean(story + ".").flags & TRUNCATED


def test_an_authored_by_via_credit_is_a_byline_taken_off_the_story() -> None:
    story = "The council of Valmoy sold its old tram depot to a bakery on Tuesday."
    cleaned = clean("Authored by Ida Berg via Harbour Wire, " + story)
    assert cleaned.text == story and cleaned.flags & BYLINE
