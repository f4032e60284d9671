"""Where matched words are shown (``rules/highlight.py``) and how a rule fares on the analyst's
verdicts (``rules/feedback.py``), as their docstrings and rules/README.md ("In the alert",
"Feedback") state them. Written to kill mutants of ``python -m benchmarks.mutation rules
--paths monitor/rules/highlight.py monitor/rules/feedback.py``: the alert-context tests show
one word in one sentence; these pin the edges (phrase before its own first word, any white
space inside a phrase, the width and the "…" on each side, whole words first, the title first).
"""

from __future__ import annotations

from monitor.models import Entry
from monitor.rules import Group, Rule, Term
from monitor.rules.feedback import FeedbackScore, score_feedback
from monitor.rules.highlight import CONTEXT_CHARS, CONTEXT_WORDS, InContext, in_context, snippet, words_pattern


def test_the_words_pattern_prefers_a_phrase_to_its_first_word_and_spans_any_white_space():
    pattern = words_pattern(["Arctic", "Arctic  LNG\t2", "  "])
    assert pattern is not None
    assert [m.group() for m in pattern.finditer("Arctic LNG 2 and Arctic\nLNG\n2, Arctic alone")] == [
        "Arctic LNG 2",
        "Arctic\nLNG\n2",
        "Arctic",
    ]
    assert pattern.search("arctic") is None  # exact case unless asked
    folded = words_pattern(["arctic"], ignore_case=True)
    assert folded is not None and folded.search("ARCTIC").group() == "ARCTIC"
    assert words_pattern(["a.b"]).search("axb") is None  # words, not regexes
    assert words_pattern([" ", ""]) is None and words_pattern([]) is None


def test_a_snippet_is_width_characters_around_the_first_word_with_an_ellipsis_where_cut():
    text = " ".join(f"w{n:02d}" for n in range(40))  # 4 characters a word with its space
    assert snippet(text, ["w20"], 20) == "…" + text[70:90] + "…"  # starts width/2 before the word
    assert snippet(text, ["w01"], 20) == text[:20] + "…"  # near the start: no leading ellipsis
    assert snippet(text, ["w39"], 20) == "…" + text[146:]  # near the end: no trailing one
    assert snippet("short  text\nhere", ["text"], 100) == "short text here"  # white space squashed, not cut
    assert snippet(text, ["absent"], 20) == "" and snippet(text, [], 20) == ""
    assert snippet("Big NEWS", ["news"], 10) == "" and snippet("Big NEWS", ["news"], 10, ignore_case=True) == "Big NEWS"


def test_each_word_is_shown_in_its_context_title_first_whole_words_first():
    title = "Copper deal signed"
    body = "The copperplate print aside, a copper contract with the mine was signed on Monday."
    found = in_context([title, body], ["contract", "copper", "absent", "copper  "])
    assert found == [
        InContext("The copperplate print aside, a copper ", "contract", " with the mine was signed on…"),
        InContext("", "Copper", " deal signed"),  # the title first; the word as written there
    ]
    inner = in_context(["copperplate only"], ["copper"])
    assert inner == [InContext("", "copper", "plate only")]  # inside a longer word when it is only there
    assert found[0].marked() == "The copperplate print aside, a copper [contract] with the mine was signed on…"
    assert found[0].marked("**", "**").count("**contract**") == 1


def test_context_is_six_words_a_side_and_at_most_48_characters():
    assert (CONTEXT_WORDS, CONTEXT_CHARS) == (6, 48)
    words = " ".join(f"a{n}" for n in range(20))
    [hit] = in_context([words], ["a10"])
    assert hit == InContext("…a4 a5 a6 a7 a8 a9 ", "a10", " a11 a12 a13 a14 a15 a16…")
    [exact] = in_context(["a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14 a15 a16"], ["a10"])
    assert exact == InContext("a4 a5 a6 a7 a8 a9 ", "a10", " a11 a12 a13 a14 a15 a16")  # nothing cut, no "…"
    long = "x" * 60
    [wide] = in_context([f"{long} key {long}"], ["key"])
    assert wide == InContext("…" + ("x" * 47) + " ", "key", " " + "x" * 47 + "…")
    [narrow] = in_context(["b1 b2 b3 key c1 c2"], ["key"], width=1)
    assert narrow == InContext("…b3 ", "key", " c1…")


def entry(title: str) -> Entry:
    return Entry("https://wire.example/feed", "Wire", title, "https://wire.example/" + title, title, "", "")


def test_feedback_counts_each_verdict_against_the_rule_as_it_stands():
    rule = Rule("Copper", Group("any", (Term("copper"),)))
    marked = [
        (1, entry("copper price"), True),  # relevant, matched
        (2, entry("copper mine"), True),
        (3, entry("zinc only"), True),  # relevant, lost
        (4, entry("copper nails sale"), False),  # irrelevant, still matched
        (5, entry("tin news"), False),  # irrelevant, dropped
        (6, entry("more tin"), False),
    ]
    score = score_feedback(rule, marked)
    assert score == FeedbackScore(relevant=2, lost=(3,), wrong=(4,), dropped=2)
    assert score.precision == 2 / 3
    assert score.line() == (
        "feedback: precision 0.67 on 3 marked entries it matches; "
        "still matches irrelevant #4 (try: monitor rules suggest); no longer matches relevant #3"
    )


def test_feedback_on_a_rule_that_matches_no_marked_entry_has_no_precision():
    score = FeedbackScore(relevant=0, lost=(7, 9), wrong=(), dropped=1)
    assert score.precision is None
    assert score.line() == "feedback: precision n/a on 0 marked entries it matches; no longer matches relevant #7, #9"
    clean = FeedbackScore(relevant=3, lost=(), wrong=(), dropped=0)
    assert (clean.precision, clean.line()) == (1.0, "feedback: precision 1.00 on 3 marked entries it matches")
    assert FeedbackScore(0, (), (4, 5), 0).line() == (
        "feedback: precision 0.00 on 2 marked entries it matches; "
        "still matches irrelevant #4, #5 (try: monitor rules suggest)"
    )


def test_a_snippet_that_reaches_the_end_of_the_text_has_no_trailing_ellipsis():
    assert snippet("abcdef ghij", ["ghij"], 8) == "…def ghij"  # start 3 + width 8 = the text's length
    assert snippet("abcdef ghijk", ["ghij"], 8) == "…def ghij…"
