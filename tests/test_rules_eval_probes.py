"""Generalisation probes for the evaluation rules (tests/data/rules_eval/rules): the sentences of
``probes.jsonl`` were written for this test in session 5 of issue 14, in every language the data
sets carry (en, ru, ja, de, fr, es, uk, zh, ar, tr): for each topic a positive and the usual traps
(denial, refusal, hedge, question, rumour, opinion, de facto contact, reversal, history piece,
other country or sector, other sense), and the negative-sounding changes topics.md counts
(cancellation, suspension, halt). None is taken from a data part: they catch a rule or a term
set that only knows the phrasings it was tuned on. Session 6 added one or more sentences per class of
error found on held-out v3 (limbo, conditions, negated negatives, non-answers, other partners,
weapon tests, India as a yardstick, headline non-delivery, synonyms), marked with a "class" key;
session 7 added 69 for the classes of held-out v4 and of topics.md (an event further down, a
sibling word a wildcard swallows, a cargo with no taker, Japanese negation scope, a report called a
tale, a Japanese condition, taking delivery, rumour, another state's recognition, no link to Russia,
a question put), in our own words, not the items' phrasings. Session 8 wrote 158 more ("class":
"round8-…": nominal, passive and synonym forms of each act, abbreviations, an act told after an
unrelated lede or referred back to, and traps) before changing any rule; they are the round's own
unseen check, so they are counted (``benchmarks/rules_quality.py --probes``) with a floor here,
not held one by one. Session 9 wrote 79 ("class": "round9-…") the same way, before changing any rule:
a positive for each topic and a denial or hedge in each of the eight languages it added (pt, pl, it, ko,
nl, id, fa, he), and the classes of held-out v5's misses (the act in the headline with the event further
down, Russia named by a place, the Yamal project without "LNG", verb forms, Afghan provincial capitals,
a cargo arriving, Indian refinery towns in other scripts). Session 10 wrote 33 ("class": "round10-…")
for the classes of held-out v6's false alarms before changing any rule: postponement verbs, the Turkish
negative future, another LNG project's headline, scout troops, Japanese "there is no …", the time since a
recognition, Korean questions, unnamed sources, "rarely", and the conditional mood; then 12 for the
classes it missed (the Arctic projects and Urals crude in local words, abbreviations, Japanese mining
words). Session 11 wrote 14 ("class": "round11-…") for held-out v7's India misses before changing the rule
(the purchase told once further down, a cargo card, another buyer's headline), then 19 for v7's
false-alarm classes (study and discussion, a missed date, another mining country's headline, satire,
approval in another sense, a report called fiction). Session 12 wrote 39 ("class": "round12-…") for the
classes of held-out v8's errors (a digest's item, another country's site near the Afghan border, the start
of works, an interview's question answered yes or no, a typeset dash, Portuguese "no", scenarios, drafts,
"without having"); they were written after the changes, so they are a regression check, not an unseen one
(16 of them failed on the rules before the session)."""

from __future__ import annotations

import json

import pytest

from benchmarks.rules_quality import DATA, probe_entry
from monitor.rules import RuleSet, load_rules

ALL = [json.loads(line) for line in (DATA / "probes.jsonl").read_text(encoding="utf-8").splitlines() if line]
ROUNDS = ("round8-", "round9-", "round10-", "round11-", "round12-")
PROBES = [p for p in ALL if not p.get("class", "").startswith(ROUNDS)]
ROUND8 = [p for p in ALL if p.get("class", "").startswith("round8-")]
ROUND9 = [p for p in ALL if p.get("class", "").startswith("round9-")]
ROUND10 = [p for p in ALL if p.get("class", "").startswith("round10-")]
ROUND11 = [p for p in ALL if p.get("class", "").startswith("round11-")]
ROUND12 = [p for p in ALL if p.get("class", "").startswith("round12-")]


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet(load_rules([DATA / "rules"]))


