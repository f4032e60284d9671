"""Tests written to kill dedup mutants of ``clean.py``, ``dates.py`` and ``rebuild.py`` that
survived ``python -m benchmarks.mutation dedup`` (session mt7; benchmarks/mutation_survivors.md).

What ``clean`` promises (its docstrings): a photo caption and, past the first line, a labelled
line that is not a sentence are another outlet's wrapping, dropped; a short labelled first line
is a note, unless it is a dateline; a dateline is a place in capitals, or a place with a date or
an agency; a first line is a credit only when it is short, has no digit or sentence end, and
opens with a credit word or a name set off from a desk. Word-count bounds are the module's own
constants, read, never restated. The story texts are the project's own fiction.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from monitor.dedup import clean as cleaning
from monitor.dedup.clean import BYLINE, DATELINE, clean
from monitor.dedup.dates import named_days
from monitor.dedup.rebuild import rebuild_index
from monitor.dedup.signature import Signature
from monitor.models import Entry

FIRST = "The harbour board of Ostrand opened a second ferry line to the island of Hemmo on Monday."
LAST = "Fares stay as they are, and bicycles travel free on the first crossing of each day."


def words(count: int, start: str = "") -> str:
    """``start`` and filler words up to ``count`` words in all, with no digit or sentence end."""
    head = start.split()
    return " ".join(head + ["quay"] * (count - len(head)))


def caption(count: int) -> str:
    """A photo caption of ``count`` words: a description, then "Photo: Name/Outlet"."""
    return words(count - 4, "The new ferry at the") + ". Photo: Ida Berg/Harbour Wire"


def test_a_photo_caption_inside_the_story_is_dropped_up_to_its_word_bound():
    bound = cleaning.CAPTION_WORDS
    assert len(caption(bound).split()) == bound
    assert clean(f"{FIRST}\n{caption(bound)}\n{LAST}").text == f"{FIRST}\n{LAST}"
    longer = caption(bound + 1)  # too long to be a caption: a paragraph of the story
    assert clean(f"{FIRST}\n{longer}\n{LAST}").text == f"{FIRST}\n{longer}\n{LAST}"


def test_a_labelled_line_that_is_no_sentence_is_dropped_past_the_first_up_to_its_word_bound():
    bound = cleaning.LABELLED_WORDS
    related = words(bound, "Related: Tram depot sale approved")
    assert clean(f"{FIRST}\n{related}\n{LAST}").text == f"{FIRST}\n{LAST}"
    longer = words(bound + 1, "Related: Tram depot sale approved")
    assert clean(f"{FIRST}\n{longer}\n{LAST}").text == f"{FIRST}\n{longer}\n{LAST}"


def test_a_short_labelled_first_line_is_a_note_dropped_up_to_its_word_bound():
    note = "Editor's note: This story has been updated with the harbour board's figures."
    assert clean(f"{note}\n{FIRST}").text == FIRST
    assert clean(f"{note}\n{FIRST}").flags & BYLINE
    bound = cleaning.NOTE_WORDS
    at_bound = words(bound, "Editor's note: corrected the name of the island")
    assert clean(f"{at_bound}\n{FIRST}").text == FIRST
    sentence = words(bound + 1, "Editor's note: corrected the name of the island")  # a first sentence
    assert clean(f"{sentence}\n{FIRST}").text == f"{sentence}\n{FIRST}"


def test_a_dateline_shaped_like_a_label_opens_the_story_and_is_no_note():
    cleaned = clean(f"KABUL: Talks on the border resumed on Monday.\n{LAST}")
    assert cleaned.text == f"Talks on the border resumed on Monday.\n{LAST}"
    assert cleaned.flags & DATELINE and not cleaned.flags & BYLINE


def test_a_place_with_a_date_or_with_an_agency_is_a_dateline():
    for opening in ("Kabul, Dec. 2 - ", "Kabul (Harbour Wire) - ", "KABUL - "):
        cleaned = clean(opening + "Talks on the border resumed on Monday.")
        assert cleaned.text == "Talks on the border resumed on Monday.", opening
        assert cleaned.flags & DATELINE, opening
    plain = clean("Kabul - a city of talks, the minister said.")  # a place alone: a sentence's first word
    assert plain.text == "Kabul - a city of talks, the minister said." and not plain.flags & DATELINE


def test_a_first_line_with_a_digit_or_a_sentence_end_is_the_story_even_after_a_credit_word():
    for first in ("By the 2030 deadline, every ferry must run on batteries.", "By noon the quay was full."):
        assert clean(f"{first}\n{LAST}").text == f"{first}\n{LAST}", first


def test_a_short_first_line_with_no_credit_word_and_no_desk_is_the_story():
    """Short and without a full stop is not enough: a credit opens with a credit word or a name set off from a desk."""
    first = "Snow closes the mountain passes"
    assert clean(f"{first}\n{LAST}").text == f"{first}\n{LAST}"
    desk = "Ida Berg | Harbour Desk"  # a name set off from a desk: a credit
    assert clean(f"{desk}\n{LAST}").text == LAST


def test_a_day_named_on_the_day_of_publication_is_dated_in_that_year():
    published = datetime(2025, 7, 3, 18, tzinfo=UTC)
    assert named_days("The vote came on July 3 after a long night.", published) == [date(2025, 7, 3)]
    assert named_days("The vote came on July 4.", published) == [date(2024, 7, 4)]  # after publication: last year


class OlderStore:
    """A store of one row written before signatures were kept: an entry with no publication date."""

    def __init__(self, entry: Entry, seen: datetime):
        self.entry, self.seen = entry, seen
        self.saved: list[tuple[int, Signature]] = []

    def window_batches(self, since: datetime, after: int = 0):  # type: ignore[no-untyped-def]
        return iter([[(1, 1, 1, self.seen, None)]])

    def entries(self, ids):  # type: ignore[no-untyped-def]
        return {i: self.entry for i in ids}

    def save_signatures(self, signed):  # type: ignore[no-untyped-def]
        self.saved.extend(signed)


def test_an_undated_older_entry_is_signed_as_of_when_it_was_first_seen():
    """``seen`` stands in for a missing publication date (signature's docstring), in a rebuild too."""
    seen = datetime(2026, 3, 2, 9, tzinfo=UTC)
    entry = Entry("https://wire.example/feed", "Harbour Wire", "k", "https://wire.example/1", "Ferry", "", FIRST)
    store = OlderStore(entry, seen)
    index = rebuild_index(store, datetime(2026, 3, 1, tzinfo=UTC))  # type: ignore[arg-type]
    [(entry_id, sig)] = store.saved
    assert entry_id == 1 and sig.when == seen.timestamp()
    assert index.find(Entry("https://copy.example/feed", "Copy", "c", "", "Ferry", "", FIRST), seen).story_id == 1


def test_a_glued_desk_ends_before_a_word_in_capitals():
    """The desk glued after "Name |" is at most three words and ends before a word in capitals
    (``_inline_byline``): a dateline, or the story's own first word."""
    dated = clean("Ida Berg | NEWS desk KABUL - Talks resumed on Monday.")
    assert dated.text == "Talks resumed on Monday." and dated.flags & DATELINE and dated.flags & BYLINE
    assert clean("Ida Berg | Harbour desk UK ministers met on Monday.").text == "UK ministers met on Monday."


def test_a_glued_desk_opening_with_a_one_letter_word_leaves_the_story_s_end():
    assert clean("Ida Berg | A court in Kellbach ruled on Monday.").text.endswith("Kellbach ruled on Monday.")


def test_a_body_that_is_only_a_name_and_a_desk_is_never_cut_inside_the_credit():
    """Read as all wrapping (no text) or left as it stands; never a piece of the credit as the story."""
    for body in ("Ida Berg | Desk", "Ida Berg | Harbour desk"):
        assert clean(body).text in ("", body), body


@pytest.mark.parametrize("credit", ["Ida Berg | Desk", "By Ida Berg | Desk"])
def test_a_one_word_desk_glued_to_the_story_takes_at_most_its_first_word(credit):
    """Was a bug (mt7): the desk was taken as three words, "Desk Talks on", and the story lost two."""
    story = "Talks on the border resumed on Monday after a week of silence."
    cleaned = clean(f"{credit} {story}")
    assert cleaned.flags & BYLINE and cleaned.text in (story, story.split(" ", 1)[1]), cleaned


@pytest.mark.parametrize(
    ("credit", "story"),
    [
        ("By Ida Berg | Technology Desk", "A court ruled on Monday that the harbour tender was void."),
        ("Ida Berg | Foreign News Desk", "Talks on the border resumed on Monday after a week of silence."),
        ("Ирина Соколова | Отдел новостей", "Рекордный снегопад закрыл перевал в понедельник утром."),
    ],
)
def test_a_desk_of_several_words_glued_to_the_story_ends_where_the_story_begins(credit, story):
    """The desk's words go, the story's first sentence stays whole, in either way of writing desks."""
    cleaned = clean(f"{credit} {story}")
    assert cleaned.flags & BYLINE and cleaned.text == story, cleaned
