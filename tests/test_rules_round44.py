"""Issue 14, round 44: held-out v39 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v39 seen →
tuning"). Its eight false alarms in the rules' languages came from refusals, denials, slipping dates and preconditions
the built-in sets had no word for, and from a headline whose act was a degree's recognition. The sets were widened
with the forms desks use in every language they cover, not v39's sentences; tested here on sentences of our own,
beside ones where the word must not veto."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires
from test_rules_round42 import negates

MINING, ARCTIC, OIL, TALIBAN = "afghan-mining", "arctic-lng", "india-russian-oil", "taliban-recognition"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("経産省、鉄鉱石輸入の補助申請を却下", "ja"),  # an application turned down
        ("議会、鉱業法改正案を否決", "ja"),  # voted down
        ("外務省、国交樹立の報道を打ち消す", "ja"),  # a report denied
        ("法院驳回了公司的上诉", "zh"),
        ("Минэнерго назвало ошибочными данные о поставках", "ru"),
        ("Сроки запуска завода снова сдвинули", "ru"),
        ("Покупатель увязал оплату с поставкой оборудования", "ru"),
        ("Міністерство назвало помилковими дані про імпорт", "uk"),
        ("The port's opening slips again", "en"),
        ("Talks on the pipeline drag on", "en"),
        ("Ministry calls the tanker report erroneous", "en"),
        ("A rail link is a precondition for the copper project", "en"),
        ("Ministerium spricht von einer Fehlmeldung", "de"),
        ("Le ministère juge le chiffre erroné", "fr"),
        ("El acuerdo queda supeditado a la financiación", "es"),
        ("冬季の運航は砕氷船の確保が前提", "ja"),
        ("輸出を続けるには、新しい港湾設備が要る", "ja"),
    ],
)
def test_a_refusal_denial_slipping_date_or_precondition_negates(negation_rule, title, lang):
    assert negates(negation_rule, title, lang)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("India's imports of Russian oil slipped to 1.6m barrels a day", "en"),  # a fall in volume, news
        ("印度的进口却下降了", "zh"),  # Chinese 却下降, "but fell", is no 却下
        ("港には、タンカー三隻が入港した", "ja"),  # a place with には, no purpose
        ("政府は銅山の開発契約を承認した", "ja"),
        ("Груз Urals прибыл в порт Сикка", "ru"),
        ("Добыча меди сдвинулась с мёртвой точки", "ru"),  # progress: no date moved
        ("В заметке ошибочно указана дата поставки", "ru"),  # a correction's adverb: the delivery stands
        ("An earlier version erroneously gave the tanker's name", "en"),
    ],
)
def test_the_new_words_leave_a_plain_report_alone(negation_rule, title, lang):
    assert not negates(negation_rule, title, lang)


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        ("アフガン鉱業省、中国企業の銅山採掘権の申請を却下", "ja", "同省は審査の結果を1日に公表した。", False),
        ("アフガン鉱業省、中国企業と銅山の採掘権契約に署名", "ja", "同省は契約期間を30年と説明した。", True),
        ("Afghan lithium award slips again", "en", "The ministry has named no winner for the Nuristan blocks.", False),
        ("Afghanistan awards Nuristan lithium blocks", "en", "The ministry named a Chinese winner on Monday.", True),
    ],
)
def test_a_refused_or_slipping_mining_deal_is_no_deal(eval_rules, title, lang, summary, expected):
    assert fires(eval_rules, MINING, title, lang, summary) is expected


def test_a_precondition_in_the_headline_is_no_cargo(eval_rules):
    title, summary = "アークティックLNG2の冬季出荷、新造船の確保が前提", "専門家は新造船が必要だと指摘した。"
    assert not fires(eval_rules, ARCTIC, title, "ja", summary)


def test_a_report_called_an_error_is_no_purchase(eval_rules):
    title = "Nayara: сообщения о закупке российской нефти — ошибка"
    assert not fires(eval_rules, OIL, title, "ru", "Компания заявила, что груз не покупала.")


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # a degree from a Kabul school recognised abroad: Kabul names the school, the act is the degree's
        ("カブール医科大学の卒業資格、フランスで承認へ", "仏政府はカブール医科大学の卒業資格を承認する。", False),
        # the act told in the headline's second half, an insurer's cover in its first
        (
            "保険大手、アフガン渡航の補償拡大　カザフの承認受け",
            "カザフスタン政府が先週、タリバン政権を正式に承認したことを受けた措置だという。",
            True,
        ),
    ],
)
def test_a_headline_whose_act_recognises_a_degree_is_not_the_taliban_story(eval_rules, title, summary, expected):
    assert fires(eval_rules, TALIBAN, title, "ja", summary) is expected


def test_v39_is_a_seen_part():
    from benchmarks.rules_quality import HELDOUT_V39, SEEN

    assert SEEN["held-out v39 (seen → tuning)"] == HELDOUT_V39
