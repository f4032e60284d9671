"""Tuning set v40 (dd55): a line of Chinese or Japanese under an outlet's own paragraph in English.

A text is shingled by words or by characters as most of its tokens are (``shingles.unspaced``). Under a long
English paragraph, the few sentences of a Han report were the minority, so their characters were shingled three
at a time, as words: the line shared no shingle with the same line in its original, which was shingled five
characters at a time. Now each shingle opening at a character of an unspaced script is five characters wide,
whatever surrounds it, and the number of shingles (one per token) is as before. Our own texts, in Chinese and
Japanese.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.shingles import SHINGLE_CHARS, SHINGLE_WORDS, shingle_hashes, unspaced
from monitor.text import fold, script_tokens

NOTE = (
    "A word from our syndication desk: the item below reaches you from a partner newsroom in a region we do not "
    "staff ourselves. We run it in its own language, as that paper printed it, with this short English note on "
    "top so that readers of the digest know where it came from and why we picked it for this week's pages."
)
# Per language: a report of three sentences, and another report of the same town (another story).
REPORTS = {
    "zh": (
        "新竹市立图书馆周六起延长开放时间，每天开到晚上十点。馆长陈美华说，新增的夜间时段将安排八名志工值班。"
        "附近的大学生表示，考试季终于有地方安静读书了。",
        "新竹市环保局周三宣布，全市将新设四十二个资源回收站，明年三月前完成。局长黄志明说，每个回收站都会装上"
        "监视器，防止有人乱丢大型垃圾。",
    ),
    "ja": (
        "松江市立図書館は土曜日から開館時間を延長し、毎日午後十時まで開けることになった。館長の森田春香さんは、"
        "夜の時間帯には八人のボランティアが交代で受付に立つと話した。近くの大学生は、試験の時期に静かに勉強できる"
        "場所が増えたと喜んでいる。",
        "松江市の環境局は水曜日、市内に四十二か所の資源回収所を新しく設けると発表した。局長の黒田健二さんによると、"
        "すべての回収所に防犯カメラを付け、大型ごみの不法投棄を防ぐという。",
    ),
}


def _shingles(text: str) -> set[int]:
    return set(shingle_hashes(script_tokens(fold(text))).tolist())


def _first_sentence(report: str) -> str:
    stop = report.index("。") + 1
    return report[:stop]


@pytest.mark.parametrize("lang", sorted(REPORTS))
def test_a_line_under_an_english_paragraph_is_shingled_as_in_its_original(lang):
    report, _ = REPORTS[lang]
    line = _first_sentence(report)
    copy = f"{NOTE}\n{line}"
    assert not unspaced(script_tokens(fold(copy)))  # the note's words are most of the copy's tokens
    # Every shingle of the line alone, five characters wide, is the copy's and the original's.
    of_line = _shingles(line)
    assert len(of_line) == len(script_tokens(fold(line))) - SHINGLE_CHARS + 1
    assert of_line <= _shingles(copy)
    assert of_line <= _shingles(report)


@pytest.mark.parametrize("lang", sorted(REPORTS))
def test_one_shingle_per_token_still(lang):
    report, _ = REPORTS[lang]
    tokens = script_tokens(fold(f"{NOTE}\n{_first_sentence(report)}"))
    assert len(shingle_hashes(tokens)) == len(tokens) - SHINGLE_WORDS + 1  # a sentence's shingles where they were


def test_the_words_of_the_note_are_shingled_as_before():
    words = script_tokens(fold(NOTE))
    line = script_tokens(fold(_first_sentence(REPORTS["zh"][0])))
    # The note's shingles, three words wide, are the same above a line of Chinese as alone.
    alone = shingle_hashes(words).tolist()
    above = shingle_hashes(words + line).tolist()
    assert above[: len(alone)] == alone


@pytest.mark.parametrize("lang", sorted(REPORTS))
def test_two_reports_under_the_same_note_stay_apart(lang):
    report, other = REPORTS[lang]
    title, other_title = report[:12], other[:12]
    pieces = (
        ("Town Paper", title, report, 0.0),
        ("Town Paper", other_title, other, 1.0),
        ("Digest Mailer", title, f"{NOTE}\n{_first_sentence(report)}", 2.0),
        ("Digest Mailer", other_title, f"{NOTE}\n{_first_sentence(other)}", 3.0),
    )
    stories = decided_stories(pieces, lang)
    assert stories[2] != stories[3]  # the note alone is shared
    assert stories[3] != 1 and stories[2] != 2  # neither copy joins the other report
