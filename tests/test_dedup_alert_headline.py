"""dd50 (held-out v47): a desk's two briefs of one evening open with the same clause (the council, the same
speaker) and tell other news after it. An alert app cuts each to that first clause plus "— tap to read", under
the brief's own headline: the clause is the sister brief's text as much as its own, and the headline, word for
word another story's, says whose copy it is. A summary matching one brief by text under that brief's headline,
or under a headline no entry wrote, stays that brief's copy. Texts are our own, in Spanish and Korean."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.dedup import StoryIndex
from monitor.models import Entry

START = datetime(2027, 11, 3, 8, tzinfo=UTC)
Brief = tuple[str, str, str]  # headline, lede, second sentence
Briefs = tuple[Brief, Brief, str]  # the first brief, the second, the clause both open with

ES: Briefs = (
    (
        "Los autobuses nocturnos de Cuenca tendrán una línea nueva desde el lunes",
        "El ayuntamiento de Cuenca, por boca de la concejala Marta Olivares, dijo que los autobuses nocturnos tendrán"
        " una línea nueva hasta el hospital desde el lunes.",
        "Habrá cuatro salidas por noche y el billete costará 1,20 euros.",
    ),
    (
        "Los autobuses nocturnos de Cuenca llegarán también al polígono desde el martes",
        "El ayuntamiento de Cuenca, por boca de la concejala Marta Olivares, dijo que los autobuses nocturnos llegarán"
        " también al polígono industrial desde el martes.",
        "Habrá dos salidas por noche y el billete costará 90 céntimos.",
    ),
    "El ayuntamiento de Cuenca, por boca de la concejala Marta Olivares",
)
KO: Briefs = (
    (
        "전주 한옥마을 야간 버스 노선이 월요일부터 새로 생긴다",
        "전주시청은 김서연 과장의 말을 빌려, 한옥마을 야간 버스가 월요일부터 기차역까지 새 노선을 달린다고 밝혔다.",
        "하루 밤 네 번 운행하고 요금은 1200원이다.",
    ),
    (
        "전주 한옥마을 야간 버스가 화요일부터 대학가까지 간다",
        "전주시청은 김서연 과장의 말을 빌려, 한옥마을 야간 버스가 화요일부터 대학가까지 간다고 밝혔다.",
        "하루 밤 두 번 운행하고 요금은 900원이다.",
    ),
    "전주시청은 김서연 과장의 말을 빌려",
)


def _entry(key: str, outlet: str, title: str, body: str, hours: float) -> Entry:
    link = f"https://{key}.example/{key}"
    return Entry("f", outlet, key, link, title, "", body, published=START + timedelta(hours=hours))


def _alert_after_both(texts: Briefs, title: str) -> int | None:
    """The desk's first brief (story 1), a carrier's alert of it (its headline, the clause), the desk's second
    brief six hours later (story 2), then another carrier's alert of the clause under ``title``: its story."""
    first, second, clause = texts
    index = StoryIndex()
    entries = [
        (_entry("a", "Home Desk", first[0], "\n\n".join(first[1:]), 0), 1),
        (_entry("b", "Alert App", first[0], f"{clause} — tap to read", 0.5), 1),
        (_entry("c", "Home Desk", second[0], "\n\n".join(second[1:]), 6), 2),
    ]
    for number, (entry, story) in enumerate(entries, 1):
        assert entry.published is not None
        found = index.find(entry, entry.published)
        assert found.signature is not None
        assert found.story_id in (None, story), found.reason
        index.add(number, story, story, found.signature, entry.published)
    alert = _entry("d", "Lock Screen", title, f"{clause} — tap to read", 6.5)
    assert alert.published is not None
    return index.find(alert, alert.published).story_id


@pytest.mark.parametrize("texts", [ES, KO])
def test_an_alert_under_the_second_briefs_headline_copies_the_second_brief(texts: Briefs) -> None:
    assert _alert_after_both(texts, texts[1][0]) == 2


@pytest.mark.parametrize("texts", [ES, KO])
def test_an_alert_under_the_first_briefs_headline_stays_the_first_brief(texts: Briefs) -> None:
    assert _alert_after_both(texts, texts[0][0]) == 1
