"""Review rv33: what this session's merged work broke, shown by tests that fail until it is fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.rules.sounds import sound_key

# Greek writes μπ, ντ, γκ both for a foreign b, d, g (Ταλιμπάν, Ντόνετσκ) and for the m-p, n-t, n-g a name spells
# (Τραμπ is Trump, Ατλάντα Atlanta, Ολυμπία Olympia). rr33 folds every pair to the one letter, so the names of the
# second kind, which matched by sound at 8f67139, no longer do.
GREEK_NASAL_STOPS = [("Τραμπ", "Trump"), ("Ατλάντα", "Atlanta"), ("Ολυμπία", "Olympia"), ("Πομπέο", "Pompeo")]


@pytest.mark.parametrize(("greek", "latin"), GREEK_NASAL_STOPS)
def test_a_greek_mp_nt_that_spells_both_letters_still_sounds_as_the_latin_name(greek, latin):
    assert sound_key(greek).rsplit("/", 1)[1] == sound_key(latin).rsplit("/", 1)[1]


def test_a_sounds_term_finds_trump_in_a_greek_headline(tmp_path: Path):
    (tmp_path / "r.yaml").write_text("name: r\nmatch:\n  any:\n    - {term: Trump, sounds: true}\n", encoding="utf-8")
    rules = RuleSet(load_rules([tmp_path]))
    entry = Entry(
        feed_url="u",
        outlet="o",
        key="k",
        link="",
        title="Ο Τραμπ επισκέπτεται την Αθήνα",
        summary="",
        content="",
        lang="el",
    )
    assert "r" in {m.rule for m in rules.match(entry)}


# rr33's built-in hedge "close" or "near" at a clause's end ('Lithium deal "close", ministry says') also reads a
# market's close and a place called near: a deal signed in a headline that ends on a market report is vetoed.
DEMO = Path(__file__).resolve().parents[1] / "monitor" / "demo" / "rules"


@pytest.mark.parametrize(
    "title",
    [
        "Afghanistan signs copper mining deal as markets close",
        "Afghanistan signs lithium mining contract with Chinese firm, Kabul stocks up at the close",
    ],
)
def test_a_signed_deal_beside_a_markets_close_is_no_hedge(title):
    rules = RuleSet(load_rules([DEMO]))
    entry = Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content="", lang="en")
    assert "Afghan mining contract" in {m.rule for m in rules.match(entry)}


def _fires(title: str) -> bool:
    rules = RuleSet(load_rules([DEMO]))
    entry = Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content="", lang="en")
    return "Afghan mining contract" in {m.rule for m in rules.match(entry)}


@pytest.mark.parametrize(
    ("hedged", "made"),
    [
        ("Afghan copper mining contract with Chinese firm \"close\", ministry says",
         "Afghan copper mining contract with Chinese firm signed, ministry says"),
        ("Afghan copper mining contract with Chinese firm is close, officials say",
         "Afghan copper mining contract with Chinese firm is signed, officials say"),
    ],
)  # fmt: skip
def test_a_deal_called_close_is_still_a_hedge(hedged: str, made: str) -> None:
    """The class round 33 meant stays: a deal quoted as "close", or said to be close, is not made yet (the same
    headline with the deal made fires)."""
    assert _fires(made) and not _fires(hedged), (made, hedged)
