"""Held-out v40 (its first-seen notes, dd42): an outlet's note above a story, before its note is known.

A reader view, a CMS export or a mailer puts a paragraph of its own above each partner report ("Before the story,
a word from the reading desk: …") and may keep only a sentence of the report below it. Once two stories of that
outlet carry the note it is known as the outlet's (``divergence.wrapper``); its first entry has nothing to learn
it from, and the long note kept the copy below the share it needs. Now, under the headline of an entry of another
outlet, opening sentences that share no passage with that entry and print no name or number, above sentences
that each share one, are a note: the story below is measured alone. A lead of news prints who or how many, and
stays a story of its own. Fiction, in Ukrainian and Hindi.
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
    "hi": (
        "उदयपुर में झील के किनारे नया पुस्तकालय खुला",
        "उदयपुर में फतेहसागर झील के किनारे रविवार को नया पुस्तकालय खुला, नगर निगम अधिकारी सुनीता मेहता ने बताया।\n"
        "पुस्तकालय में 18 हज़ार किताबें और 60 कुर्सियां हैं।\n"
        "मेहता ने कहा कि विद्यार्थियों के लिए प्रवेश मुफ़्त रहेगा।",
        "पढ़ने वाले पन्ने की ओर से: ये सादे पन्ने तस्वीरें और विज्ञापन हटा देते हैं, ताकि धीमे इंटरनेट वाले पाठक भी "
        "शब्द पढ़ सकें। नीचे साझेदार की रिपोर्ट बिना किसी बदलाव के दी गई है।",
        "नगर निगम ने सोमवार को पुस्तकालय के 4 कर्मचारियों को 2 महीने का वेतन नहीं दिया। कर्मचारियों ने 3 दिन की हड़ताल की घोषणा की।",
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
