"""Tests written to kill ``monitor/dedup/compare.py`` mutants of the evidence's words that survived
``python -m benchmarks.mutation dedup`` (sessions mt7 and mt8; benchmarks/mutation_survivors.md):
``differences`` and ``Evidence.says``.

A copy's decision says why, in words an editor reads: how much of which text appears in which,
how many sentences word for word and whether in order, what wrapping came or went at the
opening (a dateline, a byline, a paragraph before it, another first sentence) and whether it
ends with a truncation marker. The tests check that each of these is said exactly when it holds,
from the entry's point of view, by its key words (whole words, so a mangled word fails), not by
the whole sentence, whose wording may change.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from monitor.dedup.clean import BYLINE, DATELINE, TRUNCATED
from monitor.dedup.compare import Evidence, Stored, differences
from monitor.dedup.signature import Signature


def hashes(values: tuple[int, ...]) -> bytes:
    return np.array(values, dtype="<u4").tobytes()


def fresh(flags: int = 0, sentences: tuple[int, ...] = (1, 2, 3)) -> Signature:
    """The entry being decided, with its wrapping ``flags`` and sentence hashes in order."""
    return Signature(
        keys=(),
        sample=hashes(tuple(range(100, 160))),
        opening=b"",
        sentences=hashes(sentences),
        facts=b"",
        length=60,
        flags=flags,
        title=0,
        lede="",
        keywords=(),
        when=0.0,
        outlet="Ostrand Post",
        shingles=frozenset(range(100, 160)),
    )


def kept(flags: int = 0, sentences: tuple[int, ...] = (1, 2, 3), outlet: str = "Harbour Wire") -> Stored:
    sample = hashes(tuple(range(100, 160)))
    return Stored(3, 0.0, (), sample, b"", hashes(sentences), b"", 60, flags, 0, outlet)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def says_words(text: str, *expected: str) -> bool:
    """Does ``text`` hold each of ``expected`` as whole words, in this order, next to each other?"""
    found = words(text)
    want = [w for phrase in expected for w in words(phrase)]
    return any(found[i : i + len(want)] == want for i in range(len(found)))


@pytest.mark.parametrize(("flag", "name"), [(DATELINE, "dateline"), (BYLINE, "byline")])
def test_wrapping_the_other_had_is_removed_and_wrapping_only_this_entry_has_is_added(flag: int, name: str) -> None:
    removed, end = differences(fresh(), kept(flags=flag))
    assert len(removed) == 1 and says_words(removed[0], name, "removed") and not says_words(removed[0], "added")
    added, _ = differences(fresh(flags=flag), kept())
    assert len(added) == 1 and says_words(added[0], name, "added") and not says_words(added[0], "removed")
    assert differences(fresh(flags=flag), kept(flags=flag)) == ([], "")  # both have it: nothing changed
    assert end == ""


def test_a_dateline_and_a_byline_are_told_each_in_turn_dateline_first() -> None:
    notes, _ = differences(fresh(flags=BYLINE), kept(flags=DATELINE))
    assert len(notes) == 2
    assert says_words(notes[0], "dateline", "removed") and says_words(notes[1], "byline", "added")


def test_a_paragraph_on_top_of_the_other_s_text_is_a_paragraph_before_it() -> None:
    notes, _ = differences(fresh(sentences=(9, 1, 2, 3)), kept(sentences=(1, 2, 3)))
    assert len(notes) == 1 and says_words(notes[0], "paragraph", "before")
    other, _ = differences(fresh(sentences=(9, 2, 3)), kept(sentences=(1, 2, 3)))  # the first replaced
    assert len(other) == 1 and says_words(other[0], "first", "sentence", "differs")
    assert not says_words(other[0], "paragraph")


def test_no_opening_note_when_the_first_sentences_agree_or_either_text_has_none() -> None:
    assert differences(fresh(sentences=(1, 5, 6)), kept(sentences=(1, 2, 3))) == ([], "")
    assert differences(fresh(sentences=()), kept(sentences=(1, 2, 3))) == ([], "")
    assert differences(fresh(sentences=(1, 2)), kept(sentences=())) == ([], "")


def test_the_end_is_told_only_when_this_entry_alone_ends_with_a_truncation_marker() -> None:
    notes, end = differences(fresh(flags=TRUNCATED), kept())
    assert notes == [] and says_words(end, "truncation", "marker")
    assert differences(fresh(flags=TRUNCATED), kept(flags=TRUNCATED))[1] == ""
    assert differences(fresh(), kept(flags=TRUNCATED))[1] == ""


def says(query: Signature, other: Stored, shorter: bool = True, score: float = 82.4) -> str:
    return Evidence(score, 60, query_shorter=shorter).says(7, other, query)


def parts(text: str) -> list[str]:
    """The evidence's clauses: the share, then the sentences, the opening and the end."""
    return text.split("; ")


def test_the_share_is_of_the_shorter_text_and_appears_in_the_longer() -> None:
    shorter = parts(says(fresh(), kept()))[0]
    assert says_words(shorter, "82", "% of this entry's text appears in entry 7", "Harbour Wire")
    longer = parts(says(fresh(), kept(), shorter=False))[0]
    assert says_words(longer, "82", "% of entry 7", "Harbour Wire", "s text appears in this entry")
    assert "82.4" not in shorter and "82.4" not in longer  # a whole percent


def test_the_sentences_word_for_word_are_a_percent_and_a_count_of_this_entry_s() -> None:
    clause = parts(says(fresh(sentences=(1, 2, 3, 4)), kept(sentences=(1, 2, 3))))[1]
    assert says_words(clause, "75 % of its sentences", "3 of 4", "word for word", "in order")
    unordered = parts(says(fresh(sentences=(3, 2, 1)), kept(sentences=(1, 2, 3))))[1]
    assert says_words(unordered, "100 % of its sentences", "3 of 3") and not says_words(unordered, "in order")
    none = parts(says(fresh(sentences=(7, 8)), kept(sentences=(1, 2, 3))))[1]
    assert says_words(none, "0 % of its sentences", "0 of 2") and not says_words(none, "in order")
    thirds = parts(says(fresh(sentences=(1, 8, 9)), kept(sentences=(1, 2, 3))))[1]
    assert says_words(thirds, "33 % of its sentences", "1 of 3")  # rounded down, one is no order


def test_no_sentence_clause_for_an_entry_without_sentences() -> None:
    text = says(fresh(sentences=()), kept())
    assert len(parts(text)) == 1 and not says_words(text, "sentences")


def test_the_opening_and_the_end_follow_the_sentences_each_in_its_clause() -> None:
    query = fresh(flags=DATELINE | BYLINE | TRUNCATED, sentences=(9, 1, 2))
    text = says(query, kept(sentences=(1, 2)))
    share, sentences, opening, end = parts(text)
    assert says_words(share, "% of this entry")
    assert says_words(sentences, "2 of 3")
    assert says_words(opening, "opening differs")
    notes = opening.split(": ", 1)[1].split(", ")
    assert len(notes) == 3
    assert says_words(notes[0], "dateline added") and says_words(notes[1], "byline added")
    assert says_words(notes[2], "paragraph before")
    assert says_words(end, "truncation marker")
    plain = says(fresh(), kept())
    assert len(parts(plain)) == 2 and not says_words(plain, "opening") and not says_words(plain, "truncation")
