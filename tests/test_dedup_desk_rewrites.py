"""Held-out v14 (studied again by dd32): a desk's rewrite of its own story that keeps the story's phrases.

An outlet carried a story (its teaser), then an hour later wrote it again under its own headline: every
sentence reworded, none of them the story's word for word, yet each keeping a phrase or two of it (the
figures, the quoted person's name and verb). The rewrite was told apart only with a sentence of its own
(sharing a third or less with the story): without one it was taken for a copy of another outlet's entry. An
outlet does not syndicate itself, and re-running its entry it keeps sentences word for word, so a text of an
outlet that has an entry of the story under another headline, none of whose sentences is the story's word for
word, is that desk's own story (``novelty``). Our own examples in Spanish (Latin), Greek and Thai (a script
without capitals or spaces between words).
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

SPANISH = (
    "La alcaldía de Cuenca inauguró el lunes la ampliación del mercado municipal de El Arenal, que tendrá 84"
    " puestos nuevos para productores de la provincia.",
    "La concejala de comercio Marta Villalba dijo que las obras costaron 2,4 millones de euros y duraron 14 meses"
    " en total.",
    "El mercado abrirá todos los días de siete de la mañana a tres de la tarde desde el próximo sábado.",
)
SPANISH_REWRITE = (
    "Cuenca inauguró el lunes la ampliación del mercado de El Arenal, que suma 84 puestos nuevos para"
    " productores locales.",
    "Según la concejala Marta Villalba las obras costaron 2,4 millones de euros y duraron 14 meses.",
    "El mercado abrirá cada día de siete de la mañana a tres de la tarde desde el sábado.",
)
GREEK = (
    "Ο δήμος Ιωαννίνων εγκαίνιασε τη Δευτέρα την επέκταση της δημοτικής αγοράς στην οδό Ανεξαρτησίας, με 84"
    " νέους πάγκους για παραγωγούς της περιοχής.",
    "Η αντιδήμαρχος εμπορίου Μαρία Βλάχου δήλωσε ότι τα έργα κόστισαν 2,4 εκατομμύρια ευρώ και κράτησαν 14"
    " μήνες συνολικά.",
    "Η αγορά θα λειτουργεί κάθε μέρα από τις επτά το πρωί έως τις τρεις το απόγευμα από το ερχόμενο Σάββατο.",
)
GREEK_REWRITE = (
    "Ο δήμος Ιωαννίνων εγκαίνιασε τη Δευτέρα την επέκταση της αγοράς στην οδό Ανεξαρτησίας, με 84 νέους πάγκους"
    " για παραγωγούς της περιοχής.",
    "Η αντιδήμαρχος Μαρία Βλάχου δήλωσε ότι τα έργα κόστισαν 2,4 εκατομμύρια ευρώ και κράτησαν 14 μήνες συνολικά.",
    "Η αγορά θα λειτουργεί κάθε μέρα από τις επτά το πρωί έως τις τρεις το απόγευμα από το Σάββατο.",
)
THAI = (
    "เทศบาลเมืองลำปางเปิดส่วนขยายตลาดเทศบาลถนนทิพย์ช้างเมื่อวันจันทร์ โดยมีแผงใหม่ 84 แผงสำหรับเกษตรกรในจังหวัด",
    "รองนายกเทศมนตรีฝ่ายการค้ากล่าวว่าการก่อสร้างใช้งบประมาณ 24 ล้านบาทและใช้เวลา 14 เดือนทั้งหมด",
    "ตลาดจะเปิดทุกวันตั้งแต่เจ็ดโมงเช้าถึงบ่ายสามโมงเริ่มวันเสาร์ที่จะถึงนี้",
)
THAI_REWRITE = (
    "ลำปางเปิดส่วนขยายตลาดเทศบาลถนนทิพย์ช้างเมื่อวันจันทร์ มีแผงใหม่ 84 แผงสำหรับเกษตรกรท้องถิ่น",
    "ตามที่รองนายกเทศมนตรีกล่าว การก่อสร้างใช้งบประมาณ 24 ล้านบาทและใช้เวลา 14 เดือน",
    "ตลาดจะเปิดทุกวันตั้งแต่เจ็ดโมงเช้าถึงบ่ายสามโมงเริ่มวันเสาร์นี้",
)
CASES = (("es", SPANISH, SPANISH_REWRITE), ("el", GREEK, GREEK_REWRITE), ("th", THAI, THAI_REWRITE))


def _body(sentences: tuple[str, ...]) -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def _stories(key: str, story: tuple[str, ...], outlet: str, text: tuple[str, ...]) -> list[int]:
    """The wire's story, the desk Valley Daily's teaser of it, then ``text`` by ``outlet`` under its own headline."""
    return decided_stories(
        (
            ("Wire Desk", "Headline of the wire", _body(story), 0.0),
            ("Valley Daily", "Headline of the wire", _body(story[:1]), 0.5),
            (outlet, "Its own headline", _body(text), 2.0),
        ),
        key,
    )


@pytest.mark.parametrize(("key", "story", "rewrite"), CASES)
def test_a_desk_s_rewrite_keeping_the_story_s_phrases_is_its_own_story(key, story, rewrite):
    assert _stories(key, story, "Valley Daily", rewrite) == [1, 1, 3], key


@pytest.mark.parametrize(("key", "story", "rewrite"), CASES)
def test_another_outlet_s_reworded_copy_stays_with_the_story(key, story, rewrite):
    # Only the desk that carried the story is known not to syndicate itself: another outlet's text as close is a copy.
    assert _stories(key, story, "Hill Courier", rewrite) == [1, 1, 1], key


@pytest.mark.parametrize(("key", "story", "rewrite"), CASES)
def test_the_desk_re_running_one_sentence_word_for_word_keeps_the_story(key, story, rewrite):
    # A sentence of the story word for word: the desk re-ran its entry with edits, not a rewrite.
    assert _stories(key, story, "Valley Daily", (story[0], *rewrite[1:])) == [1, 1, 1], key
