"""Held-out v9's company releases (studied by dd12): two releases of one company on one day (a new chief
executive, a new plant) closed with the same "About Greyfen Robotics: founded in 2014 in Leeds …
employs 1,200 people" paragraph; its place and figures made the two one event. An issuer's closing
"about" block names the issuer, in each release: not the event. Our own releases, in Spanish.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import _events_of_new_stories

from monitor.dedup.eventkeys import _without_about, _words

ABOUT = "Acerca de Vialsur Logística: fundada en 2011 en Zaragoza, Vialsur emplea a 2.300 personas en seis países."
CEO = (
    "<p>Vialsur Logística anunció el martes el nombramiento de Carmen Ibarra como consejera delegada a partir "
    "de marzo, en sustitución de Tomás Uriarte.</p><p>Ibarra dirigía hasta ahora la filial portuguesa.</p>"
)
PLANT = (
    "<p>Vialsur Logística anunció el martes que abrirá un centro de distribución en Lleida el próximo año, "
    "con 180 empleos.</p><p>El centro atenderá a los supermercados del noreste.</p>"
)


@pytest.mark.parametrize(
    "about", [f"<p>{ABOUT}</p>", "<p>Acerca de Vialsur Logística</p><p>" + ABOUT.split(": ", 1)[1] + "</p>"]
)
def test_two_releases_of_one_company_closing_with_its_about_block_are_two_events(about):
    titles = (
        "Vialsur Logística nombra a Carmen Ibarra consejera delegada",
        "Vialsur Logística abrirá un centro en Lleida",
    )
    items = list(zip(titles, (CEO + about, PLANT + about), strict=True))
    assert _events_of_new_stories(items, "Agencia Ebro", 1 / 12) == [1, 2]


def test_a_closing_paragraph_without_a_label_naming_the_headlines_subject_is_kept():
    title = _words("Vialsur Logística abrirá un centro en Lleida")
    for last in ("Nota: el centro abrirá en mayo.", "Ibarra dijo: «Creceremos».", "El centro abrirá en 2027."):
        body = f"Vialsur abrirá un centro.\n{last}"
        assert _without_about(body, title) == body
    assert _without_about(f"Vialsur abrirá un centro.\n{ABOUT}", title) == "Vialsur abrirá un centro."
