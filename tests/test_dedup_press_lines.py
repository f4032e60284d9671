"""Held-out v9's municipal releases (studied by dd12): two announcements of one council on one morning
(a water cut, a tariff) each ended with the council's press line, "021 807 4500", read as two figures
they shared; with the council's name they made one event. A telephone number is no figure of an
event. Our own two releases of a Portuguese council, and the shapes of numbers in several countries.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import _events_of_new_stories

from monitor.dedup.eventkeys import _numbers

WATER = (
    "<p>Comunicado da Câmara Municipal de Setúbal: o abastecimento de água em Azeitão será interrompido "
    "na quinta-feira das 9h às 17h para reparar uma conduta na Rua da Fonte.</p><p>Informações: 021 345 6789.</p>"
)
TARIFF = (
    "<p>Comunicado da Câmara Municipal de Setúbal: a tarifa de resíduos para as famílias sobe 4,5 % a partir "
    "de janeiro, aprovou a Assembleia Municipal na quarta-feira.</p><p>Informações: 021 345 6789.</p>"
)


def test_two_releases_of_one_council_sharing_its_press_line_are_two_events():
    items = [("Câmara de Setúbal: corte de água em Azeitão", WATER), ("Câmara de Setúbal: tarifa de resíduos", TARIFF)]
    assert _events_of_new_stories(items, "Diário do Sado", 1 / 6) == [1, 2]


@pytest.mark.parametrize(
    "text",
    ["Informações: 021 345 6789.", "Звоните +7 495 123-45-67.", "Tel. 0800 22 33 44", "+44 (0)20 7946 0000"],
)
def test_a_telephone_number_is_no_figure(text):
    assert _numbers(text)[0] == []


def test_figures_with_a_zero_or_in_groups_are_still_figures():
    assert _numbers("Il tasso sale dello 0,5 % a 1 200 000 euro; nel 2014 erano 1.200.")[0] == [
        "0.5",
        "1.2e+06",
        "2014",
        "1200",
    ]
