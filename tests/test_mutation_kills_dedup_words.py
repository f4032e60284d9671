"""Tests written to kill dedup mutants of spellings and of facts written two ways that survived
``python -m benchmarks.mutation dedup`` (session mt8, sampled; benchmarks/mutation_survivors.md).

What the docstrings promise: ``spelling`` folds the US and UK spellings of an English word to one
form (five letters are enough: "litre", "liter") and leaves words of other languages alone;
``facts`` gives a number one hash however it is written ("1.2 million", "1,200,000").
"""

from __future__ import annotations

import pytest

from monitor.dedup.clean import spelling
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
