"""Held-out v11 (studied by dd14): page chrome read off the page with the story, and a credit set off
by a spaced dash.

A text-only edition opens with "Skip to content" and ends with "Back to top"; a page ends with a
counter beside its icon ("💬 12"). Such a first or last line (a few words, no digit, no sentence end,
no name inside) is not story text (``clean._chrome``): left in, the outlet's copies of other stories
shared it, and a short copy read as a round-up of them. A first line "label - name" on its own is a
credit in any script (``clean._DASHED_CREDIT``). Our own examples, in Spanish, Polish and Thai.
"""

from __future__ import annotations

from datetime import datetime

from test_dedup_classes import _decide, _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.clean import BYLINE, _chrome, clean
from monitor.dedup.signature import signature

MARKET = (
    "<p>Merluza: 6,40 €/kg (+0,20). Sardina: 2,15 €/kg (−0,05). Pulpo: 11,80 €/kg (=).</p>"
    "<p>Descargas: 21.400 kg de 12 barcos.</p>"
)
FERRY = (
    "<p>El nuevo ferry entre Vigo y Cangas hará 14 viajes diarios desde el lunes, anunció la naviera Ría Azul.</p>"
    "<p>El billete costará 2,50 euros y el trayecto durará 20 minutos.</p>"
)


def _text_only(body: str) -> str:
    """``body`` as a text-only accessibility edition prints it: a skip link on top, a link back at the end."""
    return (
        "Saltar al contenido\n\n"
        + body.replace("</p><p>", "\n\n").replace("<p>", "").replace("</p>", "")
        + ("\n\nVolver arriba")
    )


def test_the_chrome_lines_of_a_text_only_edition_are_no_story_text():
    cleaned = clean(_text_only(FERRY))
    assert cleaned.text == clean(FERRY).text
    assert "Saltar" not in cleaned.text and "arriba" not in cleaned.text


def test_a_counter_beside_its_icon_ends_no_story():
    assert clean(FERRY + "<p>💬 12 comentarios</p>").text == clean(FERRY).text


def test_lines_with_a_name_or_in_a_caseless_script_or_sentences_are_not_chrome():
    assert not _chrome("Fuente: Diario del Sur")  # a credit names its outlet
    assert not _chrome("ขอบคุณข้อมูลจากสำนักข่าว")  # no capitals to tell a name by: kept
    assert not _chrome("El puerto cerró.")  # a sentence
    assert not _chrome("Descargas: 21.400 kg")  # a figure is data
    assert _chrome("Volver arriba") and _chrome("Saltar al contenido")


def test_a_text_only_copy_shares_every_shingle_with_its_story_and_no_other():
    # Left in, "Saltar al contenido" was a passage the outlet's copies of other stories shared too.
    when = datetime(2026, 5, 4)
    original = signature(_parsed("f1", "Nuevo ferry Vigo-Cangas", FERRY, outlet="Diario Ría"), when)
    copy = signature(_parsed("f2", "Nuevo ferry Vigo-Cangas", _text_only(FERRY), outlet="Edición Texto"), when)
    assert copy.shingles == original.shingles and copy.sentences == original.sentences
    index, story_of = StoryIndex(), {}
    _decide(index, 1, _parsed("m1", "Precios de la lonja, viernes", MARKET, outlet="Lonja Hoy"), story_of)
    market = _parsed("m2", "Precios de la lonja, viernes", _text_only(MARKET), outlet="Edición Texto", hours=1)
    assert _decide(index, 2, market, story_of) == 1


def test_a_credit_set_off_by_a_spaced_dash_is_no_story_text():
    for credit in ("Autor – Jan Nowak", "ผู้เขียน - สมชาย ใจดี"):
        cleaned = clean(f"{credit}\n\n{FERRY}")
        assert cleaned.text == clean(FERRY).text and cleaned.flags & BYLINE, credit
    # A first sentence with a dash in it is the story's.
    first = "El ferry zarpó a las 8 – con 300 pasajeros.\n\nEl billete costará 2,50 euros."
    assert clean(first).text.startswith("El ferry zarpó")
