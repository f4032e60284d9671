"""Held-out v4 (studied again by dd32): a currency's letters glued to an amount.

Swahili desks write shillings as "Sh92,000"; one copy dropped the thousands separator ("Sh92000"). Read as a
capitalised word, "Sh92,000" was the name "Sh92" and the number "000", and "Sh92000" one name: the copy printed
two facts its original lacked and 88 % of shared text did not make it a copy (2 copies alerted twice). Up to
three letters glued to an amount grouped in thousands, or of four digits or more, are the amount
(``shingles._GLUED_AMOUNT``); a model's letters and number ("A320", "G7") stay one name. Our own examples in
Indonesian (a dot between thousands), English (a comma) and Bengali (a script without capitals, whose facts
are its numbers).
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.shingles import facts

INDONESIAN = (
    "Harga beras medium di Pasar Induk Cipinang naik menjadi Rp12.500 per kilogram pada Senin, dari Rp11.800"
    " sepekan lalu, kata pedagang Haji Darmawan.",
    "Menurutnya pasokan dari Karawang dan Indramayu berkurang karena panen mundur 3 minggu.",
    "Dinas Perdagangan DKI Jakarta mencatat harga itu setiap pagi di 12 pasar.",
)
ENGLISH = (
    "The price of a 20-litre can of cooking oil in Lahore's Akbari Mandi rose to Rs1,250 on Monday from Rs1,180"
    " a week earlier, traders said.",
    "Wholesaler Imran Qureshi said imports through Karachi had slowed after the port strike.",
    "The district price committee records the rates every Monday in 14 markets.",
)
BENGALI = (
    "কারওয়ান বাজারে সোমবার মোটা চালের দাম কেজিপ্রতি বেড়ে Tk1,250 হয়েছে, এক সপ্তাহ আগে যা ছিল Tk1,180, ব্যবসায়ীরা জানিয়েছেন।",
    "তাদের মতে উত্তরাঞ্চলে বন্যার কারণে সরবরাহ কমেছে এবং দাম আরও বাড়তে পারে।",
    "জেলা বাজার কমিটি প্রতি সোমবার 14টি বাজারে দাম লিপিবদ্ধ করে।",
)
CASES = (("id", INDONESIAN), ("en", ENGLISH), ("bn", BENGALI))


def _ungrouped(text: str) -> str:
    """The copy's amounts without their separators ("Rp12.500" -> "Rp12500", "Rs1,250" -> "Rs1250")."""
    for glued in ("Rp12.500", "Rp11.800", "Rs1,250", "Rs1,180", "Tk1,250", "Tk1,180"):
        text = text.replace(glued, glued.replace(".", "").replace(",", ""))
    return text


@pytest.mark.parametrize(("key", "story"), CASES)
def test_a_glued_amount_is_the_same_fact_with_or_without_its_separator(key, story):
    assert facts(story[0]) == facts(_ungrouped(story[0])), key


def test_a_space_between_thousands_is_a_separator_too():
    assert facts("Bei imefikia Sh81,000 leo.") == facts("Bei imefikia Sh81 000 leo.") == facts("Bei imefikia Sh81000.")


def test_the_amount_is_the_fact_the_letters_are_not():
    assert facts("The fare rose to Rs1,250 on Monday.") == facts("The fare rose to 1,250 on Monday.")


def test_a_model_s_letters_and_number_stay_one_name():
    assert facts("The airline ordered six A320 jets for the G7 summit.") != facts(
        "The airline ordered six A 320 jets for the G 7 summit."
    )


@pytest.mark.parametrize(("key", "story"), CASES)
def test_a_copy_without_the_separators_joins_its_story(key, story):
    original = "".join(f"<p>{paragraph}</p>" for paragraph in story)
    stories = decided_stories(
        (
            ("Market Wire", "Prices", original, 0.0),
            ("Town Radio", "Prices", _ungrouped(original), 1.0),
        ),
        key,
    )
    assert stories == [1, 1], (key, stories)
