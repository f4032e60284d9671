"""Review s24 (dd44): a row of the story's own facts under a label is story text; a row of links is not.

``clean._related`` drops an outlet's row of its other headlines under a story ("See also · <headline> ·
<headline>"). It read any short label and short items as that row, so a results bulletin's scores ("Results ·
Spain beat Italy 2-1 · …") and a fact box's items went too, and two bulletins of one frame differing in that row
alone shared all their text. The label says which it is: one that points elsewhere ("see", "read", "also",
"more", "related", an advertising label) heads a row of links; one naming what follows heads the story's facts.
Fiction, in Spanish, Russian and Chinese, our own words.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.clean import clean

FACT_ROWS = [
    "Resultados · España ganó a Italia 2-1 en Madrid · Francia empató con Gales 0-0 en casa",
    "Las cifras | El gasto sube una quinta parte el año próximo | Los impuestos bajan para casi todas las familias",
    "Итоги тура · Спартак обыграл Зенит 2:1 · ЦСКА и Локомотив сыграли вничью 0:0",
    "Участники встречи · министры Лавров и Ван И · посол Иванов и советник Чжан",
]
LINK_ROWS = [
    "Lea también · El alcalde defiende su presupuesto · Suspendida la huelga del metro",
    "Más noticias | Nuevo puente en Sevilla | Cierra la fábrica de Vigo",
    "Читайте также · Мэр защитил бюджет · Забастовку в метро отменили",
    "相关新闻 · 北京迎来今冬首场降雪 · 上海地铁新线开通",
    "Anzeige · Winterreifen ab 290 Euro · Dänisch lernen online",
]


@pytest.mark.parametrize("row", FACT_ROWS)
def test_a_labelled_row_of_the_story_s_facts_stays(row):
    text = f"La jornada terminó tarde.\n{row}\nLa final es el domingo."
    assert row in clean(text).text


@pytest.mark.parametrize("row", LINK_ROWS)
def test_a_row_of_links_under_a_pointing_label_goes(row):
    text = f"La jornada terminó tarde.\n{row}\nLa final es el domingo."
    assert clean(text).text == "La jornada terminó tarde.\nLa final es el domingo."


def test_a_pointing_label_with_a_colon_goes():
    assert clean("Story told.\nLesen Sie auch: · Neue Fähre für Kiel · Busse fahren wieder").text == "Story told."


BULLETIN = (
    "Los partidos de la jornada terminaron tarde por la lluvia, informó la federación.\n{row}\n"
    "La final se jugará el domingo en el estadio nacional."
)
ES = "Resultados · {} · {} · {}"
RU = "Итоги тура · {} · {} · {}"


@pytest.mark.parametrize(
    ("one", "two"),
    [
        (
            ES.format("España ganó a Italia 2-1 en Madrid", "Francia empató con Gales 0-0 en casa",
                      "Alemania venció a Austria 4-1 en Berlín"),
            ES.format("Portugal ganó a Grecia 3-0 en Lisboa", "Bélgica perdió con Suiza 1-2 en casa",
                      "Polonia venció a Chequia 2-0 en Varsovia"),
        ),
        (
            RU.format("Спартак обыграл Зенит 2:1 в Москве", "ЦСКА и Локомотив сыграли вничью 0:0",
                      "Динамо победило Ахмат 4:1 в Грозном"),
            RU.format("Ростов обыграл Рубин 3:0 в Ростове", "Краснодар и Сочи сыграли вничью 1:1",
                      "Оренбург победил Факел 2:0 в Воронеже"),
        ),
    ],
)  # fmt: skip
def test_two_bulletins_differing_in_their_results_row_stay_apart(one, two):
    """On main the row went: the two shared all their text and joined."""
    pieces = (
        ("Liga Desk", "Resultados de la jornada", BULLETIN.format(row=one), 0.0),
        ("Sports Wire", "Resultados de la jornada", BULLETIN.format(row=two), 2.0),
    )
    assert decided_stories(pieces, "results") == [1, 2]
