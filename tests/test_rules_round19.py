"""Issue 14, nineteenth round: held-out v14 studied (it is tuning now). The changes for its classes that recur,
on sentences of our own, each beside a sentence where it must not act: a feature that reaches its news in the
second half counts when the act is dated as news in its own sentence ("On Tuesday the ministry announced …"), not
when a last paragraph recalls it as background; a second reported statement joined by "and that" is a clause of
its own, so its "would" no longer vetoes the first one's done act; 一切ない ("none whatsoever") is a negation; and
the eval rules read Russian взяли ("took") as a purchase, as they read English "took". Then v14 as a seen part."""

from __future__ import annotations

import pytest

from benchmarks.rules_quality import HELDOUT_V14, SEEN
from monitor.rules import RuleSet
from tests.test_rules_operators import fires, ruleset, topics

# A feature: two paragraphs of scene, then the act once, in the second half. The title names no act.
FEATURE = {
    "en": (
        "A winter at the border market",
        "Traders at the river market wait for spring. The bridge opens two hours a day and the bazaar is half "
        "empty.\n\nFarmers sell onions and carpets, and prices have barely moved since autumn.\n\n"
        "{act}\n\nThe traders hope the market will grow.",
        "On Wednesday the foreign ministry announced that the president had signed a decree recognising the "
        "Islamic Emirate of Afghanistan.",
        "The foreign ministry has announced that the president signed a decree recognising the Islamic Emirate "
        "of Afghanistan.",
    ),
    "ru": (
        "Зима на пограничном рынке",
        "Торговцы на речном рынке ждут весны. Мост открыт два часа в день, базар наполовину пуст.\n\n"
        "Крестьяне продают лук и ковры, цены с осени почти не изменились.\n\n{act}\n\n"
        "Торговцы надеются, что рынок вырастет.",
        "В среду МИД объявил, что президент подписал указ о признании правительства Исламского Эмирата Афганистан.",
        "МИД объявил, что президент подписал указ о признании правительства Исламского Эмирата Афганистан.",
    ),
    "ja": (
        "国境の市場の冬",
        "川沿いの市場の商人たちは春を待っている。橋は１日２時間しか開かず、市場は半分空いている。\n\n"
        "農家はタマネギやじゅうたんを売り、価格は秋からほとんど変わっていない。\n\n{act}\n\n商人たちは市場の拡大を期待する。",
        "外務省は水曜日、大統領がアフガニスタンのタリバン政権を正式に承認する大統領令に署名したと発表した。",
        "外務省は、大統領がアフガニスタンのタリバン政権を正式に承認する大統領令に署名したと発表した。",
    ),
}


@pytest.mark.parametrize("lang", ["en", "ru", "ja"])
def test_an_act_dated_as_news_late_in_a_feature(eval_rules, lang):
    title, body, dated, undated = FEATURE[lang]
    assert "taliban-recognition" in topics(eval_rules, title, body.format(act=dated))
    # told once, further down and without its day, it stays a passing mention (the salience rule holds)
    assert "taliban-recognition" not in topics(eval_rules, title, body.format(act=undated))


# A day in another sentence than the act dates nothing: the ferry sails on Friday, the troops are background.
BACKGROUND = {
    "en": (
        "Vladivostok–Rajin ferry resumes sailings",
        "A passenger ferry to the North Korean port of Rajin resumed sailings on Friday.\n\nTickets cost $300.\n\n"
        "Ties have grown since North Korean troops fought for Russia in Kursk, the operator noted.",
    ),
    "ru": (
        "Паром Владивосток — Расон возобновил рейсы",
        "Пассажирский паром в северокорейский порт Расон в пятницу возобновил рейсы.\n\nБилет стоит 300 долларов."
        "\n\nСвязи укрепились с тех пор, как северокорейские войска воевали за Россию в Курской области.",
    ),
    "ja": (
        "ウラジオストク―羅津のフェリー、運航再開",
        "北朝鮮の羅津港への旅客フェリーが金曜日に運航を再開した。\n\n運賃は３００ドルだ。\n\n"
        "北朝鮮兵がクルスクでロシア軍とともに戦って以来、両国の結びつきは強まった。",
    ),
}
LATE_TRANSFER = {
    "en": "On Tuesday North Korea delivered 20 artillery systems to Russia, Seoul's intelligence service said.",
    "ru": "Во вторник КНДР передала России 20 артиллерийских систем, сообщила южнокорейская разведка.",
    "ja": "北朝鮮は５日、ロシアに自走砲２０門を引き渡したと韓国の情報機関が明らかにした。",
}


