"""dd47 (held-out v44): a desk's second brief of the day, written in the frame of its first (the same official, the
same sentences) about another route, product or day, prints other figures in place of every one of the first's. It
is another happening, not the desk's rewrite of its first brief (which keeps its figures): no event with it. A
rewrite keeping the figures stays in the event. Texts are our own, in Czech, Hindi and Japanese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.dedup import Decision, StoryIndex
from monitor.models import Entry

START = datetime(2027, 10, 5, 6, tzinfo=UTC)

CS = (
    "Noční autobus z Brna do Tišnova jezdí od středy.",
    "Dopravní ředitel Pavel Hruška na tiskové konferenci řekl, že každou noc vyjede 14 spojů z hlavního nádraží.",
    "Jízdenka stojí 35 korun a platí i v tramvajích městské dopravy.",
)
CS_SECOND = (
    "Noční autobus z Brna do Blanska jezdí od pátku.",
    "Dopravní ředitel Pavel Hruška na tiskové konferenci řekl, že každou noc vyjede 22 spojů z hlavního nádraží.",
    "Jízdenka stojí 48 korun a platí i v tramvajích městské dopravy.",
)
CS_REWRITE = (
    "Od středy jezdí z Brna do Tišnova noční autobus.",
    "Každou noc podle dopravního ředitele Pavla Hrušky vyjede 14 spojů.",
    "Za jízdenku cestující zaplatí 35 korun.",
)
JA = (
    "松本から上高地への夜行バスが水曜日から走り始めた。",
    "アルプス交通の課長田中明は、毎晩14便が出ると述べた。",
    "運賃は3500円だ。",
)
JA_SECOND = (
    "松本から白骨温泉への夜行バスが金曜日から走り始めた。",
    "アルプス交通の課長田中明は、毎晩22便が出ると述べた。",
    "運賃は4200円だ。",
)
HI = (
    "इंदौर से उज्जैन की रात्रि बस सेवा बुधवार से शुरू हुई।",
    "परिवहन अधिकारी विनोद शर्मा ने कहा कि हर रात 16 बसें चलेंगी।",
    "किराया 45 रुपये है।",
)
HI_SECOND = (
    "इंदौर से देवास की रात्रि बस सेवा शुक्रवार से शुरू हुई।",
    "परिवहन अधिकारी विनोद शर्मा ने कहा कि हर रात 12 बसें चलेंगी।",
    "किराया 30 रुपये है।",
)


def _entry(key: str, title: str, sentences: tuple[str, ...], hours: float) -> Entry:
    body = "".join(f"<p>{sentence}</p>" for sentence in sentences)
    return Entry(
        "f", "Home Desk", key, f"https://home.example/{key}", title, "", body, published=START + timedelta(hours=hours)
    )


def _second(first: tuple[str, ...], then: tuple[str, ...]) -> Decision:
    index = StoryIndex()
    entry = _entry("a", "Brief one", first, 0)
    assert entry.published is not None
    found = index.find(entry, entry.published)
    assert found.signature is not None
    index.add(1, 1, 1, found.signature, entry.published)
    later = _entry("b", "Brief two", then, 6)
    assert later.published is not None
    return index.find(later, later.published)


@pytest.mark.parametrize(("first", "then"), [(CS, CS_SECOND), (HI, HI_SECOND), (JA, JA_SECOND)])
def test_the_desks_next_brief_in_the_same_frame_is_another_event(first: tuple[str, ...], then: tuple[str, ...]) -> None:
    decision = _second(first, then)
    assert decision.story_id is None and decision.event_id != 1, (decision.reason, decision.event_reason)


def test_the_desks_rewrite_keeping_its_figures_stays_in_the_event() -> None:
    decision = _second(CS, CS_REWRITE)
    assert decision.event_id == 1, (decision.reason, decision.event_reason)


def _after_a_carriers_cut(first: tuple[str, ...], then: tuple[str, ...]) -> Decision:
    """``then`` decided after the desk's brief ``first`` and a carrier's cut of it (its last two sentences, under
    the carrier's name and link): the cut, shorter than either brief, is the entry closest to ``then``."""
    cut = "".join(f"<p>{sentence}</p>" for sentence in first[1:])
    relayed = Entry(
        "r", "Night Relay", "r", "https://relay.example/r", "Brief one", "", cut, published=START + timedelta(hours=1)
    )
    index = StoryIndex()
    for entry_id, entry in enumerate((_entry("a", "Brief one", first, 0), relayed), start=1):
        assert entry.published is not None
        found = index.find(entry, entry.published)
        assert found.signature is not None
        index.add(entry_id, 1, 1, found.signature, entry.published)
    later = _entry("b", "Brief two", then, 6)
    assert later.published is not None
    return index.find(later, later.published)


def test_the_desks_next_brief_closest_to_a_carriers_cut_is_another_event() -> None:
    """The cut's length says nothing of the second brief (``swapped_facts`` compares texts of about one length):
    the desk is the story's, and the second brief's figures, none of the story's, make it another happening."""
    decision = _after_a_carriers_cut(JA, JA_SECOND)
    assert decision.story_id is None and decision.event_id != 1, (decision.reason, decision.event_reason)


def test_the_desks_rewrite_closest_to_a_carriers_cut_stays_in_the_event() -> None:
    decision = _after_a_carriers_cut(CS, CS_REWRITE)
    assert decision.event_id == 1, (decision.reason, decision.event_reason)
