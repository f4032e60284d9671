"""Held-out v64 (studied by de70): a desk's template twin joined its base report's story through the TV ticker.

A desk files a report; a TV ticker logs it in capitals, cut to the first words of each sentence, so its names
are not read as names and it carries too few names and numbers for the guard to compare. The same desk's next
report fills the same template (another valley, other people and figures): it shares enough passages with the
ticker to be its copy by text, and nothing there says otherwise, while the report itself, resembled as closely,
prints other names and numbers in the same sentences. The member with facts to compare speaks over the member
with none (``monitor.dedup.members``). A wire update correcting one figure keeps the report's other names and
numbers: it still joins. Our own texts, in English.
"""

from __future__ import annotations

from test_dedup_classes import decided_stories

REPORT = (
    "Members of the {valley} Apple Growers Cooperative shipped {crates} crates of apples to the packing plant"
    " at Dunmore this month, the cooperative said on Tuesday.\n\n"
    "The growers said the weather had been kind to the orchards all through the summer and that the fruit was"
    " larger and sweeter than it had been for several years.\n\n"
    'Its chairman, {chair}, said growers were paid {price} a crate. "We have worked hard all through the'
    ' season," {pronoun} said.\n\n'
    "The cooperative has {growers} member growers. They will buy {buy} with the money they earned.\n\n"
    "The cooperative said its second shipment would begin in {month}, once the late varieties had been picked"
    " and stored in the cold rooms at the packing plant."
)
KELSO = {
    "valley": "Kelso Valley",
    "crates": "18,600",
    "chair": "Angus Mowbray",
    "price": "£14",
    "pronoun": "he",
    "growers": "64",
    "buy": "two new lorries",
    "month": "July",
}
ETTRICK = {
    "valley": "Ettrick Valley",
    "crates": "11,250",
    "chair": "Morag Elliot",
    "price": "£12",
    "pronoun": "she",
    "growers": "39",
    "buy": "one new tractor",
    "month": "August",
}
TITLE = "{valley} growers ship {crates} crates of apples to Dunmore"
TICKER = (
    "MEMBERS OF THE KELSO VALLEY APPLE GROWERS COOPERATIVE SHIPPED ◆ THE GROWERS SAID THE WEATHER HAD BEEN KIND"
    " TO THE ORCHARDS ALL THROUGH THE SUMMER AND THAT THE FRUIT WAS LARGER ◆ ITS CHAIRMAN, ANGUS MOWBRAY, SAID"
    " GROWERS WERE ◆ THE COOPERATIVE HAS 64 MEMBER GROWERS ◆ THE COOPERATIVE SAID ITS SECOND SHIPMENT WOULD BEGIN"
)
DESK, TV, WIRE = "Border Valley Tide", "Channel Nine Ticker Log", "Coral Wire Updates"


def _report(facts: dict[str, str], hours: float, outlet: str = DESK) -> tuple[str, str, str, float]:
    return outlet, TITLE.format(**facts), REPORT.format(**facts), hours


def _ticker(hours: float) -> tuple[str, str, str, float]:
    return TV, TITLE.format(**KELSO).upper(), TICKER, hours


def test_a_template_twin_does_not_join_through_a_tickers_copy_in_capitals():
    pieces = (_report(KELSO, 0), _ticker(1), _report(ETTRICK, 4))
    assert decided_stories(pieces, "t") == [1, 1, 3]


def test_a_wire_update_correcting_one_figure_still_joins_beside_the_ticker():
    corrected = {**KELSO, "crates": "16,800"}
    outlet, title, body, _ = _report(corrected, 0, WIRE)
    update = (outlet, title, "UPDATE: corrects the number of crates to 16,800.\n\n" + body, 5)
    pieces = (_report(KELSO, 0), _ticker(1), _report(ETTRICK, 4), update)
    assert decided_stories(pieces, "u") == [1, 1, 3, 1]


def test_another_tickers_copy_in_capitals_still_joins():
    """Two members with no facts to compare: no member speaks, the text decides."""
    pieces = (_report(KELSO, 0), _ticker(1), ("Harbour Screens Relay", *_ticker(2)[1:]))
    assert decided_stories(pieces, "c") == [1, 1, 1]
