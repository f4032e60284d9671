"""``packed.keyword_hashes`` remembers each word's hash: the bytes stay those of a BLAKE2b per word, in order,
whether a word is remembered, new, or its memo was just cleared at the bound."""

from __future__ import annotations

import hashlib

import pytest

from monitor.dedup import packed
from monitor.dedup.packed import keyword_hashes


def _plain(keywords: str) -> bytes:
    return b"".join(
        hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest() for word in keywords.split()
    )


@pytest.mark.parametrize("keywords", ["", "kyiv", "kyiv  kyiv\tзеленський 2026 東京 \ud800x", "a b a b c"])
def test_the_hashes_are_a_blake2b_per_word_remembered_or_not(keywords):
    assert keyword_hashes(keywords) == _plain(keywords)  # new words
    assert keyword_hashes(keywords) == _plain(keywords)  # remembered


def test_the_memo_is_bounded_and_clearing_it_changes_nothing(monkeypatch):
    monkeypatch.setattr(packed, "_WORD_HASHES_HELD", 4)
    monkeypatch.setattr(packed, "_WORD_HASHES", {})
    text = " ".join(f"w{i % 7}" for i in range(40))
    assert keyword_hashes(text) == _plain(text)
    assert len(packed._WORD_HASHES) <= 4
