"""Issue 14, seventeenth round: held-out v12 studied (it is tuning now). The changes for its classes that recur,
on sentences of our own, each beside a sentence where it must not act: an expectation or forecast with its
subject between ("analysts expect X to recognise"), speculation and "premature" in the languages that lacked
them, the Polish conditional mood, a postponement said as "pushed back" in French, a Japanese yes-or-no question
that ends a headline read with its story (the lead), and in the eval rules a story that says its subject is
unrelated to the topic. Then v12 as a seen part of the benchmark."""

from __future__ import annotations

import pytest

from benchmarks.rules_quality import HELDOUT_V12, SEEN
from monitor.rules import RuleSet
from tests.test_rules_operators import fires, ruleset, topics

ACT = """
name: r
match:
  all:
    - any: [Taliban, talibów, Талибан*, タリバン, talibans, Taliban-Regierung]
    - any: [recogni*, uznał*, uznan*, uznaniu, признал*, признани*, 承認, reconnu*, reconnaiss*, anerkann*, Anerkennung,
            reconoci*, riconosc*]
      unless_near: {any: ["@negation", "@hedge"], sentence: true, except: ["@litotes"]}
  sentence: true
"""


@pytest.fixture(scope="module")
def act(tmp_path_factory) -> RuleSet:
    """Compiled once: the built-in sets take most of a second to load."""
    return ruleset(tmp_path_factory.mktemp("act"), ACT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most analysts expect at least one more state to recognise the Taliban government.", False),
        ("Diplomats are expecting Tashkent to recognise the Taliban soon.", False),
        ("Les diplomates s'attendent à ce que Tachkent reconnaisse les talibans.", False),
        ("Analysten erwarten die Anerkennung der Taliban-Regierung durch Usbekistan.", False),
        ("Los analistas esperan que Uzbekistán reconozca a los Taliban.", False),
        ("Gli analisti si aspettano che l'Uzbekistan riconosca i Taliban.", False),
        ("Analitycy spodziewają się uznania talibów przez Uzbekistan.", False),
        ("Uzbekistan recognised the Taliban government, as expected.", True),  # the act, then "as expected"
        ("Tashkent recognised the Taliban on Monday, sooner than expected.", True),
        ("Uzbekistan recognised the Taliban government on Monday.", True),
        ("Tachkent a reconnu le gouvernement des talibans lundi.", True),
    ],
)
def test_an_expectation_is_a_forecast_not_the_act(act, text, expected):
    assert fires(act, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ambasador: uznanie rządu talibów byłoby przedwczesne.", False),  # the Polish conditional mood
        ("Kazachstan uznałby rząd talibów, gdyby Rosja to zrobiła.", False),
        ("Kazachstan uznał rząd talibów w poniedziałek.", True),
        ("Tashkent says recognition of the Taliban is premature.", False),
        ("Taschkent nennt die Anerkennung der Taliban verfrüht.", False),
        ("Tachkent juge prématurée la reconnaissance des talibans.", False),
        ("Taskent considera prematuro el reconocimiento de los Taliban.", False),
        ("Wywołało to spekulacje o rychłym uznaniu talibów.", False),  # speculation
        ("Es gibt Spekulationen über eine Anerkennung der Taliban-Regierung.", False),
        ("Hay especulaciones sobre el reconocimiento de los Taliban.", False),
        ("トルクメニスタンがタリバン政権を承認するとの臆測が出ている。", False),  # 臆測 beside 憶測
        ("トルクメニスタンがタリバン政権を承認した。", True),
    ],
)
def test_premature_speculation_and_the_polish_conditional(act, text, expected):
    assert fires(act, content=text) is expected


@pytest.fixture(scope="module")
def act_in_lead(tmp_path_factory) -> RuleSet:
    """The same rule over the lead (the title, then the opening), where the eval rules look for an event."""
    return ruleset(tmp_path_factory.mktemp("lead"), ACT + "  fields: [lead]\n")


@pytest.mark.parametrize(
    ("title", "content", "expected"),
    [
        ("トルクメニスタン、タリバン承認に踏み切るか", "国境の町では交易が続いている。", False),  # the headline asks
        ("タリバン政権を承認するか　外相が言及", "", False),  # a verb's か before the headline's second half
        ("北朝鮮がタリバン政権を承認か　衛星画像で確認", "", True),  # a noun's か: a suspicion the story confirms
        ("トルクメニスタン、タリバン政権を承認", "国境の町では交易が続いている。", True),
        ("タリバン政権を承認した国は 3か国", "", True),  # 3か国 ("three countries") asks nothing
    ],
)
def test_a_japanese_question_ending_a_headline_line(act_in_lead, title, content, expected):
    assert fires(act_in_lead, title=title, content=content) is expected


POSTPONED = """
name: p
match:
  all:
    - any: [Mes Aynak]
    - any: [signature, signé*, contrat]
      unless_near: {any: ["@negation"], sentence: true}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La signature du contrat de Mes Aynak a été une nouvelle fois repoussée.", False),
        ("Les deux signatures de Mes Aynak, repoussées en mai, ont eu lieu hier.", False),  # still one sentence
        ("Le contrat de Mes Aynak a été signé hier à Kaboul.", True),
        ("La signature du contrat de Mes Aynak, prévue en mai, a eu lieu hier.", True),
    ],
)
def test_a_postponement_said_as_pushed_back_in_french(tmp_path, text, expected):
    assert fires(ruleset(tmp_path, POSTPONED), content=text) is expected


@pytest.mark.parametrize(
    ("title", "content", "expected"),
    [
        (
            "Indian Railways buys Russian lubricants",
            "Indian Railways bought 9,000 tonnes of grease. The deal is unrelated to India's imports of Russian crude.",
            False,
        ),
        (
            "Индийские железные дороги закупили смазку",
            "Закупка не связана с импортом российской нефти Индией.",
            False,
        ),
        ("インド鉄道、潤滑油を調達", "調達はインドのロシア産原油の輸入とは無関係だ。", False),
        ("Indian refiners buy more Urals", "Indian refiners bought more Russian crude in May.", True),
        ("Индийские НПЗ нарастили закупки", "Индийские НПЗ нарастили закупки российской нефти в мае.", True),
    ],
)
def test_a_story_that_says_its_subject_is_unrelated(eval_rules, title, content, expected):
    assert ("india-russian-oil" in topics(eval_rules, title, content)) is expected


def test_held_out_v12_is_a_seen_part():
    assert SEEN["held-out v12 (seen → tuning)"] == HELDOUT_V12
    assert HELDOUT_V12.name == "heldout12.jsonl"
