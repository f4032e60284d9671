"""Issue 14, round 45: held-out v40 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v40 seen →
tuning"). Its false alarms came from a report called unreliable, a plan and a condition met in Japanese, a modal
shared by a gapped Russian conjunct, a history told "in the past", a Xitsonga denial, another buyer by its refiner's
name and the heraldic plural; its miss from a Japanese tanker's cargo. Tested here on sentences of our own, beside
ones where the new words must leave the story alone."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires
from test_rules_round42 import negates

from monitor import rules

MINING, ARMS, OIL, TALIBAN = "afghan-mining", "north-korea-russia-arms", "india-russian-oil", "taliban-recognition"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Минэнерго назвало недостоверными сообщения о поставках", "ru"),
        ("Компания назвала неправдивыми слухи о сделке", "ru"),
        ("Міністерство назвало недостовірними дані про імпорт", "uk"),
        ("同社は電力確保のめどが立った段階で契約する", "ja"),  # once the power is secured
        ("港の拡張が済んだ時点で輸入を始める", "ja"),
        ("政府は鉱区を入札にかける方針を示した", "ja"),  # a stated plan
        ("同社は来年にも契約を結ぶ方針だ", "ja"),
    ],
)
def test_an_unreliable_report_a_plan_or_a_condition_met_negates(negation_rule, title, lang):
    assert negates(negation_rule, title, lang)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Минэнерго назвало достоверными данные о поставках", "ru"),  # reliable: the report stands
        ("外務省は旅券の扱いを新しい方針に切り替えた", "ja"),  # a policy switched to is done
        ("同社は段階的に輸入を増やした", "ja"),  # 段階的: step by step, no condition
    ],
)
def test_the_new_words_leave_a_plain_report_alone(negation_rule, title, lang):
    assert not negates(negation_rule, title, lang)


@pytest.fixture(scope="module")
def hedged_signing(tmp_path_factory) -> rules.RuleSet:
    """A signing with no hedge in its clause, through the real loader and matcher."""
    folder = tmp_path_factory.mktemp("rules")
    rule = 'name: signed\nmatch:\n  any: [подписан]\n  unless_near: {any: ["@hedge"], clause: true}\n'
    (folder / "signed.yaml").write_text(rule, encoding="utf-8")
    return rules.RuleSet(rules.load_rules([folder]))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the dash stands for the first half's "может быть": the contract may be signed
        ("Тендер может быть объявлен осенью, а контракт — подписан до конца года", False),
        ("Тендер может быть объявлен осенью, а контракт на добычу — подписан до конца года", False),
        # no gap: "а" contrasts, and the second half's signing is its own
        ("Тендер может быть объявлен осенью, а контракт подписан ещё вчера", True),
    ],
)
def test_a_gapped_conjunct_shares_the_first_halfs_modal(hedged_signing, title, expected):
    assert negates(hedged_signing, title, "ru") is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Mfumo wa Gabon wu amukele mfumo wa Taliban", True),
        ("Mfumo wa Gabon a wu amukelanga mfumo wa Taliban", False),  # a + concord, the verb's past negative
        ("Gabon yi landzula leswaku yi amukele mfumo wa Taliban", False),  # it denies that it recognised
        ("Mfumo wa Gabon wu ala ku amukela mfumo wa Taliban", False),  # it refuses to recognise
    ],
)
def test_xitsonga_negates_before_the_concord(eval_rules, title, expected):
    assert fires(eval_rules, TALIBAN, title, "ts") is expected


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        (  # a saffron story's background: "has in the past signed copper contracts too"
            "アフガニスタン産ザクロ、輸出が好調",
            "アフガニスタンの暫定政権は過去に銅山の契約も結んできたが、輸出ではザクロの比重が大きい。",
            False,
        ),
        (  # 過去に dates the survey only: the contract is today's
            "アフガニスタン、銅山の採掘契約に署名",
            "アフガニスタン鉱業省は、過去に調査された鉱区の銅山について中国企業と契約を結んだ。",
            True,
        ),
    ],
)
def test_a_history_told_in_the_past_is_background(eval_rules, title, summary, expected):
    assert fires(eval_rules, MINING, title, "ja", summary) is expected


def test_a_refiner_named_by_the_islands_old_name_is_another_buyer(eval_rules):
    summary = "The refiner said it had studied how India buys Russian oil at a discount."
    assert not fires(eval_rules, OIL, "Ceylon Petroleum buys a cargo of Russian crude", "en", summary)
    assert fires(eval_rules, OIL, "Indian Oil buys a cargo of Russian crude", "en", "The refiner took Urals.")


def test_a_cargo_carried_by_tanker_is_the_purchase(eval_rules):
    summary = "インドのナヤラ・エナジーの製油所向けに運ばれたのは主にロシア産原油だった。"
    assert fires(eval_rules, OIL, "グジャラート州の港、9月の入港数が増加", "ja", summary)


def test_coats_of_arms_are_heraldry(eval_rules):
    summary = "North Korea and Russia opened a cultural year with an exhibition in Pyongyang."
    assert not fires(eval_rules, ARMS, "Russian coats of arms go on show in Pyongyang", "en", summary)


def test_v40_is_a_seen_part():
    from benchmarks.rules_quality import HELDOUT_V40, SEEN

    assert SEEN["held-out v40 (seen → tuning)"] == HELDOUT_V40
