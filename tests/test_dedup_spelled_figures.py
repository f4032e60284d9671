"""de77, v72 studied: figures a carrier spells out are read as the values they are (``spelled``).

A caption relay writes a story in capitals with its figures as words ("DOLLARS ZERO POINT SIX TWO", "THREE
THOUSAND TWO HUNDRED TONNES"): no names show by their capitals, no figure in digits. Its copies of one desk's two
template stories (another place, other prices) then showed the facts guard nothing to tell apart. Read as values,
each caption's figures agree with its own report's and differ from the twin's. Through the real detector; our
own reports.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided, feed_entry

from monitor.dedup import spelled
from monitor.dedup.spelled import spelled_spans, spelled_value, with_spelled
from monitor.models import Entry

START = datetime(2033, 6, 7, 6, 0, tzinfo=UTC)
REPORT = (
    "The Madolenihmw fish market said on Tuesday it will pay $0.64 a pound for reef fish. It bought 4,300 pounds "
    "last month from 215 fishers. Market manager Lorenso Iriarte said the price was fair for both sides. Fishers "
    "may bring their catch to the market from Monday to Friday. Some fishers said they were glad, but hoped the "
    "price would rise again before the holidays."
)
TWIN = (
    "The Kitti fish market said on Tuesday it will pay $0.68 a pound for reef fish. It bought 2,900 pounds "
    "last month from 340 fishers. Market manager Anerose Ladore said the price was fair for both sides. Fishers "
    "may bring their catch to the market from Monday to Friday. Some fishers said they were glad, but hoped the "
    "price would rise again before the holidays."
)
HEAD = "FISH MARKET PAYS DOLLARS ZERO POINT SIX"  # a caption's headline, before its last digit
SPOKEN = {
    "$0.64": "dollars zero point six four",
    "4,300": "four thousand three hundred",
    "215": "two hundred fifteen",
    "$0.68": "dollars zero point six eight",
    "2,900": "two thousand nine hundred",
    "340": "three hundred forty",
}


def _caption(text: str) -> str:
    """A caption relay's copy: figures as words, all in capitals."""
    for figure, words in SPOKEN.items():
        text = text.replace(figure, words)
    return text.upper()


def _entry(key: str, outlet: str, body: str, hours: float, title: str) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def test_a_spelled_figure_is_its_value_and_a_count_or_a_day_is_none() -> None:
    assert spelled_value("THREE HUNDRED THIRTY-FIVE") == 335
    assert spelled_value("two million seven hundred eighty thousand") == 2_780_000
    assert spelled_value("three hundred and ten") == 310
    assert spelled_value("zero point six four") == 0.64
    assert spelled_value("twenty-six") is None  # a count: no scale word, no decimal point
    assert spelled_value("twenty thirty hundred") is None  # words that make no one number
    assert spelled_value("zero point five eight") is None  # a clock's shape, as "0.58" in digits is read
    assert [value for _, _, value in spelled_spans("SIXTEEN/FIVE, FOUR THOUSAND THREE HUNDRED TONNES.")] == [4300]
    assert spelled_spans("It paid four thousand three …") == []  # cut by an aggregator: no figure


def test_the_caption_of_a_desks_template_twin_is_another_story_and_its_reports() -> None:
    """The caption of the desk's second template story comes before the story itself: its figures in words differ
    from the first caption's (and the first report's) where a copy's would agree, so it starts a story of its own,
    which the twin's report then joins."""
    report, caption, twin_caption, twin = decided(
        [
            _entry("desk", "Pohnpei Desk", REPORT, 0, "Madolenihmw fish market pays $0.64"),
            _entry(
                "cap",
                "Caption Relay",
                _caption(REPORT),
                0.5,
                f"MADOLENIHMW {HEAD} FOUR",
            ),
            _entry("twin-cap", "Caption Relay", _caption(TWIN), 4.5, f"KITTI {HEAD} EIGHT"),
            _entry("twin", "Pohnpei Desk", TWIN, 5, "Kitti fish market pays $0.68"),
        ]
    )
    assert report.story_id is None and caption.story_id == 1, caption.reason
    assert twin_caption.story_id is None, twin_caption.reason
    assert twin.story_id == 3, twin.reason


def test_a_caption_of_the_same_figures_in_words_is_its_report_under_any_place() -> None:
    """The negative: the figures read as words do not part a caption from its own report's other caption."""
    first, second = decided(
        [
            _entry("cap", "Caption Relay", _caption(REPORT), 0, "MADOLENIHMW FISH MARKET"),
            _entry("cap2", "Night Caption Relay", _caption(REPORT), 1, "FISH MARKET PAYS"),
        ]
    )
    assert first.story_id is None and second.story_id == 1, second.reason


