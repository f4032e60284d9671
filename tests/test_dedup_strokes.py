"""Held-out v19 (studied by dd25): a letter drawn as one stroke typed as any stroke; a string's escapes printed.

v19's Chechen copies typed the palochka "Ӏ" as a digit "1" ("Г1алахь" for "ГӀалахь"): every word holding it
was another word, the copy shared half its text with its story and alerted again (twice, one per bulletin).
Our own stories here, in other languages of the palochka and in Russian with a digit "0" for "о"; beside each
copy that must join, the next bulletin of one template typed the same way, which must not. Its events
calendar's copy printed a string's escapes ("50\\,000", "\\n"): a number cut in two, a byline run into the story.
"""

from __future__ import annotations

import json

from test_dedup_classes import _decide, _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.alphabets import strokes
from monitor.dedup.clean import clean
from monitor.dedup.transfer import unescaped

# An Avar school opening and the same ministry's next opening (another town, other figures).
AVAR = [
    "МАХӀАЧХЪАЛА — Шагьаралда цӀияб школа рагьана, гьениб 1200 лъимал цӀализе руго.",
    "Шагьаралъул бетӀер Салман Дадаев абуна: «Гьаб школа 2027 соналда бахӀарал лъималазе кьуна.»",
    "ХӀукуматалъ школаялъе 840 миллион гъурущ харж гьабуна.",
]
AVAR_NEXT = [
    "ХАСАВЮРТ — Шагьаралда цӀияб школа рагьана, гьениб 900 лъимал цӀализе руго.",
    "Шагьаралъул бетӀер Магомед Гаджиев абуна: «Гьаб школа 2028 соналда бахӀарал лъималазе кьуна.»",
    "ХӀукуматалъ школаялъе 610 миллион гъурущ харж гьабуна.",
]
# A Kabardian bridge repair and the next one of the same road service.
KABARDIAN = [
    "НАЛШЫК — Шэджэм псым тет лъэмыжыр щӀэрыщӀэу ящӀащ, абы и кӀыхьагыр метр 86-рэ мэхъу.",
    "Гъуэгу IуэхущIапIэм и унафэщI Мурат Тхьэгъэпсо жиIащ: «Лъэмыжыр илъэс 50-кIэ лажьэнущ.»",
    "Лъэмыжым сом мелуан 312-рэ текIуэдащ.",
]
KABARDIAN_NEXT = [
    "БАКСАН — Бахъсэн псым тет лъэмыжыр щӀэрыщӀэу ящӀащ, абы и кӀыхьагыр метр 64-рэ мэхъу.",
    "Гъуэгу IуэхущIапIэм и унафэщI Мурат Тхьэгъэпсо жиIащ: «Лъэмыжыр илъэс 40-кIэ лажьэнущ.»",
    "Лъэмыжым сом мелуан 205-рэ текIуэдащ.",
]
# A Russian city budget and the next week's amendment of the same template.
RUSSIAN = [
    "КОСТРОМА — Городская дума одобрила строительство нового моста через Волгу длиной 1,4 км.",
    "«Работы начнутся осенью и займут три года», — сообщил глава города Олег Морозов.",
    "Стоимость проекта оценивается в 9,8 млрд рублей.",
]
RUSSIAN_NEXT = [
    "КОСТРОМА — Городская дума одобрила ремонт старого моста через Волгу длиной 0,9 км.",
    "«Работы начнутся весной и займут два года», — сообщил глава города Олег Морозов.",
    "Стоимость проекта оценивается в 3,1 млрд рублей.",
]


def _typed(paragraphs: list[str], stroke: str, zero: bool = False) -> str:
    """The paragraphs as a keyboard without the palochka types them (``stroke`` for "Ӏ", "I" and "ӏ"), with a
    digit "0" for each "о" between two letters when ``zero``."""
    text = "\n\n".join(paragraphs).replace("Ӏ", stroke).replace("ӏ", stroke).replace("I", stroke)
    if zero:
        text = "".join(
            "0" if c == "о" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha() else c
            for i, c in enumerate(text)
        )
    return text


