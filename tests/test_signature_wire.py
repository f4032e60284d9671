"""A signature (and the ``Facts`` holding it) sent back from a parser process is pickled with its fresh-only
sets packed, and read back equal in every field, each set built when first read (``signature._Packed``)."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import UTC, datetime

from benchmarks import newsroom
from benchmarks.harness import make_workload
from monitor.dedup.signature import _PACKED, Signature, _Packed, signature
from monitor.ingest.examine import Facts, examine
from monitor.ingest.parse import parse_feed
from monitor.models import Entry
from monitor.rules import RuleSet

SEEN = datetime(2027, 3, 4, 12, 0, tzinfo=UTC)


def _entries() -> list[Entry]:
    work = make_workload(newsroom.Spec(seed=3, feeds=4, entries=12))
    parsed = [parse_feed(work.document(i), "http://x" + path, "x").entries for i, path in enumerate(work.paths())]

    def written(key: str, title: str, body: str, outlet: str) -> Entry:
        return Entry("http://x/w", outlet, key, f"https://a.example/{key}", title, body, "", published=SEEN)

    hand = [
        written(
            "ru",
            "Поезд сошёл с рельсов",
            "Поезд компании «Север» сошёл с рельсов под Тверью во вторник. Пострадали 12 человек.",
            "Вести",
        ),
        written("ja", "列車が脱線", "火曜日、東京近郊で列車が脱線した。けが人は十二人。", "ニュース"),
        written("empty", "Only a headline", "", ""),
    ]
    return [e for feed in parsed for e in feed] + hand


def _read_back(value: object) -> object:
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_facts_read_back_equal_in_every_field() -> None:
    entries = _entries()
    facts = examine(entries, SEEN, RuleSet(()))
    back = _read_back(facts)
    assert isinstance(back, tuple) and all(isinstance(f, Facts) for f in back)
    for sent, got in zip(facts, back, strict=True):
        for field in dataclasses.fields(Signature):
            assert getattr(got.signature, field.name) == getattr(sent.signature, field.name), field.name
        assert got == sent
    assert any(f.signature.lines and f.signature.skeletons for f in facts)  # the sets were there to send


def test_a_set_is_built_only_when_read_and_then_kept() -> None:
    sent = signature(_entries()[0], SEEN)
    got = _read_back(sent)
    assert isinstance(got, Signature)
    slots = {name: Signature.__dict__[name].slot for name in _PACKED}
    assert all(type(slots[name].__get__(got)) is _Packed for name in _PACKED)  # nothing built yet
    assert got.lines == sent.lines and type(slots["lines"].__get__(got)) is tuple  # built once, kept
    assert got.shingles is got.shingles and type(slots["skeletons"].__get__(got)) is _Packed
    assert dataclasses.replace(got, lines=()).shingles == sent.shingles  # replace reads every field
    again = _read_back(sent)
    assert isinstance(again, Signature)
    pickle.dumps(again)  # sent on again, unread: its sets stay packed
    assert all(type(slots[name].__get__(again)) is _Packed for name in _PACKED)
    assert _read_back(_read_back(sent)) == sent


def test_a_set_iterates_as_the_one_plain_pickle_rebuilt() -> None:
    sent = signature(_entries()[1], SEEN)
    got = _read_back(sent)
    assert isinstance(got, Signature)

    def rebuilt(members: frozenset[int]) -> list[int]:  # pickle's FROZENSET: a new set of the members, in order
        return list(frozenset(list(members)))

    assert list(got.shingles) == rebuilt(sent.shingles) and list(got.skeletons) == rebuilt(sent.skeletons)
    assert [(h, list(a), list(b)) for h, a, b in got.lines] == [(h, rebuilt(a), rebuilt(b)) for h, a, b in sent.lines]


def test_a_stored_signature_and_a_value_past_32_bits_read_back() -> None:
    sent = signature(_entries()[-1], SEEN)
    stored = Signature.unpack(sent.pack(), sent.lede, sent.keywords, sent.when, sent.outlet, sent.link)
    assert stored is not None and _read_back(stored) == stored and not stored.shingles
    wide = dataclasses.replace(sent, shingles=frozenset({2**40, 3}), lines=((2**33, frozenset({2**40}), frozenset()),))
    assert _read_back(wide) == wide
