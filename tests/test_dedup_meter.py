"""Held-out v55 (studied by de65): a meter on top, a label and a colon over a figure and its unit ("Reading time: 1
min"), run into the lede by a feed that joins lines, is the carrier's (``carriers._METER``), like a badge.

Kept, its figure was a number the original lacks, the dateline after it was no longer the text's opening, the
lede's first word read inside a sentence was a name, and the meter shared by the carrier's copies of other stories
made a copy look like a round-up: 5 copies of v55 alerted twice. Our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided

from monitor.dedup.carriers import carried
from monitor.models import Entry

START = datetime(2031, 6, 3, 8, 0, tzinfo=UTC)
TITLE = "Two miners die in a rockfall at the Kessel copper shaft"
REPORT = (
    "HALVERN — Two miners died and six were rescued after a rockfall in the fourth shaft of Kessel Copper near "
    "Halvern this morning. The fall came at about 03:20 at a depth of 640 metres.\n\n"
    "Company spokesman Orrin Tave said the six had been brought up alive after seven hours. Five of them were "
    "taken to the Dunmore hospital with injured legs and arms.\n\n"
    "Kessel Copper employs 2,300 workers and mines 48,000 tonnes of copper a year."
)
TICKER = "Reading time: 1 min HALVERN — Two miners died and six were rescued after a rockfall in the fourth shaft …"
OTHER = "Reading time: 1 min Ferries to Osk stay in port for a third day as the storm goes on …"


def _entry(key: str, outlet: str, body: str, hours: float, title: str = TITLE) -> Entry:
    when = START + timedelta(hours=hours)
    return Entry("f", outlet, key, f"https://{key}.example/{key}", title, "", body, published=when)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Reading time: 1 min HALVERN — Two miners", "HALVERN — Two miners"),
        ("Lesezeit: 3 Min. Berlin — Der Senat", "Berlin — Der Senat"),
        ("Okuma süresi: 2 dk\nKaradeniz Doğalgaz", "Karadeniz Doğalgaz"),
        ("Lesezeit: 3 Minuten\nBerlin — Der Senat", "Berlin — Der Senat"),
        ("Reading time: 4 minutes Berlin — The Senate", "Berlin — The Senate"),
    ],
)
def test_a_meter_on_top_goes(text: str, kept: str) -> None:
    assert carried(text) == kept


@pytest.mark.parametrize(
    "lede",
    [
        "Update: 3 dead in the blast at the port",
        "Toll: 12 dead. Rescuers dug on",
        "Gaza: 40 killed Sunday in strikes on the south",
        "Update: 3 dead Kenyans were found.",
    ],
)
def test_a_lede_opening_with_a_label_and_a_figure_stays(lede: str) -> None:
    assert carried(lede) == lede


def test_the_tickers_copy_under_a_meter_joins_the_report() -> None:
    entries = [
        _entry("other", "Pocket Wire", OTHER, 0, "Ferries stay in port"),
        _entry("desk", "Halvern Herald", REPORT, 1),
        _entry("ticker", "Pocket Wire", TICKER, 3),
    ]
    decisions = decided(entries)
    assert decisions[1].story_id is None and decisions[2].story_id == 2, decisions[2].reason
