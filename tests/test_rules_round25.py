"""Issue 14, round 25: held-out v19 and v20 studied (they are tuning now); their errors sorted by mechanism
(tests/data/rules_eval/README.md, "Held-out v19 and v20 seen → tuning"). The changes for the classes that
recur, on sentences of our own, each beside a sentence where it must not act: the Arctic headline that says a
cargo did not move stands aside when the headline overturns the denial ("… despite denials"), as the other
rules' headline denials do; and recognition as acclaim won by a person or a work is another sense of the word."""

from __future__ import annotations

import pytest

from monitor.models import Entry
from tests.test_rules_operators import topics


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Yamal LNG tanker unloads in Egypt despite denials from the buyer",
            "The tanker discharged a cargo from Yamal LNG at Ain Sokhna on Tuesday, ship-tracking data show.",
        ),
        (
            "«Арктик СПГ 2» отгрузил партию в Индию вопреки опровержениям",
            "Газовоз с партией «Арктик СПГ 2» прибыл в Индию во вторник, показывают данные отслеживания.",
        ),
    ],
)
def test_an_arctic_headline_that_overturns_its_denial_is_the_delivery(eval_rules, title, content):
    assert "arctic-lng" in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Yamal LNG tanker has not unloaded in Egypt, buyer says",
            "The tanker loaded at Yamal LNG in May and is still idling off Port Said without a buyer.",
        ),
        (
            "Газовоз «Арктик СПГ 2» так и не разгрузился",
            "Газовоз с партией «Арктик СПГ 2» третий месяц стоит у Мурманска без покупателя.",
        ),
        ("ヤマルLNGの貨物、荷揚げされず", "ヤマルLNGの貨物を積んだタンカーは三か月、沖合にとどまっている。"),
    ],
)
def test_an_arctic_headline_that_denies_the_move_still_vetoes(eval_rules, title, content):
    assert "arctic-lng" not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Kabul-born painter wins recognition in Berlin",
            "The painter, who left Afghanistan after the Taliban took Kabul, won recognition of her work at a "
            "Berlin gallery on Sunday.",
        ),
        (
            "Афганский поэт получил признание в Париже",
            "Поэт из Кабула, уехавший после прихода талибов, получил признание критиков во вторник.",
        ),
        (
            "若者と承認欲求　アフガン出身の学生が語る",
            "タリバン復権後に来日したアフガン出身の学生が、SNSの承認欲求について語った。",
        ),
    ],
)
def test_recognition_as_acclaim_is_another_sense(eval_rules, title, content):
    assert "taliban-recognition" not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Taliban win recognition from Belarus",
            "Belarus formally recognised the Taliban government of Afghanistan on Tuesday, its foreign ministry said.",
        ),
        (
            "Талибы получили признание Минска",
            "Беларусь во вторник официально признала правительство талибов в Афганистане, сообщил МИД.",
        ),
        ("タリバン政権、ベラルーシが承認", "ベラルーシは火曜日、タリバン政権を正式に承認したと発表した。"),
    ],
)
def test_the_taliban_winning_recognition_is_the_act(eval_rules, title, content):
    assert "taliban-recognition" in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Afghan copper project: start of works depends on the contract",
            "The start of works at the copper mine in Logar depends on the contract with the ministry in Kabul.",
        ),
        (
            "Медный проект в Афганистане: начало работ зависит от контракта",
            "Начало работ на медном руднике в Логаре зависит от контракта с министерством в Кабуле.",
        ),
        ("アフガン銅山、着工は契約次第で", "ロガール州の銅山の着工は、カブールの鉱業省との契約次第で決まる。"),
    ],
)
def test_a_deal_that_something_depends_on_is_not_signed(eval_rules, title, content):
    assert "afghan-mining" not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Afghan copper contract signed; start of works depends on the weather",
            "The ministry in Kabul signed the copper contract for Logar on Tuesday. The start of works depends on "
            "the weather.",
        ),
        (
            "Медный контракт в Афганистане подписан",
            "Министерство в Кабуле во вторник подписало контракт на медь в Логаре. Начало работ зависит от погоды.",
        ),
        (
            "アフガン銅山で採掘契約に署名",
            "カブールの鉱業省は火曜日、ロガール州の銅山の採掘契約に署名した。着工は天候次第で決まる。",
        ),
    ],
)
def test_a_dependency_in_a_sentence_of_its_own_vetoes_nothing(eval_rules, title, content):
    assert "afghan-mining" in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("topic", "title", "content", "fires"),
    [
        ("taliban-recognition", "某国即将承认塔利班政府", "据报道，某国即将正式承认塔利班领导的阿富汗政府。", False),
        ("taliban-recognition", "某国正式承认塔利班政府", "某国周二正式承认塔利班领导的阿富汗政府。", True),
        (
            "taliban-recognition",
            "某国承认塔利班政府的消息未证实",
            "某国承认塔利班领导的阿富汗政府的消息未经证实。",
            False,
        ),
    ],
)
def test_chinese_about_to_and_unconfirmed_are_hedges(eval_rules, topic, title, content, fires):
    assert (topic in topics(eval_rules, title, content)) is fires


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Obituary: a radio operator of the Kursk front",
            "The operator, who served in Seoul for thirty years, died on Sunday. Her intercepts first showed the "
            "North's troops in Kursk. Earlier this month Seoul's spy agency said North Korea had sent 3,000 more "
            "soldiers to Russia.",
        ),
        (
            "Некролог: умер радист Курского фронта",
            "Радист, прослуживший в Сеуле тридцать лет, скончался в воскресенье. В этом месяце разведка Сеула "
            "сообщила, что КНДР отправила в Россию ещё три тысячи солдат.",
        ),
        (
            "訃報：前線の無線通信士",
            "ソウルで三十年勤めた無線通信士が死去した。国家情報院は今月、北朝鮮がさらに三千人の兵士をロシアに送ったと明らかにした。",
        ),
    ],
)
def test_this_month_dates_a_transfer_told_late_as_news(eval_rules, title, content):
    assert "north-korea-russia-arms" in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content", "fires"),
    [
        (
            "Lecture notes: Koreans at a Far East shipyard",
            "A historian told the museum that North Korea had sent 300 workers to a Russian shipyard to build "
            "corvettes for the navy.",
            True,
        ),
        (
            "Конспект лекции: корейцы на верфи",
            "Историк рассказал, что КНДР направила на российскую верфь около трёхсот рабочих для строительства "
            "корветов для флота.",
            True,
        ),
        (
            "Ｑ＆Ａ：造船所の北朝鮮労働者",
            "北朝鮮がロシアの造船所に約五百人の労働者を送り、軍艦の建造を手伝っている。",
            True,
        ),
        (
            "Lecture notes: Koreans at a Far East shipyard",
            "A historian said North Korean workers built fishing boats at a Russian shipyard in the 1990s.",
            False,
        ),
    ],
)
def test_workers_building_warships_are_military_production(eval_rules, title, content, fires):
    assert ("north-korea-russia-arms" in topics(eval_rules, title, content)) is fires


