"""Held-out v54 (studied by de64): a figure shortened to its compact form ("7.8k", "K1.25M", "2.1M") is the
figure (``shingles._COMPACT``).

A pager gateway, a ticker or a smart speaker's card shortens "7,800" to "7.8k" and "K1,250,000" to "K1.25M".
Read as letters, the copy's figures were names its original lacks ("K1" and 25 million), and a brief of three
figures kept under half of its names and numbers: 9 copies of v54 alerted twice. Our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided, fact_hashes, feed_entry

from monitor.dedup.shingles import number_key
from monitor.models import Entry

START = datetime(2031, 5, 4, 8, 0, tzinfo=UTC)
TITLE = "Harbour town opens its new ferry pier"
REPORT = (
    "A new ferry pier at Elswin opened this morning and the council spent K1,250,000 on it. "
    "The pier is 7,800 millimetres long and 1,200 passengers a day can board there. "
    '"We waited eleven years for this," said Osric Vane, who runs the ferry company.'
)
PAGER = (
    "A new ferry pier at Elswin opened this morning and the council spent K1.25M on it. "
    "The pier is 7.8k millimetres long and 1.2k passengers a day can board there."
)


def _entry(key: str, outlet: str, body: str, hours: float, title: str = TITLE) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


_facts = fact_hashes


@pytest.mark.parametrize(
    ("compact", "written"), [("7.8k", "7,800"), ("640k", "640,000"), ("K1.25M", "K1,250,000"), ("2.1M", "2 100 000")]
)
def test_a_compact_figure_is_the_figure_written_out(compact: str, written: str) -> None:
    assert _facts(f"the bill was {compact} in all") == _facts(f"the bill was {written} in all")


@pytest.mark.parametrize(("text", "figure"), [("a 20km walk", "20000"), ("a 5kg bag", "5000"), ("flat 3Mb", "3e+06")])
def test_a_unit_after_a_number_is_no_multiplier(text: str, figure: str) -> None:
    assert number_key(figure) not in {number_key("20"), number_key("5"), number_key("3")}
    assert _facts(text) != _facts(f"a {figure} walk")


def test_the_pagers_compact_copy_joins_the_report() -> None:
    report, pager = decided([_entry("desk", "Elswin Post", REPORT, 0), _entry("pager", "Beacon Pager", PAGER, 1)])
    assert report.story_id is None and pager.story_id == 1, pager.reason


def test_a_compact_copy_of_other_figures_stays_apart() -> None:
    other = PAGER.replace("K1.25M", "K2.4M").replace("7.8k", "5.1k").replace("1.2k", "3.1k")
    title = TITLE.replace("new", "second")
    pager = decided([_entry("desk", "Elswin Post", REPORT, 0), _entry("pager", "Beacon Pager", other, 1, title)])[1]
    assert pager.story_id is None, pager.reason
