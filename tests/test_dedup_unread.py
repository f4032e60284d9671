"""de82, v78 studied: a copy whose carrier damaged its names has lost evidence, not gained contrary evidence.

A spell-checker writes a rare name as the common words nearest it ("Detora Agigo" → "Dinner About"); a carrier
runs its credit and the desk it credits into the lede ("Island Ticker · Vila Desk A storm …"). To the
names-and-numbers guard both were names the original lacks. Read as unread names (``unread``) and as the carrier's
credit (``ownlines``), a copy joins its original; a twin of the desk's template through the same carrier, or a copy
printing other rare names in their place, does not. Through the real detector; our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.dedup.ownlines import own_lines_dropped
from monitor.dedup.unread import worded_names
from monitor.models import Entry

START = datetime(2033, 9, 4, 6, 0, tzinfo=UTC)
REPORT = (
    "A fire on the conveyor of the Aiwo cantilever on 3 September 2033 destroyed 1,240 tonnes of phosphate. "
    "Detora Agigo, manager of the Eigigu Loading Company, said all 38 workers got away unhurt.\n\n"
    "The bulk carrier Tamaro Reach will be delayed 9 days. The government called an inquiry for 21 September 2033, "
    "and the company said insurance would cover A$2,900,000.\n\n"
    "Dock workers said smoke could be seen from the airport, and residents were told to keep windows shut."
)
TWIN = (
    "A fire on the conveyor of the Aiwo cantilever on 3 September 2033 destroyed 860 tonnes of phosphate. "
    "Buada Mwinen, manager of the Orua Loading Company, said all 22 workers got away unhurt.\n\n"
    "The bulk carrier Kopu Star will be delayed 4 days. The government called an inquiry for 17 September 2033, "
    "and the company said insurance would cover A$1,100,000.\n\n"
    "Dock workers said smoke could be seen from the airport, and residents were told to keep windows shut."
)
# What a checker made of each rare name: the common words nearest it.
CHECKED = {
    "Detora Agigo": "Dinner About",
    "Eigigu Loading Company": "Eager Letter Castle",
    "Tamaro Reach": "Table River",
    "Buada Mwinen": "Barn Marine",
    "Orua Loading Company": "Order Letter Castle",
    "Kopu Star": "Kind Pocket",
}


def _checked(text: str, names: dict[str, str] = CHECKED) -> str:
    for name, words in names.items():
        text = text.replace(name, words)
    return text


def _entry(key: str, outlet: str, body: str, hours: float, title: str = "Fire halts Aiwo loading") -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def test_a_name_written_as_common_words_is_read_as_one_a_checker_wrote() -> None:
    assert len(worded_names("Manager Dinner About said. Dinner About left.")) == 2
    # Rare names, names the dictionary capitalises too, and capitals that are no word are names as printed.
    assert not worded_names("Manager Detora Agigo said. Grace Mark of MV Aiwo left.")


def test_a_spell_checked_copy_is_its_story_and_its_twins_copy_is_not() -> None:
    """A checker's copy (its rare names common words) joins the report, its last paragraph trimmed too; the
    checker's copy of the desk's template twin (other figures) does not, nor does a copy printing other rare names
    in the names' places: the copy lost names, a rare name is one it prints."""
    trimmed = _checked(REPORT)[: _checked(REPORT).rindex("\n\n")]
    renamed = _checked(REPORT, {"Detora Agigo": "Kalani Mahoe", "Eigigu": "Vaitele", "Tamaro": "Ulunga"})
    report, copied, twin_copy, other_names = decided(
        [
            _entry("desk", "Naoero Desk", REPORT, 0),
            _entry("copy", "Tidy Digest", trimmed, 1),
            _entry("twin-copy", "Tidy Digest", _checked(TWIN), 3),
            _entry("renamed", "Other Digest", renamed, 4),
        ]
    )
    assert report.story_id is None and copied.story_id == 1, copied.reason
    assert twin_copy.story_id is None, twin_copy.reason
    assert other_names.story_id is None, other_names.reason


def test_a_carriers_credit_of_the_desk_goes_with_its_own_name() -> None:
    """ "<Carrier> · <Desk>" above the story or run into its lede goes, up to the lede's first word (a capital
    before small letters, or a telex's capitals); a masthead in small letters after the mark stays."""
    assert own_lines_dropped("Island Ticker · Vila Desk A storm hit.", "Island Ticker") == "A storm hit."
    assert own_lines_dropped("Dot Relay · Te Reo o Avarua KUA PAKARU TE VAI", "Dot Relay") == "KUA PAKARU TE VAI"
    assert own_lines_dropped("Plain Pages · Vila Desk\n\nA storm hit.", "Plain Pages") == "A storm hit."
    masthead = "Haor Barta · the weekday letter, 05 May. A storm hit."
    assert own_lines_dropped(masthead, "Haor Barta") == masthead


def test_a_ticker_crediting_the_desk_is_its_story_and_its_twins_ticker_is_not() -> None:
    """A ticker's summary opening with its credit of the desk joins the report; its summary of the twin does not."""
    lede = REPORT[: REPORT.index("\n")]
    twin_lede = TWIN[: TWIN.index("\n")]
    report, ticker, twin_ticker = decided(
        [
            _entry("desk", "Naoero Desk", REPORT, 0),
            _entry("ticker", "Island Ticker", f"Island Ticker · Naoero Desk {lede[:180]} …", 1),
            _entry("twin-ticker", "Island Ticker", f"Island Ticker · Naoero Desk {twin_lede[:180]} …", 3),
        ]
    )
    assert report.story_id is None and ticker.story_id == 1, ticker.reason
    assert twin_ticker.story_id is None, twin_ticker.reason


def test_a_spell_checked_copy_longer_than_the_story_so_far_joins_it() -> None:
    """The checker's whole copy read after a ticker's first paragraph of the report (the story's only entry yet)
    joins it: the ticker's rare names are the ones the copy's words stand in place of. The checker's whole copy of
    the twin does not join the twin's ticker paragraph's story, nor the report's."""
    first, twin_first = REPORT[: REPORT.index("\n")], TWIN[: TWIN.index("\n")]
    ticker, copied, twin_ticker, twin_copy = decided(
        [
            _entry("ticker", "Island Ticker", first, 0),
            _entry("copy", "Tidy Digest", _checked(REPORT), 1),
            _entry("twin-ticker", "Island Ticker", twin_first, 2),
            _entry("twin-copy", "Tidy Digest", _checked(TWIN), 3),
        ]
    )
    assert ticker.story_id is None and copied.story_id == 1, copied.reason
    assert twin_ticker.story_id is None, twin_ticker.reason
    assert twin_copy.story_id == 3, twin_copy.reason
