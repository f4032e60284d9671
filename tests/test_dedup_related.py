"""Held-out v39 (studied by dd42): an outlet's row of its other headlines under a story it carries.

Regional editions, CMS mirrors and app cards close a partner's report with a short label and two or more
headlines of their own other stories, apart by a middle dot or a bar ("See also · <headline> · <headline>").
That row was read as story text: its headlines are passages of the stories they name, so a trimmed copy
(its lede dropped) read as a round-up of three stories, or shared too little of its own story's text to join
it, and alerted twice. The row is now no text of the story: a label of at most three words without a digit,
then headlines with no full stop. Fiction, in Estonian and Greek, our own words.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.clean import clean

STORIES = {
    "et": (
        (
            "Tartu Ropka linnaosas avati uus lasteaed 40 lapsele",
            "Tartu Ropka linnaosas avati esmaspäeval uus lasteaed 40 lapsele, ütles abilinnapea Kadri Saar.\n"
            "Hoone ehitamine maksis 3,4 miljonit eurot ja kestis 14 kuud.\n"
            "Saare sõnul ootasid need lapsed seni kohta järjekorras.",
        ),
        (
            "Pärnu sadamasse saabus 12 uut kalapaati Saaremaalt",
            "Pärnu sadamasse saabus neljapäeval 12 uut kalapaati Saaremaalt, teatas sadama juht Mart Lepik.\n"
            "Paadid maksid kokku 900 000 eurot.\n"
            "Lepik ütles, et esimesed paadid lähevad merele järgmisel nädalal.",
        ),
        (
            "Viljandi järve kaldale tuleb 2 kilomeetri pikkune matkarada",
            "Viljandi järve kaldale tuleb 2 kilomeetri pikkune matkarada, ütles vallavanem Priit Kask.\n"
            "Rada valmib juuniks ning sellele paigaldatakse 30 pinki.\n"
            "Kase sõnul tasub tööd 60 protsendi ulatuses riik.",
        ),
    ),
    "el": (
        (
            "Νέο νηπιαγωγείο για 40 παιδιά στη Λάρισα",
            "Νέο νηπιαγωγείο για 40 παιδιά άνοιξε τη Δευτέρα στη Λάρισα, είπε η αντιδήμαρχος Ελένη Καραλή.\n"
            "Το κτίριο κόστισε 3,4 εκατομμύρια ευρώ.\n"
            "Τα παιδιά περίμεναν σε λίστα.",
        ),
        (
            "Στο λιμάνι του Βόλου έφτασαν 12 νέα αλιευτικά σκάφη",
            "Στο λιμάνι του Βόλου έφτασαν 12 νέα αλιευτικά σκάφη την Πέμπτη, ανακοίνωσε ο λιμενάρχης Νίκος Δήμου.\n"
            "Τα σκάφη κόστισαν συνολικά 900.000 ευρώ.\n"
            "Ο Δήμου είπε ότι τα πρώτα θα βγουν στη θάλασσα την επόμενη εβδομάδα.",
        ),
        (
            "Μονοπάτι 2 χιλιομέτρων στην όχθη της λίμνης των Ιωαννίνων",
            "Μονοπάτι 2 χιλιομέτρων στην όχθη της λίμνης των Ιωαννίνων θα φτιάξει ο δήμος, είπε ο δήμαρχος "
            "Πέτρος Γκόγκος.\nΤο μονοπάτι θα είναι έτοιμο ως τον Ιούνιο και θα έχει 30 παγκάκια.\n"
            "Κατά τον Γκόγκο, το κράτος πληρώνει το 60 τοις εκατό του έργου.",
        ),
    ),
}


ROW = "See also · Ferry fares fall in May · Two new buses for the port"
KEPT_ROWS = (
    "See also · 12 boats for the port · 3 buses\nStory told.",  # the first line
    "Story told.\nSee also · Ferry fares fall in May",  # one headline
    "Story told.\nPrices · rice rose. · wheat fell",  # a full stop in an item
    "Story told.\n12 May · Ferry fares fall · New buses",  # a digit in the label
    "Story told.\nThe mayor said on Friday · 12 boats · 3 buses",  # four words in the label
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"Story told.\n{ROW}", "Story told."),
        ("Story told.\nMore | 12 boats for the harbour | A school reopens\nLast line.", "Story told.\nLast line."),
        ("Story told.\nΔείτε επίσης • Νέο λιμάνι στον Βόλο • Σχολείο ξανά ανοιχτό", "Story told."),
        *((text, text) for text in KEPT_ROWS),
    ],
)
def test_a_label_and_other_headlines_is_no_story_text(text, kept):
    assert clean(text).text == kept


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_trimmed_copy_under_a_row_of_other_headlines_joins_its_story(lang):
    (title_a, body_a), (title_b, body_b), (title_c, body_c) = STORIES[lang]
    trimmed = "\n".join(body_a.split("\n")[1:])  # its lede dropped, as a regional edition trims it
    pieces = (
        ("Origin Desk", title_a, body_a, 0.0),
        ("Harbour Desk", title_b, body_b, 1.0),
        ("Lake Desk", title_c, body_c, 2.0),
        ("Editions Pool", title_a, f"{trimmed}\nSee also · {title_b} · {title_c}", 4.0),
        ("Cards App", title_b, f"{body_b}\nSee also | {title_a} | {title_c}", 5.0),
    )
    assert decided_stories(pieces, lang) == [1, 2, 3, 1, 2]
