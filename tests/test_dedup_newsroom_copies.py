"""Two outlets' copies of one wire story credit their own writers: "By Olga Lindqvist, Harbourline Press"
run into the lede (a feed joining its paragraphs), after an app's "Listen to this article", with the agency's
dateline after it. Those names are no facts of the story: the copies share 90 % of their text and must join
(round dd43: 37 of the newsroom benchmark's 62 repeated alerts were such pairs, split by 45-79 % of the names
and numbers). Two bulletins of one template, credited alike, print other figures and stay apart.
Through the real index, in English and Russian.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.dedup.index import StoryIndex
from monitor.dedup.shingles import credit_end
from monitor.dedup.signature import signature
from monitor.models import Entry

SEEN = datetime(2026, 12, 5, 9, tzinfo=UTC)

WIRE = [
    "Vireo Telecom and Corvid Systems reached a deal on the fibre roll-out late on Thursday, ending 11 months "
    "of protests.",
    '"It is a good day for the people of Izmir," Tomas Nkemelu, head of the cyber-security agency, said.',
    '"The costs keep going up and families are paying the price," Zofia Gallo, the security researcher, told '
    "shareholders in Izmir.",
    "Under the plan, the fibre roll-out would be finished by 2035, at a cost of £896 million.",
    "Orla Bank expects the first 4,200 homes to be connected before March.",
    "The decision follows four months of negotiations over the fibre roll-out.",
    "Nkemelu, who took office in 2025, has made the roll-out a priority.",
    "Lumen Grid said it would lay 1,300 kilometres of cable along its power lines in Anatolia.",
]
RUSSIAN = [
    "Власти Новосибирска объявили в четверг о закрытии Октябрьского моста на ремонт до 15 мая.",
    "По словам мэра Анатолия Локтя, ремонт обойдётся городу в 2,4 миллиарда рублей.",
    "Подрядчиком выбрана компания «Сибмост», которая строила мост в 1955 году.",
    "Автобусы 12 маршрутов пустят в объезд через Коммунальный мост, сообщили в мэрии.",
    "Горожане собрали 3 400 подписей против закрытия, но Локоть назвал ремонт неизбежным.",
    "Инспекция Росавтодора в 2024 году признала опоры моста аварийными.",
]


def _entry(outlet: str, title: str, text: str) -> Entry:
    return Entry(f"https://{outlet}/feed", outlet, f"{outlet}:{title}", f"https://{outlet}/{len(text)}", title, "",
                 text, published=SEEN)  # fmt: skip


def _decisions(*entries: Entry) -> list[int | None]:
    """Each entry's story as the index decides it, in turn: None for a new story."""
    index, made = StoryIndex(), []
    for entry_id, entry in enumerate(entries, start=1):
        sig = signature(entry, SEEN)
        decision = index.decide(sig)
        made.append(decision.story_id)
        story = decision.story_id or entry_id
        index.add(entry_id, story, decision.event_id or story, sig, SEEN + timedelta(seconds=entry_id))
    return made


# Two copies as the benchmark's feeds print them: no paragraph marks, the credit run into the lede.
CREDIT = "Listen to this article By Olga Lindqvist, Harbourline Press IZMIR, Dec 5 (Atlas Newswire) - "
FIRST = CREDIT + " ".join(WIRE[:7])
SECOND = "By Emeka Kowalski, Continental News Service " + " ".join(WIRE[:6])
THIRD = "Listen to this article IZMIR, Dec 5 (Meridian Wire) - " + " ".join(WIRE[:5])  # the dateline only


def test_two_wire_copies_crediting_other_writers_are_one_story():
    first = _entry("harbourline.example", "Fibre roll-out: deal ends protests", FIRST)
    second = _entry("continental.example", "What the deal means for Izmir", SECOND)
    assert _decisions(first, second) == [None, 1]
    assert _decisions(second, first) == [None, 1]  # whichever comes first
    third = _entry("meridian.example", "Deal ends protests", THIRD)
    assert _decisions(second, third) == [None, 1]


RU_FIRST = "Слушать статью Автор: Илья Гречко, Сибирская Служба Новостей " + " ".join(RUSSIAN)
RU_SECOND = "Слушать статью Автор: Анна Петрова, Городская Редакция " + " ".join(RUSSIAN[:5])


def test_two_russian_copies_crediting_other_writers_are_one_story():
    first = _entry("ngs.example", "Октябрьский мост закроют", RU_FIRST)
    second = _entry("sib.example", "Мост на ремонт", RU_SECOND)
    assert _decisions(first, second) == [None, 1]
    assert _decisions(second, first) == [None, 1]


def test_two_bulletins_of_one_template_credited_alike_stay_apart():
    frame = (
        "By Ann Lee, Harbourline Press {company} shares rose {rise} % to {price} pence on {day} after the company "
        "raised its forecast. {chief}, the chief executive, said orders from {market} had doubled since {year}. "
        "Analysts at {bank} expect revenue of £{revenue} million this year. The company employs {staff} people. "
        "Trading in the shares was {volume} times the daily average, the exchange said. The shares have risen in "
        "each of the past three sessions, and traders said the gains reflected a wider rally in the sector as "
        "investors returned to companies that sell to households. The regulator said it was not reviewing the "
        "trading, and no further statement from the company was expected before the close of trading on the day."
    )
    one = {"company": "Vireo Telecom", "rise": "4.2", "price": "118", "day": "Tuesday", "chief": "Tomas Nkemelu"}
    one |= {"market": "Turkey", "year": "2021", "bank": "Orla Bank", "revenue": "896", "staff": "4,200"}
    two = {"company": "Lumen Grid", "rise": "1.7", "price": "342", "day": "Wednesday", "chief": "Zofia Gallo"}
    two |= {"market": "Poland", "year": "2019", "bank": "Northmoor Securities", "revenue": "212", "staff": "1,300"}
    first = _entry("a.example", "Shares rise", frame.format(volume="three", **one))
    second = _entry("a.example", "Shares rise again", frame.format(volume="five", **two))
    assert _decisions(first, second) == [None, None]  # 69 % of the text shared, none of the figures


def test_a_credit_ends_before_the_lede_or_its_dateline_and_nothing_else_is_one():
    for text, rest in (
        ("By Ann Lee and Bo Kim, Atlas Newswire Ankara (Atlas) – The lira fell", "The lira fell"),
        ("Listen to this article By Oskar Rinaldi, Harbourline Press MONTEVIDEO, Dec 5 (Atlas) - Carmen", "Carmen"),
        ("By Ana Sandoval | Labour Desk Hundreds of people gathered", "of people gathered"),
        ("Listen to this article VALENCIA, Dec 5 (Meridian Press) - The wildfire", "The wildfire"),
        ("(Atlas Newswire) – Hundreds of people", "Hundreds of people"),
    ):
        assert text[credit_end(text) :] == rest, text
    for text in (
        "By Tuesday, the ministry had sold 300 bonds.",
        "Vireo Telecom said By 2030 it",
        "By 2030 Vireo",
        "Vireo Telecom (VRT) said on Monday - as expected - that",
    ):
        assert credit_end(text) == 0, text