def test_every_typing_of_a_stroke_letter_is_one_letter():
    assert clean("ГӀалахь Г1алахь ГIалахь Гlалахь Г|алахь").text.casefold().split() == ["гіалахь"] * 5
    assert clean("М0сква").text == clean("Москва").text
    # Digits beside one letter only, or among Latin letters, are codes and figures: they stay.
    for text in ("трасса М1", "самолёт Ту-154", "сеть 5G", "A1B2", "1200 лъимал", "Ӏ0 Ӏ"):
        assert strokes(text).replace("Ӏ", "І") == text.replace("Ӏ", "І")
    assert strokes("війна і мир") == "війна і мир"  # Ukrainian's own і stays


def test_a_copy_typing_its_strokes_otherwise_joins_and_the_next_bulletin_does_not():
    for story, following, typed in (
        (AVAR, AVAR_NEXT, lambda p: _typed(p, "l")),
        (AVAR, AVAR_NEXT, lambda p: _typed(p, "1")),
        (KABARDIAN, KABARDIAN_NEXT, lambda p: _typed(p, "|")),
        (KABARDIAN, KABARDIAN_NEXT, lambda p: _typed(p, "1")),
        (RUSSIAN, RUSSIAN_NEXT, lambda p: _typed(p, "I", zero=True)),
    ):
        index, story_of = StoryIndex(), {}
        body = "".join(f"<p>{p}</p>" for p in story)
        first = _decide(index, 1, _parsed("a", "Школа / Мост", body, outlet="Desk"), story_of)
        copy = _parsed("b", "Школа / Мост", typed(story), outlet="Keyboard", hours=2)
        assert _decide(index, 2, copy, story_of) == first, index.find(copy, copy.published).reason  # type: ignore[arg-type]
        other = _parsed("c", "Школа / Мост", typed(following), outlet="Keyboard", hours=50)
        assert _decide(index, 3, other, story_of) != first  # another event: a new alert


# A string's escapes printed as text (v19's events calendar: "50\,000", "\n" between a byline and the story).
POLISH = [
    "WROCŁAW — Miasto otworzyło w sobotę nowy park nad Odrą o powierzchni 12,5 ha.",
    "„To największa inwestycja w zieleń od dekady”, powiedział wiceprezydent Jakub Mazur.",
    "Posadzono 3400 drzew, a koszt wyniósł 27 mln zł.",
]
POLISH_NEXT = [
    "OPOLE — Miasto otworzyło w sobotę nowy park nad Odrą o powierzchni 8,2 ha.",
    "„To największa inwestycja w zieleń od dekady”, powiedział wiceprezydent Anna Wrona.",
    "Posadzono 1900 drzew, a koszt wyniósł 15 mln zł.",
]


def _json_string(paragraphs: list[str]) -> str:
    """The paragraphs as an API's JSON string printed raw: quotes, letters beyond ASCII and breaks escaped."""
    return json.dumps("Autor: Ewa Lis\n\n" + "\n\n".join(paragraphs))[1:-1]


def _calendar(paragraphs: list[str]) -> str:
    """The paragraphs as an events calendar's DESCRIPTION (RFC 5545 escapes: "\\," "\\;" "\\n")."""
    text = "Autor: Ewa Lis\n\n" + "\n\n".join(paragraphs)
    return "DESCRIPTION:" + text.replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def test_a_strings_escapes_are_read_as_what_they_stand_for():
    assert unescaped('Kraków \\u2014 \\"Park\\"\\nWrocław\\, 12\\,5 ha') == 'Kraków \u2014 "Park"\nWrocław, 12,5 ha'
    for text in ("Plik C:\\news\\daily.txt", "jeden \\ ukośnik", "C:\\new\\nowy"):
        assert unescaped(text) == text  # a path, one backslash: the text's own


def test_an_escaped_copy_joins_and_the_next_event_in_that_form_does_not():
    for stored in (_json_string, _calendar):
        index, story_of = StoryIndex(), {}
        body = "".join(f"<p>{p}</p>" for p in POLISH)
        first = _decide(index, 1, _parsed("a", "Nowy park nad Odrą", body, outlet="Gazeta"), story_of)
        copy = _parsed("b", "Nowy park nad Odrą", stored(POLISH), outlet="Kalendarz", hours=2)
        assert _decide(index, 2, copy, story_of) == first, index.find(copy, copy.published).reason  # type: ignore[arg-type]
        other = _parsed("c", "Nowy park nad Odrą", stored(POLISH_NEXT), outlet="Kalendarz", hours=50)
        assert _decide(index, 3, other, story_of) != first  # another event: a new alert
