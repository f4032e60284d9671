"""Issue 14, round 24: held-out v18 studied (it is tuning now); its errors sorted by mechanism and each class
counted across the tuning parts before anything was changed (tests/data/rules_eval/README.md, "Held-out v18 seen
→ tuning"). The changes for the classes that recur, on sentences of our own, each beside a sentence where it must
not act: a headline that calls a report false vetoes the story wherever the two words stand in its clause (a
Japanese headline counts characters, so "within 3 words" never held there); a mining deal dated in a past year in
its own clause is background, as the Taliban and Arctic rules already read a past year; and the mining rules'
"accord" is the word and its plural, no longer a wildcard that took "according to"."""

from __future__ import annotations

import pytest

from tests.test_rules_operators import topics


@pytest.mark.parametrize(
    ("topic", "title", "content"),
    [
        (
            "taliban-recognition",
            "「チャドがタリバン政権を承認へ」報道、政府は否定",
            "チャドの新聞が、政府がタリバン政権を承認すると報じた。外務省は声明で報道を否定した。",
        ),
        (
            "taliban-recognition",
            "「チャドがタリバン政権を承認」報道、外務省が否定",
            "チャドの新聞が、政府がタリバン政権を承認したと報じた。外務省は否定した。",
        ),
        (
            "india-russian-oil",
            "「インド製油所がロシア産原油を購入」報道、同社は否定",
            "インドの製油所がロシア産原油を購入したと報じられた。同社は否定した。",
        ),
        (
            "afghan-mining",
            "「アフガンの銅山で中国企業と契約」報道、鉱業省が否定",
            "アフガニスタンの銅山開発で中国企業と契約したと報じられた。鉱業省は否定した。",
        ),
        (
            "taliban-recognition",
            "Reports that Chad recognised the Taliban are false, ministry says",
            "Local papers said Chad had recognised the Taliban government. The foreign ministry said the reports "
            "were false.",
        ),
        (
            "taliban-recognition",
            "Сообщения о признании талибов Чадом опровергнуты",
            "Местные газеты сообщили, что Чад признал правительство талибов. МИД опроверг эти сообщения.",
        ),
    ],
)
def test_a_headline_that_calls_the_report_false_anywhere_in_its_clause_is_a_denial(eval_rules, topic, title, content):
    assert topic not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("topic", "title", "content"),
    [
        # the act told in a clause of its own, the report in another: the act stands
        (
            "taliban-recognition",
            "チャドがタリバン政権を承認　外務省が発表",
            "チャドの外務省は、タリバン政権を正式に承認したと発表した。",
        ),
        (
            "india-russian-oil",
            "インド製油所、ロシア産原油を購入　報道を受け同社が確認",
            "インドの製油所がロシア産原油を購入したと報じられた。同社は購入を確認した。",
        ),
        (
            "taliban-recognition",
            "Chad recognises Taliban government; reports of a second deal denied",
            "Chad's foreign ministry said on Monday it had recognised the Taliban government.",
        ),
        (
            "afghan-mining",
            "Kabul signs copper deal with Chinese firm; reports of a gold deal denied",
            "Afghanistan's mines ministry signed a copper mining contract with a Chinese firm on Monday.",
        ),
    ],
)
def test_a_report_denied_in_another_clause_of_the_headline_leaves_the_act(eval_rules, topic, title, content):
    assert topic in topics(eval_rules, title, content)


def test_according_to_is_no_accord(eval_rules):
    # a tender with no winner; the one sentence without a negation sources a figure "according to" a bidder
    title = "Logar copper: tender still open"
    content = (
        "Bids for the Logar copper blocks closed in May. The mines ministry has named no winner. Five firms took "
        "part, according to one bidder."
    )
    assert "afghan-mining" not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Kabul signs two mining accords with Chinese firms",
            "Afghanistan signed two accords on Monday to develop copper mines in Logar.",
        ),
        (
            "Kabul and Beijing sign mining accord",
            "Afghanistan and China signed an accord on Monday to develop the Mes Aynak copper mine.",
        ),
        (
            "L'Afghanistan et la Chine concluent des accords miniers",
            "L'Afghanistan a signé lundi des accords pour l'exploitation du cuivre de Logar.",
        ),
        (
            "Afghanistan signs Logar copper contract, according to the ministry",
            "Afghanistan's mines ministry signed a contract for the Logar copper mine with a Chinese firm on Monday.",
        ),
    ],
)
def test_an_accord_is_still_a_deal_in_english_and_french(eval_rules, title, content):
    assert "afghan-mining" in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Ten years on, Logar's copper site is still empty",
            "A Chinese consortium, which won the concession for the Logar copper mine in 2008, still keeps a camp at "
            "the site. No ore has been mined.",
        ),
        (
            "Logar copper: the 2012 tender revisited",
            "Afghanistan awarded the Logar copper contract to a Chinese consortium in 2012, the court heard on Monday.",
        ),
        (
            "Суд в Лондоне и афганская медь",
            "Афганистан заключил контракт на медный рудник в Логаре с китайским консорциумом в 2012 году, сообщили в "
            "суде.",
        ),
        (
            "Лагерь у медного рудника в Логаре, Афганистан",
            "Китайский консорциум, получивший концессию на медный рудник в Логаре в 2008 году, держит лагерь на "
            "участке. Рабочих на нём два десятка.",
        ),
        (
            "ロガールの銅山、10年後も手つかず",
            "2008年にアフガニスタンのロガール銅山の採掘権を得た中国企業は、今も現地に事務所を置いている。",
        ),
    ],
)
def test_a_mining_deal_dated_in_a_past_year_in_its_clause_is_background(eval_rules, title, content):
    assert "afghan-mining" not in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # the past year in a sentence or clause of its own dates the site, not the deal
        (
            "Afghanistan signs Logar copper contract",
            "Afghanistan's mines ministry signed a contract for the Logar copper mine with a Chinese firm on Monday. "
            "The site was first surveyed in 2009.",
        ),
        (
            "Афганистан подписал контракт на медный рудник в Логаре",
            "Министерство горнорудной промышленности Афганистана в понедельник подписало контракт на разработку "
            "медного рудника в Логаре. Месторождение открыли в 1970-х.",
        ),
        (
            "アフガン、ロガール銅山で中国企業と契約",
            "アフガニスタン鉱業省は月曜日、ロガール州の銅山開発で中国企業と契約を結んだ。同鉱山は2009年に調査された。",
        ),
    ],
)
def test_a_mining_deal_of_today_beside_a_past_year_in_another_clause_stands(eval_rules, title, content):
    assert "afghan-mining" in topics(eval_rules, title, content)
