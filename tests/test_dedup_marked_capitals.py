"""Held-out v56 (studied by de65): a capital with a mark ("Ḽ", "Ọ", "Ş", "İ") opens a name as a plain capital does
(``shingles._latin_capitals``), and a letter with a combining mark ("ọ́", no precomposed form) goes on the name.

Read as no name, the original's "Ḽavhuraru" was missing from its facts, and the copy a display printed in plain
letters ("Lavhuraru") had a name its original lacked: 1 copy of v56 alerted twice. Our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided

from monitor.dedup.shingles import fact_spans
from monitor.models import Entry

START = datetime(2031, 6, 2, 8, 0, tzinfo=UTC)
TITLE = "Mango prices climb at the Ọbada market"
REPORT = (
    "At the Ọbada market on Ḽavhuraru, a box of mangoes sold for R85, up from R60 the week before.\n\n"
    "Farmers brought 3,200 boxes to the market that day, against 2,100 a week earlier.\n\n"
    '"The rain was good and so is the fruit," said Mọ́nsúrà Şahin, who grows mangoes there.'
)
PLAIN = "At the Obada market on Lavhuraru, a box of mangoes sold for R85, up from R60 the week before. Farmers …"


def _entry(key: str, outlet: str, body: str, hours: float, title: str = TITLE) -> Entry:
    when = START + timedelta(hours=hours)
    return Entry("f", outlet, key, f"https://{key}.example/{key}", title, "", body, published=when)


def _names(text: str) -> list[int]:
    return [fact for _, fact in fact_spans(text)]


@pytest.mark.parametrize(
    ("marked", "plain"),
    [("Ḽavhuraru", "Lavhuraru"), ("Şahin", "Sahin"), ("İskenderun", "Iskenderun"), ("Mọ́nsúrà", "Monsura")],
)
def test_a_name_opening_with_a_marked_capital_is_the_name_in_plain_letters(marked: str, plain: str) -> None:
    assert len(_names(f"they met {marked} there")) == 1
    assert _names(f"they met {marked} there") == _names(f"they met {plain} there")


def test_the_displays_plain_copy_joins_the_report() -> None:
    title = "Obada | mango prices"  # a display's own headline: the text decides
    report, plain = decided([_entry("desk", "Mudzi Post", REPORT, 0), _entry("led", "Jetty Board", PLAIN, 2, title)])
    assert report.story_id is None and plain.story_id == 1, plain.reason


def test_a_plain_copy_naming_another_day_stays_apart() -> None:
    other = PLAIN.replace("Lavhuraru", "Mugivhela").replace("Obada", "Tshiane")
    title = "Mango prices climb at the Tshiane market"
    plain = decided([_entry("desk", "Mudzi Post", REPORT, 0), _entry("led", "Jetty Board", other, 2, title)])[1]
    assert plain.story_id is None, plain.reason
