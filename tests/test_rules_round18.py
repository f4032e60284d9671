"""Issue 14, eighteenth round: held-out v13 studied (it is tuning now). The changes for its classes that recur,
on sentences of our own, each beside a sentence where it must not act: a headline denial that the headline itself
overturns ("… says otherwise", "from denial to …") no longer vetoes a story that tells the act as fact, a
decision pending on an evaluation or a review ("under evaluation", «на рассмотрении», 確認中) is a hedge, and in the
eval rules a project the story sets apart from the topic's ("separate from Arctic LNG 2") is no link to it, and
the pairing of arms found in one clause further down counts only when the arms are what the story is about (named
in the opening, more than once, or in a digest), not when a ferry story recalls the troops in Kursk as background.
Then v13 as a seen part of the benchmark."""

from __future__ import annotations

import pytest

from benchmarks.rules_quality import HELDOUT_V13, SEEN
from monitor.rules import RuleSet
from tests.test_rules_operators import fires, ruleset, topics

ARMS_TOLD = {
    "en": "Pyongyang sent 4,000 more soldiers to Russia this month, North Korean state media said.",
    "ru": "В этом месяце Пхеньян отправил в Россию ещё 4000 северокорейских солдат, сообщили госСМИ КНДР.",
    "ja": "北朝鮮は今月、ロシアに兵士４千人を追加で派遣したと国営メディアが伝えた。",
}


@pytest.mark.parametrize(
    ("lang", "title", "expected"),
    [
        ("en", "North Korea's troops in Russia: from denial to medals", True),
        ("en", "North Korea denies sending troops to Russia", False),  # the denial is the headline's substance
        ("ru", "Северокорейские солдаты в России: от отрицания к наградам", True),
        ("ru", "КНДР отрицает отправку солдат в Россию", False),
        ("ja", "ロシアの北朝鮮兵、否定から公認へ", True),
        ("ja", "北朝鮮、ロシアへの派兵を否定", False),
    ],
)
def test_a_headline_that_overturns_its_own_denial_arms(eval_rules, lang, title, expected):
    assert ("north-korea-russia-arms" in topics(eval_rules, title, ARMS_TOLD[lang])) is expected


DEAL_TOLD = {
    "en": "The Taliban's mines ministry signed a 20-year copper mining contract for the Logar deposit on Monday.",
    "ru": "Министерство горной промышленности талибов в понедельник подписало контракт на добычу меди в Логаре.",
}


@pytest.mark.parametrize(
    ("lang", "title", "expected"),
    [
        ("en", "Kabul denies copper deal in Logar, but a signing video says otherwise", True),
        ("en", "Kabul denies copper deal in Logar", False),
        ("ru", "Кабул отрицает медный контракт в Логаре, но документы говорят иное", True),
        ("ru", "Кабул отрицает медный контракт в Логаре", False),
    ],
)
def test_a_headline_that_overturns_its_own_denial_mining(eval_rules, lang, title, expected):
    assert ("afghan-mining" in topics(eval_rules, title, DEAL_TOLD[lang])) is expected


def test_held_out_v13_is_a_seen_part():
    assert SEEN["held-out v13 (seen → tuning)"] == HELDOUT_V13
    assert HELDOUT_V13.name == "heldout13.jsonl"


ACT = """
name: r
match:
  all:
    - any: [Indian Oil, IOC, Индиан Ойл, インド石油]
    - any: [Russian crude, российской нефти, российскую нефть, ロシア産原油]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
  sentence: true
"""


@pytest.fixture(scope="module")
def act(tmp_path_factory) -> RuleSet:
    """Compiled once: the built-in sets take most of a second to load."""
    return ruleset(tmp_path_factory.mktemp("act"), ACT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indian Oil is evaluating an offer of Russian crude for next year.", False),
        ("Indian Oil's term deal for Russian crude is under review.", False),
        ("Поставки российской нефти для Индиан Ойл на рассмотрении у правления.", False),
        ("インド石油、ロシア産原油の長期契約は確認中", False),
        ("Indian Oil bought two cargoes of Russian crude in May.", True),
        ("Индиан Ойл купила в мае две партии российской нефти.", True),
        ("インド石油が５月にロシア産原油を２カーゴ購入した。", True),
        ("Indian Oil bought Russian crude after reviewing its contracts.", True),  # a review done, not pending
    ],
)
def test_a_decision_pending_on_an_evaluation_is_a_hedge(act, text, expected):
    assert fires(act, content=text) is expected


