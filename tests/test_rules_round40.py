"""Issue 14, round 40: held-out v34 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v34 seen →
tuning"). Its errors classified by cause, then each cause fixed as a mechanism meant to hold on a part not seen,
tested on sentences of our own beside one where the rule must still fire: a headline's refusal after a comma is a
clause of its own, a Japanese clause opened by a new subject has its own modality, a hint is a hedge, "awaits" is
"awaiting", a report called delirium is denied, a denial whose object is the site, Japanese approval of an exemption,
radars are arms, gemstones in every rule language, another refiner of South-East Asia is another buyer."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires

from monitor.rules.units import CLAUSE, breaks
from monitor.text import match_text

MINING, TALIBAN, OIL, LNG, ARMS = (
    "afghan-mining",
    "taliban-recognition",
    "india-russian-oil",
    "arctic-lng",
    "north-korea-russia-arms",
)


def clause_count(text: str) -> int:
    return len(breaks(text, match_text(text))[CLAUSE])


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("Petronet takes Yamal LNG cargo, rules out more spot buying", True),
        ("Индия купила партию Urals, отказалась от второй", True),
        ("Ankara signe pour du GNL, refuse une deuxième cargaison", True),
        ("The cargo, refused by Indian buyers, sails on", False),  # a participle describes the cargo
        ("Petronet, the importer, takes Yamal LNG cargo", False),
    ],
)
def test_a_refusal_after_a_comma_opens_a_clause(text, split):
    assert (clause_count(text) > 1) is split


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("承認する法律も含まれ、大統領が近く署名する見通し", True),  # a new subject, its own modality
        ("正式に承認し、大使館を開設する見通し", False),  # one subject: the last modality governs both
    ],
)
def test_a_japanese_clause_opened_by_a_new_subject(text, split):
    assert (clause_count(text) > 1) is split


def test_a_japanese_headline_ending_on_a_verbs_noun_is_one_clause():
    text = "ロシア原油の買い増し、インドは「検討の余地」"  # "buying more Russian crude: India 'has room to consider'"
    assert len(breaks(text, match_text(text), headline=True)[CLAUSE]) == 1
    assert len(breaks(text, match_text(text))[CLAUSE]) == 2  # in running text the same shape is two clauses


def test_the_arctic_act_stands_beside_a_refusal_of_the_other_project(eval_rules):
    summary = "India's Petronet bought a Yamal LNG cargo from Novatek, the company said on Monday."
    assert fires(eval_rules, LNG, "Petronet takes Yamal LNG cargo, rules out more spot buying", "en", summary)
    refused = "India's Petronet said it would not buy Yamal LNG cargoes this winter."
    assert not fires(eval_rules, LNG, "Petronet rules out Yamal LNG cargoes", "en", refused)


def test_a_japanese_law_passed_while_the_signature_is_expected(eval_rules):
    summary = (
        "ガーナ議会は9法案を可決した。"
        "アフガニスタンのイスラム首長国を政府として承認する法律も含まれ、首相が近く署名する見通し。"
    )
    assert fires(eval_rules, TALIBAN, "ガーナ議会、9法案を可決", "ja", summary)
    expected = "ガーナ政府はアフガニスタンのイスラム首長国を政府として承認し、大使館を開設する見通し。"
    assert not fires(eval_rules, TALIBAN, "ガーナ政府、方針を説明", "ja", expected)


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Indian minister hints at more Russian crude purchases", "en", False),
        ("Министр намекнул на рост закупок российской нефти Индией", "ru", False),
        ("インド、ロシア産原油の輸入拡大に含み", "ja", False),
        ("Indian refiners raise Russian crude purchases to a record", "en", True),
    ],
)
def test_a_hint_is_a_hedge(eval_rules, title, lang, expected):
    assert fires(eval_rules, OIL, title, lang) is expected


def test_every_form_of_await_is_not_yet(eval_rules):
    assert not fires(eval_rules, MINING, "Afghan lithium contract still awaits the cabinet's approval", "en")
    assert fires(eval_rules, MINING, "Afghan lithium contract signed after long-awaited approval", "en")


def test_a_report_called_delirium_is_denied(eval_rules):
    summary = "МИД Северной Кореи отверг сообщения об отправке в Россию новых войск."
    assert not fires(eval_rules, ARMS, "Пхеньян назвал «бредом» сообщения об отправке войск в Россию", "ru", summary)
    sent = "Разведка Южной Кореи сообщила об отправке в Россию новых войск из Северной Кореи."
    assert fires(eval_rules, ARMS, "КНДР отправила в Россию новые войска", "ru", sent)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Министерство опровергло продажу изумрудных копей в Панджшере", False),
        ("Ministry denies handing Panjshir emerald mines to foreign firm", False),
        ("Кабул подписал контракт на изумрудные копи, опроверг слухи о второй сделке", True),
    ],
)
def test_a_headline_denial_whose_object_is_the_site(eval_rules, title, expected):
    summary = "Министерство горнорудной промышленности Афганистана подписало контракт на изумрудные копи в Панджшере."
    denied = "Министерство горнорудной промышленности Афганистана опровергло сообщения о контракте в Панджшере."
    assert fires(eval_rules, MINING, title, "ru", summary if expected else denied) is expected


def test_japanese_approval_of_an_exemption_is_not_recognition(eval_rules):
    exemption = "国連の委員会はタリバン暫定政権の閣僚の渡航禁止の免除を承認した。"
    assert not fires(eval_rules, TALIBAN, "国連委、タリバン閣僚の制裁免除を承認", "ja", exemption)
    assert fires(eval_rules, TALIBAN, "ガーナ、タリバン政権を承認", "ja", "ガーナ政府はタリバン政権を正式に承認した。")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia delivers radars to North Korea", "en"),
        ("Россия поставила КНДР радиолокационные станции", "ru"),
        ("ロシア、北朝鮮にレーダーを供与", "ja"),
    ],
)
def test_radars_are_military_technology(eval_rules, title, lang):
    assert fires(eval_rules, ARMS, title, lang)


def test_radars_without_the_pair_are_not_the_topic(eval_rules):
    assert not fires(eval_rules, ARMS, "Russia installs new weather radars in Vladivostok", "en")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Афганистан подписал контракт на изумрудные копи в Панджшере", "ru"),
        ("アフガニスタン、パンジシールのエメラルド採掘で契約", "ja"),
        ("Afghanistan unterzeichnet Vertrag über Smaragde im Pandschschir", "de"),
    ],
)
def test_gemstones_in_every_rule_language(eval_rules, title, lang):
    assert fires(eval_rules, MINING, title, lang)


def test_another_refiner_of_south_east_asia_is_another_buyer(eval_rules):
    background = "India has been the largest buyer of Russian seaborne crude since 2022."
    assert not fires(eval_rules, OIL, "Vietnam's refinery buys first Russian crude cargo", "en", "", background)
    bought = "Reliance bought a Russian Urals cargo."
    assert fires(eval_rules, OIL, "Indian refiner buys Russian crude cargo", "en", bought)


def test_an_oil_painting_in_the_plural(eval_rules):
    paintings = "Twelve Russian oil paintings were bought by Indian collectors at an auction in Mumbai."
    assert not fires(eval_rules, OIL, "Indian collectors snap up Russian oils", "en", paintings)


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ('Scholars called the Kabul museum\'s archive "a gold mine" for historians. Mining it will take years.', False),
        ("The Kabul archive is a gold mine of information, and the Taliban granted a research permit.", False),
        ("Afghanistan signed a contract for a gold mine in Takhar with a Turkish firm on Monday.", True),
    ],
)
def test_a_gold_mine_as_a_figure(eval_rules, summary, expected):
    assert fires(eval_rules, MINING, "Afghan gold mine news", "en", summary) is expected