def fires(rules: RuleSet, probe: dict) -> bool:
    return probe["topic"] in {m.rule for m in rules.match(probe_entry(probe))}


def test_round8_probes_stay_at_the_measured_floor(rules):
    """Positives found and negatives held among the round-8 probes: the figure measured at the end of
    session 8 (112/114 and 44/44; 106 and 40 before any rule was changed); a change that loses some fails here."""
    found = sum(fires(rules, p) for p in ROUND8 if p["relevant"])
    held = sum(not fires(rules, p) for p in ROUND8 if not p["relevant"])
    assert len(ROUND8) == 158
    assert found >= FLOOR_FOUND and held >= FLOOR_HELD, (found, held)


FLOOR_FOUND, FLOOR_HELD = 112, 44  # the figure at the end of session 8 (106, 40 before any rule changed)


def test_round9_probes_stay_at_the_measured_floor(rules):
    """The round-9 probes: 53/57 positives found and 21/22 traps held at the end of session 9
    (3/40 and 16/16 on the language probes before any rule was changed)."""
    found = sum(fires(rules, p) for p in ROUND9 if p["relevant"])
    held = sum(not fires(rules, p) for p in ROUND9 if not p["relevant"])
    assert len(ROUND9) == 79
    assert found >= 53 and held >= 21, (found, held)
    text = " ".join(p["title"] + p["summary"] for p in ROUND9)
    for sample in ("ã", "ł", "è", "의", "ij", "tidak", "ی", "ש"):  # pt, pl, it, ko, nl, id, fa, he
        assert sample in text, sample


def test_round10_probes_stay_at_the_measured_floor(rules):
    """The round-10 probes: 35 for v6's false-alarm classes (8/8 positives found and 5/25 traps held before
    any rule was changed; the last two, a headline that looks back and one that names a new act beside
    the past one, were written while the headline rule was tried), then 12 for its missed classes (1/9
    and 3/3 before). 18/18 and 28/29 at the end of session 10."""
    found = sum(fires(rules, p) for p in ROUND10 if p["relevant"])
    held = sum(not fires(rules, p) for p in ROUND10 if not p["relevant"])
    assert len(ROUND10) == 47
    assert found >= 18 and held >= 28, (found, held)


def test_round11_probes_stay_at_the_measured_floor(rules):
    """The round-11 probes: the India classes 0/8 positives and 6/6 traps before any rule changed, then the
    false-alarm classes 4/4 and 3/15 before (12/12 and 9/21 with the India change); 12/12 and 21/21 after."""
    found = sum(fires(rules, p) for p in ROUND11 if p["relevant"])
    held = sum(not fires(rules, p) for p in ROUND11 if not p["relevant"])
    assert len(ROUND11) == 33
    assert found >= 12 and held >= 21, (found, held)


def test_round12_probes_hold(rules):
    """The round-12 probes, written after the session's changes: 20/20 positives and 19/19 traps (on the
    rules before the session, 16 of the 39 failed)."""
    found = sum(fires(rules, p) for p in ROUND12 if p["relevant"])
    held = sum(not fires(rules, p) for p in ROUND12 if not p["relevant"])
    assert len(ROUND12) == 39
    assert found == 20 and held == 19, (found, held)


@pytest.mark.parametrize("probe", PROBES, ids=[p["title"][:40] for p in PROBES])
def test_probe(rules, probe):
    assert fires(rules, probe) is probe["relevant"]


def test_probes_cover_every_topic_and_language_script():
    topics = {p["topic"] for p in ALL}
    assert len(topics) == 5 and len(PROBES) >= 100
    text = " ".join(p["title"] + p["summary"] for p in ROUND8)
    for sample in ("ı", "ї", "ا", "の", "的", "ü", "é", "ñ", "ы"):  # tr, uk, ar, ja, zh, de, fr, es, ru
        assert sample in text, sample
