"""Issue 14, round 37: held-out v32 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v32 seen →
tuning"). Its three false positives and two misses in English and Japanese came from phrasings the sets lacked; each
mechanism on sentences of our own beside one where the rule must not act: the buyer's headline denial of a purchase,
a date pushed back or past, a Japanese launch told last in its clause, a number that names a place, and the share of
the crude an origin takes told as a Japanese partitive."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires

ARMS, MINING, OIL, TALIBAN = "north-korea-russia-arms", "afghan-mining", "india-russian-oil", "taliban-recognition"


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        # the claim denied is told below the headline, as the trade press told it
        (
            "Bharat Petroleum denies buying Urals cargo",
            "Traders said a tanker with Russian Urals was bound for Kochi.",
            "en",
            False,
        ),
        (
            "Bharat Petroleum buys Urals cargo",
            "Traders said a tanker with Russian Urals was bound for Kochi.",
            "en",
            True,
        ),
        (
            "Reliance опровергла покупку партии Urals",
            "Трейдеры сообщали, что танкер с российской нефтью Urals идёт в Джамнагар.",
            "ru",
            False,
        ),
        (
            "Reliance купила партию Urals",
            "Трейдеры сообщали, что танкер с российской нефтью Urals идёт в Джамнагар.",
            "ru",
            True,
        ),
    ],
)
def test_the_buyers_headline_denial_of_a_purchase(eval_rules, title, summary, lang, expected):
    assert fires(eval_rules, OIL, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Aynak copper deal with Taliban pushed back to spring", False),
        ("Aynak copper deal with Taliban pushed past the elections", False),
        ("Aynak copper deal with Taliban pushed back by a year", False),
        ("Taliban push back against critics, sign Aynak copper deal", True),  # resistance, not a delay
        # issue 14: past, beyond and back by with no time after them tell an advance or resistance
        ("Taliban sign Aynak copper deal, push beyond Logar", True),
        ("Protesters pushed back by police as Taliban sign Aynak copper deal", True),
        ("Taliban sign Aynak copper deal", True),
    ],
)
def test_a_date_pushed_back_is_a_postponement(eval_rules, title, expected):
    assert fires(eval_rules, MINING, title, "en") is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("北朝鮮、巡航ミサイル２発を黄海に向けて発射", False),  # a test at home, the launch last in its clause
        ("北朝鮮、巡航ミサイル２発をロシアに供与", True),
    ],
)
def test_a_japanese_launch_told_last_in_its_clause(eval_rules, title, expected):
    summary = "北朝鮮はロシアとの軍事協力を深めている。"
    assert fires(eval_rules, ARMS, title, "ja", summary) is expected


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("A week after Kyrgyzstan recognised the Taliban government, its envoy moved to Asanbay 2010 district.", True),
        ("In 2010 Kyrgyzstan recognised the Taliban government, and its envoy opened an office in Bishkek.", False),
    ],
)
def test_a_number_that_names_a_place_is_no_year(eval_rules, summary, expected):
    assert fires(eval_rules, TALIBAN, "Kyrgyz envoy opens office in Bishkek", "en", summary) is expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("７月のインドの原油輸入のうちロシア産は４割を占め、製油所は代金をディルハムで支払った。", True),
        ("７月のインドの原油輸入のうちサウジ産は４割を占め、製油所は代金をドルで支払った。", False),
    ],
)
def test_a_japanese_partitive_names_the_crudes_origin(eval_rules, content, expected):
    title, summary = "インド・ルピーが最安値", "ルピーは対ドルで下落した。"
    assert fires(eval_rules, OIL, title, "ja", summary, content) is expected
