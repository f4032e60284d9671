"""de81, v78 studied: values a carrier restated are read as the values they restate (``restated``).

A filing bot prints money in thousands ("K2,750 ('000)"), a converter adds a second currency in a bracket
("(≈ US$1,815,000)"), a relay spells each figure digit by digit in capitals and ends sentences with " STOP". To the
names-and-numbers guard these were facts the original lacks, and each copy a story of its own. Read as their
values, a copy's agree with its original's, and a desk's template twin (another place, other figures) through the
same carrier still differs. Through the real detector; our own reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided, feed_entry

from monitor.dedup.restated import restated
from monitor.models import Entry

START = datetime(2033, 8, 2, 6, 0, tzinfo=UTC)
REPORT = (
    "A storm damaged the jetty at Lelepa on 3 August 2033, and 1,480 people on the island were cut off from "
    "the ferry. Harbour master Tavita Munro said repairs would cost $2,750,000. The council set aside $400,000 "
    "for a barge while the work goes on. Munro said 62 workers would start on 9 August 2033. Schools on the "
    "island will stay open, the council said, and the clinic has supplies for 14 days."
)
TWIN = (
    "A storm damaged the jetty at Emao on 3 August 2033, and 2,310 people on the island were cut off from "
    "the ferry. Harbour master Selu Ravai said repairs would cost $1,900,000. The council set aside $250,000 "
    "for a barge while the work goes on. Ravai said 45 workers would start on 11 August 2033. Schools on the "
    "island will stay open, the council said, and the clinic has supplies for 9 days."
)
DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _filed(text: str) -> str:
    """A filing bot's copy, its last sentence cut: money of 10,000 or more in thousands, a second currency in a
    bracket after it."""
    text = text[: text.rindex(" Schools")]
    for dollars in ("2,750,000", "1,900,000", "400,000", "250,000"):
        thousands = dollars[: -len(",000")]
        text = text.replace(f"${dollars}", f"${thousands} ('000) (≈ US${thousands}00)")
    return text


def _telegraph(text: str) -> str:
    """A telegraph relay's copy: capitals, every figure digit by digit, full stops as " STOP"."""
    spelled = "".join(f" {DIGITS[int(c)]} " if c.isdigit() else c for c in text.replace(",", ""))
    return " ".join(spelled.split()).replace(" .", ".").replace(". ", " STOP ").upper()


def _rounded(text: str) -> str:
    """An easy-read edition's copy: figures of 10 or more rounded to one significant figure, signed "≈"."""
    return re.sub(r"\$?\d[\d,]+", _round, text)


def _round(found: re.Match[str]) -> str:
    figure = found[0]
    digits = figure.lstrip("$").replace(",", "")
    if len(digits) < 2 or (len(digits) == 4 and digits.startswith("20")):  # a day's number or a year: as printed
        return figure
    value = round(int(digits), 1 - len(digits))
    return f"≈ {'$' if figure[0] == '$' else ''}{value:,}"


def _entry(key: str, outlet: str, body: str, hours: float, title: str) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def test_a_restated_value_is_read_as_its_value_and_a_saying_bracket_stays() -> None:
    assert restated("It cost K2,750 ('000) and K500 ('000).") == "It cost K2,750,000 and K500,000."
    assert restated("on 15 June 2033 (O.S. 2 June) it cost $9,000 (≈ US$6,100).") == "on 15 June 2033 it cost $9,000."
    assert restated("ON ONE FOUR JUNE STOP TWO ZERO WORKERS STOP") == "ON 14 JUNE. 20 WORKERS."
    assert (
        restated("Some ≈ 2.000 homes lost ≈ Rp 20.000.000.000 in about 2 hours.") == "Some homes lost in about 2 hours."
    )
    assert restated("It paid zero point six four dollars") == "It paid zero point six four dollars"
    # A bracket that says something, one digit word alone and a stop in a cased text are kept.
    kept = "All 38 workers (12 of them women) got one of two boats to STOP the leak. It STOP ped."
    assert restated(kept) == kept


@pytest.mark.parametrize(
    ("carrier", "outlet", "copy"),
    [(_filed, "Ledger Filings", str.title), (_telegraph, "Dash Relay", str.upper), (_rounded, "Easy News", str.title)],
    ids=["filing-bot", "telegraph", "easy-read"],
)
def test_a_carriers_copy_is_its_story_and_its_twins_copy_is_not(
    carrier: Callable[[str], str], outlet: str, copy: Callable[[str], str]
) -> None:
    """A filing bot's copy (thousands, a second currency), a telegraph's (capitals, digit by digit: no names
    show) and an easy-read edition's (figures rounded, signed "≈") of a report join it; the same carrier's copy of
    the desk's template twin shares all their words but the names and figures, and read as values its figures (or
    its names and days) part it."""
    report, copied, twin_copy = decided(
        [
            _entry("desk", "Vila Desk", REPORT, 0, "Storm cuts Lelepa off"),
            _entry("copy", outlet, carrier(REPORT), 1, copy("storm cuts Lelepa off")),
            _entry("twin-copy", outlet, carrier(TWIN), 3, copy("storm cuts Emao off")),
        ]
    )
    assert report.story_id is None and copied.story_id == 1, copied.reason
    assert twin_copy.story_id is None, twin_copy.reason
