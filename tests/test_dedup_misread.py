"""de78, v75 studied: copies whose carrier rewrote how figures and names are written are one story.

A fax gateway's recognition reads 0 as O and 1 as l inside figures ("2O33", "l2 4OO"); a ticker in capitals
writes a day as "D14"; a relay re-letters a Latin text in Greek letters (h as χ). Each copy split from its own
story: the facts guard read the misread figures and the ticker's days as facts the original lacks, and the
Greek copy's skeleton read χ as a k. Read as what they stand for, each copy joins its report, and the same
carrier's copy of a desk's template twin (other figures) stays apart. Through the real detector; our own texts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided, feed_entry

from monitor.dedup.alphabets import sounded
from monitor.dedup.misread import digits_read, glued_to_letters
from monitor.models import Entry

START = datetime(2033, 3, 9, 6, 0, tzinfo=UTC)
REPORT = (
    "The Vaitepa cooperative said on 14 March it shipped 12 400 sacks of copra this season, against 9 700 last "
    "season, for 61 million francs. Cooperative head Marama Tevaite said the weather had been kind to the "
    "groves. The cooperative has 23 members on the island of Hitiaa.\n\n"
    "Buyers in Auckland and Suva took most of the copra, Tevaite said. The next season opens on 3 June 2033, "
    "and the cooperative hopes to add 4 new dryers before then."
)
TWIN = (
    "The Tiarei cooperative said on 14 March it shipped 8 300 sacks of copra this season, against 7 100 last "
    "season, for 45 million francs. Cooperative head Hina Purotu said the weather had been kind to the "
    "groves. The cooperative has 17 members on the island of Hitiaa.\n\n"
    "Buyers in Auckland and Suva took most of the copra, Purotu said. The next season opens on 3 June 2033, "
    "and the cooperative hopes to add 2 new dryers before then."
)
LATIN = (
    "Ua hoho te pahi vaka Moana Tea i te hope o te ava o Hakahoa i te po, e 38 tane i roto. Aita he mea i pohe, "
    "ua hoi mai te mau taata ki uta. Ua parau mai Tehiva Maruhau, te hakaiki o te ava: e hau tai tei hoho i te "
    "pahi. E 4 hora te pahi i mau ai i te papa. Ua tono te hau o Hivaoa i te 2 vaka e tahi i te vai. E hoi te "
    "Moana Tea i Papeete i te hope o te avae, i te parau a te kamupani Motu Hava Transport."
)
LATIN_TWIN = (
    LATIN.replace("Moana Tea", "Tiare Nui")
    .replace("Hakahoa", "Vaipaee")
    .replace("38", "52")
    .replace("Tehiva Maruhau", "Teiki Hapuna")
    .replace("E 4 hora", "E 6 hora")
    .replace("Motu Hava", "Faaite Nui")
)
_GREEK = str.maketrans("aeiouhkmnprtvfAEIOUHKMNPRTVF", "αειουχκμνπρτβφΑΕΙΟΥΧΚΜΝΠΡΤΒΦ")


def _entry(key: str, outlet: str, body: str, hours: float, title: str) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def _fax(text: str) -> str:
    """A fax gateway's copy: 0 read as O and 1 as l inside figures."""
    return "".join(
        ("O" if char == "0" else "l" if char == "1" else char)
        if char in "01" and (text[at - 1 : at].isdigit() or text[at + 1 : at + 2].isdigit() or char == "0")
        else char
        for at, char in enumerate(text)
    )


def _ticker(text: str) -> str:
    """A ticker's copy: in capitals, a day with its month's name as "D14"."""
    return text.replace("on 14 March", "on D14").replace("on 3 June 2033", "on D3").upper()


def test_a_greek_lettered_word_is_read_in_the_sounds_of_its_latin_letters() -> None:
    assert sounded("ταιοχαε") == sounded("taiohae")  # χ the breath "h" and "kh" write
    assert sounded("τιυνυ") == sounded("tiunu")
    assert sounded("χαλκιδα") == sounded("khalkida")


def _greek(text: str) -> str:
    """A relay's copy in Greek letters, letter for letter."""
    return text.translate(_GREEK)


def test_a_misread_figure_is_read_as_the_digits_it_stands_for() -> None:
    assert digits_read("e l2 4OO poe i te l4 Tiunu, 2O33") == "e 12 400 poe i te 14 Tiunu, 2033"
    assert digits_read("de l 200 litres, 8OO OOO francs, l,2 million") == "de 1 200 litres, 800 000 francs, 1,2 million"
    assert digits_read("A320, G7, lOl, Ol. 4, In 2020, I said") == "A320, G7, lOl, Ol. 4, In 2020, I said"
    assert glued_to_letters("on d14 it", 4) and not glued_to_letters("on 14 it", 3)


CARRIERS = [  # (carrier, its rewrite, the desk's report and twin, headlines)
    ("Fax Relay", _fax, REPORT, TWIN, ("Vaitepa ships l2 4OO sacks", "Tiarei ships 8 3OO sacks")),
    ("Ticker", _ticker, REPORT, TWIN, ("VAITEPA SHIPS 12 400 SACKS", "TIAREI SHIPS 8 300 SACKS")),
    ("Greek Relay", _greek, LATIN, LATIN_TWIN, ("Υα χοχο τε παχι Μοανα Τεα", "Υα χοχο τε παχι Τιαρε Νυι")),
]


@pytest.mark.parametrize(("carrier", "rewrite", "report", "twin", "titles"), CARRIERS)
def test_a_carriers_copy_joins_its_report_and_its_copy_of_the_twin_stays_apart(
    carrier: str, rewrite: Callable[[str], str], report: str, twin: str, titles: tuple[str, str]
) -> None:
    """The carrier's copy joins the desk's report; its copy of the desk's template twin (other names and
    figures, most sentences alike) starts a story of its own."""
    assert rewrite(report) != report
    first, copy, twin_copy = decided(
        [
            _entry("desk", "Island Desk", report, 0, "Island desk report"),
            _entry("copy", carrier, rewrite(report), 2, titles[0]),
            _entry("twin-copy", carrier, rewrite(twin), 3, titles[1]),
        ]
    )
    assert first.story_id is None and copy.story_id == 1, copy.reason
    assert twin_copy.story_id is None, twin_copy.reason
