"""Issue 14, fourteenth round: the changes for the classes of held-out v10's errors, on sentences of our own. The
built-in sets: a retraction of one's own words, a Japanese quoted claim rated false and a ship waiting at sea
(@negation); drafts, a condition named as a noun, enquiries, preparation and promises (@hedge); a rating outlook an
agency changed (@litotes); "on this day" rubrics (@retrospective); and the scope of a concessive phrase ("despite",
"несмотря на", "にもかかわらず、"). Each in the scripts it is written in, vetoing, and beside it a sentence where it
must not. Then the eval rules' classes."""

from __future__ import annotations

import pytest

from monitor.rules import RuleSet
from tests.test_rules_operators import entry, fires, ruleset

ACT = """
name: r
match:
  all:
    - any: [recognition, recognised, признал*, признани*, 承認, anerkannt, reconnu, reconoció, cargo, парти*,
            визнан*, 貨物, concession, концесси*, 受け入れ, поставить, 購入, Lieferung, livrer, entregar, 交付]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
"""

HISTORY = """
name: h
match:
  all:
    - any: [recognised, признал, 承認, 承认, anerkannt]
      unless_near: {any: ["@retrospective"], sentence: true}
"""


@pytest.fixture(scope="module")
def act(tmp_path_factory) -> RuleSet:
    """Compiled once: the built-in sets take most of a second to load."""
    return ruleset(tmp_path_factory.mktemp("act"), ACT)


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("history"), HISTORY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The minister walks back his remark that recognition was "done"', False),
        ("The minister said he misspoke when he spoke of recognition", False),
        ("He said he had been misunderstood: recognition is not on the agenda", False),
        ("The minister confirmed the recognition on Monday", True),
        ("Министр заявил, что неверно выразился, говоря о признании", False),
        ("Министр подтвердил признание в понедельник", True),
        ("大臣は「承認したという意味ではない」と釈明した", False),
        ("大臣は承認したと発表した", True),
        ("Der Minister sei missverstanden worden, als er sagte, Kabul sei anerkannt", False),
        ("Le ministre s'est mal exprimé: rien n'est reconnu", False),
        ("El ministro se retractó de decir que su país reconoció a Kabul", False),
    ],
)
def test_a_retraction_of_ones_own_words_vetoes(act, text, expected):
    assert fires(act, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("「サウジがタリバン承認」は誤り", False),  # the quoted claim is rated false
        ("「サウジがタリバン承認」も事実無根", False),
        ("『偽動画』説は誤り　政府は承認を確認", True),  # the claim rated false is the "fake", not the act
        ("貨物は洋上で１カ月待機", False),  # a ship that waits at sea: no delivery
        ("貨物船は沖合で待機している", False),
        ("運搬船が地中海で停泊を続けている貨物", False),
        ("貨物を受け入れ、作業員は待機した", True),  # standing by ashore is no waiting ship
        ("「政府が承認した」という情報が広がった", False),  # a claim framed as information going round
    ],
)
def test_japanese_claims_rated_false_and_ships_waiting_at_sea(act, text, expected):
    assert fires(act, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Утечка о признании оказалась черновиком", False),  # a draft
        ("Витік про визнання виявився чернеткою", False),
        ("Ашхабад назвал условие, при котором признает талибов", False),  # the condition as a noun
        ("Ашхабад признал талибов в понедельник", True),
        ("A utility sounded out intermediaries about a cargo", False),  # an enquiry commits to nothing
        ("BOTAŞ прощупывает возможность закупить партию", False),
        ("Компания интересовалась у посредников ценой партии", False),
        ("政府は承認に向けて内部で調整を進めている", False),  # preparing the act
        ("政府は承認に向けた準備に入った", False),
        ("北朝鮮の貨物船が港に向けて貨物を運んだ", True),  # に向けて alone is "bound for"
        ("Delhi promised to stop the cargo purchases", False),  # a promise is a future act
        ("Москва пообещала поставить снаряды", False),
        ("インドはロシア産原油の購入をやめると「約束した」", False),
        ("The promised cargo arrived in Sikka", True),
        ("The tanker delivered the cargo it had promised to send", True),  # a promise told as kept
        ("Поставлена партия, которую обещали в марте", True),
        ("Обещанная партия прибыла в порт", True),
        ("Berlin versprach eine Lieferung", False),
        ("Paris a promis de livrer", False),
        ("Madrid prometió entregar", False),
        ("北京承诺将交付", False),
    ],
)
def test_drafts_conditions_enquiries_preparation_and_promises_hedge(act, text, expected):
    assert fires(act, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brightline revised the outlook on the miner to negative, citing its concession in Ghazni", True),
        ("Rating note: miner's outlook lowered after lithium concession", True),
        ("The outlook for the concession is uncertain", False),  # a forecast of the act still vetoes
        ("Агентство изменило прогноз по рейтингу компании после подписания концессии", True),
        ("Прогноз: концессия может быть подписана весной", False),
        ("格付け会社は見通しを据え置いた。貨物の受け入れが利幅を支えた", True),
    ],
)
def test_a_rating_outlook_an_agency_changed_is_its_act(act, text, expected):
    assert fires(act, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On this day: Pakistan recognised the Taliban government", False),
        ("В этот день: Пакистан признал правительство талибов", False),
        ("В этот день Узбекистан признал правительство талибов", True),  # "on that day": narration, no rubric
        ("今日は何の日　パキスタンがタリバン政権を承認", False),
        ("历史上的今天：巴基斯坦承认塔利班政府", False),
        ("An diesem Tag: Pakistan hat die Taliban anerkannt", False),
        ("Pakistan hat die Taliban anerkannt", True),
    ],
)
def test_an_on_this_day_rubric_retells(history, text, expected):
    assert fires(history, title=text) is expected


