"""Issue 13, de68: the names-and-numbers guard reads the sentences two texts share, not the whole texts.

A fact vetoes a copy only where both texts print one sentence with another fact of its kind in it (a substitution:
another figure, another town in the template's slot). Facts in sentences only one text prints (a transcript's line
numbers and speakers, a caption, an aggregator's stamp, a trimmed tail) neither join nor part the two, nor does a
number one side spells in words. Through the real detector, with our own reports; and the stored form of a
signature keeps each fact's sentence (``Signature.fact_lines``), so an entry stored before decides the same.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided

from monitor.dedup.compare import stored
from monitor.dedup.packed import Outlets, pack, unpack
from monitor.dedup.signature import FACT_LINE, FACT_NUMBER, Signature, signature
from monitor.models import Entry

START = datetime(2031, 9, 14, 6, 0, tzinfo=UTC)
TITLE = "Grain barge runs aground below the Tessing lock"
REPORT = (
    "TESSING — A barge carrying 1,200 tonnes of wheat ran aground below the Tessing lock on Monday night, closing "
    "the river to traffic for at least two days. The crew of four was taken off by the Varne fire brigade.\n\n"
    "Harbour master Ilse Brandauer said the barge had drifted after its engine failed at about 23:10. Divers found "
    "a split of 3 metres in the hull, and pumps were brought from Kolding in the morning.\n\n"
    "Some 45 vessels were waiting on both sides of the lock by noon. The shipping office in Merrow expects the "
    "channel to reopen on Thursday once the cargo has been moved onto a second barge owned by Danreth Freight."
)
# A radio desk's transcript of its first minute: speakers named, the numbers spoken, cut.
TRANSCRIPT = (
    "ANCHOR: A barge carrying twelve hundred tonnes of wheat ran aground below the Tessing lock on Monday night, "
    "closing the river to traffic for at least two days.\nThe crew of four was taken off by the Varne fire brigade.\n"
    "REPORTER: Harbour master Ilse Brandauer said the barge had drifted after its engine failed at about eleven at "
    "night.\nDivers found a split of three metres in the hull, and pumps were brought …"
)
# An aggregator's stamp on the first sentence, cut, under a headline of its own.
STAMPED = (
    "Last revised 15.09.2031 07:40 TESSING — A barge carrying 1,200 tonnes of wheat ran aground below the Tessing "
    "lock on Monday night, closing the …"
)
# The same desk's template filled for another lock: other place, other names, other figures in each sentence.
OTHER_LOCK = (
    REPORT.replace("TESSING", "ORLEN")
    .replace("Tessing", "Orlen")
    .replace("1,200", "800")
    .replace("Varne", "Halden")
    .replace("Ilse Brandauer", "Piet Mohrmann")
    .replace("23:10", "21:45")
    .replace("3 metres", "2 metres")
    .replace("Kolding", "Aster")
    .replace("45 vessels", "38 vessels")
)


def _entry(key: str, outlet: str, body: str, hours: float, title: str = TITLE) -> Entry:
    return Entry(
        "f", outlet, key, f"https://{key}.example/{key}", title, "", body, published=START + timedelta(hours=hours)
    )


def test_an_aggregators_stamp_on_a_cut_first_sentence_joins_its_report() -> None:
    """Fails before de68 ("only 75 % of the names and numbers"): the stamp's numbers are in no sentence of the
    report, and the cut took the report's facts after it; no fact stands in another's place."""
    entries = [_entry("desk", "Tessing Courier", REPORT, 0), _entry("agg", "River Pulse", STAMPED, 1, "Barge aground")]
    decisions = decided(entries)
    assert decisions[1].story_id == 1, decisions[1].reason


def test_a_transcript_naming_its_speakers_and_speaking_its_numbers_joins_its_report() -> None:
    """A speaker's label (a name) opposite a number spoken in words is no substitution: another kind of fact."""
    entries = [_entry("desk", "Tessing Courier", REPORT, 0), _entry("radio", "Radio Bulletins", TRANSCRIPT, 2)]
    decisions = decided(entries)
    assert decisions[1].story_id == 1, decisions[1].reason


def test_the_template_filled_for_another_lock_stays_apart() -> None:
    """The guard's protection: the same sentences printing other names and figures are another story."""
    for first, second in ((REPORT, OTHER_LOCK), (OTHER_LOCK, REPORT)):
        decisions = decided([_entry("a", "Tessing Courier", first, 0), _entry("b", "Tessing Courier", second, 3)])
        assert decisions[1].story_id is None, decisions[1].reason


def test_the_desks_next_brief_rewriting_its_first_sentence_with_its_own_figures_stays_apart() -> None:
    """A sentence each text wrote in its own words at one place (between the same two shared ones, or before the
    first) is set against the other's there: another barge, another weir, other figures."""
    paragraphs = REPORT.split("\n\n")
    lede = (
        "ORLEN — A barge carrying 800 tonnes of barley ran aground above the Orlen weir on Tuesday night, closing "
        "the river to traffic for a day. The crew of four was taken off by the Varne fire brigade."
    )
    brief = "\n\n".join([lede, *paragraphs[1:]])
    for first, second in ((REPORT, brief), (brief, REPORT)):
        decisions = decided([_entry("a", "Tessing Courier", first, 0), _entry("b", "Tessing Courier", second, 3)])
        assert decisions[1].story_id is None, decisions[1].reason


def test_each_fact_keeps_its_sentence_and_kind_through_the_store_and_the_index() -> None:
    sig = signature(_entry("desk", "Tessing Courier", REPORT, 0), START)
    assert len(sig.fact_lines) * 4 == len(sig.facts) > 0
    assert any(byte & FACT_NUMBER for byte in sig.fact_lines) and any(not byte & FACT_NUMBER for byte in sig.fact_lines)
    assert max(byte & FACT_LINE for byte in sig.fact_lines) >= 3  # facts of later sentences are placed there
    back = Signature.unpack(sig.pack(), sig.lede, sig.keywords, sig.when, sig.outlet)
    assert back is not None and back.fact_lines == sig.fact_lines and back.skeleton_facts == sig.skeleton_facts
    outlets = Outlets()
    record = unpack(pack(1, 0.0, sig, outlets, keys=True), outlets)
    assert record == stored(1, 0.0, sig) and record.fact_lines == sig.fact_lines
