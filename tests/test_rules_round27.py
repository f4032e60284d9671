"""Issue 14, round 27: held-out v22 studied (it is tuning now); its errors and the recall errors of every seen
part sorted by class (tests/data/rules_eval/README.md, "Held-out v22 seen → tuning"). Each change on sentences
of our own, beside a sentence where it must not act."""

from __future__ import annotations

import pytest

from monitor.rules.units import answered_spans
from monitor.text import fold
from tests.test_rules_operators import topics

ARMS = "north-korea-russia-arms"


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # a lower bound is a count: the number told stands (@litotes)
        (
            "Rail sidings fill up",
            "A think-tank said imagery showed no fewer than 40 wagons of munitions going from North Korea to Russia.",
        ),
        (
            "Составы у границы",
            "Аналитики сообщили, что снимки показывают не менее 40 вагонов с боеприпасами из КНДР в Россию.",
        ),
        ("国境の貨車", "韓国軍は、北朝鮮がロシアへ砲弾百万発を下らない量を送ったと発表した。"),
        ("边境货车", "韩国国防部表示，朝鲜向俄罗斯运送的炮弹不少于一百万发。"),
    ],
)
def test_a_lower_bound_negates_nothing(eval_rules, title, content):
    assert ARMS in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Rail sidings stay empty",
            "A think-tank said imagery showed no wagons of munitions going from North Korea to Russia.",
        ),
        ("Составы у границы", "Аналитики сообщили, что снимки не показывают вагонов с боеприпасами из КНДР в Россию."),
        ("国境の貨車", "韓国軍は、北朝鮮がロシアへ砲弾を送った形跡はないと発表した。"),
    ],
)
def test_a_bare_negation_still_vetoes(eval_rules, title, content):
    assert ARMS not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    "text",
    [
        "Did Russia send Pyongyang fighter jets? Seoul now says yes\nThe ministry named a dozen MiG-29s.",
        "Передала ли Россия КНДР истребители? Сеул теперь говорит: да\nМинобороны назвало МиГ-29.",
        "俄罗斯向朝鲜提供战机了吗？首尔说：是的。",
        "Did Russia send jets?\nYes",
    ],
)
def test_a_question_answered_yes_by_whom_it_asked_is_a_statement(text):
    assert answered_spans(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "Did Russia send Pyongyang fighter jets? Seoul says no",
        "Передала ли Россия КНДР истребители? Сеул говорит: нет",
        "俄罗斯向朝鲜提供战机了吗？首尔说：没有。",
        "Did Russia send jets? Analysts say yesterday's data are unclear",
        "Did Russia send jets? " + "a " * 5000 + "says yes",  # more than three words of speaker: no answer
    ],
)
def test_a_question_answered_no_or_not_at_all_stays_a_question(text):
    assert not answered_spans(fold(text))


