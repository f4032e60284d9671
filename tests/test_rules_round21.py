"""Issue 14, round 21: two classes that recur across the tuning parts, each by one general mechanism. A comparison
("like India, …", «в отличие от Китая, …», "インドと同様、…") takes what its phrase names out of a sentence or
clause group: the compared one is not the clause's subject. The other class (an act told sentences after its
subject, "The deal was signed …") was tried as anaphora and left out (tests/data/rules_eval/README.md, round 21)."""

from __future__ import annotations

import pytest

from monitor.errors import ConfigError
from monitor.rules import RuleSet
from monitor.rules.units import CLAUSE, breaks, comparison_spans
from monitor.text import match_text
from tests.test_rules_operators import fires, ruleset

PURCHASE = """
name: r
match:
  all:
    - any: [India, Indian, Инди*, индийск*, インド, Indien, Inde, India]
    - any: [Russian crude, российск* нефт*, ロシア産原油, russisches Öl, brut russe, crudo ruso]
    - any: [bought, купил*, 購入, kaufte, gekauft, acheté, compró]
  sentence: true
"""


@pytest.fixture(scope="module")
def purchase(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("purchase"), PURCHASE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Like India, Sri Lanka bought Russian crude this month.", False),
        ("Following the example of India, Sri Lanka bought Russian crude.", False),
        ("Unlike China, India bought Russian crude this month.", True),
        ("India bought Russian crude this month, like China.", True),  # the yardstick after the act
        ("Refiners would like India to have bought Russian crude sooner.", True),  # "would like" compares nothing
        ("Как и Индия, Шри-Ланка купила российскую нефть.", False),
        ("По примеру Индии Шри-Ланка купила российскую нефть.", False),  # no comma: the next word alone
        ("В отличие от Китая, Индия купила российскую нефть.", True),
        ("インドと同様、スリランカもロシア産原油を購入した。", False),
        ("中国とは異なり、インドはロシア産原油を購入した。", True),
        ("Anders als China kaufte Indien russisches Öl.", True),  # no comma: only "China" is compared
        ("Wie Indien hat Sri Lanka russisches Öl gekauft.", True),  # German "wie" is too common to be a marker
        ("Comme l'Inde, le Sri Lanka a acheté du brut russe.", True),  # nor French "comme"
        ("A diferencia de China, India compró crudo ruso.", True),
        ("Al igual que India, Sri Lanka compró crudo ruso.", False),
    ],
)
def test_a_compared_party_is_not_the_subject(purchase, text, expected):
    assert fires(purchase, content=text) is expected


def test_comparison_false_counts_the_compared_party(tmp_path):
    rules = ruleset(tmp_path, PURCHASE.replace("sentence: true", "sentence: true\n  comparison: false"))
    assert fires(rules, content="Like India, Sri Lanka bought Russian crude this month.")


def test_a_comparison_outside_a_sentence_or_clause_group_is_read(tmp_path):
    rules = ruleset(tmp_path, PURCHASE.replace("sentence: true", "paragraph: true"))
    assert fires(rules, content="Like India, Sri Lanka bought Russian crude this month.")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Like Russia, Uzbekistan signed.", "like russia"),
        ("Unlike the Indian refiners, Chinese teapots bought.", "unlike the indian refiners"),
        ("в отличие от Китая Индия купила нефть.", "в отличие от китая"),
        ("調印した。ロシアと同様、ウズベキスタンも承認した。", "ロシアと同様"),
    ],
)
def test_the_phrase_runs_to_its_comma_or_over_one_word(text, phrase):
    folded = match_text(text)
    spans = comparison_spans(folded, breaks(text, folded)[CLAUSE])
    assert [folded[start:end] for start, end in spans] == [phrase]


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("sentence: true, comparison: 1", '"comparison" must be true or false'),
        ("comparison: false", '"comparison" applies to the parts of an "all:" list'),
    ],
)
def test_comparison_misuse_is_reported_at_path_line(tmp_path, keys, message):
    text = f"name: r\nmatch: {{{'all: [a1, b1], ' if 'sentence' in keys else 'any: [a1], '}{keys}}}\n"
    with pytest.raises(ConfigError) as caught:
        ruleset(tmp_path, text)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{tmp_path / 'rule.yaml'}:2:") and message in p for p in found), found
