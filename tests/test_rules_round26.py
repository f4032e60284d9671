"""Issue 14, round 26: held-out v21 studied (it is tuning now); its errors and the recall errors of every seen
part sorted by class (tests/data/rules_eval/README.md, "Held-out v21 seen → tuning"). Each change on sentences
of our own, beside a sentence where it must not act."""

from __future__ import annotations

import pytest

from tests.test_rules_operators import topics

ARMS = "north-korea-russia-arms"


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # "X says …; Y denies" (the denial in a clause of its own): the transfer told in the other clause stands
        (
            "Seoul says Pyongyang sent shells to Russia; Moscow 'not sending arms back'",
            "South Korea's spy agency said North Korea had shipped a million artillery shells to Russia since May.",
        ),
        (
            "КНДР подтвердила отправку войск в Курскую область; Кремль «не поставляет оружие»",
            "Северная Корея впервые подтвердила, что её солдаты воевали вместе с российскими войсками под Курском.",
        ),
        (
            "北朝鮮、ロシアに砲弾を送ったと韓国情報院　ロシアは武器供与を否定",
            "韓国の国家情報院は、北朝鮮がロシアに砲弾百万発を送ったと明らかにした。",
        ),
    ],
)
def test_a_headline_that_tells_the_transfer_beside_a_denial_is_the_transfer(eval_rules, title, content):
    assert ARMS in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        (
            "Moscow says it is 'not sending arms' to Pyongyang",
            "The Kremlin said on Tuesday that Russia was not sending arms to North Korea, calling reports groundless.",
        ),
        (
            "Кремль: Россия не поставляет оружие КНДР",
            "В Кремле заявили, что Россия не поставляет оружие Северной Корее, назвав сообщения беспочвенными.",
        ),
        (
            "ロシア、北朝鮮への武器供与を否定",
            "ロシア大統領府は火曜日、北朝鮮に武器を供与していないと述べ、報道を根拠がないと批判した。",
        ),
    ],
)
def test_a_headline_that_only_denies_the_transfer_is_still_a_denial(eval_rules, title, content):
    assert ARMS not in topics(eval_rules, title, content)
