"""A copy in capitals: a wire's telex (round 22, dd22).

Every word of a text in capitals looks like a name, so such a copy printed forty "names" its original
lacks, and failed the names-and-numbers check (a stress kind, ``telex_capitals``: 583 of 1101 copies
joined). Its names are unknown, not other ones: it is read as a caseless text is (``NO_CAPITALS``), its
numbers its facts. Our own stories; the same frame with other numbers, in capitals, stays apart.
"""

from __future__ import annotations

import pytest
from test_dedup_caseless_wrapping import _decided, _html
from test_dedup_classes import _parsed

from monitor.dedup.signature import in_capitals

STORIES = {
    "en": (
        "Harbour authority opens new grain terminal in Port Lincoln",
        (
            "PORT LINCOLN, March 3 — The Eyre Peninsula Harbour Authority on Tuesday opened a grain terminal able"
            " to load 4,200 tonnes an hour, its chief executive Maree Dunstan said.",
            "The terminal cost 186 million dollars and took 27 months to build. Dunstan said it would handle"
            " a third of the region's wheat harvest.",
            "Farmers' groups welcomed the opening, saying trucks had queued for up to nine hours last season.",
        ),
    ),
    "ru": (
        "В Костроме открыли новый речной вокзал",
        (
            "В Костроме во вторник открыли речной вокзал на 640 пассажиров, сообщил глава департамента"
            " транспорта Андрей Мельников.",
            "Строительство обошлось в 2,3 млрд рублей и заняло 19 месяцев. Мельников сказал, что навигация"
            " начнется 12 мая.",
            "Старое здание вокзала передадут краеведческому музею.",
        ),
    ),
    "tr": (
        "İzmir'de yeni feribot iskelesi açıldı",
        (
            "İzmir Büyükşehir Belediyesi salı günü Karşıyaka'da 1.800 yolcu kapasiteli yeni bir feribot"
            " iskelesi açtı, Başkan Yardımcısı Selin Aydemir açıkladı.",
            "İskelenin yapımı 14 ay sürdü ve 96 milyon liraya mal oldu. Aydemir, seferlerin 20 dakikada bir"
            " yapılacağını söyledi.",
            "Eski iskele bakım için kapatılacak.",
        ),
    ),
}
OTHER_NUMBERS = str.maketrans("0123456789", "3456789012")


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_copy_in_capitals_joins_its_story(lang):
    title, paragraphs = STORIES[lang]
    original = _parsed("o", title, _html(paragraphs), outlet="Desk One")
    telex = tuple(p.upper() for p in paragraphs[:-1])  # its last paragraph dropped too
    copy = _parsed("c", title.upper(), _html(telex), outlet="Wire Telex", hours=1)
    assert _decided(original, copy) == [1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_same_frame_with_other_numbers_in_capitals_stays_another_story(lang):
    title, paragraphs = STORIES[lang]
    original = _parsed("o", title, _html(paragraphs), outlet="Desk One")
    other = tuple(p.translate(OTHER_NUMBERS).upper() for p in paragraphs)
    # Its own headline (the first word left out): ``index._same_headline`` reads a text under the very same
    # headline as a summary of that headline's story, a path capitals do not touch.
    headline = " ".join(title.upper().split()[1:])
    bulletin = _parsed("b", headline, _html(other), outlet="Wire Telex", hours=1)
    assert _decided(original, bulletin) == [1, 2]


def test_a_text_is_in_capitals_when_its_lines_in_capitals_hold_most_of_it():
    assert in_capitals("PORT LINCOLN, MARCH 3 — THE GRAIN TERMINAL OPENED ON TUESDAY.\nBy Jane Roe")
    assert in_capitals("İZMIR'DE YENI ISKELE")
    assert not in_capitals("PORT LINCOLN, March 3 — The terminal opened.")
    assert not in_capitals("国家统计局周二公布，一季度GDP同比增长5.3%，高于市场预期。")  # upper by str.isupper
    assert not in_capitals(
        "NEWS IN BRIEF\nThe terminal opened on Tuesday with a ceremony for the port's staff and guests."
    )
