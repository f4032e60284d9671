"""Held-out v10 (studied by dd13): a copy whose exporter read the story's UTF-8 bytes as Windows-1252
("Ä‡" for "ć"). v10's were Latin-script and still joined, by the words the damage spared; in Cyrillic,
Greek or Arabic the damage spares no word. Our own stories, in Russian and Greek: the copy's text and
headline are decoded again (``clean.repaired``) and it is one story; undamaged text is left alone.
"""

from __future__ import annotations

from test_dedup_classes import _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.clean import repaired
from monitor.dedup.signature import signature

RUSSIAN = (
    "<p>ТВЕРЬ – В Твери открылся новый пешеходный мост через Волгу длиной 236 метров.</p>"
    "<p>Строительство обошлось в 1,4 миллиарда рублей, сообщила глава города Ирина Соколова. "
    "По мосту в день будут проходить до 9000 человек.</p>"
)
GREEK = (
    "<p>ΘΕΣΣΑΛΟΝΙΚΗ – Νέα πεζογέφυρα 118 μέτρων άνοιξε στην παραλία της Θεσσαλονίκης.</p>"
    "<p>Το έργο κόστισε 6,2 εκατομμύρια ευρώ, δήλωσε ο δήμαρχος Νίκος Παππάς. "
    "Η γέφυρα θα φωτίζεται τη νύχτα με λαμπτήρες χαμηλής κατανάλωσης.</p>"
)


def _as_windows_1252(text: str) -> str:
    """``text``'s UTF-8 bytes read as Windows-1252 (its five unassigned bytes as the C1 controls)."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8"))


def test_a_mojibake_copy_of_a_cyrillic_or_greek_story_is_the_same_story():
    for title, body in (("В Твери открылся новый мост", RUSSIAN), ("Νέα πεζογέφυρα στη Θεσσαλονίκη", GREEK)):
        index = StoryIndex()
        first = _parsed("o", title, body)
        decision = index.find(first, first.published)  # type: ignore[arg-type]  # the parser dates it
        assert decision.signature is not None and first.published is not None
        index.add(1, 1, 1, decision.signature, first.published)
        damaged = _parsed("m", _as_windows_1252(title), _as_windows_1252(body), outlet="Feed Mirror", hours=1)
        assert "Ð" in damaged.body or "Î" in damaged.body  # the damage reached the parsed entry
        assert index.find(damaged, damaged.published).story_id == 1  # type: ignore[arg-type]
        assert signature(damaged, damaged.published).title == decision.signature.title  # type: ignore[arg-type]


def test_text_without_mojibake_is_left_as_written():
    for text in (
        "Ñandú, São Paulo, Österreich: 45° ±3 «citation» — ‘quoted’ …",
        "Kraków – Łódź, Šibenik",
        "東京 – 서울",
    ):
        assert repaired(text) == text
    assert repaired("Ð¢Ð²ÐµÑ€ÑŒ â€“ cafÃ©") == "Тверь – café"
    assert repaired("Österreich â€“ Ärzte") == "Österreich – Ärzte"  # one damaged dash: its capitals stay
