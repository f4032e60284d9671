"""Held-out v9's second hearing (studied by dd12): a desk reported a hearing postponed; another desk ran
its first sentence as a summary; two weeks later the first desk reported the second hearing in the
same opening sentence, one verb changed, then the ruling and who was appointed. Another desk's short
copy of the first report was held whole in it, and the new story was filed as that copy. A desk
re-runs its own entry; it does not reprint another desk's copy of it. Our own story, in Polish.
"""

from __future__ import annotations

from test_dedup_classes import _parsed, decided_stories

from monitor.dedup import StoryIndex
from monitor.dedup.compare import later_story, stored
from monitor.dedup.signature import Signature, signature

OPENING = "Sąd Rejonowy w Opolu {verb} rozprawę upadłościową spółki Mostex, która zatrudnia 140 osób."
FIRST = OPENING.format(verb="odroczył") + (
    " Sędzia Anna Kowalczyk wyznaczyła nowy termin na 9 grudnia, ponieważ brakuje sprawozdania finansowego."
)
SUMMARY = OPENING.format(verb="odroczył")
SECOND = OPENING.format(verb="przeprowadził") + (
    " Sędzia Anna Kowalczyk ogłosiła upadłość, ponieważ brakuje sprawozdania finansowego; syndykiem został Marek"
    " Zieliński."
)  # half of it the first report's words: more than a follow-up opening with one paragraph
RERUN = OPENING.format(verb="odroczył") + (
    " Nowy termin to 9 grudnia – tak zdecydowała sędzia Anna Kowalczyk z powodu braku sprawozdania."
)


def _stories(*texts: tuple[str, str, str, float]) -> list[int]:
    return decided_stories(texts, "e")


def test_a_desks_later_story_held_by_another_desks_copy_of_its_first_is_a_new_story():
    first = ("Gazeta Opolska", "Rozprawa spółki Mostex odroczona", FIRST, 0)
    summary = ("Kurier Śląski", "Rozprawa spółki Mostex odroczona", SUMMARY, 1)
    second = ("Gazeta Opolska", "Mostex ogłosił upadłość", SECOND, 240)
    assert _stories(first, summary, second) == [1, 1, 3]


def test_only_a_later_text_with_names_or_numbers_of_its_own_is_the_desks_next_story():
    first = _signed(FIRST, 0)
    assert later_story(_signed(SECOND, 240), [stored(1, first.when, first)])
    assert not later_story(_signed(RERUN, 240), [stored(1, first.when, first)])  # the same names and numbers
    assert not later_story(_signed(SECOND, 6), [stored(1, first.when, first)])  # hours later: an update


def _signed(body: str, hours: float) -> Signature:
    entry = _parsed("e", "Rozprawa spółki Mostex", body, "Gazeta Opolska", hours)
    assert entry.published is not None
    return signature(entry, entry.published)


def test_the_desks_next_story_days_later_is_not_put_in_the_first_storys_event():
    """Mutation: drop the EVENT_HOURS bound in ``StoryIndex.decide``'s follow-up branch; the second hearing,
    ten days later, joined the first hearing's event although it is another happening of the affair."""
    index = StoryIndex()
    texts = (
        ("Gazeta Opolska", "Rozprawa spółki Mostex odroczona", FIRST, 0),
        ("Kurier Śląski", "Rozprawa spółki Mostex odroczona", SUMMARY, 1),
        ("Gazeta Opolska", "Mostex ogłosił upadłość", SECOND, 240),
    )
    events = []
    for i, (outlet, title, body, hours) in enumerate(texts, start=1):
        entry = _parsed(f"e{i}", title, body, outlet, hours)
        assert entry.published is not None
        decision = index.find(entry, entry.published)
        assert decision.signature is not None
        story = decision.story_id or i
        events.append(decision.event_id or story)
        index.add(i, story, events[-1], decision.signature, entry.published)
    assert events[:2] == [1, 1] and events[2] != 1
