"""``index._quoted_at_most``, the counts ``compare.digest`` reads to skip ``compare.quoted``, never falls below what
``quoted`` finds: a digest decides the same with them as with no bound at all (sp54)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import numpy as np

from monitor.dedup import index, signature
from monitor.dedup.compare import ROUND_UP_PART, Stored, digest, quoted, sample_bound, stored
from monitor.dedup.signature import Signature
from monitor.models import Entry

START = datetime(2026, 3, 2, tzinfo=UTC)


def _text(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choices(words, k=n)) + "."


def _cases(seed: int) -> list[tuple[Signature, list[Stored]]]:
    """A new text made of passages of several stories (a round-up, or not quite) and its candidates: entries of
    those stories, some stories with two entries, some sharing a trade's boilerplate sentence."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(400)] + ["Arden", "Belmar", "Corvo", "12", "2026", "340"]
    boiler = _text(rng, words, 25)
    cases = []
    for case in range(12):
        bodies = [
            _text(rng, words, rng.randint(40, 200)) + (" " + boiler if rng.random() < 0.5 else "") for _ in range(6)
        ]
        docs = []
        for story, body in enumerate(bodies):
            for copy in range(rng.choice((1, 1, 2))):
                cut = " ".join(body.split()[: rng.randint(30, 250)])
                entry = Entry("f", f"o{story}", f"k{case}-{story}-{copy}", "", f"Story {story} {case}", "", cut)
                seen = START + timedelta(hours=story)
                docs.append(stored(100 + story, seen.timestamp(), signature(entry, seen)))
        quoting = " ".join(" ".join(body.split()[: rng.randint(5, 60)]) for body in rng.sample(bodies, 3))
        new = Entry("f", "r", f"r{case}", "", "Round-up", "", quoting + " " + _text(rng, words, rng.randint(0, 80)))
        cases.append((signature(new, START + timedelta(hours=8)), docs))
    return cases


def test_the_bound_is_never_below_what_quoted_finds_and_digest_decides_the_same():
    passed = 0
    for seed in range(2):
        for sig, docs in _cases(seed):
            bound = min(sample_bound(sig.sample), *(sample_bound(doc.sample) for doc in docs))
            mine = sum(1 for h in np.frombuffer(sig.sample, dtype="<u4").tolist() if h < bound)
            at_most = index._quoted_at_most(sig, docs)
            for story, part in quoted(sig, docs).items():
                assert at_most.get(story, 0) >= part * mine
            everything = {doc.story_id: float("inf") for doc in docs}  # no bound: ``quoted`` always asked
            assert digest(sig, docs, lambda story: story, at_most) == digest(sig, docs, lambda story: story, everything)
            passed += sum(n >= ROUND_UP_PART * mine for n in at_most.values()) >= 2
    assert passed  # some cases do reach ``quoted``: the comparison above was asked of both outcomes
