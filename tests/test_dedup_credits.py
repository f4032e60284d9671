"""Held-out v7's credits (studied in session 10): a copy puts its writer on a line of her own above
the dateline, with a credit word of a language nobody listed ("Autors Ilze Ozoliņa", "Сурвалжлагч
Б. Сарангэрэл"). The story starts at its dateline: a short line above it, with no sentence end, is
wrapping, so the writer's name is no fact of the copy's own. Probed in Albanian, which no
labelled set uses, every entry read by the real parser.
"""

from __future__ import annotations

from dedup_support import assert_one_alert
from test_dedup_scripts import _copies

from monitor.dedup.clean import BYLINE, DATELINE, clean

STORY = (
    "Bashkia e Beratit hapi të hënën urën e re mbi lumin Osum, e gjatë 140 metra. Kryetari Arben Dervishi "
    "tha se ura kushtoi 3 milionë euro dhe do të lehtësojë trafikun e qendrës."
)
WIRE = (
    f"<p>BERAT (Agjencia Osumi) – {STORY}</p><p>Ura e vjetër do të mbyllet për riparim deri në pranverë. "
    "Punimet do t'i kryejë firma Vjosa Ndërtim.</p><p>Banorët e lagjes Mangalem e quajtën urën një lehtësim "
    "të madh për fëmijët që shkojnë në shkollë.</p>"
)
COPY = f"<p>Shkruan Elira Hoxha</p><p>BERAT (Lajmi i Jugut) – {STORY}</p><p>Lexo më shumë »</p>"  # first paragraph


def test_a_credit_line_above_the_dateline_is_wrapping_in_any_language():
    for credit in ("Shkruan Elira Hoxha", "Autori: E. Hoxha", "🔊 Dëgjoni artikullin (3 min)"):
        cleaned = clean(f"{credit}\nBERAT (Lajmi i Jugut) – {STORY}")
        assert cleaned.flags & DATELINE and cleaned.text == STORY, cleaned
        # a credit is a byline; a symbol's badge is the carrier's, gone before the opening is read (``carriers``)
        assert bool(cleaned.flags & BYLINE) is not credit.startswith("🔊"), cleaned


def test_a_line_above_a_sentence_or_a_sentence_above_the_dateline_stays():
    for body in (f"Ura e re e Beratit\n{STORY}", f"Ura u hap sot.\nBERAT (Lajmi i Jugut) – {STORY}"):
        assert clean(body).text.splitlines()[0] == body.splitlines()[0], body


def test_a_copy_with_its_writer_above_the_dateline_alerts_once(tmp_path, feed_server, json_receiver):
    rows = _copies(("Berati hap urën e re mbi Osum", WIRE), ("Urë e re në Berat", COPY))
    assert_one_alert(tmp_path, feed_server, json_receiver, rows, "Berat")
