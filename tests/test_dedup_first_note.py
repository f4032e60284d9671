"""Held-out v40 (its first-seen notes, dd42): an outlet's note above a story, before its note is known.

A reader view, a CMS export or a mailer puts a paragraph of its own above each partner report ("Before the story,
a word from the reading desk: …") and may keep only a sentence of the report below it. Once two stories of that
outlet carry the note it is known as the outlet's (``divergence.wrapper``); its first entry has nothing to learn
it from, and the long note kept the copy below the share it needs. Now, under the headline of an entry of another
outlet, opening sentences that share no passage with that entry and print no name or number, above sentences
that each share one, are a note: the story below is measured alone. A lead of news prints who or how many, and
stays a story of its own. Fiction, in Ukrainian and Greek (dd44: Hindi's note, in a script without capitals,
is not read: ``test_dedup_caseless_note``).
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

STORIES = {
    "uk": (
        "У Вінниці відкрили новий міст через Південний Буг",
        "У Вінниці в неділю відкрили новий міст через Південний Буг, повідомив мер Олег Ткачук.\n"
        "Міст завдовжки 240 метрів будували 19 місяців.\n"
        "Ткачук сказав, що щодня ним проїжджатимуть 12 000 автомобілів.",
        "Від читального режиму: ці сторінки показують лише слова, без світлин і реклами, щоб читачі з повільним "
        "зв'язком отримали текст. Нижче подано звіт партнера без жодних змін у словах.",
        "Мер Олег Ткачук у понеділок звільнив 3 інженерів, які відповідали за міст. Перевірка знайшла 7 тріщин "
        "в опорах, і рух вантажівок обмежили до 5 тонн. Ремонт опор, за словами Ткачука, триватиме до кінця "
        "осені й коштуватиме міському бюджету 40 мільйонів гривень.",
    ),
    "el": (
        "Νέα γέφυρα άνοιξε στον ποταμό Αξιό στη Βέροια",
        "Νέα γέφυρα άνοιξε την Κυριακή στον ποταμό Αξιό, ανακοίνωσε ο δήμαρχος Γιώργος Παπαδάκης.\n"
        "Η γέφυρα έχει μήκος 240 μέτρων και χτίστηκε σε 19 μήνες.\n"
        "Ο δήμαρχος είπε ότι κάθε μέρα θα περνούν από τη γέφυρα 12.000 αυτοκίνητα.",
        "Από τη σελίδα ανάγνωσης: αυτές οι απλές σελίδες αφαιρούν φωτογραφίες και διαφημίσεις, ώστε οι αναγνώστες "
        "με αργή σύνδεση να λαμβάνουν το κείμενο. Παρακάτω δημοσιεύεται η αναφορά του συνεργάτη χωρίς καμία αλλαγή.",
        "Ο δήμαρχος Γιώργος Παπαδάκης απέλυσε τη Δευτέρα 3 μηχανικούς που ήταν υπεύθυνοι για τη γέφυρα. Ο έλεγχος "
        "βρήκε 7 ρωγμές στα βάθρα και η κίνηση φορτηγών περιορίστηκε στους 5 τόνους.",
    ),
}


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_story_under_an_outlet_s_first_note_joins_its_story(lang):
    title, body, note, _ = STORIES[lang]
    last = body.split("\n")[-1]
    pieces = (
        ("Origin Desk", title, body, 0.0),
        ("Plain Reader", title, f"{note}\n\n{last}\n\n→ https://origin.example/news/5d1f", 3.0),
    )
    assert decided_stories(pieces, lang) == [1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_lead_printing_names_or_numbers_above_a_sentence_of_the_story_is_no_note(lang):
    title, body, _, lead = STORIES[lang]
    last = body.split("\n")[-1]
    pieces = (
        ("Origin Desk", title, body, 0.0),
        ("Plain Reader", title, f"{lead}\n\n{last}", 3.0),
    )
    assert decided_stories(pieces, lang) == [1, 2]
