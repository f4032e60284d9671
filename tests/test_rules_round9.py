"""Issue 14, ninth round: the built-in @negation, @hedge and @retrospective learnt Portuguese, Polish,
Italian, Dutch, Indonesian, Korean, Persian and Hebrew; words that negate in one language and mean
something else in another were left out or narrowed (Arabic نفت "she denied" is Persian for oil, Italian
"non" is the prefix of "non-sanctioned", Dutch "indien" is German for India); and a regex veto counts in
the sentence or clause of its word, not of the boundary it takes before it. Each matches and fails to
match, in the scripts it concerns."""

from __future__ import annotations

import pytest

from tests.test_rules_operators import fires, ruleset

ACTS = (
    "recogni*, reconhec*, uzna*, riconosc*, erken*, mengakui, buying, kauft, "
    "اعترف*, الاعتراف*, للاعتراف, خرید*, واردات, "
    '{regex: "(?:^|\\\\W)(?:승인|인정)"}, {regex: "(?:^|\\\\W)[והבלמשכ]{0,3}(?:הכיר|הכרה)"}, "به رسمیت"'
)
RULE = f"""
name: r
match:
  all:
    - any: [{ACTS}]
      unless_near: {{any: ["@negation", "@hedge", "@retrospective"], clause: true}}
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Quirguistão reconhece o governo talibã", True),
        ("Brasil não pretende reconhecer os talibãs", False),
        ("O governo poderia reconhecer os talibãs", False),
        ("Mongolia uznała rząd talibów", True),
        ("Polska nie uzna rządu talibów", False),
        ("Rok po uznaniu talibów przez Moskwę", False),
        ("Baku riconosce il governo talebano", True),
        ("Roma non riconosce i talebani", False),
        ("Turkmenistan erkent de Taliban-regering", True),
        ("Den Haag wil de Taliban niet erkennen", False),
        ("Kirgizstan mengakui pemerintahan Taliban", True),
        ("Indonesia belum mengakui Taliban", False),
        ("몽골, 탈레반 정부 공식 승인", True),
        ("일본은 탈레반을 승인하지 않았다", False),
        ("탈레반 정부를 승인할 가능성", False),
        ("قرقیزستان دولت طالبان را به رسمیت شناخت", True),
        ("ایران طالبان را به رسمیت نمی‌شناسد", False),
        ("טורקמניסטן הכירה בממשלת הטליבאן", True),
        ("ישראל לא תכיר בטליבאן", False),
        # a word that negates in one language and means something else in another
        ("هند واردات نفت روسیه را افزایش داد", True),  # Persian: India raised its imports of Russian oil
        ("پالایشگاه‌ها نفت خام روسیه خریدند", True),
        ("نفت وزارة الخارجية الاعتراف بطالبان", False),  # Arabic: the ministry denied recognising
        ("Reliance resumes buying Russian oil from non-sanctioned suppliers", True),
        ("Indien kauft so viel russisches Öl", True),  # German India, not Dutch "if"
    ],
)
def test_the_eight_new_languages_and_the_false_friends(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, RULE), title) is expected


def test_a_regex_veto_counts_in_the_sentence_of_its_word_not_the_one_before(tmp_path):
    """The Arabic "نفت …" veto is a regex that takes the boundary before its word; at the start of
    the summary that boundary ends the title, whose clause it must not veto (and it must veto its own)."""
    rules = ruleset(tmp_path, RULE.replace("      unless_near", "      fields: [lead]\n      unless_near"))
    assert fires(rules, "Moscow recognises Kabul", "نفت وزارة الخارجية أي اعتراف جديد.") is True
    assert fires(rules, "Kabul awaits news", "نفت وزارة الخارجية الاعتراف بطالبان.") is False
