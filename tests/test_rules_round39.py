"""Issue 14, round 39: held-out v35 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v35 seen →
tuning"). Its false alarms classified by cause, then each cause fixed as a mechanism meant to hold on a part not seen,
tested on sentences of our own beside one where the rule must still fire: hope told as a noun is a hedge, an act
called a closed matter is refused, "few countries" is background as "some countries" is, a headline whose act names
another state or whose deal is another country's in its own clause, a Russian seller beside another good."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires

MINING, TALIBAN, OIL = "afghan-mining", "taliban-recognition", "india-russian-oil"


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "Mines minister upbeat on coal",
            "The Afghan mines minister expressed hope that the Bamyan coal contract would be signed this year.",
            "en",
            False,
        ),
        (
            "Министр рассказал об угле",
            "Министр горнорудной промышленности Афганистана выразил надежду, что контракт на уголь в Бамиане подпишут.",
            "ru",
            False,
        ),
        (
            "Mines minister signs coal deal",
            "The Afghan mines minister signed the Bamyan coal contract on Monday.",
            "en",
            True,
        ),
    ],
)
def test_hope_told_as_a_noun_is_a_hedge(eval_rules, title, summary, lang, expected):
    assert fires(eval_rules, MINING, title, lang, summary) is expected


def test_an_act_called_a_closed_matter_is_refused(eval_rules):
    closed = "The foreign minister said recognising the Taliban government was a closed chapter for the cabinet."
    assert not fires(eval_rules, TALIBAN, "Minister speaks on Kabul", "en", closed)
    done = "The foreign minister said the cabinet had recognised the Taliban government on Monday."
    assert fires(eval_rules, TALIBAN, "Minister speaks on Kabul", "en", done)


def test_few_countries_is_background_as_some_countries_is(eval_rules):
    few = "カブール空港はドバイ便を増やす。タリバン政権を承認する国が少ない中でも空路は拡大している。"
    assert not fires(eval_rules, TALIBAN, "カブール空港、ドバイ便を増便", "ja", few)
    assert fires(eval_rules, TALIBAN, "ラオス、タリバン政権を承認", "ja", "ラオス政府はタリバン政権を正式に承認した。")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Эфиопия признала Косово: в Аддис-Абебе вспоминают талибов", False),  # the act's object is Kosovo
        ("Эфиопия признала талибов, в Аддис-Абебе вспоминают Косово", True),  # the act's object is the Taliban
    ],
)
def test_a_headline_whose_act_names_another_state(eval_rules, title, expected):
    summary = "Правительство Эфиопии официально признало правительство талибов в Афганистане в понедельник."
    assert fires(eval_rules, TALIBAN, title, "ru", summary) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Kazakhstan awards copper licence; Afghan miners watch", False),  # Afghanistan in a clause of its own
        ("Kazakhstan firm wins Afghan copper licence", True),  # the deal is Afghan
        ("Kabul's power imports from Uzbekistan rise", True),  # no deal in the headline: the body decides
    ],
)
def test_a_headline_deal_in_another_countrys_clause(eval_rules, title, expected):
    summary = "The Afghan ministry of mines signed a copper licence for a Logar deposit with a Kazakh firm on Monday."
    assert fires(eval_rules, MINING, title, "en", summary) is expected


def test_a_russian_seller_beside_another_good_is_that_goods(eval_rules):
    gas = "Индийская компания GAIL получила партию сжиженного природного газа по контракту с российским поставщиком."
    assert not fires(eval_rules, OIL, "Индия получила газ", "ru", gas)
    oil = "Индийская компания IOC получила партию нефти по контракту с российским поставщиком."
    assert fires(eval_rules, OIL, "Индия получила партию", "ru", oil)


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        # the reason cited is a cause clause: its negation is the reason's, the termination happened
        (
            'The Afghan mines ministry terminated the copper contract for the Logar block, citing "no drilling".',
            True,
        ),
        # the main clause's own negation still vetoes
        ("The Afghan mines ministry has not signed the copper contract for the Logar block, citing funding.", False),
    ],
)
def test_a_cited_reasons_negation_is_the_reasons(eval_rules, summary, expected):
    assert fires(eval_rules, MINING, "Ministry statement", "en", summary) is expected


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("The Chinese contractor began production at Mes Aynak in Logar under its long-delayed copper contract.", True),
        ("The Chinese contractor's copper contract for Mes Aynak in Logar was delayed again.", False),  # a delay now
    ],
)
def test_a_delay_told_as_an_epithet_is_over(eval_rules, summary, expected):
    assert fires(eval_rules, MINING, "Highway reopens", "en", summary) is expected
