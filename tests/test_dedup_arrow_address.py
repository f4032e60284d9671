"""Held-out v40 (studied by dd41 and dd42; dd44): a copy closing with an arrow and its source's address alone.

Reader views, relays and card apps close the partner report they carry with a line of an arrow and the address of
its source ("⇢ https://…"), in an arrow other than the four a teaser's link line was known by. That line was read as
story text: its address's words are a third of a copy trimmed to a sentence or two, which then fell short of its
story's share and alerted twice. A line of an arrow of any of Unicode's arrow blocks and an address, nothing else,
is now no text of the story. After a sentence or a label the address stays (the stress set's frame of another
subject, its figures in its address, keeps it). Fiction, in Persian and Chinese, our own words.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.clean import clean

STORIES = {
    "fa": (
        "بازار ماهی رشت پس از بازسازی دوباره باز شد",
        "بازار ماهی رشت پس از هشت ماه بازسازی روز شنبه دوباره باز شد، شهردار علی رضایی گفت.\n"
        "بازسازی سقف بازار ۴۱ روز طول کشید و ۶ میلیارد تومان هزینه داشت.\n"
        "فروشندگان می‌گویند در زمستان دیگر ماهی در باران خراب نمی‌شود.",
    ),
    "zh": (
        "台南鹿港老戲台整修完成重新開放",
        "台南鹿港的老戲台經過八個月整修，週六重新開放，鎮長林志明表示。\n"
        "整修工程花費了1200萬元，其中一半由縣政府支付。\n"
        "村裡的孩子們已經在問下一場戲什麼時候開演。",
    ),
}
ARROWS = ("⇢", "↪", "⟶", "⤷")


@pytest.mark.parametrize("arrow", ARROWS)
def test_an_arrow_and_an_address_alone_is_no_story_text(arrow):
    assert clean(f"Story told here.\n{arrow} https://origin.example/news/8373303649ea").text == "Story told here."
    assert clean(f"Story told here.\n<p>{arrow} https://origin.example/news/8373303649ea</p>").text == (
        "Story told here."
    )


def test_a_sentence_before_the_arrow_keeps_its_address():
    text = "Story told here.\nThe roof cost 6.2 billion. ⇢ https://origin.example/news/8373303649ea"
    assert "origin" in clean(text).text


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_copy_without_its_lede_over_its_source_s_address_joins(lang):
    title, body = STORIES[lang]
    trimmed = "\n".join(body.split("\n")[1:])  # its lede dropped, under the relay's own headline
    pieces = (
        ("Origin Desk", title, body, 0.0),
        ("Partner Relay", "Partner report", f"{trimmed}\n⇢ https://origin.example/news/0f447a72e42b", 2.0),
    )
    assert decided_stories(pieces, f"ar{lang}") == [1, 1]
