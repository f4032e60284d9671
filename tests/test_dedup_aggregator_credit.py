"""de84, v79 studied: an aggregator's summary of a desk's story, its credit, refresh note and paragraphs glued.

A summary-only aggregator opens its copy with a credit naming the desk it carries and then itself ("Report from
<Desk>, edition <Carrier>"), runs a refresh note into it ("UPDATED 14:05: we added this paragraph; …") and glues
every paragraph to the next with no space: "unchanged.LAUTOKA, 3 March — …", 'said."We …'. Read as one line of
sentences, the credit, the note and the dateline were a third of its 320 characters, and the copy missed its
story. A sentence end glued to a dateline's place in capitals, an opening quote or an elided article is a
paragraph's end (``clean._GLUED``); a credit naming the desk and then the carrier, the desk set off by a comma or
a dash, is the carrier's (``ownlines._credit_end``), and the line under it opens as a first line does: without a
refresh note and a dateline (``ownlines._opened``). Through the real detector; our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.dedup.clean import clean
from monitor.dedup.ownlines import own_lines_dropped
from monitor.models import Entry

START = datetime(2033, 3, 3, 21, 0, tzinfo=UTC)
TITLE = "Lautoka wharf closes after crane collapse injures 3"
REPORT = [
    "LAUTOKA, 4 March — A container crane collapsed onto the main wharf at Lautoka port on Tuesday morning, "
    "injuring three dock workers and closing two berths, the Fiji Ports Authority said.",
    '"The boom gave way while it was lifting an empty container," said harbour master Semi Tuilagi. The three '
    "workers were taken to Lautoka Hospital with leg injuries.",
    "Ships bound for the port were sent to Suva, and about 1,200 containers were left waiting on the wharf. The "
    "authority said the berths would stay closed for at least five days.",
]
TWIN = [
    "LAUTOKA, 11 March — A forklift overturned on the main wharf at Lautoka port on Tuesday morning, injuring two "
    "dock workers and closing one berth, the Fiji Ports Authority said.",
    '"The load shifted while it was turning on the ramp," said harbour master Semi Tuilagi. The two workers were '
    "taken to Lautoka Hospital with arm injuries.",
    "Ships bound for the port were held at anchor, and about 400 containers were left waiting on the wharf. The "
    "authority said the berth would stay closed for at least two days.",
]
NOTE = "UPDATED {time}: we added this paragraph; the rest of the report is unchanged."


def _aggregated(paragraphs: list[str], time: str) -> str:
    """The aggregator's summary: its credit and note, the paragraphs glued, cut at 320 characters."""
    text = f"Report from Western Post, edition Gull Feed {NOTE.format(time=time)}" + "".join(paragraphs)
    return text[:320].rsplit(" ", 1)[0] + " …"


def _entry(key: str, outlet: str, body: str, hours: float) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), TITLE)


def test_glued_paragraphs_part_before_a_dateline_a_quote_and_an_elided_article() -> None:
    glued = (
        "unchanged.LAUTOKA, 4 March — A crane fell.\n"
        + '"The boom gave way," he said."We ran." Elle a précisé.L\'appel suit.'
    )
    # The split puts the dateline at the head of a later paragraph, where it is wrapping too (round 96).
    assert clean(glued).text.splitlines() == [
        "unchanged.",
        "A crane fell.",
        '"The boom gave way," he said.',
        '"We ran." Elle a précisé.',
        "L'appel suit.",
    ]
    assert clean("He moved to the U.S.A few years ago.").text == "He moved to the U.S.A few years ago."


def test_a_credit_naming_the_desk_then_the_carrier_goes_and_a_sentence_naming_the_carrier_stays() -> None:
    story = "LAUTOKA, 4 March — A crane fell.\nIt was old."
    credited = f"Report from Western Post, edition Gull Feed {NOTE.format(time='14:05')}\n{story}"
    dashed = f"Sours: Western Post — Biro Gull Feed\n{story}"
    assert own_lines_dropped(credited, "Gull Feed") == own_lines_dropped(dashed, "Gull Feed") == story.split(" — ")[1]
    kept = "In Lautoka, dock workers told Gull Feed the crane was old.\nIt fell."
    assert own_lines_dropped(kept, "Gull Feed") == kept


def test_the_aggregators_glued_summary_joins_the_report_and_its_twins_does_not() -> None:
    """The aggregator's summary of the desk's report joins it; its summary of the desk's template twin a week on
    (a forklift, other figures, the same harbour master) does not."""
    report, copied, twin, twin_copy = decided(
        [
            _entry("desk", "Western Post", "".join(f"<p>{p}</p>" for p in REPORT), 0),
            _entry("gull", "Gull Feed", _aggregated(REPORT, "23:40"), 2.5),
            _entry("desk-twin", "Western Post", "".join(f"<p>{p}</p>" for p in TWIN), 168),
            _entry("gull-twin", "Gull Feed", _aggregated(TWIN, "23:10"), 170),
        ]
    )
    assert report.story_id is None
    assert copied.story_id == 1, copied.reason
    assert twin.story_id is None, twin.reason
    assert twin_copy.story_id == 3, twin_copy.reason
