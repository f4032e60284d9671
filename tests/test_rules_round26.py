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


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # a bare denial closing the headline after a comma answers the claim told before it (@denial-overturned)
        (
            "Live: Seoul says Pyongyang shipped more missiles to Russia, Kremlin denies",
            "South Korea's defence ministry said North Korea sent a new batch of KN-23 missiles to Russia last month.",
        ),
        (
            "Онлайн: Сеул сообщил о новой партии ракет для России, Кремль отрицает",
            "Минобороны Южной Кореи заявило, что КНДР отправила в Россию новую партию ракет KN-23 в прошлом месяце.",
        ),
        (
            "ライブ：韓国「北朝鮮がミサイルを追加供与」、ロシアは否定",
            "韓国国防省は、北朝鮮が先月、弾道ミサイルを新たにロシアへ送ったと発表した。",
        ),
    ],
)
def test_a_headline_closing_on_another_partys_bare_denial_is_the_claim(eval_rules, title, content):
    assert ARMS in topics(eval_rules, title, content)


@pytest.mark.parametrize(
    ("title", "content"),
    [
        # the denial has an object: it is the headline's substance
        (
            "Moscow envoy in Tokyo, denies buying weapons from Pyongyang",
            "Russia's ambassador said Moscow had bought no weapons from North Korea and called the reports groundless.",
        ),
        (
            "Посол России в Токио, отрицает закупки оружия у КНДР",
            "Посол заявил, что Россия не закупала оружие у КНДР, и назвал сообщения беспочвенными.",
        ),
        (
            "駐日ロシア大使、北朝鮮からの兵器調達を否定",
            "ロシア大使は、北朝鮮から兵器を調達した事実はないと述べ、報道は根拠がないと批判した。",
        ),
    ],
)
def test_a_headline_denial_with_an_object_still_vetoes(eval_rules, title, content):
    assert ARMS not in topics(eval_rules, title, content)
