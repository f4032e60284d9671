"""dd47 (held-out v44): a push alert or ticker line cuts a brief to its lede's first sentence, too few words to
compare, and a brief's headline may have only three or four words. The copy is the brief's own sentence word for
word under the brief's own headline: one story, whatever stamp lines the carrier's earlier copy put above the lede.
A short headline over a sentence the story does not print, a day and a half or more later, or a headline and
sentence too short to tell one day's from the next, stays apart. Texts are our own, in Polish and Greek."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided

from monitor.models import Entry

START = datetime(2027, 5, 4, 7, tzinfo=UTC)

PL_TITLE = "Nowy most w Rybniku"
PL_LEDE = "W Rybniku otwarto nowy most na Nacynie."
PL_BRIEF = f"{PL_LEDE}\n\nBurmistrz Anna Wolek powiedziała, że most ma 86 metrów.\n\nRuch ruszy od 1 września o 6 rano."
PL_OTHER_LEDE = "W Rybniku zamknięto stary most na Rudzie."

EL_TITLE = "Νέα γέφυρα στη Λάρισα"
EL_LEDE = "Στη Λάρισα άνοιξε νέα γέφυρα στον Πηνειό."
EL_BRIEF = (
    f"{EL_LEDE}\n\nΟ δήμαρχος Νίκος Βέρρας είπε ότι η γέφυρα έχει μήκος 86 μέτρα.\n\n"
    "Τα πρώτα αυτοκίνητα περνούν από την 1η Σεπτεμβρίου."
)
EL_OTHER_LEDE = "Στη Λάρισα έκλεισε η παλιά γέφυρα."


def _entry(key: str, outlet: str, title: str, body: str, hours: float) -> Entry:
    when = START + timedelta(hours=hours)
    return Entry("f", outlet, key, f"https://{key}.example/{key}", title, "", body, published=when)


def _stamped(body: str) -> str:
    """A carrier's copy: a Latin dateline and a filed-by line standing above the brief."""
    return f"RYBNIK, 04 May 2027\n\nFiled by Relay Pages desk at 09:10\n\n{body}"


@pytest.mark.parametrize(("title", "lede", "brief"), [(PL_TITLE, PL_LEDE, PL_BRIEF), (EL_TITLE, EL_LEDE, EL_BRIEF)])
def test_a_push_of_the_lede_under_the_short_headline_is_a_copy(title: str, lede: str, brief: str) -> None:
    *_, push = decided(
        [
            _entry("a", "Gazeta", title, brief, 0),
            _entry("b", "Relay Pages", title, _stamped(brief), 0.5),  # the latest under the headline
            _entry("c", "Lockscreen", title, lede, 1),
        ]
    )
    assert push.story_id == 1, push.reason
    assert "word for word under the same headline" in push.reason


@pytest.mark.parametrize(
    ("title", "brief", "other"), [(PL_TITLE, PL_BRIEF, PL_OTHER_LEDE), (EL_TITLE, EL_BRIEF, EL_OTHER_LEDE)]
)
def test_a_short_headline_over_another_sentence_is_no_copy(title: str, brief: str, other: str) -> None:
    *_, push = decided([_entry("a", "Gazeta", title, brief, 0), _entry("c", "Lockscreen", title, other, 1)])
    assert push.story_id is None, push.reason


@pytest.mark.parametrize(("title", "lede", "brief"), [(PL_TITLE, PL_LEDE, PL_BRIEF), (EL_TITLE, EL_LEDE, EL_BRIEF)])
def test_the_same_lede_two_days_later_is_no_copy(title: str, lede: str, brief: str) -> None:
    *_, push = decided([_entry("a", "Gazeta", title, brief, 0), _entry("c", "Lockscreen", title, lede, 48)])
    assert push.story_id is None, push.reason


def test_a_one_word_headline_over_a_short_sentence_says_too_little() -> None:
    """A daily weather item: "Pogoda" over "Słonecznie i ciepło." is every sunny day's."""
    weather = "Słonecznie i ciepło.\n\nNa wybrzeżu do 24 stopni, w górach 18."
    *_, push = decided(
        [_entry("a", "Gazeta", "Pogoda", weather, 0), _entry("c", "Lockscreen", "Pogoda", "Słonecznie i ciepło.", 20)]
    )
    assert push.story_id is None, push.reason
