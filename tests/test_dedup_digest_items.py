"""Held-out v14 (studied again by dd32): a story as an item of a morning digest.

A digest prints each story under its item number and the headline ("6. <headline>"), then the story with its
dateline, trimmed. The heading stayed story text: its number was a fact the original lacks, and the dateline
under it was no longer the opening's, so its day was one more; the copy held 75 % of the names and numbers
where 80 % are needed, and alerted twice. A first line of an item number and a few words without a sentence end
is the digest's heading (``clean._item_heading``); a first line naming a day ("9. Oktober 2026") is no item's.
Our own examples in Polish (Latin), Bulgarian (Cyrillic) and Persian (a script without capitals).
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.clean import DATELINE, clean

POLISH = (
    "Nowy most na Wisłoku w Rzeszowie otwarty",
    "RZESZÓW, 9 kwietnia – Nowy most na Wisłoku w Rzeszowie został otwarty we wtorek; przejedzie po nim 18 tysięcy"
    " samochodów dziennie.",
    "Prezydent miasta Konrad Fijołek powiedział, że budowa trwała 26 miesięcy i kosztowała 212 milionów złotych.",
    "Most ma 420 metrów długości i dwa pasy ruchu w każdą stronę.",
)
BULGARIAN = (
    "Нов мост над Марица в Пловдив беше открит",
    "ПЛОВДИВ, 9 април – Нов мост над Марица в Пловдив беше открит във вторник; по него ще минават 18 хиляди коли"
    " на ден.",
    "Кметът Костадин Димитров каза, че строежът е продължил 26 месеца и е струвал 212 милиона лева.",
    "Мостът е дълъг 420 метра и има по две ленти във всяка посока.",
)
PERSIAN = (
    "پل تازه روی زاینده‌رود در اصفهان گشایش یافت",
    "اصفهان، ۹ آوریل – پل تازه روی زاینده‌رود در اصفهان روز سه‌شنبه گشایش یافت و روزانه ۱۸ هزار خودرو از آن می‌گذرند.",
    "شهردار اصفهان گفت ساخت پل ۲۶ ماه طول کشید و ۲۱۲ میلیارد ریال هزینه داشت.",
    "این پل ۴۲۰ متر طول دارد و در هر سو دو خط عبور دارد.",
)
CASES = (("pl", POLISH), ("bg", BULGARIAN), ("fa", PERSIAN))


def _item(story: tuple[str, ...], number: int) -> str:
    """The digest's item: its heading, then the story without its last paragraph, then the sponsor's line."""
    headline, *paragraphs = story
    return "\n\n".join((f"{number}. {headline}", *paragraphs[:-1], "Partner of the issue: Bluefin Mobile"))


@pytest.mark.parametrize(("key", "story"), CASES)
def test_the_item_heading_is_no_story_text_and_the_dateline_under_it_goes(key, story):
    cleaned, original = clean(_item(story, 6)), clean("\n\n".join(story[1:]))
    assert cleaned.text.startswith(original.text.splitlines()[0]), (key, cleaned.text[:60])
    assert cleaned.flags & DATELINE and original.flags & DATELINE, key


@pytest.mark.parametrize(("key", "story"), CASES)
def test_the_digest_s_item_joins_its_story(key, story):
    original = "".join(f"<p>{paragraph}</p>" for paragraph in story[1:])
    stories = decided_stories(
        (
            ("City Wire", story[0], original, 0.0),
            ("Morning Digest", story[0], _item(story, 6).replace("\n\n", "<br><br>"), 1.5),
        ),
        key,
    )
    assert stories == [1, 1], (key, stories)


def test_a_first_line_naming_a_day_is_no_item_heading():
    text = "9. Oktober 2026\n\nDer Stadtrat von Kassel hat am Montag den neuen Haushalt beschlossen."
    assert clean(text).text.startswith("9. Oktober 2026")


def test_a_numbered_sentence_on_top_stays_story_text():
    # A list the story opens with ends its first item with a full stop: a sentence, not a heading. Its items
    # numbered one by one are a list's (``carriers``): the numbers go, every sentence stays.
    text = "1. The council approved the budget on Monday.\n\n2. It cut the bus fare by 10 cents."
    assert clean(text).text.splitlines() == [
        "The council approved the budget on Monday.",
        "It cut the bus fare by 10 cents.",
    ]
