"""dd49 (held-out v46): a desk's next-day follow-up opens with a sentence of its own that names its first report by
its headline ("After «…», the council announced a delay"), then retells that brief with the one fact that changed:
nearly all of its text is the first brief's, yet it is the desk's next story (a delay, a new price), no copy of the
first. A re-run or a copy by the same desk a day later, starting with the headline if at all, stays the story.
Texts are our own, in Portuguese, Greek and Japanese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.dedup import Decision, StoryIndex
from monitor.models import Entry

START = datetime(2027, 11, 2, 7, tzinfo=UTC)

PT_TITLE = "Piscina municipal de Évora reabre no sábado"
PT = (
    "A piscina municipal de Évora reabre no sábado depois de oito meses de obras.",
    "O novo tanque tem 25 metros e seis pistas para a natação escolar.",
    "A vereadora Inês Caldeira disse que a entrada custa dois euros para os residentes.",
)
PT_NEXT = (
    f"Depois da notícia «{PT_TITLE}», a câmara anunciou hoje um atraso de uma semana.",
    "A piscina municipal de Évora reabre no outro sábado depois de oito meses de obras.",
    *PT[1:],
)
EL_TITLE = "Η δημοτική βιβλιοθήκη της Λάρισας ανοίγει νέα αίθουσα την Τρίτη"
EL = (
    "Η δημοτική βιβλιοθήκη της Λάρισας ανοίγει την Τρίτη νέα αίθουσα μελέτης με 90 θέσεις.",
    "Η αίθουσα θα μένει ανοιχτή ως τις δέκα το βράδυ όλη την εξεταστική.",
    "Η διευθύντρια Ελένη Παππά είπε ότι η είσοδος είναι δωρεάν για τους φοιτητές.",
)
EL_NEXT = (
    f"Μετά το χθεσινό «{EL_TITLE}», ο δήμος ανακοίνωσε σήμερα αναβολή.",
    "Η δημοτική βιβλιοθήκη της Λάρισας ανοίγει την Πέμπτη νέα αίθουσα μελέτης με 90 θέσεις.",
    *EL[1:],
)
JA_TITLE = "城崎の外湯が来週月曜に再開"
JA = (
    "城崎温泉の外湯一の湯が来週月曜に改修を終えて再開する。",
    "新しい浴場には露天風呂が二つ増え、入浴料は八百円のままだ。",
    "観光協会の山本理恵さんは、朝七時から夜十一時まで開けると話した。",
)
JA_NEXT = (
    "昨日の「城崎の外湯が来週月曜に再開」について、町は今日延期を発表した。",
    "城崎温泉の外湯一の湯が来週木曜に改修を終えて再開する。",
    *JA[1:],
)


def _entry(key: str, outlet: str, title: str, sentences: tuple[str, ...], hours: float) -> Entry:
    body = "\n\n".join(sentences)
    link = f"https://{outlet.lower()}.example/{key}"
    return Entry("f", outlet, key, link, title, "", body, published=START + timedelta(hours=hours))


def _next_day(title: str, first: tuple[str, ...], then_title: str, then: tuple[str, ...], outlet: str) -> Decision:
    """The desk's first brief, then, 26 hours later, ``then`` under ``then_title`` by ``outlet``."""
    index = StoryIndex()
    entry = _entry("a", "Home Desk", title, first, 0)
    assert entry.published is not None
    found = index.find(entry, entry.published)
    assert found.signature is not None
    index.add(1, 1, 1, found.signature, entry.published)
    later = _entry("b", outlet, then_title, then, 26)
    assert later.published is not None
    return index.find(later, later.published)


@pytest.mark.parametrize(
    ("title", "first", "then"), [(PT_TITLE, PT, PT_NEXT), (EL_TITLE, EL, EL_NEXT), (JA_TITLE, JA, JA_NEXT)]
)
def test_the_desks_follow_up_citing_its_headline_is_a_new_story(
    title: str, first: tuple[str, ...], then: tuple[str, ...]
) -> None:
    decision = _next_day(title, first, "Atraso · Αναβολή · 延期", then, "Home Desk")
    assert decision.story_id is None, decision.reason


@pytest.mark.parametrize(("title", "first"), [(PT_TITLE, PT), (EL_TITLE, EL), (JA_TITLE, JA)])
def test_the_desks_rerun_opening_with_its_headline_stays_the_story(title: str, first: tuple[str, ...]) -> None:
    decision = _next_day(title, first, title, (title, *first), "Home Desk")
    assert decision.story_id == 1, decision.reason


def test_another_desks_copy_citing_the_headline_stays_the_story() -> None:
    """Only the desk's own report cited by its own next story says so: an aggregator's line above its copy is
    its own wrapper, and the text below it is the story's."""
    decision = _next_day(PT_TITLE, PT, PT_TITLE, (f"Leia: «{PT_TITLE}»", *PT), "Agregador")
    assert decision.story_id == 1, decision.reason