def test_a_question_headline_answered_yes_tells_the_transfer(eval_rules):
    title = "Did Russia send Pyongyang fighter jets? Seoul now says yes"
    content = (
        "Officials in Seoul long declined to confirm reports that Russia had supplied combat aircraft to North Korea."
    )
    assert ARMS in topics(eval_rules, title, content)
    assert ARMS not in topics(eval_rules, "Did Russia send Pyongyang fighter jets? Seoul says no", content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # a story withdrawn by its outlet, said in the headline: what it told is unsaid (@story, @withdrawn)
        (
            "Correction: report on North Korean engineers at Russian drone plant withdrawn",
            "We have withdrawn a report that said North Korean engineers were working at a drone factory in Russia.",
        ),
        (
            "Редакция отзывает статью о северокорейских инженерах на российском заводе",
            "Мы отзываем статью о том, что северокорейские инженеры работали на заводе дронов в России.",
        ),
        (
            "おわびと取り消し：「北朝鮮の工兵部隊がロシア到着」の記事について",
            "本紙は先週「北朝鮮の工兵部隊約千人がロシアに到着した」と報じましたが、この記事を取り消します。",
        ),
    ],
)
def test_a_withdrawn_story_is_no_event(eval_rules, title, content):
    assert ARMS not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # a report, not withdrawn; and a withdrawal that is not a story's (a ship's class withdrawn is an act)
        (
            "Report: North Korean engineers at Russian drone plant",
            "Seoul said North Korean engineers were working at a drone factory in Russia.",
        ),
        (
            "Сообщение: северокорейские инженеры на российском заводе",
            "Сеул сообщил, что северокорейские инженеры работают на заводе дронов в России.",
        ),
        (
            "報道：北朝鮮の技術者がロシアの工場に",
            "韓国政府は、北朝鮮の技術者がロシアの無人機工場で働いていると明らかにした。",
        ),
    ],
)
def test_a_report_not_withdrawn_still_tells_the_transfer(eval_rules, title, content):
    assert ARMS in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content", "wanted"),
    [
        # quarried and industrial minerals are extraction (@mineral)
        (
            "Afghan economy: flour prices rise",
            "The mines ministry signed a 15-year contract with a Qatari firm to quarry marble in Herat province.",
            True,
        ),
        (
            "Экономика Афганистана: цены на муку",
            "Министерство горнорудной промышленности подписало с катарской компанией контракт на разработку мрамора "
            "в Герате.",
            True,
        ),
        ("アフガン経済", "アフガニスタン鉱山省は、ヘラート州の大理石採掘でカタール企業と契約を結んだ。", True),
        # ... not another country's quarry near the Afghan border, nor a marble deal still unsigned
        (
            "Pakistan awards marble quarry licence",
            "Pakistan awarded a licence to quarry marble in Balochistan, near the Afghan border.",
            False,
        ),
        ("Экономика Афганистана", "Министерство пока не подписало контракт на разработку мрамора в Герате.", False),
        ("アフガン経済", "アフガニスタン鉱山省は、ヘラート州の大理石採掘の契約をまだ結んでいない。", False),
    ],
)
def test_marble_and_talc_are_extraction(eval_rules, title, content, wanted):
    assert ("afghan-mining" in topics(eval_rules, title, content)) is wanted


TALIBAN = "taliban-recognition"
SUMMIT = "Leaders met in Dushanbe. Delegates discussed the canals downstream states fear."


@pytest.mark.parametrize(
    "tail",
    [
        # a done act and a future one joined by "and would": the future's modal is its own (units._FUTURE_JOINED);
        # the day itself ("that morning") dates the act as news (@event-day)
        "On the sidelines, Turkmenistan's president announced that Ashgabat had that morning formally recognised the "
        "Islamic Emirate of Afghanistan and would accept its ambassador's credentials next week.",
        "Президент Туркменистана объявил, что Ашхабад сегодня утром официально признал Исламский Эмират Афганистан.",
        "トルクメニスタン大統領は、今朝アフガニスタン・イスラム首長国を正式に承認したと発表した。",
    ],
)
def test_an_act_told_once_far_down_with_its_day_is_news(eval_rules, tail):
    assert TALIBAN in topics(eval_rules, "Central Asian leaders agree water-sharing plan", f"{SUMMIT} {tail}")


