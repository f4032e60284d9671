"""Issue 14, round 32: held-out v27 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v27 seen →
tuning"). Each class on sentences of our own, beside one where the rule must not act, in Latin, Cyrillic and CJK
where the class has words there: reports called groundless, a lack of recognition, a claim closed by "denies it",
Japanese 承認 of an aid programme, supply in Japanese, production begun in its other wordings and told by a headline
and its opening, headlines in Lao, Khmer and Sinhala, and Afghanistan as a route in another country's headline."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires, load_cldr_names

ARMS, ARCTIC, MINING, TALIBAN = "north-korea-russia-arms", "arctic-lng", "afghan-mining", "taliban-recognition"


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        ("Kremlin calls reports of North Korean shells sent to Russia groundless", "en", "", False),
        ("Seoul says North Korea sent more shells to Russia", "en", "", True),
        ("Кремль назвал беспочвенными сообщения о поставках снарядов КНДР в Россию", "ru", "", False),
        ("Разведка: КНДР передала России новую партию снарядов", "ru", "", True),
        # the act stands; the denial quoted in a sentence of its own does not cancel it (topics.md)
        ("Разведка: КНДР передала России снаряды", "ru", "В Кремле назвали эти данные беспочвенными.", True),
        ("ロシア政府、北朝鮮から砲弾供与の報道は根拠のないものと反論", "ja", "", False),
        ("韓国国防省、北朝鮮がロシアに砲弾を追加供与と発表", "ja", "", True),
    ],
)
def test_reports_called_groundless_are_a_denial(eval_rules, title, lang, summary, expected):
    assert fires(eval_rules, ARMS, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Investors shun Afghanistan over the lack of recognition of the Taliban government", "en", False),
        ("Инвесторы обходят Афганистан: отсутствие признания власти талибов пугает банки", "ru", False),
        ("Белоруссия официально признала власть талибов", "ru", True),
        ("Інвестори уникають Афганістану через відсутність визнання уряду талібів", "uk", False),
        ("タリバン政権の承認の欠如、投資の壁に", "ja", False),
    ],
)
def test_a_lack_of_recognition_is_no_act(eval_rules, title, lang, expected):
    assert fires(eval_rules, TALIBAN, title, lang) is expected


@pytest.mark.parametrize(
    ("topic", "title", "expected"),
    [
        (TALIBAN, "Taliban say Tajikistan recognised them; Dushanbe's foreign ministry denies it", False),
        (TALIBAN, "Tajikistan recognises the Taliban government, its foreign ministry says", True),
        (MINING, "Report says Kabul signed a lithium contract with a Chinese firm; the firm denies it", False),
        (MINING, "Kabul signs a lithium contract with a Chinese firm", True),
    ],
)
def test_a_claim_closed_by_denies_it_is_a_denial(eval_rules, topic, title, expected):
    assert fires(eval_rules, topic, title, "en") is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("国連機関、アフガン教育支援の延長を承認", False),
        ("国際機関、アフガンで食料配布を続けることを承認", False),
        ("ベラルーシ、タリバン政権を承認", True),
    ],
)
def test_japanese_approval_of_an_aid_programme_is_no_recognition(eval_rules, title, expected):
    """Japanese only: 承認 is "approve" as well as "recognise"; the other languages have two words."""
    assert fires(eval_rules, TALIBAN, title, "ja") is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("インド企業、アークティックＬＮＧ－２から液化天然ガスの供給を受ける契約に署名", True),
        ("インド企業、アークティックＬＮＧ２からの供給契約は結ばない方針", False),
    ],
)
def test_supply_in_japanese_moves_an_arctic_cargo(eval_rules, title, expected):
    assert fires(eval_rules, ARCTIC, title, "ja") is expected


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        ("Logar site: first copper leaves for the smelter", "en", "", True),
        ("Logar site: first copper has yet to leave for the smelter", "en", "", False),
        ("Китайская компания начала производство на медном руднике в Афганистане", "ru", "", True),
        ("Китайская компания так и не начала производство на медном руднике в Афганистане", "ru", "", False),
        ("中国企業、アフガンの銅山で生産を始めた", "ja", "", True),
        ("中国企業、アフガンの銅山で生産を始める見通し立たず", "ja", "", False),
        # the start in the headline, the mineral in the opening under it
        ("Компания начала производство в Логаре", "ru", "С рудника ушла первая партия медного концентрата.", True),
        ("Компания начала производство в Логаре", "ru", "Завод выпускает кирпич для местных строек.", False),
    ],
)
def test_production_begun_in_other_words(eval_rules, title, lang, summary, expected):
    assert fires(eval_rules, MINING, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("topic", "title", "lang", "expected"),
    [
        # Sinhala: the verb of recognition in its present (පිළිගනී) and past (පිළිගත්), negated by නැත
        (TALIBAN, "බෙලරුසිය තලේබාන් රජය නිල වශයෙන් පිළිගනී", "si", True),
        (TALIBAN, "බෙලරුසිය තලේබාන් රජය නිල වශයෙන් පිළිගත් බව නිවේදනය කරයි", "si", True),
        (TALIBAN, "බෙලරුසිය තලේබාන් රජය පිළිගන්නේ නැත", "si", False),
        # Lao: North Korea in the current spelling (ຫຼ), ammunition, and "did not"
        (ARMS, "ເກົາຫຼີເໜືອ ສົ່ງ ລູກປືນ ໃຫ້ ຣັດເຊຍ", "lo", True),
        (ARMS, "ເກົາຫຼີເໜືອ ບໍ່ໄດ້ ສົ່ງ ລູກປືນ ໃຫ້ ຣັດເຊຍ", "lo", False),
        # Khmer: Afghanistan, copper ore and a contract, or its denial
        (MINING, "អាហ្វហ្កានីស្ថាន ចុះហត្ថលេខា កិច្ចសន្យា រ៉ែ ស្ពាន់ ជាមួយ ក្រុមហ៊ុន ចិន", "km", True),
        (MINING, "អាហ្វហ្កានីស្ថាន បដិសេធ កិច្ចសន្យា រ៉ែ ស្ពាន់ ជាមួយ ក្រុមហ៊ុន ចិន", "km", False),
    ],
)
def test_headlines_in_lao_khmer_and_sinhala(eval_rules, topic, title, lang, expected):
    assert fires(eval_rules, topic, title, lang) is expected


def test_cldr_names_take_laos_current_spelling():
    cldr_names = load_cldr_names()
    assert cldr_names.spellings("ເກົາຫລີເໜືອ") == ["ເກົາຫລີເໜືອ", "ເກົາຫຼີເໜືອ"]
    assert "ເກົາຫຼີເໜືອ*" in cldr_names.terms("KP")


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        (
            "Kazakhstan signs copper deal, eyes an Afghan transit corridor",
            "en",
            "Analysts compared the deal with the Mes Aynak copper contract Afghanistan signed with a Chinese firm.",
            False,
        ),
        ("Kazakh miner signs copper contract in Afghanistan", "en", "A copper mine in Logar.", True),
        (
            "Казахстан подписал контракт на медь и рассчитывает на афганский транзит",
            "ru",
            "Аналитики сравнили её с контрактом на Мес-Айнак, который Афганистан подписал с китайской компанией.",
            False,
        ),
        (
            "Казахская компания подписала контракт на добычу меди в Афганистане",
            "ru",
            "Контракт касается медного рудника в провинции Логар, Афганистан.",
            True,
        ),
        (
            "カザフスタン、銅鉱山の契約に署名　アフガン経由の輸送も視野",
            "ja",
            "アフガニスタンが中国企業と結んだメスアイナク銅山の契約と比べる声もある。",
            False,
        ),
        ("カザフ企業、アフガンの銅山で採掘契約に署名", "ja", "契約はアフガニスタン・ロガール州の銅山が対象。", True),
    ],
)
def test_afghanistan_as_a_route_is_no_site(eval_rules, title, lang, summary, expected):
    """Another country's mining headline that names Afghanistan as a transit route is that country's deal."""
    assert fires(eval_rules, MINING, title, lang, summary) is expected
