"""Arabic terms behind their proclitics (rules/README.md, "Scripts"): Arabic writes wa-, fa-,
bi-, li-, ka-, sa- and the article al- as one word with what follows, so a term is also found
behind them, anywhere in a field (at its start, after other words, after Latin text), and still
not inside a longer word. Written to kill ``spelling.after_proclitic``'s survivors of
``python -m benchmarks.mutation rules`` (session mt7; benchmarks/mutation_survivors.md): the
in-process tests of the rules target never asked. Rules are written in the documented YAML
syntax, loaded, and matched as the pipeline matches them.
"""

from __future__ import annotations

import pytest

from monitor.models import Entry
from monitor.rules import RuleSet, load_rules


@pytest.fixture(scope="module")
def rulesets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RuleSet]:
    """One rule per term, each loaded once for the module (loading takes most of the time)."""
    loaded = {}
    for term in ("طالبان", "اعتراف"):
        folder = tmp_path_factory.mktemp("rules")
        (folder / "rule.yaml").write_text(f"name: r\nmatch:\n  any: [{term}]\n", encoding="utf-8")
        loaded[term] = RuleSet(load_rules([folder]))
    return loaded


def matches(rulesets: dict[str, RuleSet], term: str, title: str) -> bool:
    entry = Entry("https://wire.example/feed", "Wire", "k", "https://wire.example/1", title, "", "")
    return bool(rulesets[term].match(entry))


@pytest.mark.parametrize(
    ("term", "title"),
    [
        ("طالبان", "روسيا تعترف بطالبان"),  # bi-, after other words
        ("طالبان", "لطالبان سفير في موسكو"),  # li-, the field's first word
        ("طالبان", "وطالبان ترحب"),  # wa-, the field's first word
        ("اعتراف", "ترحيب بالاعتراف الروسي"),  # bi- + al-
        ("اعتراف", "ترحيب وبالاعتراف الروسي"),  # wa- + bi- + al-: four letters
        ("طالبان", "Moscow: روسيا تعترف بطالبان"),  # a field that opens in another script
        ("طالبان", "روسيا تعترف, بطالبان"),  # after a comma
    ],
)
def test_an_arabic_term_is_found_behind_its_proclitics(rulesets, term, title):
    assert matches(rulesets, term, title)


@pytest.mark.parametrize(
    ("term", "title"),
    [
        ("طالبان", "روسيا تعترف مطالبان"),  # م is no proclitic
        ("طالبان", "مطالبان"),  # the same, as the field's only word
        ("طالبان", "الحركة الطالبانية تعترف"),  # a longer word: the term's end is not a word's end
        ("اعتراف", "ترحيب بالالاعتراف"),  # two articles are no proclitics
        ("اعتراف", "روسيا كتباعتراف"),  # letters of a word before it, whatever they end with
    ],
)
def test_an_arabic_term_is_not_found_inside_a_longer_word(rulesets, term, title):
    assert not matches(rulesets, term, title)
