"""Held-out v38 (studied by dd39): a newsletter's masthead paragraph over each story it carries.

A mailer or reader app opens every item with the same paragraph of its own, naming itself first ("Harbour
Letter · the weekday letter, 3 June. Good morning. In this edition: …") and then the story, or only part of it.
That paragraph was read as story text: two items of one mailer about different stories shared it word for word,
so the second was taken for a copy of the first (false merges: its alert was silenced), and it kept a short
excerpt of a story from matching its own original. A first paragraph opening with the entry's own outlet name and
a mark (middle dot, bar, colon, spaced dash) is now the outlet's, not the story's, when more text follows.
Our own stories, in Lithuanian and Georgian, under an English masthead.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.signature import _masthead_dropped

STORIES = {
    "lt": (
        (
            "Šiauliuose atidarytas naujas baseinas už 6,2 mln. eurų",
            "Šiaulių savivaldybė pirmadienį atidarė naują baseiną Dainų mikrorajone. Direktorė Rūta Kazlauskienė "
            "sakė, kad statyba kainavo 6,2 mln. eurų.\nBaseinas turės 8 takelius ir bus atviras kasdien nuo 7 "
            "iki 22 valandos.\nMoksleiviai pirmą mėnesį plauks nemokamai.",
        ),
        (
            "Panevėžyje nutiesta 14 kilometrų dviračių tako",
            "Panevėžio rajone baigtas tiesti 14 kilometrų dviračių takas nuo Velžio iki Naujamiesčio. Meras "
            "Tomas Jukna sakė, kad darbai kainavo 2,1 mln. eurų.\nTakas bus apšviestas 310 žibintų.\nRudenį "
            "šalia bus pastatyti trys poilsio aikšteliai.",
        ),
    ),
    "ka": (
        (
            "ქუთაისში ახალი საცურაო აუზი გაიხსნა, 6,2 მილიონი ლარი",
            "ქუთაისის მერიამ ორშაბათს ახალი საცურაო აუზი გახსნა. დირექტორის ნინო ბერიძის თქმით, მშენებლობა 6,2 "
            "მილიონი ლარი დაჯდა.\nაუზს ექნება 8 ბილიკი და ყოველდღე იმუშავებს 7-დან 22 საათამდე.\nმოსწავლეები "
            "პირველ თვეს უფასოდ იცურავებენ.",
        ),
        (
            "ზუგდიდში 14 კილომეტრიანი ველობილიკი დასრულდა",
            "ზუგდიდის მუნიციპალიტეტში დასრულდა 14 კილომეტრიანი ველობილიკის მშენებლობა. მერის გიორგი შონიას "
            "თქმით, სამუშაოები 2,1 მილიონი ლარი დაჯდა.\nბილიკს 310 სანათი გაანათებს.\nშემოდგომაზე გზის პირას "
            "სამი დასასვენებელი მოედანი აშენდება.",
        ),
    ),
}
MAILER = "Harbour Letter"


def _masthead(day: str) -> str:
    return (
        f"{MAILER} · the weekday letter, {day} June 2027. Good morning. In this edition: showers clear by "
        "noon, the ferry timetable changes on Monday, and readers sent in their answers to the quiz. Our pick "
        "from the regional desks follows below as filed."
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"{MAILER} · the weekday letter.\nStory.", "Story."),
        (f"{MAILER}: the weekday letter.\nStory.", "Story."),
        ("harbour letter — the weekday letter.\nStory.", "Story."),
        # kept: one paragraph only, another outlet's name, the name as a sentence's subject, the name later on
        (f"{MAILER} · the weekday letter.", f"{MAILER} · the weekday letter."),
        ("Other Letter · issue.\nStory.", "Other Letter · issue.\nStory."),
        (f"{MAILER} reported the count first.\nStory.", f"{MAILER} reported the count first.\nStory."),
        (f"Story. {MAILER} · note.\nMore.", f"Story. {MAILER} · note.\nMore."),
    ],
)
def test_a_first_paragraph_naming_the_outlet_is_its_masthead(text, kept):
    assert _masthead_dropped(text, MAILER) == kept


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_mailers_items_of_two_stories_stay_apart_and_join_their_own(lang):
    (title_a, body_a), (title_b, body_b) = STORIES[lang]
    middle_a = body_a.split("\n")[1]
    pieces = (
        ("Origin Desk", title_a, body_a, 0.0),
        ("Other Desk", title_b, body_b, 2.0),
        (MAILER, title_a, f"{_masthead('3')}\n… {middle_a}", 5.0),
        (MAILER, title_b, f"{_masthead('4')}\n{body_b}", 26.0),
    )
    assert decided_stories(pieces, lang) == [1, 2, 1, 2]
