"""Issue 14, sixteenth round: held-out v11 studied (it is tuning now). The change for its class of
Japanese yes-or-no questions: the particle か after a verb's or adjective's end closes a question
(@hedge), on sentences of our own; beside each, the か that must not veto (a question word's どうか,
a headline's suspected act, わずか). Then v11 as a seen part of the benchmark."""

from __future__ import annotations

import pytest

from benchmarks.rules_quality import HELDOUT_V11, SEEN
from monitor.rules import RuleSet
from tests.test_rules_operators import fires, ruleset

ACT = """
name: r
match:
  all:
    - any: [承認, 購入, 派遣]
      unless_near: {any: ["@hedge"], sentence: true}
"""


@pytest.fixture(scope="module")
def act(tmp_path_factory) -> RuleSet:
    """Compiled once: the built-in sets take most of a second to load."""
    return ruleset(tmp_path_factory.mktemp("act"), ACT)


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


def test_held_out_v11_is_a_seen_part():
    assert SEEN["held-out v11 (seen → tuning)"] == HELDOUT_V11
    assert HELDOUT_V11.name == "heldout11.jsonl"
