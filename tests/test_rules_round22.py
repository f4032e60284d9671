"""Issue 14, round 22: held-out v16 studied; its errors sorted by mechanism and each class counted across the tuning
parts before anything was changed (tests/data/rules_eval/README.md, "Held-out v16 seen → tuning"). A briefing's or
an earnings call's transcript names who answers in the answer's label ("A (Joint Secretary): Yes."): the question
answered yes is still a statement."""

from __future__ import annotations

import pytest

from monitor.rules import RuleSet
from monitor.rules.units import answered_spans
from monitor.text import match_text
from tests.test_rules_operators import fires, ruleset

SUPPLY = """
name: r
match:
  all:
    - any: [North Korea, КНДР, 北朝鮮, 朝鲜, Nordkorea, Corée du Nord, Corea del Norte, Kuzey Kore]
    - any: [munitions, shells, боеприпас*, снаряд*, 弾薬, 砲弾, 弹药, Munition, obus, municiones, mühimmat]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
  clause: true
"""


@pytest.fixture(scope="module")
def supply(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("supply"), SUPPLY)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # the speaker in brackets after the answer's label: still the label, the question answered yes
        ("Q: Is North Korea still supplying Russia?\nA (Defence spokesman): Yes. We count 9,000 shells.", True),
        ("Q: Is North Korea still supplying Russia?\nA (Defence spokesman): No. We have seen no shells.", False),
        ("Q: Is North Korea still supplying Russia?\nA (spokesman): We will not comment on shells.", False),
        ("Вопрос: КНДР продолжает поставки?\nОтвет (представитель разведки): Да. Мы насчитали 9 тысяч снарядов.", True),
        ("Вопрос: КНДР продолжает поставки?\nОтвет (представитель разведки): Нет. Снарядов мы не видим.", False),
        ("問：北朝鮮は今も供給しているのか。\n答（報道官）：はい。砲弾を確認した。", True),
        ("問：北朝鮮は今も供給しているのか。\n答（報道官）：いいえ。砲弾は確認されていない。", False),
        ("F: Liefert Nordkorea weiter?\nA (Sprecher): Ja. Wir zählen Munition in Containern.", True),
        ("Q : La Corée du Nord livre-t-elle encore ?\nR (porte-parole) : Oui. Nous comptons des obus.", True),
        # a bracket that is not a label's (a remark after the question) joins nothing
        ("Is North Korea still supplying Russia? (Laughter.) Yes, shells, some say.", False),
    ],
)
def test_an_answer_label_may_name_its_speaker_in_every_script(supply, content, expected):
    assert fires(supply, content=content) is expected


def test_the_answered_span_runs_from_the_question_to_the_yes_behind_a_named_label():
    text = match_text("Q: Is it true? A (the spokesman, ministry of petroleum): Yes. It is.")
    assert answered_spans(text) == [(0, text.index("yes.") + len("yes."))]
    # the label's bracket holds a speaker, not a sentence: a long remark is no label
    assert answered_spans(match_text("Is it true? A (" + "word " * 30 + "): Yes. It is.")) == []


DEAL = """
name: r
match:
  all:
    - any: [Afghan*, афганск*, Афганистан*, Афганістан*]
    - any: [contract*, контракт*]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
  sentence: true
"""


@pytest.fixture(scope="module")
def deal(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("deal"), DEAL)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # a hope told in the past tense is as much a hope as in the present
        ("The Afghan minister said he hoped to sign lithium contracts within the year.", False),
        ("The Afghan minister hopes to sign lithium contracts within the year.", False),
        ("The Afghan minister signed the lithium contracts he had hoped for.", True),  # hoped for: it came
        ("Афганский министр надеялся подписать контракты до конца года.", False),
        ("Афганские власти надеялись, что контракт подпишут весной.", False),
        ("Афганский министр подписал контракт, на который давно надеялась компания.", False),  # one clause: vetoed
        ("Афганский министр подписал контракт. Компания надеялась на это давно.", True),  # another sentence
        ("Афганістан сподівався підписати контракт до кінця року.", False),  # Ukrainian had its past already
    ],
)
def test_a_hope_in_the_past_tense_is_a_hedge_in_every_script(deal, content, expected):
    assert fires(deal, content=content) is expected
