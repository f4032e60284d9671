"""dd53 (held-out v49): a quote card prints a story's lede in quotation marks and, after a dash, who printed it
('"<lede>" — <Outlet>'). The credit is the card's, like a byline: its capitalised words are no names of the story,
and counted as names they left the card short of the facts its story's copies share. Only a text that is nothing
but the quotation and its credit is read so: reported speech ('"…" — said the mayor.') and a story's closing pull
quote keep their words. Texts are our own, in Italian, Russian, Turkish and Japanese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.dedup import Decision, StoryIndex
from monitor.dedup.clean import BYLINE, clean
from monitor.models import Entry

START = datetime(2027, 5, 3, 8, tzinfo=UTC)

IT = (
    "Il comune di Lecco apre lunedì un nuovo asilo nido in via Mazzini con 48 posti per i bambini del quartiere.",
    "L'assessora Giulia Ferrandi ha detto che la retta costerà 310 euro al mese per le famiglie residenti.",
    "I lavori sono durati quattordici mesi e sono costati 2,1 milioni di euro.",
)
RU = (
    "В Вологде в субботу откроется новый крытый каток на 600 зрителей рядом с речным вокзалом.",
    "Директор спортшколы Ирина Лапшина сказала, что час катания будет стоить 250 рублей.",
    "Каток строили два года на деньги областного бюджета.",
)
TR = (
    "Trabzon Büyükşehir Belediyesi pazartesi günü sahil yolunda 120 araçlık yeni bir otopark açıyor.",
    "Belediye Başkan Yardımcısı Kemal Yıldırım, saatlik ücretin 40 lira olacağını söyledi.",
    "Otoparkın yapımı dokuz ay sürdü.",
)
JA = (
    "舞鶴市は来週月曜、赤れんが倉庫の隣に120台分の新しい駐車場を開く。",
    "市観光課の西村亜紀さんは、料金は1時間200円だと話した。",
    "工事は9か月かかった。",
)
# Another story of each desk, on another happening: a card of its lede must not join the first.
IT_OTHER = (
    "Il comune di Lecco chiude da martedì la piscina di via Mazzini per tre settimane di manutenzione.",
    "L'assessora Giulia Ferrandi ha detto che i corsi riprenderanno il 2 giugno.",
)


def _entry(key: str, outlet: str, title: str, body: str, hours: float, summary_only: bool = False) -> Entry:
    link = f"https://{key}.example/{key}"
    when = START + timedelta(hours=hours)
    if summary_only:
        return Entry("f", outlet, key, link, title, body, "", published=when)
    return Entry("f", outlet, key, link, title, body.split("\n\n")[0], body, published=when)


def _card(sentences: tuple[str, ...], outlet: str) -> str:
    if sentences is JA:
        return f"「{sentences[0]}」— {outlet}"  # East Asian quotation marks
    return f"“{sentences[0]}” — {outlet}"


def _after(index: StoryIndex, entries: list[Entry]) -> list[Decision]:
    decisions = []
    for number, entry in enumerate(entries, start=1):
        assert entry.published is not None
        found = index.find(entry, entry.published)
        assert found.signature is not None
        story = found.story_id or number
        index.add(number, story, found.event_id or number, found.signature, entry.published)
        decisions.append(found)
    return decisions


@pytest.mark.parametrize(
    ("outlet", "title", "sentences"),
    [
        ("Gazzetta del Lario", "Lecco, nuovo asilo nido in via Mazzini", IT),
        ("Вологодский Вестник", "В Вологде откроется новый каток", RU),
        ("Karadeniz Postası", "Trabzon'a 120 araçlık yeni otopark", TR),
        ("舞鶴日日新聞", "舞鶴に新駐車場、来週月曜開業", JA),
        ("Karadeniz Postası Akşam Baskısı, 3 Mayıs 2027", "Trabzon'a 120 araçlık yeni otopark", TR),  # dated
    ],
)
def test_a_quote_card_of_the_lede_joins_its_story(outlet: str, title: str, sentences: tuple[str, ...]) -> None:
    index = StoryIndex()
    original = _entry("a", outlet, title, "\n\n".join(sentences), 0)
    card = _entry("b", "Card Feed", f"[CITY] {title.upper()}", _card(sentences, outlet), 1.5, summary_only=True)
    first, second = _after(index, [original, card])
    assert first.story_id is None
    assert second.story_id == 1, second.reason


def test_a_quote_card_of_another_stories_lede_stays_apart() -> None:
    """The same desk, the same councillor and street, another happening: its card is its own story's."""
    index = StoryIndex()
    outlet = "Gazzetta del Lario"
    original = _entry("a", outlet, "Lecco, nuovo asilo nido in via Mazzini", "\n\n".join(IT), 0)
    card = _entry("b", "Card Feed", "Lecco, piscina chiusa tre settimane", _card(IT_OTHER, outlet), 2, True)
    _, second = _after(index, [original, card])
    assert second.story_id is None, second.reason


def test_the_card_keeps_its_quotation_and_drops_its_credit() -> None:
    cleaned = clean(_card(RU, "Вологодский Вестник"))
    assert cleaned.text == RU[0]
    assert cleaned.flags & BYLINE


@pytest.mark.parametrize(
    "text",
    [
        "«Мы откроем каток в субботу», — сказала Ирина Лапшина.",  # reported speech: a verb, then a sentence end
        '"Il nido apre lunedì" - ha detto l\'assessora',  # the credit in lower case is the sentence's own words
        f"{IT[0]}\n\n“Abbiamo aspettato quattordici mesi” — Giulia Ferrandi",  # a story's closing pull quote
        "Yıldırım dedi ki “otopark pazartesi açılıyor” — Karadeniz Postası",  # words before the quotation
        '"Stay indoors and keep windows shut" - Police warn residents after a chemical leak in Ely',  # news after it
        "«Не подходите к реке» — Спасатели просят жителей Тотьмы не выходить на лёд",  # news, not a credit
    ],
)
def test_other_quotations_keep_their_words(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.text.splitlines()[-1].endswith(text.splitlines()[-1][-8:])
    assert not cleaned.flags & BYLINE