@pytest.mark.parametrize(
    ("title", "content", "expected"),
    [
        (
            "Ust-Luga plant ships LNG cargo to Turkey",
            "The Ust-Luga plant, separate from the sanctioned Arctic LNG 2, shipped a cargo to a Turkish buyer.",
            False,
        ),
        (
            "Усть-Луга отгрузила СПГ в Турцию",
            "Завод в Усть-Луге, отдельный от проекта Арктик СПГ 2, отгрузил партию СПГ турецкому покупателю.",
            False,
        ),
        (
            "ウスチルガのＬＮＧ、トルコへ出荷",
            "アークティックＬＮＧ２とは別の事業であるウスチルガの工場が、トルコ向けに貨物を出荷した。",
            False,
        ),
        (
            "Arctic LNG 2 ships a cargo to Turkey",
            "A tanker loaded a cargo at Arctic LNG 2 and delivered it to a Turkish buyer on Monday.",
            True,
        ),
        (
            "アークティックＬＮＧ２、トルコへ出荷",
            "アークティックＬＮＧ２の貨物を積んだ運搬船がトルコの港に到着した。",
            True,
        ),
        ("Арктик СПГ 2 отгрузил партию в Турцию", "Арктик СПГ 2 отгрузил партию СПГ турецкому покупателю.", True),
    ],
)
def test_a_project_the_story_sets_apart_from_the_topics(eval_rules, title, content, expected):
    assert ("arctic-lng" in topics(eval_rules, title, content)) is expected


FERRY = {
    "en": (
        "Vladivostok–Pyongyang ferry resumes sailings",
        "A passenger ferry between Vladivostok and the North Korean port of Rajin resumed weekly sailings on Friday, "
        "the operator said.\n\nTickets cost $300 and most passengers are traders and students.\n\nTies have grown "
        "closer since North Korean troops fought for Russia in Kursk, the operator noted, but the ferry carries only "
        "civilians.",
    ),
    "ru": (
        "Паром Владивосток — Расон возобновил рейсы",
        "Пассажирский паром между Владивостоком и северокорейским портом Расон в пятницу возобновил еженедельные "
        "рейсы, сообщил оператор.\n\nБилет стоит 300 долларов, пассажиры — в основном торговцы и студенты.\n\n"
        "Связи укрепились с тех пор, как северокорейские войска воевали за Россию в Курской области, отметил "
        "оператор, но паром перевозит только гражданских.",
    ),
    "ja": (
        "ウラジオストク―羅津のフェリー、運航再開",
        "ウラジオストクと北朝鮮の羅津港を結ぶ旅客フェリーが金曜日、週１便の運航を再開した。\n\n運賃は３００ドルで、"
        "乗客の多くは商人や留学生だ。\n\n北朝鮮兵がクルスクでロシア軍とともに戦って以来、両国の結びつきは強まったが、"
        "フェリーは民間人のみを運ぶ。",
    ),
}


@pytest.mark.parametrize("lang", ["en", "ru", "ja"])
def test_arms_recalled_once_as_background_of_a_civilian_story(eval_rules, lang):
    assert "north-korea-russia-arms" not in topics(eval_rules, *FERRY[lang])


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Pyongyang sends more troops to Russia",
            "North Korea sent 3,000 more troops to Russia this month, Seoul's intelligence service said.",
        ),
        (
            "北朝鮮、ロシアに兵士を追加派遣",
            "北朝鮮は今月、ロシアに兵士３千人を追加で派遣した。\n\n部隊はクルスクに配置される見通し。",
        ),
        # a live page tells each event once, in one post further down: its rubric makes it a digest
        (
            "Live: Security Council meets on Ukraine",
            "10:02 Delegates arrive.\n\n10:40 The US envoy says North Korean troops are fighting for Russia in Kursk."
            "\n\n11:15 The session ends.",
        ),
        (
            "Онлайн: Совбез ООН обсуждает Украину",
            "10:02 Делегаты собираются.\n\n10:40 Посол США заявил, что северокорейские войска воюют за Россию в "
            "Курской области.\n\n11:15 Заседание завершилось.",
        ),
        (
            "【ライブ】国連安保理会合",
            "10:02 各国代表が到着。\n\n10:40 米国大使は、北朝鮮兵がクルスクでロシア軍とともに戦っていると述べた。"
            "\n\n11:15 会合が終了。",
        ),
    ],
)
def test_arms_in_the_opening_or_in_a_digest_still_count(eval_rules, title, content):
    assert "north-korea-russia-arms" in topics(eval_rules, title, content)