DEAL = """
name: d
match:
  all:
    - any: [deal, сделк*, 契約, 协议, accord, acuerdo, угод*, Abkommen]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
"""


@pytest.fixture(scope="module")
def deal(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("deal"), DEAL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gem traders remain cautious despite the new mining deal", True),  # the main clause's hedge stays out
        ("Despite no approval from Kabul, the firm signed the mining deal", True),  # the phrase's negation stays in
        ("The firm has not signed the deal despite pressure", False),  # the main clause's own act is negated
        ("Traders remain cautious about the deal", False),
        ("Трейдеры осторожны, несмотря на новую сделку", True),
        ("Компания не подписала сделку, несмотря на давление", False),
        ("Трейдери обережні попри нову угоду", True),
        ("新たな採掘契約にもかかわらず、業者は慎重だ", True),
        ("圧力にもかかわらず、契約は結ばれなかった", False),
        ("业者持谨慎态度。尽管签署了新协议，业者仍然谨慎", True),
        ("Malgré le nouvel accord, les négociants restent prudents", True),
        ("A pesar del nuevo acuerdo, los comerciantes siguen cautelosos", True),
        ("Trotz des Drucks wurde das Abkommen nicht unterzeichnet", False),  # German marks no end: one span
    ],
)
def test_what_a_concessive_phrase_concedes_holds_whatever_the_main_clause_says(deal, text, expected):
    assert fires(deal, content=text) is expected


@pytest.mark.parametrize(
    ("topic", "title", "summary", "expected"),
    [
        (  # an opinion piece reacting to an act that has just happened reports it (round 13's exclusion removed)
            "taliban-recognition",
            "Opinion: Astana's recognition of the Taliban came too cheap",
            "Kazakhstan's government on Friday formally recognised the Islamic Emirate of Afghanistan.",
            True,
        ),
        (
            "afghan-mining",
            "社説　バダフシャンの金鉱契約を憂う",
            "アフガニスタンの鉱業省は、バダフシャン州の金鉱の採掘契約をトルコ企業と結んだと発表した。",
            True,
        ),
        (  # a live page whose post tells the act
            "taliban-recognition",
            "Live: the summit in Astana, day one",
            "09:10 Kazakhstan's foreign minister says the country has recognised the Islamic Emirate of Afghanistan.",
            True,
        ),
        (  # признать as "declare": a winner, an act ruled lawful
            "taliban-recognition",
            "Итоги конкурса в Кабуле: победителем признана турецкая компания",
            "Министерство Исламского Эмирата объявило итоги тендера; победителем признана турецкая фирма.",
            False,
        ),
        (
            "taliban-recognition",
            "Суд признал расторжение афганского контракта законным",
            "Трибунал признал расторжение контракта с афганским министерством законным.",
            False,
        ),
        (  # Japanese 承認 of a drug
            "taliban-recognition",
            "マラリアの新薬を承認　アフガン支援団体が歓迎",
            "厚生労働省は新薬を承認した。",
            False,
        ),
        (  # another arms customer's headline
            "north-korea-russia-arms",
            "Russia delivers more fighter jets to Vietnam",
            "Analysts note that Russia's arms trade with North Korea draws more attention than its sales to Asia.",
            False,
        ),
        (  # old weapons lent to a museum
            "north-korea-russia-arms",
            "Pyongyang museum lends antique weapons to Vladivostok",
            "North Korea's history museum sent swords and armour to Russia for an exhibition.",
            False,
        ),
        (  # aircraft are arms; German compounds; Spanish singulars
            "north-korea-russia-arms",
            "Снимки: российские истребители появились на аэродроме в КНДР",
            "Спутниковые снимки показывают шесть российских истребителей на аэродроме в КНДР.",
            True,
        ),
        (
            "north-korea-russia-arms",
            "Nordkorea lieferte Panzerabwehrraketen an Russland",
            "Die Ukraine zeigt erbeutete Systeme.",
            True,
        ),
        (
            "north-korea-russia-arms",
            "Rusia recibió munición de Corea del Norte",
            "El envío llegó por tren.",
            True,
        ),
        (  # a purchase cancelled: the Arctic cargo did not move
            "arctic-lng",
            "Indian buyer cancels its purchase of an Arctic LNG 2 cargo",
            "The importer withdrew from the deal for the Arctic LNG 2 cargo before loading.",
            False,
        ),
        (
            "arctic-lng",
            "Indian buyer takes an Arctic LNG 2 cargo",
            "The importer bought an Arctic LNG 2 cargo, which was loaded at Gydan on Monday.",
            True,
        ),
        (
            "arctic-lng",
            "Тайский импортёр принял газ с Ямала",
            "На терминал в Таиланде доставлена партия газа с Ямала, купленная на споте.",
            True,
        ),
    ],
)
def test_the_eval_rules_on_round_14_classes(eval_rules, topic, title, summary, expected):
    fired = {m.rule for m in eval_rules.match(entry(title, summary))}
    assert (topic in fired) is expected