@pytest.mark.parametrize(
    "tail",
    [
        # a hedge of the act itself stays in its clause
        "On the sidelines, Turkmenistan's president said Ashgabat could recognise the Islamic Emirate of Afghanistan "
        "and would accept its ambassador's credentials.",
        # Russian «и будет» joins no clause: a relative clause's condition stays with it
        "Президент Туркменистана заявил, что Ашхабад признал бы Исламский Эмират Афганистан и будет ждать, если ...",
        "トルクメニスタン大統領は、今朝アフガニスタン・イスラム首長国の承認を検討すると述べた。",
        # a request declined is a refusal (@negation)
        "On Tuesday Jakarta declined a Taliban request to accredit an ambassador of the Islamic Emirate of Afghanistan "
        "and would keep only a chargé d'affaires in Kabul.",
    ],
)
def test_a_hedged_or_refused_act_far_down_is_not(eval_rules, tail):
    assert TALIBAN not in topics(eval_rules, "Central Asian leaders agree water-sharing plan", f"{SUMMIT} {tail}")


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # a headline about another recognition that names the Taliban as its yardstick (@compared)
        (
            "Somaliland recognition row: comparisons with the Taliban",
            "Ethiopia is weighing recognition of Somaliland. Experts compare it with the Taliban government, which "
            "Kyrgyzstan formally recognised on Tuesday.",
        ),
        (
            "Признание Сомалиленда: сравнение с талибами",
            "Эфиопия рассматривает признание Сомалиленда. Эксперты сравнивают его с правительством талибов, которое "
            "Киргизия во вторник официально признала.",
        ),
        (
            "ソマリランド承認問題、タリバンとの比較も",
            "エチオピアがソマリランドの承認を検討している。専門家は、キルギスが火曜日に正式に承認したタリバン政権と比較する。",
        ),
    ],
)
def test_another_recognition_compared_with_the_taliban_is_not_theirs(eval_rules, title, content):
    assert TALIBAN not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Kyrgyzstan recognises Taliban government",
            "Kyrgyzstan formally recognised the Taliban government on Tuesday; experts compared it with Somaliland.",
        ),
        (
            "Киргизия признала правительство талибов",
            "Киргизия во вторник официально признала правительство талибов; эксперты сравнивают это с Сомалилендом.",
        ),
        (
            "キルギス、タリバン政権を承認",
            "キルギスは火曜日、タリバン政権を正式に承認した。専門家はソマリランドと比較する。",
        ),
    ],
)
def test_the_comparison_in_the_body_leaves_a_recognition_headline_alone(eval_rules, title, content):
    assert TALIBAN in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # the front of Russia's war, named as a front, is Russia's side (@russia)
        (
            "Kyiv says North Korean troops rotated into Zaporizhzhia; Moscow denies",
            "Ukraine's military intelligence said about 4,000 North Korean soldiers had been moved to the Zaporizhzhia "
            "front.",
        ),
        (
            "Киев: северокорейские военные переброшены под Запорожье, Кремль отрицает",
            "Военная разведка Украины сообщила, что около 4000 северокорейских военнослужащих переброшены на "
            "запорожское направление.",
        ),
        (
            "ウクライナ、北朝鮮兵がザポリージャ方面に移動と発表",
            "ウクライナ国防省は、北朝鮮兵約四千人がザポリージャ方面に移動したと発表した。",
        ),
    ],
)
def test_troops_sent_to_the_front_are_sent_to_russia(eval_rules, title, content):
    assert ARMS in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # a town alone is not the front: a column mocking the claims, a city's own news
        (
            "Column: a million Koreans near Donetsk, or a sensation on schedule",
            "Every Monday someone finds 'a million North Korean soldiers' near Donetsk.",
        ),
        (
            "Колонка: миллион корейцев под Донецком",
            "Каждый понедельник кто-нибудь находит под Донецком «миллион северокорейских солдат».",
        ),
        ("コラム：ドネツク近郊の北朝鮮兵百万人", "毎週月曜日、誰かがドネツク近郊で「北朝鮮兵百万人」を見つける。"),
    ],
)
def test_a_town_of_the_war_alone_is_not_russia(eval_rules, title, content):
    assert ARMS not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content", "wanted"),
    [
        # a launch is a test at home, as 発射 was (@weapon-test): a week's round-up lists it beside Russian drills
        (
            "Week in review: drills in Primorye, a summit in Pyongyang, a missile launch",
            "The Pacific Fleet held drills in Primorye.",
            False,
        ),
        (
            "Обзор недели: учения в Приморье, саммит в Пхеньяне, ракетный пуск",
            "Тихоокеанский флот провёл учения в Приморье.",
            False,
        ),
        ("今週のまとめ：沿海州で演習、平壌で首脳会談、ミサイル発射", "太平洋艦隊が沿海州で演習を行った。", False),
        # ... while launchers sent are arms
        (
            "Kyiv says North Korea sent rocket launchers to Russia",
            "Ukraine's intelligence said North Korea had sent multiple rocket launchers to Russia.",
            True,
        ),
        (
            "Киев: КНДР передала России пусковые установки",
            "Разведка Украины сообщила, что КНДР передала России реактивные системы залпового огня.",
            True,
        ),
        (
            "北朝鮮、ロシアに多連装ロケット砲",
            "ウクライナ情報機関は、北朝鮮がロシアに多連装ロケット砲を送ったと発表した。",
            True,
        ),
    ],
)
def test_a_launch_is_a_test_not_a_transfer(eval_rules, title, content, wanted):
    assert (ARMS in topics(eval_rules, title, content)) is wanted


