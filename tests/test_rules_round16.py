"""Issue 14, sixteenth round: held-out v11 studied (it is tuning now). The changes for three of its classes,
on sentences of our own, each beside a sentence where it must not act: a Japanese yes-or-no question (the
particle か after a verb's or adjective's end, @hedge); a report called a "duck" in Russian (@negation); and in
the eval rules a headline that calls reports false, and an Indian buyer named only in the headline (an
earnings call). Then v11 as a seen part of the benchmark."""

from __future__ import annotations

import pytest

from benchmarks.rules_quality import HELDOUT_V11, SEEN
from monitor.rules import RuleSet
from tests.test_rules_operators import fires, ruleset, topics

ACT = """
name: r
match:
  all:
    - any: [承認, 購入, 派遣]
      unless_near: {any: ["@hedge"], sentence: true}
"""


DENIED = """
name: d
match:
  all:
    - any: [поставк*]
      unless_near: {any: ["@negation"], sentence: true}
"""


@pytest.fixture(scope="module")
def act(tmp_path_factory) -> RuleSet:
    """Compiled once: the built-in sets take most of a second to load."""
    return ruleset(tmp_path_factory.mktemp("act"), ACT)


@pytest.fixture(scope="module")
def denied(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("denied"), DENIED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("――タリバン政権を承認する考えはあるか。", False),  # a yes-or-no question, not answered
        ("――ロシア産原油を購入したか。", False),
        ("兵士を派遣するか", False),  # the field ends on the question
        ("――原油の購入はどうか。", True),  # a question word asks for facts; the answer reports them
        ("政府はタリバン政権を承認した。", True),
        ("購入量はわずか。", True),  # わずか ends in か and asks nothing
    ],
)
def test_a_japanese_yes_or_no_question_vetoes(act, text, expected):
    assert fires(act, content=text) is expected


def test_a_headline_question_particle_before_a_space_is_left_to_the_story(act):
    """A headline's "…か　…" is a suspicion the story may confirm (held-out v2's ammunition train): not vetoed."""
    assert fires(act, title="北朝鮮が兵士を派遣か　衛星画像で確認")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Песков назвал «уткой» сообщения о поставках снарядов", False),
        ("Это очередная газетная утка о поставках", False),
        ("Поставки снарядов идут, а утка по-пекински в меню", True),  # the dish, no quotes
        ("Поставки зерна шли мимо озера, где плавала утка", True),  # the bird
    ],
)
def test_a_report_called_a_duck_is_denied(denied, text, expected):
    assert fires(denied, content=text) is expected


ARMS_BODY = "Seoul says North Korean troops are fighting in Russia's Kursk region alongside Russian units."


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ('Pyongyang: "Those reports are a fabrication"', False),  # the headline calls the reports false
        ("Kremlin dismisses reports as fiction", False),
        ("North Korean troops fight in Kursk; Seoul denies reports of a ceasefire", True),  # the act, own clause
        ("North Korean troops fight in Kursk, Seoul reports", True),  # reports, no denial
    ],
)
def test_a_headline_that_calls_reports_false(eval_rules, title, expected):
    assert ("north-korea-russia-arms" in topics(eval_rules, title, ARMS_BODY)) is expected


CALL_BODY = (
    "ANALYST: What share of your crude came from Russia? DIRECTOR: About 40 %. We took nine cargoes of Urals.\n"
    "ANALYST: And next quarter? DIRECTOR: More Urals, if the discount holds."
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Earnings call excerpt: Indian Oil, Q3", True),  # the buyer is the headline's
        ("Earnings call excerpt: a refiner, Q3", False),  # no Indian buyer anywhere
        ("China's teapots snap up Urals as Indian buyers hesitate", False),  # another buyer's headline
    ],
)
def test_an_indian_buyer_named_only_in_the_headline(eval_rules, title, expected):
    assert ("india-russian-oil" in topics(eval_rules, title, CALL_BODY)) is expected


def test_a_passing_mention_of_russian_crude_under_an_indian_headline_is_not_the_event(eval_rules):
    """Russian crude named once, in a story about something else: salience asks for more than one mention."""
    body = "Indian Railways cut diesel use. Its diesel comes from refineries that bought Russian crude."
    assert "india-russian-oil" not in topics(eval_rules, "Indian Railways electrifies 98 % of its network", body)


def test_held_out_v11_is_a_seen_part():
    assert SEEN["held-out v11 (seen → tuning)"] == HELDOUT_V11
    assert HELDOUT_V11.name == "heldout11.jsonl"
