"""Held-out v25 and v26 (studied by dd29): a page's stamp on a print edition's or print view's copy.

An e-paper puts its folio on top of the story ("E-paper · Outlet · page 3 · 02.11.2026"), a print view
its footer under it ("Printed from example.org · 02.11.2026 14:05"). Such a first or last line, items
apart by a separator with a date and its year among them and no sentence end, is no story text
(``clean._page_stamp``): left in, its page number and day were facts the story lacked, and the copy
alerted twice. Our own examples, in Portuguese and Georgian.
"""

from __future__ import annotations

from test_dedup_classes import decided_stories

from monitor.dedup.clean import _page_stamp, clean

PORTUGUESE = (
    "<p>SETÚBAL — A câmara abriu 3 novas creches no bairro da Bela Vista, com 180 vagas, disse a vereadora "
    "Inês Barreto.</p><p>As obras custaram 2,4 milhões de euros.</p>"
)
GEORGIAN = (
    "<p>ქუთაისი — ქალაქში 12 ახალი ავტობუსი გამოვიდა, განაცხადა მერმა ნიკა ბერიძემ.</p>"
    "<p>ავტობუსები 40 მგზავრს იტევს.</p>"
)


def test_a_folio_on_top_and_a_print_footer_below_are_no_story_text():
    for body in (PORTUGUESE, GEORGIAN):
        stamped = "<p>Edição digital · Jornal do Sado · pág. 7 · 02.11.2026</p>" + body
        stamped += "<p>Impresso de sado.example · 2026-11-02 14:05</p>"
        assert clean(stamped).text == clean(body).text


def test_a_line_of_figures_or_a_sentence_with_a_date_is_kept():
    assert not _page_stamp("Ações: 12,40 € · 13,10 € · 11,95 €")  # data, no date
    assert not _page_stamp("A reunião de 02.11.2026 · foi adiada.")  # a sentence
    assert not _page_stamp("ხელშეკრულება 02.11.2026 გაფორმდა")  # no separator: a line of the story
    assert _page_stamp("ელ-გაზეთი · გვ. 4 · 02.11.2026")


def test_the_e_paper_and_print_view_copies_join_their_story():
    for key, body in (("pt", PORTUGUESE), ("ka", GEORGIAN)):
        pieces = (
            ("Origem", "Título", body, 0.0),
            ("Papel", "Título", "<p>E-paper · Papel · p. 2 · 02.11.2026</p>" + body, 1.0),
            ("Vista", "Título", body + "<p>Printed from vista.example · 02.11.2026 09:40</p>", 2.0),
        )
        assert len(set(decided_stories(pieces, key))) == 1
