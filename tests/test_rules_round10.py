"""Issue 14, tenth round: the classes of held-out v6's false alarms in the built-in sets (postponement
said as waiting, the Turkish negative future whose k the folding turns to g, Japanese "there is no",
the Korean negative copula and questions, "rarely", a buyer that "eyes" a deal, the conditional mood
of Portuguese, Spanish, Italian and French, months since an act), and two words that took the way
commodity news names things: French "négociants" (traders, as a source) read as negotiation, and
French "indien" (Indian) read as Dutch "if". Each matches and fails to match, in the scripts it
concerns; the conditional mood must not take the nouns that end like it (refinaria, refinería,
minería, Siberian, portrait, retrait)."""

from __future__ import annotations

import pytest

from tests.test_rules_operators import fires, ruleset
from tests.test_rules_round9 import ACTS as ROUND9_ACTS
from tests.test_rules_round9 import RULE as ROUND9_RULE

ACTS = (
    "recogni*, признал*, признани*, 承認, 承认, reconhec*, reconoc*, riconosc*, reconna*, "
    "buy*, bought, compr*, achet*, kauft, refin*, shipped, gönder*, send*, soldat*, 兵士, 砲弾, 货船, "
    '{regex: "(?:^|\\\\W)(?:승인|체결)"}'
)
RULE = ROUND9_RULE.replace(ROUND9_ACTS, ACTS)  # the same veto, over the acts of these classes


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # postponement said as waiting
        ("Recognition of the Taliban can wait, says Bishkek", False),
        ("After a long wait, Bishkek recognises the Taliban", True),
        ("Признание талибов подождёт", False),
        ("Ташкент признал правительство талибов", True),
        ("タリバン政権の承認はお預け", False),
        # the Turkish negative future: "göndermeyeceğini" is folded to "gondermeyecegini"
        ("Pyongyang'ın asker gönderip göndermeyeceği belirsiz", False),
        ("Pyongyang Rusya'ya asker gönderdi", True),
        # Japanese "there is no …" and Chinese "still not"
        ("「前線に北朝鮮の兵士はいない」と大使", False),
        ("北朝鮮の兵士、前線に到着", True),
        ("北极液化天然气2号货船仍未找到买家", False),
        # the Korean copula and questions (승인할까, 승인할지)
        ("일본, 탈레반 정부 승인할까", False),
        ("승인은 검토 대상이 아니다", False),
        ("몽골, 탈레반 정부 공식 승인", True),
        # rarely, and a buyer that eyes a deal
        ("Afghan lithium has rarely been bought by foreign firms", False),
        ("Gulf fund eyes Afghan copper, buying stake", False),
        # the conditional mood, and the nouns that end like it
        ("Lisboa só reconheceria o governo talibã com garantias", False),
        ("México reconocería a los talibanes bajo condiciones", False),
        ("Roma riconoscerebbe i talebani solo con garanzie", False),
        ("Paris reconnaîtrait les talibans sous conditions", False),
        ("A refinaria indiana comprou petróleo russo", True),
        ("La refinería india compró crudo ruso", True),
        ("La minería afgana: una refinería compró cobre", True),
        ("Siberian crude bought by Indian refiners", True),
        ("Le retrait des sanctions: un raffineur achète du brut russe", True),
        # months since the act
        ("Twelve months after Moscow recognised the Taliban, little has changed", False),
        ("В июле прошлого года Москва признала талибов", False),
    ],
)
def test_the_round10_classes_match_and_fail_to_match(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, RULE), title) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Un raffineur indien achète du brut russe, selon des négociants", True),  # traders, a source
        ("Le raffineur indien est en négociations pour acheter du brut russe", False),
        ("La refinería india negocia comprar crudo ruso", False),
        ("De raffinaderij koopt Russische olie, indien het contract rond komt", False),  # Dutch "if"
        ("Indien kauft so viel russisches Öl", True),
    ],
)
def test_traders_and_indian_are_no_hedge(tmp_path, title, expected):
    rule = RULE.replace("buy*,", "buy*, koopt,")
    assert fires(ruleset(tmp_path, rule), title) is expected
