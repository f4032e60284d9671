"""de87, v82 studied: an aggregator's "Authored by <desk> staff via <itself>" credit run into the desk's dateline.

A summary-only aggregator opens every copy with its credit and then the desk's own dateline, no mark between them:
"Authored by Harbour Wire staff via Gull Digest TORVIK, May 4 (Harbour Wire) – …". The credit's outlet ran on to the
dateline's comma and took its place with it, so the copy kept "May 4 (Harbour Wire) –" as story: a third of a cut
summary, and names ("Harbour Wire", "May") its story does not hold. The credit now ends before the dateline it ran
into, a place in capitals or one word with an agency (``clean._credit_end``). Through the real detector; our own
reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.dedup.clean import BYLINE, DATELINE, clean
from monitor.models import Entry

START = datetime(2034, 5, 4, 6, 0, tzinfo=UTC)
REPORT = [
    "TORVIK, May 4 (Harbour Wire) – A fishing trawler caught fire off the island of Skarde at 4.40am on Thursday, "
    "and all nine crew were lifted to safety by a coastguard helicopter, the rescue centre said.",
    "Skipper Halvard Enge told reporters the blaze began in the engine room. The trawler was towed to Torvik.",
    "Police said they would question the crew on Friday.",
]
TWIN = [
    "TORVIK, May 11 (Harbour Wire) – A cargo ferry lost power off the island of Skarde at 6.15am on Thursday, "
    "and its 40 passengers were taken ashore by lifeboat, the rescue centre said.",
    "Captain Ola Brekke told reporters the ship's generator had failed. The ferry was towed to Torvik.",
    "Inspectors will board the vessel on Friday.",
]


def _credited(paragraphs: list[str], place: str = "TORVIK") -> str:
    """The aggregator's cut summary: its credit glued to the desk's dateline, the first sentence cut."""
    lede = paragraphs[0].replace("TORVIK", place, 1)
    return f"Authored by Harbour Wire staff via Gull Digest {lede[:110].rsplit(' ', 1)[0]}…Read More"


def _entry(key: str, outlet: str, body: str, hours: float, title: str) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def test_the_credit_ends_before_the_dateline_it_ran_into() -> None:
    for place in ("TORVIK", "Torvik"):
        cleaned = clean(_credited(REPORT, place))
        assert cleaned.text.startswith("A fishing trawler caught fire"), cleaned.text
        assert cleaned.flags & BYLINE and cleaned.flags & DATELINE
    # a credit set off by its comma, as before; and one with no dateline after it keeps the story's first words
    assert clean("Authored by Ann Lee via Gull Digest, A trawler burned.").text == "A trawler burned."
    assert clean("Authored by Ann Lee via Gull Digest, Fishing Boats burn, Torvik says.").text.startswith("Fishing")


def test_the_credited_summary_joins_its_report_and_the_twins_summary_does_not() -> None:
    """The aggregator's summary joins the desk's report; its summary of the desk's template twin a week on (a
    ferry, other figures, the same island and rescue centre) joins the twin, never the report."""
    report, copied, twin, twin_copy = decided(
        [
            _entry("desk", "Harbour Wire", "".join(f"<p>{p}</p>" for p in REPORT), 0, "Trawler burns off Skarde"),
            _entry("gull", "Gull Digest", _credited(REPORT), 3, "Nine rescued as trawler burns"),
            _entry("desk-twin", "Harbour Wire", "".join(f"<p>{p}</p>" for p in TWIN), 168, "Ferry adrift off Skarde"),
            _entry("gull-twin", "Gull Digest", _credited(TWIN), 171, "Forty rescued from ferry"),
        ]
    )
    assert report.story_id is None
    assert copied.story_id == 1, copied.reason
    assert twin.story_id is None, twin.reason
    assert twin_copy.story_id == 3, twin_copy.reason
