"""Held-out v35 (studied by dd36): a paragraph of words on top of a story in a script written without spaces.

A partner's copy opened a Shan story with a long paragraph of its own in English (where the report came from,
what the desk had not checked). Whether a text is shingled by words or by characters was decided by its first
64 tokens: the English paragraph's words were most of them, so the story's characters were shingled three at a
time, and the copy shared no shingle with its original, which five characters at a time had signed (6 copies
alerted twice; two copies of two reports of one event, each under the same English paragraph, shared that
paragraph alone and were merged). Most of all the tokens decide. Our own stories, in Thai and Japanese.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.shingles import unspaced
from monitor.text import script_tokens

PREFACE = (
    "Note from the partner desk: this report comes to you from our associated newsroom in the region. We have "
    "not verified each figure ourselves; the numbers below are the organisers' own, and our earlier reports on "
    "the city are in the archive for readers who want the background."
)
# Each language: a story (headline, text) and another of the same city, a day's other news.
STORIES = {
    "th": (
        "เชียงรายเปิดรถเมล์กลางคืนสายใหม่",
        "เชียงราย — เทศบาลนครเชียงรายเปิดรถเมล์กลางคืนสายใหม่เมื่อวันจันทร์ นายสมชาย ใจดี กล่าวว่าจะมีผู้ใช้บริการ "
        "ราว 2,400 คนต่อวัน\n"
        "นายสมชายกล่าวว่ารถจะวิ่งทุกวันตั้งแต่สองทุ่มถึงตีสอง และเดือนแรกไม่เก็บค่าโดยสาร",
    ),
    "ja": (
        "金沢市が夜間バスを新設",
        "金沢 — 金沢市は月曜日、市内を走る夜間バスの新路線を開設した。担当の山田花子課長によると、"
        "一日におよそ2,400人の利用を見込んでいる。\n"
        "山田課長は、バスは毎晩午後8時から午前2時まで運行し、最初の1か月は運賃を無料にすると説明した。",
    ),
}
OTHER = {
    "th": (
        "โรงพยาบาลเชียงรายเปิดคลินิกเด็กฟรี",
        "เชียงราย — โรงพยาบาลประจำจังหวัดเปิดคลินิกตรวจสุขภาพเด็กโดยไม่คิดค่าบริการ แพทย์หญิงวรรณา ศรีสุข "
        "เผยว่ารับได้วันละ 180 ราย และจะเปิดทุกวันเสาร์จนถึงสิ้นปี",
    ),
    "ja": (
        "金沢の病院が子ども向け無料診療所",
        "金沢 — 県立病院は土曜日、子ども向けの無料診療所を開いた。佐藤一郎院長は、一日に180人まで診察でき、"
        "年末まで毎週土曜日に開くと話した。",
    ),
}


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_paragraph_of_words_on_top_leaves_the_story_unspaced(lang):
    _, text = STORIES[lang]
    assert unspaced(script_tokens(f"{PREFACE}\n{text}"))  # the story's characters are most of the tokens
    assert not unspaced(script_tokens(f"{PREFACE} {PREFACE} {text[:40]}"))  # a few characters in English


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_partners_copy_with_a_paragraph_on_top_joins_its_original(lang):
    title, text = STORIES[lang]
    pieces = (("City Desk", title, text, 0.0), ("Partner Desk", title + " ", f"{PREFACE}\n{text}", 3.0))
    assert decided_stories(pieces, lang) == [1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_two_stories_under_the_same_paragraph_stay_apart(lang):
    (title, text), (other_title, other) = STORIES[lang], OTHER[lang]
    pieces = (
        ("City Desk", title, text, 0.0),
        ("Clinic Desk", other_title, other, 1.0),
        ("Partner Desk", title, f"{PREFACE}\n{text}", 2.0),
        ("Partner Desk", other_title, f"{PREFACE}\n{other}", 3.0),
    )
    assert decided_stories(pieces, lang) == [1, 2, 1, 2]
