"""Held-out v29 (studied by dd31): an app's teaser of a summary cut short.

An app edition prints the story's opening cut mid-sentence ("… a spus că …") and then its own call, one short
sentence ("Continue in the <Outlet> app."). The end after an ellipsis was wrapping only as a few words without
a sentence end ("… Lire la suite"): with its full stop the call stayed story text, and the teaser was no longer
the opening of its original: 3 copies alerted twice. A tail after an ellipsis may be one short sentence of its
own (``clean._TAIL_AFTER_ELLIPSIS``). Our own examples, in Portuguese (Latin), Russian (Cyrillic) and Georgian
(a caseless script).
"""

from __future__ import annotations

import time

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.clean import TRUNCATED, clean

PORTUGUESE = (
    "COIMBRA — A câmara municipal abriu na segunda-feira 14 novos postos de carregamento no Largo da Portagem,"
    " disse o vereador Rui Tavares. A obra custou 380.000 euros e os postos servem 28 carros ao mesmo tempo.",
    "Mais 9 postos abrem em março junto ao Estádio Cidade de Coimbra.",
)
RUSSIAN = (
    "ВОЛОГДА — Городская администрация в понедельник открыла 14 новых зарядных станций на Соборной горке,"
    " сообщил заместитель мэра Олег Карпов. Работы стоили 38 миллионов рублей, станции обслуживают 28 машин.",
    "Ещё 9 станций откроются в марте у стадиона «Динамо».",
)
GEORGIAN = (
    "ქუთაისი — მერიამ ორშაბათს თეთრი ხიდის მახლობლად 14 ახალი დამტენი სადგური გახსნა, განაცხადა მერის"
    " მოადგილემ ლევან ბერიძემ. სამუშაოები 380 000 ლარი დაჯდა და სადგურები ერთდროულად 28 მანქანას ემსახურება.",
    "კიდევ 9 სადგური მარტში გაიხსნება სტადიონთან.",
)
CASES = (("pt", PORTUGUESE), ("ru", RUSSIAN), ("ka", GEORGIAN))
OTHER = {  # another story the same app cuts, in each language
    "pt": "BRAGA — O hospital de Braga contratou 40 enfermeiros para o novo serviço de urgência pediátrica, anunciou"
    " a diretora clínica Ana Lopes na terça-feira.",
    "ru": "ТВЕРЬ — Областная больница наняла 40 медсестёр для нового детского отделения, сообщила главный врач"
    " Анна Лопатина во вторник.",
    "ka": "ბათუმი — საავადმყოფომ ახალი ბავშვთა განყოფილებისთვის 40 ექთანი აიყვანა, განაცხადა მთავარმა ექიმმა ანა"
    " ლომიძემ სამშაბათს.",
}


def _teaser(paragraphs: tuple[str, ...], words: int) -> str:
    """The first ``words`` words of the story, cut, then an app's call."""
    return " ".join(paragraphs[0].split()[:words]) + " … Continue in the Harbour Pocket Edition app."


@pytest.mark.parametrize(("key", "paragraphs"), CASES)
def test_the_call_after_a_cut_summary_is_wrapping(key, paragraphs):
    cleaned = clean(_teaser(paragraphs, 20))
    assert cleaned.flags & TRUNCATED, key
    # A space before the ellipsis does not prove the cut fell between words (a carrier cuts at N characters, then
    # adds " …"): the last word printed may be a stub, and goes (de62); the word before it ends the text.
    words = paragraphs[0].split()
    assert "Continue" not in cleaned.text and cleaned.text.endswith(words[18]), key
    assert not cleaned.text.endswith(words[19]), key


def test_a_long_sentence_after_an_ellipsis_stays_story():
    text = "The mayor paused … Then the council voted to open nine more charging points near the stadium in March."
    assert clean(text).text.endswith("in March.")


@pytest.mark.parametrize(("key", "paragraphs"), CASES)
def test_the_cut_teaser_joins_its_story(key, paragraphs):
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    pieces = (
        ("Origin Desk", "Headline", body, 0.0),
        ("Harbour Pocket Edition", "South edition | Headline", _teaser(paragraphs, 22), 2.0),
    )
    assert len(set(decided_stories(pieces, key))) == 1


@pytest.mark.parametrize(("key", "paragraphs"), CASES)
def test_the_cut_teaser_of_another_story_in_the_same_frame_stays_apart(key, paragraphs):
    # The app's frame (its section label, its call) is the same on all its teasers: it joins none of them.
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    pieces = (
        ("Origin Desk", "Headline", body, 0.0),
        ("Harbour Pocket Edition", "South edition | Other headline", _teaser((OTHER[key],), 12), 2.0),
    )
    assert len(set(decided_stories(pieces, key))) == 2


def test_a_long_run_without_spaces_after_an_ellipsis_is_read_at_once():
    """Hostile or plain CJK text: a long run with no space after an ellipsis, then a full stop and more text.
    A tail of words that could split anywhere tried every split of the run (these 40 characters took 20 CPU-s,
    each ten more about ten times as long); words apart by spaces are read once. Only a blow-up fails it."""
    body = "前文……" + "中" * 40 + "。后面还有文字。"
    started = time.process_time()
    cleaned = clean(body)
    assert time.process_time() - started < 5
    assert "后面还有文字" in cleaned.text and not cleaned.flags & TRUNCATED
