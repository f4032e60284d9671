"""dd53 (held-out v49): a desk's next-day follow-up may open with its first brief's headline in quotation marks,
then a dash and what is new ('«Ferry starts Thursday» — the first crossing is put off by the wind.'), and retell the
first brief's background word for word. The headline cited first, with words of the desk's own after it in that
sentence, says what the headline cited later says (``compare.citing``, dd49): the desk's next story, no copy.
A brief opening with the headline run into its lede ("Headline — <the lede as it was>") has no words of its own
after the headline, and a re-run keeps its headline whatever its lede opens with: both stay the story. (Not when
the lede itself opens with the headline's words, as the Indonesian one does: the headline then follows itself, a
citation after words of the sentence, which dd49's rule already reads as a follow-up.)
Texts are our own, in Czech, Ukrainian and Indonesian."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.dedup import Decision, StoryIndex
from monitor.models import Entry

START = datetime(2027, 9, 14, 6, tzinfo=UTC)

CS_TITLE = "Přívoz z Hřenska do Schmilky vyjede ve čtvrtek"
CS = (
    "Nový přívoz z Hřenska do Schmilky vyjede ve čtvrtek a bude jezdit čtyřikrát denně.",
    "Jízdenka bude stát 60 korun, děti do deseti let pojedou zdarma.",
    "Provozovatel Tomáš Vávra řekl, že loď uveze 35 cestujících.",
)
CS_NEXT = (f"„{CS_TITLE}“ — první plavba se kvůli silnému větru odkládá až na sobotu.", *CS[1:])
UK_TITLE = "У Вінниці запрацює новий нічний автобус до вокзалу"
UK = (
    "У Вінниці з понеділка запрацює новий нічний автобус від центру до залізничного вокзалу.",
    "Квиток коштуватиме 15 гривень, автобус ходитиме щогодини до третьої ночі.",
    "Директорка перевізника Оксана Мельник сказала, що на маршрут вийдуть 4 машини.",
)
UK_NEXT = (f"«{UK_TITLE}» — міська рада перенесла запуск маршруту на тиждень через ремонт дороги.", *UK[1:])
ID_TITLE = "Pasar ikan baru di Bitung dibuka hari Sabtu"
ID = (
    "Pasar ikan baru di Bitung dibuka hari Sabtu dengan 80 lapak untuk para nelayan setempat.",
    "Sewa satu lapak ditetapkan 250 ribu rupiah per bulan oleh dinas perikanan.",
    "Kepala dinas Yohanis Mamahit mengatakan pasar buka dari pukul lima pagi.",
)
ID_NEXT = (f'"{ID_TITLE}" — pembukaan ditunda sepekan karena atap los utama bocor saat hujan deras.', *ID[1:])
CASES = [(CS_TITLE, CS, CS_NEXT), (UK_TITLE, UK, UK_NEXT), (ID_TITLE, ID, ID_NEXT)]


def _entry(key: str, title: str, sentences: tuple[str, ...], hours: float) -> Entry:
    body = "\n\n".join(sentences)
    return Entry(
        "f", "Home Desk", key, f"https://desk.example/{key}", title, "", body, published=START + timedelta(hours=hours)
    )


def _next_day(title: str, first: tuple[str, ...], then_title: str, then: tuple[str, ...]) -> Decision:
    """The desk's first brief, then, 26 hours later, the same desk's ``then`` under ``then_title``."""
    index = StoryIndex()
    entry = _entry("a", title, first, 0)
    assert entry.published is not None
    found = index.find(entry, entry.published)
    assert found.signature is not None
    index.add(1, 1, 1, found.signature, entry.published)
    later = _entry("b", then_title, then, 26)
    assert later.published is not None
    return index.find(later, later.published)


@pytest.mark.parametrize(("title", "first", "then"), CASES)
def test_a_follow_up_citing_the_headline_first_is_a_new_story(
    title: str, first: tuple[str, ...], then: tuple[str, ...]
) -> None:
    decision = _next_day(title, first, "Odklad · Перенесення · Ditunda", then)
    assert decision.story_id is None, decision.reason


@pytest.mark.parametrize(("title", "first", "then"), CASES[:2])
def test_a_brief_running_the_headline_into_the_lede_stays_the_story(
    title: str, first: tuple[str, ...], then: tuple[str, ...]
) -> None:
    """Under another headline too: after the cited headline, the lede as it was is no words of the desk's own."""
    rerun = (f"{title} — {first[0]}", *first[1:])
    decision = _next_day(title, first, "Znovu · Ще раз", rerun)
    assert decision.story_id == 1, decision.reason


@pytest.mark.parametrize(
    ("title", "first", "lede"),
    [
        (CS_TITLE, CS, f"{CS_TITLE}, oznámil provozovatel, loď pojede čtyřikrát denně."),
        (UK_TITLE, UK, f"{UK_TITLE} уже з понеділка, повідомили в мерії, рейси щогодини."),
    ],
)
def test_a_rerun_under_its_headline_opening_with_it_stays_the_story(
    title: str, first: tuple[str, ...], lede: str
) -> None:
    """The desk re-runs its brief under the same headline, the lede reworded to open with the headline's words."""
    decision = _next_day(title, first, title, (lede, *first[1:]))
    assert decision.story_id == 1, decision.reason
