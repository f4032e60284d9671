"""A signature reads its text's word spaces and its headline once, and passes them on (issue 19).

``text.word_spaces`` of the folded text cuts both its words and its sentences' words, and
``clean.readable`` of the headline serves both the headline's hash and the event keys. Given them,
each function answers what it answers when it computes them itself; and a signature asks each once.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime

import pytest

from monitor.dedup import clean, eventkeys, shingles
from monitor.dedup.clean import readable
from monitor.dedup.eventkeys import keywords_and_heads
from monitor.dedup.shingles import SHINGLE_WORDS, fact_spans, sentence_facts, sentence_hashes, shingle_hashes
from monitor.dedup.signature import signature as sign
from monitor.models import Entry
from monitor.text import fold, script_tokens, spaced_tokens, word_spaces

SEEN = datetime(2025, 6, 16, tzinfo=UTC)
SIGNING = importlib.import_module("monitor.dedup.signature")  # the module: the package names its function so
# ASCII; ASCII words with signs beyond it; Cyrillic; Japanese (no spaces); a mix, with a CJK full stop.
TEXTS = [
    "The port of Ostrand reopened on Tuesday. Ships queued for 12 hours!\nOfficials said 300 trucks waited.",
    "Prices rose 4 % to €1,200 — the most since 2019. “We expected it,” said Anna Berg.",
    "Власти Новосибирска закрыли мост. Движение восстановят к 12 июля.\nСообщает ТАСС.",
    "東京都は12日、新しい計画を発表した。田中一郎氏が説明した。",
    "Mayor Berg met Sato Kenji in 東京。 They signed a 3 billion yen deal. Ça marche.",
]


def story(title: str, body: str, outlet: str = "") -> Entry:
    return Entry("https://example.com/feed", outlet, title, "https://example.com/a", title, "", body)


@pytest.mark.parametrize("text", TEXTS)
def test_given_word_spaces_the_sentences_and_words_are_those_computed_without(text: str) -> None:
    folded = fold(text)
    spaced = word_spaces(folded)
    assert spaced_tokens(folded, spaced) == script_tokens(folded)
    hashes = shingle_hashes(script_tokens(folded))
    spans = fact_spans(text)
    given = (sentence_hashes(folded, spaced), sentence_facts(text, hashes.tolist(), SHINGLE_WORDS, spans, spaced))
    shingles._folded_pieces.cache_clear()  # each answer computed again, without the spaces given
    shingles._ascii_sentences.cache_clear()
    alone = (sentence_hashes(folded), sentence_facts(text, hashes.tolist(), SHINGLE_WORDS, spans))
    assert given == alone
    assert given[0], "every text has sentences: the comparison compares something"


@pytest.mark.parametrize("title", ["Ostrand port reopens | Harbour Wire", "ＫＡＢＵＬ: talks resume", "Мост закрыт"])
def test_given_the_readable_headline_the_event_keys_are_those_computed_without(title: str) -> None:
    entry = story(title, TEXTS[0], "Harbour Wire")
    given = keywords_and_heads(entry, SEEN, None, readable(title))
    assert given == keywords_and_heads(entry, SEEN)
    assert given[0], "the entry has keywords: the comparison compares something"


def test_a_signature_reads_its_word_spaces_and_its_headline_once(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = story("Ostrand port “reopens”", TEXTS[1] + " " + TEXTS[0])
    folded = fold(clean.clean(entry.body).text)
    spaced: list[str] = []
    read: list[str] = []

    def counted_spaces(text: str) -> str | None:
        spaced.append(text)
        return word_spaces(text)

    def counted_readable(text: str) -> str:
        read.append(text)
        return readable(text)

    shingles._folded_pieces.cache_clear()
    shingles._ascii_sentences.cache_clear()
    for module in (SIGNING, shingles):
        monkeypatch.setattr(module, "word_spaces", counted_spaces)
    for module in (SIGNING, eventkeys):
        monkeypatch.setattr(module, "readable", counted_readable)
    sign(entry, SEEN)
    assert spaced.count(folded) == 1
    assert read.count(entry.title) == 1