OIL = "india-russian-oil"


@pytest.mark.parametrize(
    ("title", "content", "wanted"),
    [
        # a headline naming an Indian refiner's other crude, and Russian crude sold to another buyer further down
        (
            "Oil markets: Indian refiner buys US crude; Urals flows shift",
            "Hindustan Petroleum bought two million barrels of US crude. Russian Urals loadings rose as more cargoes "
            "headed for Turkish and Chinese buyers.",
            False,
        ),
        (
            "Нефтяной рынок: индийский НПЗ купил американскую нефть",
            "Hindustan Petroleum купила американскую нефть. Отгрузки российской нефти выросли: больше партий ушло "
            "турецким и китайским покупателям.",
            False,
        ),
        (
            "原油市場：インド製油所が米国産を購入",
            "ヒンドゥスタン石油が米国産原油を購入した。ロシア産原油は中国の買い手に多くの貨物が向かった。",
            False,
        ),
        # ... while the refiner's own Russian cargoes, told further down, are the purchase
        (
            "Indian refiner's quarterly call: margins up",
            "The refiner said margins rose. It bought eleven cargoes of Russian crude in the quarter. Russian crude "
            "made up a third of its intake.",
            True,
        ),
    ],
)
def test_russian_crude_sold_to_another_buyer_is_not_the_indian_refiners(eval_rules, title, content, wanted):
    assert (OIL in topics(eval_rules, title, content)) is wanted


@pytest.mark.parametrize(
    ("title", "content", "wanted"),
    [
        # a headline saying the deal never was, the negation after it (@never-was)
        (
            "Obituary correction: the Afghan coal contract never existed",
            "The late businessman signed a coal mining contract with Afghanistan's mines ministry in 2023, we wrote.",
            False,
        ),
        (
            "Поправка к некрологу: сделки с Кабулом не было",
            "Покойный предприниматель подписал с министерством горнорудной промышленности Афганистана контракт "
            "на добычу угля.",
            False,
        ),
        (
            "訂正：故人の「アフガン炭鉱契約」は存在せず",
            "故人はアフガニスタン鉱山省と石炭採掘の契約を結んだと報じました。",
            False,
        ),
        # ... not a deal signed, whatever else its story says never was
        (
            "Kabul signs Hajigak iron ore contract",
            "Afghanistan's mines ministry signed a contract for the Hajigak iron ore deposit; a rival bid never "
            "existed.",
            True,
        ),
        (
            "Кабул подписал контракт на Хаджигак",
            "Министерство горнорудной промышленности Афганистана подписало контракт на добычу железной руды Хаджигак.",
            True,
        ),
    ],
)
def test_a_deal_said_never_to_have_been_is_no_deal(eval_rules, title, content, wanted):
    assert ("afghan-mining" in topics(eval_rules, title, content)) is wanted