@pytest.mark.parametrize(
    ("title", "content", "fires"),
    [
        # Dutch "kan" (can) is a hedge in a Dutch entry, a name in an English one
        (
            "Afghan emerald concession signed in Panjshir",
            "The ministry of mines signed a concession agreement with the Afghan company Zumurrud Kan for emerald "
            "extraction in Panjshir on Tuesday.",
            True,
        ),
        (
            "Afghaanse smaragdconcessie in Panjshir",
            "Het ministerie van mijnbouw kan dinsdag een concessie voor smaragd in Panjshir in Afghanistan tekenen.",
            False,
        ),
    ],
)
def test_dutch_kan_hedges_in_dutch_only(eval_rules, title, content, fires):
    lang = "en" if fires else "nl"
    item = Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content=content, lang=lang)
    assert ("afghan-mining" in {m.rule for m in eval_rules.match(item)}) is fires


@pytest.mark.parametrize(
    ("topic", "title", "content", "fires"),
    [
        # a licence in Japanese and Chinese, as licen* and лиценз*
        (
            "afghan-mining",
            "ガズニ州のリチウム",
            "鉱業石油省は中国企業とガズニ州のリチウム採掘ライセンスに署名した。",
            True,
        ),
        ("afghan-mining", "加兹尼锂矿", "阿富汗矿业部与中国企业签署了加兹尼省锂矿开采许可证。", True),
        ("afghan-mining", "ガズニ州のリチウム", "ガズニ州のリチウム採掘ライセンスはまだ署名されていない。", False),
        # the Russian noun of a purchase beside its verb
        (
            "arctic-lng",
            "Китайская компания и Ямал",
            "Китайская компания подписала контракт на покупку газа с завода «Ямал СПГ» на 15 лет.",
            True,
        ),
        ("arctic-lng", "Покупка газа Ямала", "Контракт на покупку газа с завода «Ямал СПГ» пока не подписан.", False),
        # engineering units, as engineers and sappers
        (
            "north-korea-russia-arms",
            "Жители Суджи о корейцах",
            "Минобороны России подтвердило, что КНДР направила в Курскую область инженерные подразделения.",
            True,
        ),
        (
            "north-korea-russia-arms",
            "North Korea's engineering units",
            "Russia's defence ministry confirmed North Korea sent engineering units to the Kursk region.",
            True,
        ),
        (
            "north-korea-russia-arms",
            "Жители Суджи о корейцах",
            "Минобороны России не подтвердило, что КНДР направила в Курскую область инженерные подразделения.",
            False,
        ),
    ],
)
def test_words_of_the_acts_the_sets_lacked(eval_rules, topic, title, content, fires):
    assert (topic in topics(eval_rules, title, content)) is fires


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Fact check: no, Chad has not recognised the Taliban government",
            "A video shared online claimed that Chad recognised the Taliban government on Monday. Chad's foreign "
            "ministry said on Tuesday that Chad recognised the Taliban government of Afghanistan only in the video.",
        ),
        (
            "Проверка фактов: Чад талибов не признавал",
            "В соцсетях утверждали, что Чад признал правительство талибов в понедельник. МИД Чада во вторник "
            "сообщил, что Чад признал правительство талибов в Афганистане только в этом ролике.",
        ),
        (
            "チャド、タリバン政権を承認せず",
            "チャド外務省は火曜日、タリバン政権を承認したとする動画について説明した。アフガニスタンのタリバン政権を承認した事実はない。",
        ),
    ],
)
def test_a_headline_that_denies_the_recognition_is_a_denial(eval_rules, title, content):
    assert "taliban-recognition" not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # the act told in a clause of its own, the negation in another; or a refusal that ended
        (
            "Chad recognises the Taliban; no ambassador named yet",
            "Chad formally recognised the Taliban government of Afghanistan on Tuesday, its foreign ministry said.",
        ),
        (
            "Chad no longer withholds recognition from the Taliban",
            "Chad formally recognised the Taliban government of Afghanistan on Tuesday, its foreign ministry said.",
        ),
        (
            "Чад признал талибов; посол пока не назначен",
            "МИД Чада во вторник официально признал правительство талибов в Афганистане.",
        ),
        (
            "チャド、タリバン政権を承認　大使は決まらず",
            "チャド外務省は火曜日、アフガニスタンのタリバン政権を正式に承認したと発表した。",
        ),
    ],
)
def test_a_headline_that_tells_the_act_beside_a_negation_is_the_act(eval_rules, title, content):
    assert "taliban-recognition" in topics(eval_rules, title, content)