@pytest.mark.parametrize("lang", ["en", "ru", "ja"])
def test_a_dated_transfer_late_in_a_story_but_not_a_background_recall(eval_rules, lang):
    title, body = BACKGROUND[lang]
    assert "north-korea-russia-arms" not in topics(eval_rules, title, body)
    body = body.rsplit("\n\n", 1)[0] + "\n\n" + LATE_TRANSFER[lang]  # the last paragraph now tells a dated transfer
    assert "north-korea-russia-arms" in topics(eval_rules, title, body)


def test_a_dated_cargo_late_in_a_feature(eval_rules):
    title = "北極海航路、遅い氷の一年"
    scene = "今年の北極海航路は氷が遅くまで残り、航行期間が短かった。\n\n砕氷船は例年以上に忙しかった。\n\n"
    dated = "１０月末、アークティックＬＮＧ２の貨物を積んだ船が中国の基地で荷揚げを終えた。"
    assert "arctic-lng" in topics(eval_rules, title, scene + dated)
    assert "arctic-lng" not in topics(eval_rules, title, scene + dated.replace("１０月末、", ""))


REPORTED = """
name: r
match:
  all:
    - any: [Taliban, Талибан*, талиб*, taliban*, Talibans]
    - any: [recognis*, признал*, признани*, anerkannt, anerkennt, reconnu*, reconoci*]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
  sentence: true
"""


@pytest.fixture(scope="module")
def reported(tmp_path_factory) -> RuleSet:
    """Compiled once: the built-in sets take most of a second to load."""
    return ruleset(tmp_path_factory.mktemp("reported"), REPORTED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said the president had recognised the Taliban, and that an envoy would follow.", True),
        ("The ministry said the president would recognise the Taliban, and that an envoy had arrived.", False),
        ("МИД сообщил, что президент признал правительство талибов, и что посол будет назначен позже.", True),
        ("МИД сообщил, что президент мог бы признать правительство талибов, и что посол уже прибыл.", False),
        (
            "Das Ministerium sagte, der Präsident habe die Taliban anerkannt, und dass ein Botschafter folgen könnte.",
            True,
        ),
        ("Le ministère a dit que le président a reconnu les talibans, et que un ambassadeur pourrait suivre.", True),
        (
            "Le ministère a dit que le président pourrait reconnaître les talibans, et que un ambassadeur est arrivé.",
            False,
        ),
    ],
)
def test_a_second_reported_statement_is_a_clause_of_its_own(reported, text, expected):
    assert fires(reported, content=text) is expected


DEAL = """
name: r
match:
  all:
    - any: [アフガン, アフガニスタン]
    - any: [契約, 覚書]
      unless_near: {any: ["@negation"], clause: true, except: ["@litotes"]}
  sentence: true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同社はアフガニスタンでの契約の締結は「一切ない」としている。", False),
        ("アフガニスタンの鉱山会社との契約は一切なかった。", False),
        ("アフガン企業との契約は一切なし、と同社は述べた。", False),
        ("同社はアフガニスタンの鉱山会社と採掘契約を結んだ。", True),
        ("一切の費用を負担する条件で、同社はアフガニスタンの鉱山会社と契約を結んだ。", True),  # 一切 alone: "all"
    ],
)
def test_none_whatsoever_is_a_negation(tmp_path, text, expected):
    assert fires(ruleset(tmp_path, DEAL), content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В ноябре индийские НПЗ взяли двенадцать партий Urals.", True),
        ("Індійські НПЗ взяли в листопаді дванадцять партій російської нафти.", True),
        ("В ноябре индийские НПЗ не взяли ни одной партии Urals.", False),
        ("Индийские НПЗ взяли паузу в переговорах о российской нефти и не купили ни одной партии.", False),
    ],
)
def test_russian_took_is_a_purchase_in_the_eval_rules(eval_rules, text, expected):
    assert ("india-russian-oil" in topics(eval_rules, "Рынок нефти", text)) is expected


def test_held_out_v14_is_a_seen_part():
    assert SEEN["held-out v14 (seen → tuning)"] == HELDOUT_V14
    assert HELDOUT_V14.name == "heldout14.jsonl"
