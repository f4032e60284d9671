"""Issue 14, eighth round: the built-in sets learnt an act ruled out in other words ("out of the
question", "не стоит на повестке", "論外"), the time since a past act ("a year after", "спустя
год", "から1年"), and an act said to be imminent or claimed by posts ("about to", "sur le point
de", "على وشك"); the example rules' @recognition learnt the formal equivalents of recognition
(credentials, diplomatic relations established, a lawful government). Each matches and fails to
match, in the scripts it concerns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_rules_operators import fires, ruleset

RULES = Path(__file__).resolve().parent.parent / "rules"

BUILTIN = """
name: r
match:
  all:
    - any: [recogni*, признал*, признает, признаёт, 承認, 承认, anerkenn*, reconna*, reconoc*, tanıd*, tanıyacak,
            اعترف*, تعترف*, визна*]
      unless_near: {any: ["@negation", "@hedge", "@retrospective"], sentence: true}
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # ruled out in other words
        ("Recognising Kabul is out of the question, Dushanbe says", False),
        ("Признание Кабула не стоит на повестке", False),
        ("タリバン承認は論外と外相", False),
        ("承认塔利班不在考虑之列", False),
        ("Anerkennung Kabuls kommt nicht in Frage", False),
        ("Tanıma söz konusu değil", False),
        ("الاعتراف بكابول غير وارد", False),
        ("Dushanbe recognises Kabul", True),
        # the time since a past act
        ("A year after Moscow recognised the Taliban, trade is flat", False),
        ("Спустя год после того, как Москва признала талибов, торговля выросла", False),
        ("ロシアのタリバン承認から1年", False),
        ("俄罗斯承认塔利班一年后", False),
        ("Un an après, Moscou reconnaît son erreur", False),
        ("Bir yıl sonra Moskova tanıdı", False),
        ("Moscow recognised the Taliban on Friday", True),
        ("Москва признала талибов в пятницу", True),
        # about to, or claimed by posts
        ("Tajikistan is about to recognise the Taliban", False),
        ("Posts shared on Telegram say Astana recognises Kabul", False),
        ("Le Kazakhstan sur le point de reconnaître Kaboul", False),
        ("Kazajistán a punto de reconocer a Kabul", False),
        ("كازاخستان على وشك الاعتراف بطالبان", False),
        ("Kazakhstan recognises Kabul", True),
    ],
)
def test_builtin_sets_of_the_eighth_round(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, BUILTIN), title) is expected


EXAMPLE = """
name: r
match:
  all:
    - any: [Taliban, Талибан*, タリバン, 塔利班, طالبان]
    - any: ["@recognition"]
      unless_near: {any: ["@negation"], clause: true, except: ["@litotes"]}
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Tashkent accepts the credentials of the Taliban's ambassador", True),
        ("Minsk establishes diplomatic relations with the Taliban", True),
        ("Беларусь установила дипломатические отношения с Талибаном", True),
        ("キルギス、タリバン大使の信任状を受理", True),
        ("哈萨克斯坦与塔利班建交", True),
        ("Minsk will not establish diplomatic relations with the Taliban", False),
        ("Taliban diplomats visit Minsk", False),
    ],
)
def test_the_example_recognition_set_knows_formal_equivalents(tmp_path, title, expected):
    aliases = (RULES / "aliases.yaml").read_text(encoding="utf-8")
    assert fires(ruleset(tmp_path, EXAMPLE, aliases), title) is expected


@pytest.mark.parametrize(
    ("term", "title", "expected"),
    [
        ("から1年", "ロシアのタリバン承認から1年", True),
        ("火星15", "北朝鮮が火星15を発射", True),
        ("一年后", "俄罗斯承认塔利班一年后", True),
        ("北極LNG2", "北極LNG 2の貨物", True),  # a Latin letter before the digit: the joint is still free
        ("から1年", "から2年", False),
    ],
)
def test_a_digit_after_an_unspaced_letter_stays_joined(tmp_path, term, title, expected):
    assert fires(ruleset(tmp_path, f"name: r\nmatch:\n  any: [{term}]\n"), title) is expected
