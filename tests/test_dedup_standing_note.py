"""An outlet's own paragraph above each story it carries (dd41): an editor's note, a context card, a regional
edition's summary in English above a partner's report in its own script. Two stories under one note share
only the note: neither is the other's copy, nor its follow-up, whatever share of a short report the note
makes. A copy of a story under that note still joins it. Stories of our own, decided through the public
``StoryIndex``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.dedup import StoryIndex
from monitor.dedup.index import Decision
from monitor.models import Entry

START = datetime(2026, 9, 3, 7, tzinfo=UTC)

NOTE = (
    "From the partner desk, in English for readers of the other valleys: the report below is printed as the"
    " partner paper filed it, in its own language, and our editors only add this paragraph above it every day."
)
CARD = [
    "Why this card: our readers asked where the partner items in their stack come from and why they are in"
    " their own language.",
    "They come from small papers we carry through syndication, and each is shown in its own language under this card.",
]
WHARF = [
    "Fishermen in Carrow Bay returned to the rebuilt east wharf on Friday after 14 months of repairs.",
    "Harbour master Oona Feeley said the new timber deck holds 32 boats and cost 2.4 million euro.",
    "The old wharf was closed after a storm surge split its pilings in the winter before last.",
]
# A one-sentence partner report in Urdu (Arabic script), and one in Hindi (Devanagari): other stories.
WELL = ["گاؤں مرکوٹ میں پیر کے روز نیا کنواں کھولا گیا اور ۲۴۰ گھرانوں کو پانی ملنے لگا۔"]
BRIDGE = ["नंदपुर के लोहे के पुल पर मंगलवार से फिर बसें चलने लगीं, मरम्मत में ३८ दिन लगे।"]
# Hokkien in Han characters: a ferry pier reopened (another story, another event).
PIER = ["旗津渡船頭拜三重開，一工加開十二班船。"]


def _entry(key: str, outlet: str, title: str, paragraphs: list[str], hours: float) -> Entry:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    link = f"https://{outlet.split()[0].lower()}.example/{key}"
    return Entry("f", outlet, key, link, title, "", body, published=START + timedelta(hours=hours))


def _decide(index: StoryIndex, entry_id: int, entry: Entry) -> Decision:
    seen = entry.published
    assert seen is not None
    decision = index.find(entry, seen)
    story = decision.story_id if decision.story_id is not None else entry_id
    assert decision.signature is not None
    index.add(entry_id, story, decision.event_id or story, decision.signature, seen)
    return decision


def _wharf_and_well() -> StoryIndex:
    """The wire's wharf story (entry 1), and the outlet's first partner report under its note (entry 2)."""
    index = StoryIndex()
    _decide(index, 1, _entry("wharf", "Coast Wire", "Carrow Bay fishermen return to rebuilt wharf", WHARF, 0))
    _decide(index, 2, _entry("well", "Valley Editions", "مرکوٹ میں نیا کنواں", [NOTE, *WELL], 2))
    return index


def test_a_short_report_under_the_outlets_note_is_not_the_copy_of_another_story_under_it() -> None:
    index = StoryIndex()
    _decide(index, 1, _entry("wharf", "Coast Wire", "Carrow Bay fishermen return to rebuilt wharf", WHARF, 0))
    relayed = _entry("r-wharf", "Valley Editions", "Carrow Bay fishermen return to rebuilt wharf", [NOTE, *WHARF], 3)
    assert _decide(index, 2, relayed).story_id == 1  # the outlet's copy of the wharf story
    for entry_id, (key, title, report) in enumerate(
        (("well", "مرکوٹ میں نیا کنواں", WELL), ("bridge", "नंदपुर पुल पर फिर बसें", BRIDGE)), start=3
    ):
        decision = _decide(index, entry_id, _entry(key, "Valley Editions", title, [NOTE, *report], 24 * entry_id))
        assert decision.story_id is None, decision.reason
        assert decision.event_id is None, decision.event_reason


def test_a_stub_of_a_story_under_the_outlets_note_still_joins_it() -> None:
    index = _wharf_and_well()
    stub = _entry("r-wharf", "Valley Editions", "Carrow Bay wharf reopens", [NOTE, WHARF[0], WHARF[1]], 4)
    decision = _decide(index, 3, stub)
    assert decision.story_id == 1, decision.reason


def test_a_card_of_two_sentences_opening_each_story_is_no_follow_up() -> None:
    index = StoryIndex()
    _decide(index, 1, _entry("well", "Stack Cards", "مرکوٹ میں نیا کنواں", [*CARD, *WELL], 0))
    _decide(index, 2, _entry("bridge", "Stack Cards", "नंदपुर पुल पर फिर बसें", [*CARD, *BRIDGE], 5))
    decision = _decide(index, 3, _entry("pier", "Stack Cards", "旗津渡船頭重開", [*CARD, *PIER], 9))
    assert decision.story_id is None, decision.reason
    assert decision.event_id is None, decision.event_reason


def test_one_sentence_of_a_story_under_the_outlets_note_is_measured_without_the_note() -> None:
    index = _wharf_and_well()
    middle = _entry("r-wharf", "Valley Editions", "Carrow Bay wharf has room for 32 boats", [NOTE, WHARF[1]], 5)
    decision = _decide(index, 3, middle)
    assert decision.story_id == 1, decision.reason


def test_a_story_and_a_line_of_its_own_under_the_note_is_no_copy() -> None:
    index = _wharf_and_well()
    week = [NOTE, WHARF[1], "Ferry captain Idris Mallon said 6 crossings to Inishbeg were cancelled by the gales."]
    decision = _decide(index, 3, _entry("week", "Valley Editions", "The week on the coast", week, 30))
    assert decision.story_id is None, decision.reason
