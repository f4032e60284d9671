"""Issue 14, round 41: held-out v36 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v36 seen →
tuning"). Its misses in languages no rule has words for were classified by cause; the general one is fixed here as a
mechanism meant to hold in a language not seen: a name glued to a small-letter prefix (a Bantu noun-class or locative
prefix, an Irish mutation) is found as a name, while the prefix is never a word of its own. Tested on sentences of our
own, beside ones where the rule must still not fire."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires

from monitor.models import Entry
from monitor.rules import Group, Rule, RuleSet, Term
from monitor.rules.explain import explain_lines
from monitor.rules.spelling import glued_names
from monitor.text import match_text

OIL, MINING = "india-russian-oil", "afghan-mining"


def names_at(raw: str) -> list[str]:
    folded = match_text(raw)
    return [folded[at : at + 5] for at in sorted(glued_names(raw, folded))]


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("hurumende yeTaliban muAfghanistan", ["talib", "afgha"]),
        ("ngo sɛ́ ekuRussia, Ésta ekuRussia", ["russi", "russi"]),  # positions survive a folded accent before them
        ("rialtas na hAfganastáine", ["afgan"]),  # an Irish mutation
        ("PetroChina McDonald mRNA iOS", []),  # a capital first, or no small letter after the capital
    ],
)
def test_a_name_glued_to_a_small_letter_prefix_is_found_where_it_starts(raw, names):
    assert names_at(raw) == names


def rule_of(*terms: str) -> RuleSet:
    return RuleSet([Rule(name="r", match=Group(kind="any", children=tuple(Term(t) for t in terms)))])


def matches(rules: RuleSet, title: str) -> bool:
    entry = Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content="")
    return bool(rules.match(entry))


def test_a_term_finds_the_glued_name_and_never_the_prefix():
    assert matches(rule_of("Taliban"), "Nyika yacherekedza hurumende yeTaliban")
    assert matches(rule_of("Russi*"), "mafuta ekuRussia")  # a wildcard too
    assert not matches(rule_of("ne", "mu"), "neChina muIndia")  # the prefix is no French "ne", no Turkish "mu"
    assert not matches(rule_of("China"), "PetroChina buys a cargo")  # a capital first: one name, read as before
    assert not matches(rule_of("taliban"), "hurumende yetaliban")  # no capital: no name inside the word


@pytest.mark.parametrize(
    ("topic", "title", "summary", "expected"),
    [
        # the three names in the headline, Russia glued to its locative prefix (Xhosa-like, our own sentence)
        (OIL, "India ithenge mafuta amaninzi eRussia", "", True),
        # a negative verb form of the opening's second sentence builds an adjective there (@negation-more's regex):
        # it vetoes its own sentence, not the headline's purchase
        (OIL, "India ithenge mafuta eRussia", "Ezinye iinkampani azinakho. Mafuta asina kucocwa.", True),
        # a word the sets know for a negation still vetoes the whole lead, as before
        (OIL, "India mafuta eRussia", "The ministry says no cargo was bought.", False),
        # a company's country beside the deal is not the site's: the mineral stands by Afghanistan
        (MINING, "Inkampani yaseKazakhstan isayine isivumelwano semigodi ye-lithium eAfghanistan", "", True),
        # the mineral beside another mining country is that country's mine, Afghanistan a comparison
        (MINING, "Isivumelwano se-lithium yaseKazakhstan, hayi eAfghanistan", "", False),
    ],
)
def test_the_headline_branches_read_glued_names(eval_rules, topic, title, summary, expected):
    assert fires(eval_rules, topic, title, "", summary) is expected


def explained(rules: RuleSet, topic: str, title: str, lang: str) -> list[str]:
    rule = next(r for r in rules.rules if r.name == topic)
    doc, trace = rules.trace(
        topic, Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content="", lang=lang)
    )
    return explain_lines(rule, doc, trace)


def test_explain_says_when_a_match_rests_on_anchors_alone(eval_rules):
    lines = explained(eval_rules, OIL, "India ithenge mafuta amaninzi eRussia", "xh")
    assert "MATCHES" in lines[0]
    assert lines[-1].startswith("note: matched by anchors alone: the entry's language (xh, the feed's)")
    # in a language the rule has words in, the act itself was read: no note
    lines = explained(eval_rules, OIL, "Indian Oil buys two cargoes of Russian Urals crude", "en")
    assert "MATCHES" in lines[0]
    assert not any(line.startswith("note: matched by anchors alone") for line in lines)


ARMS = "north-korea-russia-arms"


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # both sides in the headline, the war in the opening: the troops' story, their word unknown to every set
        ("Korea Kaskazini yatuma wanajeshi zaidi Russia", "Wanajeshi hao watapigana Ukraine, Seoul inasema.", True),
        ("Korea Kaskazini yatuma wanajeshi zaidi Russia", "Wanajeshi hao watapigana Kursk.", True),
        # without the war the pairing may be tourism or a summit
        ("Korea Kaskazini na Russia zasaini mkataba wa utalii", "Watalii watasafiri kwa treni.", False),
        # the war and one side only: not the pairing
        ("Russia yashambulia miji ya Ukraine", "Korea Kaskazini haikutajwa.", False),
        # a hedge the sets know in the lead vetoes, as in the other headline branches
        ("Korea Kaskazini yatuma wanajeshi Russia?", "Wanajeshi hao watapigana Ukraine.", False),
    ],
)
def test_the_arms_pairing_with_the_war_it_feeds_in_a_language_without_words(eval_rules, title, summary, expected):
    assert fires(eval_rules, ARMS, title, "sw", summary) is expected
