"""Held-out v10 (studied by dd13): what an exporter does to a story's text, undone before it is signed.
v10's newsletter copies (hard-wrapped at 72 columns) and copies whose markup was escaped once more
("&lt;p&gt;") joined their stories on shingles, but shared no sentence word for word (0 of 14), and the
sentences are what the follow-up, re-run and divergence rules read. Our own stories, in Portuguese and
Turkish: the wrapped lines are joined (``clean.unwrapped``), the escaped tags dropped (``clean``).
"""

from __future__ import annotations

import textwrap

from test_dedup_classes import _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.clean import clean, unwrapped

PORTUGUESE = [
    "A Câmara Municipal de Braga aprovou ontem a construção de uma nova ponte pedonal sobre o rio Este, "
    "com 84 metros de comprimento e um custo de 3,1 milhões de euros.",
    "Segundo o vereador das obras, Rui Teixeira, os trabalhos começam em março e devem durar catorze meses.",
    "A ponte vai ligar o parque da cidade ao novo bairro de Lamaçães.",
]
TURKISH = (
    "<p>İZMİR – Karşıyaka'da yeni bir kütüphane açıldı. Belediye Başkanı Elif Demir, binanın 2,4 milyon "
    "liraya mal olduğunu söyledi.</p><p>Kütüphane her gün 09.00 ile 21.00 arasında açık olacak ve "
    "12 bin kitap barındıracak.</p>"
)


def test_a_newsletters_hard_wrapped_copy_has_the_storys_sentences():
    story = "\n".join(PORTUGUESE)
    wrapped = "\n".join(textwrap.fill(paragraph, 72) for paragraph in PORTUGUESE)
    assert unwrapped(wrapped).split("\n") == PORTUGUESE
    assert unwrapped(story) == story  # lines of their own lengths are not wrapped text
    assert unwrapped("Por Ana Lima\n" + wrapped).startswith("Por Ana Lima\n")  # a short line ends
    index = StoryIndex()
    first = _parsed("o", "Braga aprova ponte pedonal", "".join(f"<p>{p}</p>" for p in PORTUGUESE))
    decision = index.find(first, first.published)  # type: ignore[arg-type]  # the parser dates it
    assert decision.signature is not None and first.published is not None
    index.add(1, 1, 1, decision.signature, first.published)
    copy = _parsed("w", "Braga aprova ponte pedonal", wrapped, outlet="Boletim do Minho", hours=1)
    found = index.find(copy, copy.published)  # type: ignore[arg-type]
    assert found.story_id == 1 and "100 % of its sentences" in found.reason, found.reason


def test_markup_escaped_once_more_is_dropped():
    escaped = TURKISH.replace("<", "&lt;").replace(">", "&gt;")
    assert clean(escaped).text == clean(TURKISH).text
    assert "<" not in clean(escaped).text
    assert clean("x <b> y, a<b and <Ahmet>").text == "x  y, a<b and <Ahmet>"  # only HTML's own tags


def test_lines_of_links_are_not_story_text():
    body = (
        "Strona główna › Wiadomości › Kraj\n"
        "Autor: Jan Nowak\n"
        "WARSZAWA (PAP) – Sejm przyjął w piątek ustawę o ochronie lasów.\n"
        "Udostępnij: Facebook · X · WhatsApp\n"
        "Za głosowało 301 posłów."
    )
    cleaned = clean(body)
    assert cleaned.text == "Sejm przyjął w piątek ustawę o ochronie lasów.\nZa głosowało 301 posłów."
    kept = "Sejm przyjął w piątek ustawę.\nLegia 2 · Lech 1 · Raków 3\nDrużyny grały w Warszawie."
    assert clean(kept).text == kept  # a line of figures is the story's data
