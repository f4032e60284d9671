"""``monitor rules explain`` in process (``rules/explain.py``: ``explain_lines``), whole: the
rule's tree with ✓/✗ per group, where each word was found, why not, and the words that made
the rule fire in [brackets] in their context (rules/README.md, "Trying rules"). The CLI tests
run the command in a child process, where no mutant is seen: written to kill mutants that
survived ``python -m benchmarks.mutation rules`` in the tree, the contexts and the verdict
lines. Rules are written in the documented YAML syntax and loaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.models import Entry
from monitor.rules import Rule, RuleSet, load_rules
from monitor.rules.explain import contexts, explain_lines

METALS = "aliases:\n  metal: [copper, zinc, tin, lead, nickel, cobalt, lithium, silver]\n"
DEALS = """\
match:
  all:
    - any: ['@metal']
    - any: [contract*, deal]
      fields: [title]
  none: [Chile]
"""


def rule_of(folder: Path, text: str, aliases: str | None = None) -> Rule:
    (folder / "rule.yaml").write_text("name: Copper deals\n" + text, encoding="utf-8")
    if aliases:
        (folder / "aliases.yaml").write_text(aliases, encoding="utf-8")
    return next(r for r in load_rules([folder]) if r.name == "Copper deals")


def explained(folder: Path, rule: Rule, title: str, summary: str = "", in_scope: bool = True) -> list[str]:
    entry = Entry("https://wire.example/feed", "Wire", "k", "https://wire.example/1", title, summary, "")
    doc, trace = RuleSet([rule]).trace(rule.name, entry)
    lines = explain_lines(rule, doc, trace, in_scope)
    return [line.replace(str(folder / "rule.yaml"), "rule.yaml") for line in lines]


def test_a_match_shows_the_tree_where_each_word_was_found_and_the_words_in_context(tmp_path):
    rule = rule_of(tmp_path, DEALS, METALS)
    summary = "The copper deal was signed on Monday by the mining firm and the port authority in a ceremony"
    assert explained(tmp_path, rule, "Copper contract signed", summary) == [
        "rule 'Copper deals' (rule.yaml:1): MATCHES",
        "  ✓ all",
        "    ✓ all",
        "      ✓ @metal",
        "        ✓ copper → 'Copper' in title, 'copper' in summary",
        "      ✓ any (in title)",
        "        ✓ contract* → 'contract' in title",
        "        ✗ deal",
        "    ✓ none (holds when nothing below is found)",
        "      ✗ Chile",
        "matched words: Copper, contract",
        "  in title: [Copper] [contract] signed",
        "  in summary: The [copper] deal was signed on Monday by…",
    ]


def test_an_excluded_entry_says_which_word_excluded_it(tmp_path):
    rule = rule_of(tmp_path, DEALS, METALS)
    assert explained(tmp_path, rule, "Copper contract signed in Chile") == [
        "rule 'Copper deals' (rule.yaml:1): does not match",
        "  ✗ all",
        "    ✓ all",
        "      ✓ @metal",
        "        ✓ copper → 'Copper' in title",
        "      ✓ any (in title)",
        "        ✓ contract* → 'contract' in title",
        "        ✗ deal",
        "    ✗ none (holds when nothing below is found)",
        "      ✓ Chile → 'Chile' in title",
        "why not: none: [Chile] excludes it (Chile found)",
    ]


def test_an_alias_shows_only_what_it_found_or_how_many_it_tried(tmp_path):
    rule = rule_of(tmp_path, DEALS, METALS)
    assert explained(tmp_path, rule, "Nickel and tin news", "a deal")[3:6] == [
        "      ✓ @metal",
        "        ✓ tin → 'tin' in title",
        "        ✓ nickel → 'Nickel' in title",
    ]
    lines = explained(tmp_path, rule, "Contract news")
    assert lines[3] == "      ✗ @metal — none of its 8 terms found"
    assert lines[4] == "      ✓ any (in title)"
    assert lines[-1] == "why not: nothing of any: [@metal] found"


def test_a_word_found_in_another_field_than_the_group_asks_does_not_count(tmp_path):
    rule = rule_of(tmp_path, DEALS, METALS)
    assert explained(tmp_path, rule, "Zinc news", "a deal") == [
        "rule 'Copper deals' (rule.yaml:1): does not match",
        "  ✗ all",
        "    ✗ all",
        "      ✓ @metal",
        "        ✓ zinc → 'Zinc' in title",
        "      ✗ any (in title)",
        "        ✗ contract*",
        "        ✗ deal",
        "    ✓ none (holds when nothing below is found)",
        "      ✗ Chile",
        "why not: nothing of any: [contract*, deal] found",
    ]


def test_out_of_scope_is_said_first_and_the_rule_does_not_match(tmp_path):
    rule = rule_of(tmp_path, DEALS, METALS)
    lines = explained(tmp_path, rule, "Copper contract signed", in_scope=False)
    assert lines[:3] == [
        "rule 'Copper deals' (rule.yaml:1): does not match",
        "  ✗ out of scope (feeds, lang or max_age)",
        "  ✓ all",
    ]
    assert lines[-2:] == ["matched words: Copper, contract", "  in title: [Copper] [contract] signed"]


@pytest.mark.parametrize(
    ("window", "title", "expected"),
    [
        (
            "near: 3",
            "copper one two three four five contract",
            [
                "  ✗ all (near 3) — not within 3 words",
                "    ✓ copper → 'copper' in title",
                "    ✓ contract → 'contract' in title",
                "why not: all: [copper, contract]: not within 3 words",
            ],
        ),
        (
            "sentence: true",
            "The copper price rose. A contract was signed.",
            [
                "  ✗ all — not in one sentence",
                "    ✓ copper → 'copper' in title",
                "    ✓ contract → 'contract' in title",
                "why not: all: [copper, contract]: not in one sentence",
            ],
        ),
        (
            "paragraph: true",
            "copper|contract",
            [
                "  ✗ all — not in one paragraph",
                "    ✓ copper → 'copper' in title",
                "    ✓ contract → 'contract' in summary",
                "why not: all: [copper, contract]: not in one paragraph",
            ],
        ),
        (
            "near: 5\n  ordered: true",
            "contract for copper",
            [
                "  ✗ all (near 5) — not within 5 words in this order",
                "    ✓ copper → 'copper' in title",
                "    ✓ contract → 'contract' in title",
                "why not: all: [copper, contract]: not within 5 words in this order",
            ],
        ),
        (
            "near: 5\n  sentence: true",
            "copper rose. contract",
            [
                "  ✗ all (near 5) — not within 5 words in one sentence",
                "    ✓ copper → 'copper' in title",
                "    ✓ contract → 'contract' in title",
                "why not: all: [copper, contract]: not within 5 words in one sentence",
            ],
        ),
    ],
)
def test_a_window_that_fails_says_which(tmp_path, window, title, expected):
    rule = rule_of(tmp_path, f"match:\n  all: [copper, contract]\n  {window}\n")
    title, _, summary = title.partition("|")
    assert explained(tmp_path, rule, title, summary)[1:] == expected


def test_the_context_is_six_words_a_side_of_the_words_that_fired(tmp_path):
    rule = rule_of(tmp_path, "match:\n  all: [copper, contract]\n  near: 3\n")
    title = "w1 w2 w3 w4 w5 w6 w7 w8 copper contract w9 w10 w11 w12 w13 w14 w15 w16 copper again"
    assert explained(tmp_path, rule, title)[1:] == [
        "  ✓ all (near 3)",
        "    ✓ copper → 'copper' in title, 'copper' in title",
        "    ✓ contract → 'contract' in title",
        "matched words: copper, contract",
        "  in title: …w3 w4 w5 w6 w7 w8 [copper] [contract] w9 w10 w11 w12 w13 w14…",
    ]


def test_a_long_group_lists_six_terms_then_an_ellipsis(tmp_path):
    rule = rule_of(tmp_path, "match:\n  any: [a1, a2, a3, a4, a5, a6, a7, a8]\n")
    lines = explained(tmp_path, rule, "nothing")
    assert lines[1:3] == ["  ✗ any", "    ✗ a1"] and len(lines) == 11
    assert lines[-1] == "why not: nothing of any: [a1, a2, a3, a4, a5, a6, …] found"


def places(folder: Path, title: str, summary: str, limit: int = 3) -> list[tuple[str, str]]:
    rule = rule_of(folder, "match: {any: [copper, zinc, tin, lead]}\n")
    entry = Entry("https://wire.example/feed", "Wire", "k", "https://wire.example/1", title, summary, "")
    doc, trace = RuleSet([rule]).trace(rule.name, entry)
    return contexts(doc, trace.hits, limit)


def words(count: int, prefix: str) -> str:
    return " ".join(f"{prefix}{n}" for n in range(count))


def test_the_first_three_places_are_shown_title_first(tmp_path):
    summary = f"copper {words(10, 'a')} zinc {words(6, 'b')} tin {words(7, 'c')} lead {words(3, 'd')}"
    assert places(tmp_path, "Tin", summary) == [
        ("title", "[Tin]"),
        ("summary", "[copper] a0 a1 a2 a3 a4 a5…"),
        ("summary", "…a4 a5 a6 a7 a8 a9 [zinc] b0 b1 b2 b3 b4 b5…"),
    ]
    assert places(tmp_path, "Tin", summary, limit=5)[3:] == [
        ("summary", "…b0 b1 b2 b3 b4 b5 [tin] c0 c1 c2 c3 c4 c5…"),
        ("summary", "…c1 c2 c3 c4 c5 c6 [lead] d0 d1 d2"),
    ]


def test_words_at_most_six_apart_share_one_place(tmp_path):
    near = f"{words(8, 'a')} zinc {words(5, 'b')} tin {words(8, 'c')}"
    assert places(tmp_path, "", near) == [
        ("summary", "…a2 a3 a4 a5 a6 a7 [zinc] b0 b1 b2 b3 b4 [tin] c0 c1 c2 c3 c4 c5…"),
    ]
    apart = f"{words(8, 'a')} zinc {words(6, 'b')} tin {words(8, 'c')}"
    assert places(tmp_path, "", apart) == [
        ("summary", "…a2 a3 a4 a5 a6 a7 [zinc] b0 b1 b2 b3 b4 b5…"),
        ("summary", "…b0 b1 b2 b3 b4 b5 [tin] c0 c1 c2 c3 c4 c5…"),
    ]


def test_the_same_word_twice_in_one_place_is_bracketed_at_each(tmp_path):
    assert places(tmp_path, "copper prices and copper mines", "") == [("title", "[copper] prices and [copper] mines")]


def test_a_rule_that_holds_with_no_word_says_so(tmp_path):
    rule = rule_of(tmp_path, "match: {none: [Chile]}\n")
    assert explained(tmp_path, rule, "copper")[1:] == [
        "  ✓ none (holds when nothing below is found)",
        "    ✗ Chile",
        "matched words: (none)",
    ]


def test_a_none_inside_a_none_is_named_as_what_excluded(tmp_path):
    rule = rule_of(tmp_path, "match: {all: [copper], none: [{none: [zinc]}]}\n")
    assert explained(tmp_path, rule, "copper")[-1] == "why not: none: [none: [zinc]] excludes it (none: [zinc])"


def test_a_group_shows_its_fields_and_its_window_together(tmp_path):
    rule = rule_of(tmp_path, "match:\n  all: [copper, tin]\n  near: 3\n  fields: [summary, title]\n")
    assert explained(tmp_path, rule, "copper a b c d tin")[1] == (
        "  ✗ all (near 3, in title/summary) — not within 3 words"
    )


def test_each_field_shows_its_own_hits_and_a_place_ends_where_the_text_does(tmp_path):
    assert places(tmp_path, "copper news", "the copper price") == [
        ("title", "[copper] news"),
        ("summary", "the [copper] price"),
    ]
    six_after = "x0 x1 x2 x3 x4 x5 x6 x7 zinc y0 y1 y2 y3 y4 y5"
    assert places(tmp_path, "", six_after) == [("summary", "…x2 x3 x4 x5 x6 x7 [zinc] y0 y1 y2 y3 y4 y5")]
    assert places(tmp_path, "", "x0 zinc y0 y1 y2 y3 y4") == [("summary", "x0 [zinc] y0 y1 y2 y3 y4")]
    seven_after = six_after + " y6"
    assert places(tmp_path, "", seven_after) == [("summary", "…x2 x3 x4 x5 x6 x7 [zinc] y0 y1 y2 y3 y4 y5…")]


def test_a_place_that_starts_with_a_phrase_keeps_the_words_before_the_phrase(tmp_path):
    rule = rule_of(tmp_path, "match: {any: ['copper mine', zinc]}\n")
    entry = Entry(
        "https://wire.example/feed",
        "Wire",
        "k",
        "https://wire.example/1",
        "",
        "a0 a1 a2 a3 a4 a5 a6 a7 copper mine b0 b1 zinc c0 c1 c2 c3 c4 c5 c6 c7",
        "",
    )
    doc, trace = RuleSet([rule]).trace(rule.name, entry)
    assert contexts(doc, trace.hits) == [
        ("summary", "…a2 a3 a4 a5 a6 a7 [copper mine] b0 b1 [zinc] c0 c1 c2 c3 c4 c5…")
    ]


def test_explain_shows_three_places_and_takes_the_rule_as_in_scope_unless_told(tmp_path):
    rule = rule_of(tmp_path, "match: {any: [copper, zinc, tin, lead]}\n")
    summary = f"copper {words(10, 'a')} zinc {words(10, 'b')} tin {words(10, 'c')} lead"
    entry = Entry("https://wire.example/feed", "Wire", "k", "https://wire.example/1", "", summary, "")
    doc, trace = RuleSet([rule]).trace(rule.name, entry)
    lines = explain_lines(rule, doc, trace)
    assert lines[0].endswith(": MATCHES")
    assert [line.split(":")[0] for line in lines if line.startswith("  in ")] == ["  in summary"] * 3
