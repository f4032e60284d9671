"""Held-out v35 (studied by dd36): a headline-only teaser linking to its story, under a decorated headline.

A teaser carries no body: its summary is the story's headline, an arrow and the address of the original
("<headline> ➜ https://…"), and its page puts a live blog's clock time before the headline ("06:31 · …") or
its edition's name after it ("… · Evening edition"). That line was read as the teaser's text: the headline's
words, which the original's body does not print, shared more with other reports of the same frame than with
its own story (a closest match below the threshold, or a "round-up" of several stories), and the headline no
longer matched the original's: 22 copies alerted twice. A line of a label, an arrow and a web address is a
link, no text (the headline stands in for it), and a headline is compared without the clock time before it
and a short label after a middle dot or bar. Our own stories, in Georgian and Spanish.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.clean import bare_headline, clean

STORIES = {
    "ka": (
        "ქუთაისში ღამის ავტობუსი გაიხსნა, ნინო ბერიძე: 3,400 მგზავრი ისარგებლებს",
        "ქუთაისი — ქალაქის მერიამ ორშაბათს ღამის ავტობუსის ახალი ხაზი გახსნა. ნინო ბერიძის თქმით, ხაზით "
        "დღეში 3,400 მგზავრი ისარგებლებს.\nავტობუსი ყოველდღე 22 საათიდან 3 საათამდე ივლის, პირველი თვე უფასოა.",
    ),
    "es": (
        "Cuenca estrena autobús nocturno y Lucía Paredes prevé 3.400 viajeros al día",
        "CUENCA — El ayuntamiento de Cuenca estrenó el lunes una línea de autobús nocturno. Según la concejala "
        "Lucía Paredes, unos 3.400 viajeros la usarán cada día.\nEl autobús circulará de 22.00 a 3.00 y será "
        "gratuito durante el primer mes.",
    ),
}
LINK = "https://origen.example/noticias/8c41d2"


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (f"Cuenca estrena autobús nocturno ➜ {LINK}", ""),  # a label: the whole line is the link
        (f"ქუთაისში ღამის ავტობუსი გაიხსნა → {LINK}", ""),
        # sentences before the arrow are text: only the link goes
        (f"Circulará de noche. Será gratuito un mes → {LINK}", "Circulará de noche. Será gratuito un mes"),
        (f"Cuenca estrena su autobús nocturno. ➜ {LINK}", "Cuenca estrena su autobús nocturno."),  # a sentence
        (f"¿Llega el autobús nocturno a Cuenca? ➜ {LINK}", ""),  # a headline may ask
        (f"Lea la noticia en {LINK} desde hoy.", f"Lea la noticia en {LINK} desde hoy."),  # no arrow: text
    ],
)
def test_a_labelled_link_line_is_no_text(line, text):
    assert clean(line).text == text


@pytest.mark.parametrize(
    ("headline", "bare"),
    [
        ("06:31 · Cuenca estrena autobús nocturno", "Cuenca estrena autobús nocturno"),
        ("Cuenca estrena autobús nocturno · Edición Castilla", "Cuenca estrena autobús nocturno"),
        ("22.05 | ქუთაისში ღამის ავტობუსი · საღამოს გამოცემა", "ქუთაისში ღამის ავტობუსი"),
        # kept: a label with a figure, a long one, a time that is no clock's, a dash (part of many headlines)
        ("Cuenca estrena autobús · Día 2", "Cuenca estrena autobús · Día 2"),
        ("Cuenca · el ayuntamiento estrena hoy su autobús", "Cuenca · el ayuntamiento estrena hoy su autobús"),
        ("27.30 · Cuenca estrena autobús", "27.30 · Cuenca estrena autobús"),
        ("Cuenca estrena autobús — Lucía Paredes", "Cuenca estrena autobús — Lucía Paredes"),
    ],
)
def test_a_headline_without_its_pages_clock_time_and_edition(headline, bare):
    assert bare_headline(headline) == bare


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_teasers_under_decorated_headlines_join_their_story(lang):
    title, body = STORIES[lang]
    pieces = (
        ("Origin Desk", title, body, 0.0),
        ("Pocket App", f"07:15 · {title}", f"{title} ➜ {LINK}", 2.0),
        ("Region Mailer", f"{title} · Evening edition", f"{title} ➜ {LINK}", 5.0),
    )
    assert decided_stories(pieces, lang) == [1, 1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_teaser_of_the_next_bulletin_stays_apart(lang):
    """A later report of one template prints its own figure in the headline: its teaser is its story's."""
    title, body = STORIES[lang]
    later_title, later_body = title.replace("3,400", "5,900").replace("3.400", "5.900"), body.replace("3", "5")
    pieces = (
        ("Origin Desk", title, body, 0.0),
        ("Origin Desk", later_title, later_body, 30.0),
        ("Pocket App", f"09:40 · {later_title}", f"{later_title} ➜ {LINK}", 31.0),
    )
    assert decided_stories(pieces, lang) == [1, 2, 2]
