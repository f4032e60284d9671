"""de86, v81 studied: an SMS alert or a channel's repost prints the headline in capitals over the lede.

"WIRETEXT: SNOW TRAPS 118 BUS PASSENGERS ON MOUNTAIN PASS. AZROU, Feb 14 (Wire) - Heavy snow closed …" cut at 160
characters: the headline is no text of the desk's body (which has none), so the alert shared too little of its text
with the report, its dateline was no opening's, and each word in capitals read as a name the report lacks. Read off
as the alert's headline (``social``), the lede left is the report's; an alert of the desk's template twin (another
road) still prints other names there. Through the real detector; our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.dedup.social import unframed
from monitor.models import Entry

START = datetime(2034, 3, 6, 7, 0, tzinfo=UTC)
REPORT = (
    "TAMRI, March 6 (Souss Wire) - Heavy snow closed the R704 road between Tamri and Imouzzer at the Tizgui pass "
    "early on Monday, stranding four buses with 131 passengers on board.\n\n"
    "The travellers were taken to the school and the health post in the village of Ait Ouzzine, where residents "
    "brought food and blankets. Snow on the pass reached 70 cm, officials said.\n\n"
    "Khalid Bouzid, the provincial roads chief, said five snowploughs were working on the pass."
)
TWIN = (
    REPORT.replace("R704", "R311")
    .replace("Tamri and Imouzzer", "Argana and Bigoudine")
    .replace("Tizgui", "Tinfoul")
    .replace("four buses with 131", "two lorries with 9")
    .replace("Ait Ouzzine", "Tazoult")
)


def _alert(headline: str, text: str) -> str:
    """An SMS alert: the service's handle, the headline in capitals, the lede, cut at 160 characters."""
    line = f"SMSWIRE: {headline.upper()}. {text}"
    return line[:157].rsplit(" ", 1)[0] + "..."


def _entry(key: str, outlet: str, body: str, hours: float, title: str) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def test_an_alert_with_its_headline_in_capitals_joins_its_report_and_its_twins_alert_does_not() -> None:
    alert = _alert("Snow traps 131 bus passengers on Tizgui pass", REPORT)
    twin_alert = _alert("Snow traps 9 lorry drivers on Tinfoul pass", TWIN)
    report, twin, copied, twin_copied = decided(
        [
            _entry("desk", "Souss Wire", REPORT, 0, "Snow traps 131 bus passengers on Tizgui pass"),
            _entry("twin", "Souss Wire", TWIN, 1, "Snow traps 9 lorry drivers on Tinfoul pass"),
            _entry("alert", "SMSWire Alerts", alert, 1.2, alert[:60]),
            _entry("twin-alert", "SMSWire Alerts", twin_alert, 1.4, twin_alert[:60]),
        ]
    )
    assert report.story_id is None and twin.story_id is None, twin.reason
    assert copied.story_id == 1, copied.reason
    assert twin_copied.story_id == 2, twin_copied.reason


def test_the_headline_in_capitals_is_read_off_and_named_the_alerts_headline() -> None:
    text, headline = unframed("SMSWIRE: SNOW TRAPS 131 ON PASS. AZROU, March 6 (Wire) - Heavy snow closed the road...")
    assert headline == "SNOW TRAPS 131 ON PASS." and text.startswith("AZROU, March 6 (Wire) - Heavy")
    # An abbreviation's stop inside the headline: the headline ends at the last stop before the small letters.
    assert unframed("14 000 FOYERS PRIVÉS DÉLEC. APRÈS UN INCENDIE. Un incendie a plongé")[0] == "Un incendie a plongé"


def test_what_is_no_headline_in_capitals_is_left_as_it_is() -> None:
    kept = [
        "U.S. officials said on Monday that the talks would resume.",  # one word in capitals before the stop
        "AZROU, March 6 (Wire) - Heavy snow closed the road.",  # a dateline: no stop before the small letters
        "THE WHOLE TELEX IS IN CAPITALS. NOTHING ELSE.",  # a telex: read as a text in capitals (``signature``)
        "LJUBLJANA (SD) – V 12. krogu je Olimpija premagala Jesenice s 4:2.",  # a dateline, then an ordinal's stop
        "ᏓᎵᏆ — ᏣᎳᎩ ᏗᏕᎶᏆᏍᏗ 9 ᏅᏓᏕᏆ ᎤᏍᏚᎢᏒ 6 ᎢᏯᏂ ᎢᏤ ᏗᏕᎶᏆᏍᏗ. ▣ Scan to read",  # Cherokee's syllabary, then an app's line
    ]
    for line in kept:
        assert unframed(line) == (line, ""), line
