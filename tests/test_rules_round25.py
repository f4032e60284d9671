"""Issue 14, round 25: held-out v19 and v20 studied (they are tuning now); their errors sorted by mechanism
(tests/data/rules_eval/README.md, "Held-out v19 and v20 seen → tuning"). The changes for the classes that
recur, on sentences of our own, each beside a sentence where it must not act: the Arctic headline that says a
cargo did not move stands aside when the headline overturns the denial ("… despite denials"), as the other
rules' headline denials do; and recognition as acclaim won by a person or a work is another sense of the word."""

from __future__ import annotations

import pytest

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
