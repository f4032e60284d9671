"""The fast paths of mapping matched words back to the text (issue 19) give the spans the plain ones give.

One ``OriginalWords`` asked for many spans (every occurrence of a matched term in a long article)
splits the original from the word it was last asked for, and counts a single-spaced folded text's
words by its spaces; a fresh one per span splits from the start, and a folded text with runs of
white space is counted with ``str.split``. The dash substitution of ``plain_hyphens`` is the
character-for-character table; a fuzzy term scores each distinct word once and still lists every hit.
"""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.rules.spelling import plain_hyphens
from monitor.text import OriginalWords, fold, match_text

SETTINGS = settings(max_examples=200, derandomize=True, deadline=None)
# Letters that fold to more or fewer characters (ß, ﬁ, é as e + mark), white space of several kinds, dashes.
ALPHABET = st.sampled_from([*" \t\n\u00a0\u3000\x1c", *"aZß\ufb01e\u0301É–\u2011-.,", "\u0648", "日"])
texts = st.text(alphabet=ALPHABET | st.characters(max_codepoint=0x3000), min_size=1, max_size=120)


def _spans(folded: str, data: st.DataObject) -> list[tuple[int, int]]:
    count = data.draw(st.integers(2, 12))  # in any order: a word before the last asked restarts
    starts = data.draw(st.lists(st.integers(0, len(folded) - 1), min_size=count, max_size=count))
    return [(start, data.draw(st.integers(start + 1, len(folded)))) for start in starts]


@SETTINGS
@given(texts, st.booleans(), st.data())
def test_many_spans_of_one_text_are_the_spans_asked_one_at_a_time(text, single_spaced, data):
    folded = match_text(text) if single_spaced else fold(text)
    if not folded:
        return
    mapping = OriginalWords(text, folded)
    for start, end in _spans(folded, data):
        assert mapping.span(start, end) == OriginalWords(text, folded).span(start, end)


def test_a_long_text_maps_every_word_back_in_reading_order():
    text = "Der  Straße\u00a0entlang, " * 30 + "São\tPaulo"
    folded = match_text(text)
    mapping = OriginalWords(text, folded)
    words = [(m, m + len(w)) for m, w in _word_places(folded)]
    assert len(words) == 92
    assert [mapping.span(s, e) for s, e in words] == text.split()


def _word_places(text: str) -> list[tuple[int, str]]:
    places, at = [], 0
    for word in text.split():
        at = text.index(word, at)
        places.append((at, word))
        at += len(word)
    return places


@SETTINGS
@given(st.text(alphabet=ALPHABET | st.sampled_from("\u2010\u2012\u2013\u2043\u2212\ufe63\uff0d\u2014"), max_size=60))
def test_plain_hyphens_turns_each_joining_dash_into_one_hyphen(text):
    table = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2043\u2212\ufe63\uff0d", "-"))
    assert plain_hyphens(text) == text.translate(table)


def test_a_fuzzy_term_finds_every_repeated_word_in_the_order_scoring_each_gives(tmp_path):
    # Repeated words are scored once each (issue 19); the hits are every occurrence, best score
    # first and then in reading order, as scoring every word of the field one by one lists them.
    (tmp_path / "rule.yaml").write_text("- name: watched\n  match:\n    any: [{term: kowalsky, fuzzy: 80}]\n")
    rules = RuleSet(load_rules([tmp_path]))
    text = "Kowalski met Kowalsky; kowalskii, Kowalski and KOWALSKY spoke. Novak did not."
    doc = rules.document(Entry(feed_url="u", outlet="o", key="k", link="", title="", summary=text, content=""))
    pid = next(p for p, pattern in enumerate(rules.program.patterns) if pattern.kind == "fuzzy")
    folded, f = next((t, f) for f, t in doc.texts.items() if "kowalsky" in t)
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", folded)]
    every = process.extract("kowalsky", [folded[s:e] for s, e in words], scorer=fuzz.ratio, score_cutoff=80, limit=None)
    assert doc.hits_of(pid) == [(f, *words[index]) for _, _, index in every]
    assert len(doc.hits_of(pid)) == 5
    assert rules.match(doc.entry)[0].terms == ("Kowalski", "Kowalsky", "kowalskii")


def test_word_at_counts_words_as_listing_every_token_start_did(tmp_path):
    # Where every word is ASCII, ``near``'s word index is counted up to the hit in C (issue 19); it must be
    # the index listing every token's start gives, at every place of texts of each kind (non-ASCII words: listed).
    (tmp_path / "rule.yaml").write_text("- name: watched\n  match:\n    any: [x]\n")
    rules = RuleSet(load_rules([tmp_path]))
    for text in (
        " Oil\u2014prices  rose_3.5%\t\u20ac\u00a0x ",
        "Caf\u00e9 owner \u2013 Ren\u00e9e said",
        "a\u200db c, \u65e5\u672c 12 e\u0301x \U0001d400 z",
    ):
        doc = rules.document(Entry(feed_url="u", outlet="o", key="k", link="", title="", summary=text, content=""))
        for f, folded in doc.texts.items():
            counted = [doc.word_at((f, at, at + 1)) for at in range(len(folded))]
            doc._tokens.pop(f, None)
            assert counted == [bisect.bisect_right(doc.word_starts(f), at) - 1 for at in range(len(folded))], text


def test_word_at_counts_an_ascii_field_without_listing_its_tokens(tmp_path):
    (tmp_path / "rule.yaml").write_text("- name: watched\n  match:\n    any: [x]\n")
    rules = RuleSet(load_rules([tmp_path]))
    text = "Oil \u2014 \u201cprices\u201d rose, 3.5% (or so) after_talks \u20ac  end."
    doc = rules.document(Entry(feed_url="u", outlet="o", key="k", link="", title="", summary=text, content=""))
    f, folded = next((f, t) for f, t in doc.texts.items() if "after_talks" in t)
    assert doc.word_at((f, folded.index("after_talks"), 0)) == 7  # oil prices rose 3 5 or so after_talks
    assert f not in doc._tokens  # counted, not listed
