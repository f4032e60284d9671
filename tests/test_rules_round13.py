"""Issue 14, thirteenth round: the built-in sets' changes for the classes of held-out v9's errors. A verb's
other forms (*idles*), Japanese "there is no" as a continuative (*はなく*) and a headline's noun + *なし*, and a
spell without the act that the act ends (@litotes), in every script the phrase is written in: each is shown
vetoing, or sparing, and beside it a sentence where it must not."""

from __future__ import annotations

import pytest

from monitor.rules import RuleSet
from tests.test_rules_operators import fires, ruleset

CARGO = """
name: r
match:
  all:
    - any: [cargo, tanker, партия, 貨物, 受け入れ, Ladung, cargaison, cargamento]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
"""


@pytest.fixture(scope="module")
def cargo(tmp_path_factory) -> RuleSet:
    """Compiled once: the built-in sets take most of a second to load."""
    return ruleset(tmp_path_factory.mktemp("rule"), CARGO)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tanker idles off Malaysia for a second month", False),
        ("The tanker idled off Malaysia for weeks", False),
        ("The tanker unloaded off Malaysia", True),
    ],
)
def test_a_verb_of_negation_vetoes_in_its_other_forms(cargo, text, expected):
    assert fires(cargo, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("貨物の受け入れ予定なし", False),  # a headline's "no plan to take"
        ("貨物の買い手なし", False),
        ("貨物を購入した事実はなく、調査を続ける", False),  # the continuative of "there is no"
        ("貨物を受け入れた", True),
        ("原則なし崩しで貨物の受け入れが進む", True),  # なし崩し (bit by bit) is no negation
        ("貨物を受け入れただけではなく、追加の購入も決めた", True),  # "not only"
    ],
)
def test_japanese_there_is_no(cargo, text, expected):
    assert fires(cargo, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cargo was delivered on Thursday, ending a year in which the plant found no takers.", True),
        ("After months without a buyer, the cargo was sold to a Chinese terminal.", True),
        ("The tanker has not unloaded after months without a buyer.", False),
        ("After a year, the cargo has not been sold.", False),  # the phrase ends at its comma
        ("После нескольких месяцев без покупателя партия была продана в Китай.", True),
        ("Партия так и не продана после месяцев без покупателя.", False),
        ("Nach Monaten ohne Abnehmer wurde die Ladung in China gelöscht.", True),
        ("Die Ladung wurde nach Monaten ohne Abnehmer nicht gelöscht.", False),
        ("Après des mois sans preneur, la cargaison a été livrée en Chine.", True),
        ("La cargaison n'a pas été livrée après des mois sans preneur.", False),
        ("Tras meses sin comprador, el cargamento fue entregado en China.", True),
        ("El cargamento no fue entregado tras meses sin comprador.", False),
    ],
)
def test_a_spell_without_the_act_that_the_act_ends_is_no_negation(cargo, text, expected):
    assert fires(cargo, content=text) is expected