def test_a_figure_spelled_in_the_entrys_language_is_read_beside_english() -> None:
    """text2num reads the entry's language (``Entry.lang``) when it knows it; English is read in any text, and a
    plural scale word nobody counts ("des milliers", "cientos de") is a vague quantity, no figure."""
    french = "Le marché a acheté trois mille deux cents tonnes à zéro virgule soixante-quatre dollars, des milliers."
    assert [value for _, _, value in spelled_spans(french, "fr")] == [3200, 0.64]
    assert spelled_spans(french) == []  # not read as English: "mille" is no English word
    spanish = "Compró dos mil trescientas toneladas a cientos de pescadores. It paid four thousand pounds."
    assert [value for _, _, value in spelled_spans(spanish, "es")] == [2300, 4000]
    assert [value for _, _, value in spelled_spans(spanish, "xx")] == [4000]  # a language text2num does not know
    assert spelled_value("trois mille deux cents", "fr") == 3200
    assert spelled_value("veintiséis", "es") is None  # a count: no scale word


def test_a_vague_plural_or_a_run_across_lines_is_no_figure() -> None:
    assert spelled_spans("Thousands of travellers were stuck; hundreds of staff stayed home.") == []
    # A run is read within its line, as before text2num (which would join "three\nthousand" into 3200).
    assert [value for _, _, value in spelled_spans("It paid three\nthousand two hundred later.")] == [1200]


def test_with_spelled_merges_the_figures_among_the_spans_and_passes_the_language() -> None:
    text = "Il a payé zéro virgule soixante-quatre dollars pour 4,300 livres."
    spans = [(text.index("4,300"), 7)]
    assert with_spelled(text, spans) == (spans, ())
    merged, figures = with_spelled(text, spans, "fr")
    assert [at for at, _ in merged] == [text.index("zéro"), text.index("4,300")]
    assert [value for _, value in figures] == [0.64]


def test_text2num_reads_only_lines_that_may_hold_a_counted_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """sp59: a line with a mark but no number word ("appointed", "a point of order") is never handed to text2num,
    nor one whose only number word is a scale word between spaces ("EUR 4.1 billion."), read as its value; the
    other lines still are, and their figures are the same."""
    read: list[str] = []
    reading = spelled.alpha2digit
    monkeypatch.setattr(spelled, "alpha2digit", lambda line, lang: read.append(line) or reading(line, lang))
    idle = "She was appointed at that point.\nA point of order, pointed.\n"
    assert spelled_spans(idle) == [] and read == []
    lone = "It cost EUR 4.1 billion.\nSeveral hundred people marched.\n"
    counted = (
        "Two hundreds came.\nEighteen and millions went.\nIt rose three.five points.\nAt zero point six two.\n"
        "Three thousand left, a billion-dollar plan.\n"
    )
    values = [value for _, _, value in spelled_spans(idle + lone + counted)]
    assert values == [1e9, 100, 200, 18e6, 3.5, 0.62, 3000]
    assert read == counted.splitlines(keepends=True)


@pytest.mark.parametrize("seed", range(3))
def test_the_lines_text2num_skips_are_read_alike(seed: int) -> None:
    """The lines text2num skips (no number word; a lone scale word) give what it would read: on random lines of
    number words, scale words, "point", glue and separators, ``_runs`` equals text2num's reading (``_read``)."""
    rng = random.Random(seed)
    number = spelled._EN_WORDS.split("|")
    words = [*number, *(w + "s" for w in number), "point", "and", "of", "the", "5", "3.5", "EUR 4.1", "x"]
    words += ["billion", "million", "hundred", "thousand", "cost", "paid"] * 8
    glue = [" ", " ", " ", " ", "-", ".", ",", ", ", ". ", "/", "\u00a0", "(", ") ", "_", "", "; "]
    lone = 0
    for _ in range(3000):
        line = "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 6)))
        line = line.upper() if rng.random() < 0.3 else line
        skipped = not spelled._number_words(line.lower()) or spelled._lone_scale(line) is not None
        lone += spelled._lone_scale(line) is not None
        if skipped:
            assert list(spelled._runs(line, "en")) == list(spelled._read(line, "en")), line
    assert lone > 40  # the lines do hold lone scale words
