"""Held-out v42 (studied by dd45): a brief of one-sentence paragraphs is no hard-wrapped text.

A CMS writes a short story one sentence a paragraph; four or five such paragraphs of about one length (70 to 100
characters) looked like a newsletter's text wrapped at one width (``clean.unwrapped``), and were joined. A copy
carrying a caption credit under its first paragraph ("Photograph: <Outlet> / <place>") then had that credit glued
to the story's first sentence, and the whole line read as a photo caption (a sentence, then "Label: Name/Place"):
the copy lost the story's first sentence, and with it the names and numbers that tied it to the story against its
own lines (a pointer to another of its stories: v42's one split). A wrap at one width cuts sentences: most of its
filled lines end inside one, a brief's end each at a full stop. Our own briefs, in Spanish and Russian, each entry
read by the real parser, the copy read after its story and before it.
"""

from __future__ import annotations

import textwrap

from test_dedup_classes import _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.clean import clean, unwrapped

SPANISH = (
    "El ayuntamiento de Cádiz abrirá el lunes un nuevo centro de salud en el barrio de La Viña.",
    "La alcaldesa Marta Ruiz Olmedo dijo que el centro atenderá a 14.000 vecinos del barrio.",
    "Las obras costaron 3,2 millones de euros y duraron dieciocho meses en total, añadió Ruiz.",
    "El centro abrirá de lunes a sábado, de las ocho a las nueve.",
)
RUSSIAN = (
    "В Омске в понедельник откроют новый мост через реку Омь длиной 212 метров и шириной 24 метра.",
    "Мэр города Сергей Шелест сообщил, что строительство обошлось в 1,4 млрд рублей из бюджета.",
    "По мосту будут ходить трамваи и автобусы, а также пешеходы и велосипедисты с весны.",
    "Работы начались два года назад.",
)
# (paragraphs, the copy's caption credit, its pointer to another of its stories, its outlet)
CASES = (
    (
        SPANISH,
        "Foto: Diario de la Bahía / Cádiz",
        "Más en Diario de la Bahía: Nuevo puerto deportivo en Rota",
        "Diario de la Bahía",
    ),
    (RUSSIAN, "Фото: Вечерний Иртыш / Омск", "Читайте также: Новый театр открылся в Тюмени", "Вечерний Иртыш"),
)


def _copy(paragraphs: tuple[str, ...], caption: str, pointer: str) -> tuple[str, ...]:
    """The copy as its outlet carries it: a caption credit and a pointer to another story under the first paragraph."""
    return (paragraphs[0], caption, pointer, *paragraphs[1:])


def test_one_sentence_paragraphs_are_not_joined_and_keep_the_first_sentence():
    for paragraphs, caption, _, _ in CASES:
        text = "\n".join((paragraphs[0], caption, *paragraphs[1:]))
        assert unwrapped(text) == text
        assert clean(text).text.split("\n") == list(paragraphs)  # the caption goes, the first sentence stays
        # A newsletter's real wrap of the same paragraphs is still joined again.
        wrapped = "\n".join(textwrap.fill(paragraph, 60) for paragraph in paragraphs)
        assert unwrapped(wrapped).split("\n") == list(paragraphs)


def test_a_captioned_copy_of_a_brief_joins_its_story_read_before_or_after_it():
    for paragraphs, caption, pointer, outlet in CASES:
        story = _parsed("w", paragraphs[0][:40], "".join(f"<p>{p}</p>" for p in paragraphs), outlet="Wire")
        body = "".join(f"<p>{p}</p>" for p in _copy(paragraphs, caption, pointer))
        copy = _parsed("c", paragraphs[0][:40], body, outlet=outlet, hours=3)
        for first, second in ((story, copy), (copy, story)):
            index = StoryIndex()
            assert first.published is not None and second.published is not None
            decision = index.find(first, first.published)
            assert decision.signature is not None
            index.add(1, 1, 1, decision.signature, first.published)
            found = index.find(second, second.published)
            assert found.story_id == 1 and "first sentence differs" not in found.reason, found.reason
