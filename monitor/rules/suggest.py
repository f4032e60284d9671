"""``rules suggest``: the change to a rule that best drops the entries the analyst marked
irrelevant while keeping those marked relevant. Pure: values in, a diff out.

Candidates, smallest first: a negation/hedge window on the whole rule (in the sentence or in
the clause), a tighter proximity (one sentence, one clause, or half the ``near``), a named set
such as ``@taliban`` mentioned twice, the lead or the title as the only field: structural
changes, never the literal words of an irrelevant alert, which would fit that alert and no
other. Each is tried on the marked entries the rule still matches (an entry it already drops
is neither removed nor lost again). The marks are a small sample of what the rule will see,
so a change must reach beyond one alert to be proposed: it removes an irrelevant entry and
loses no relevant one, or it removes at least ``SHARED`` irrelevant entries and outweighs what
it loses, each relevant one weighing ``COST``. The best by that balance wins, the smallest on
a tie. Tried and dropped, measured by ``benchmarks/rules_feedback.py`` (leave-one-part-out):
the window within six words, the rule's words in three places, a named set also in the lead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from monitor.models import Entry
from monitor.rules.match import RuleSet
from monitor.rules.model import Group, Rule, Unless

COST = 2  # a relevant alert lost weighs as much as this many irrelevant ones removed
SHARED = 2  # irrelevant entries a change must remove when it loses a relevant one


@dataclass(frozen=True, slots=True)
class Candidate:
    what: str  # in words, for the analyst
    rule: Rule
    edit: Callable[[list[str], int], list[str]]  # the rule file's lines, the rule's first line → new lines


@dataclass(frozen=True, slots=True)
class Suggestion:
    what: str
    removed: int  # irrelevant entries no longer matched
    lost: int  # relevant entries no longer matched
    diff: str

    @property
    def gain(self) -> int:
        return gain(self.removed, self.lost)


def gain(removed: int, lost: int) -> int:
    """What a change is worth on the feedback: irrelevant alerts removed less the relevant ones lost."""
    return removed - COST * lost


def worth(removed: int, lost: int) -> bool:
    """Whether a change may be proposed at all: it costs nothing, or it removes several irrelevant
    entries (a change fitted to one alert that costs a relevant one is noise) and gains."""
    if not removed:
        return False
    return not lost or (removed >= SHARED and gain(removed, lost) > 0)


def candidates(rule: Rule, vetoes: Group) -> list[Candidate]:
    """The changes worth trying, smallest first; ``vetoes`` is the resolved @negation + @hedge group.
    A change the rule already carries (its key written under ``match:``) is not offered twice."""
    top = rule.match
    found = [] if top.unless is not None else _windows(rule, vetoes)
    inner = [g for g in top.children if isinstance(g, Group) and g.kind == "all"] if top.kind == "all" else []
    target = top if top.near is not None or not inner else inner[0]
    # The diff must write the window on the group it was tried on: under match: for the
    # top all, on the list item of the nested one otherwise.
    where = _under_match_all if target is top else _on_item(top.children.index(target))
    if target.kind == "all" and not (target.sentence or target.clause):
        tighter = replace(target, sentence=True, paragraph=False)
        found.append(
            Candidate("require the parts in one sentence", _swap(rule, target, tighter), where("sentence: true"))
        )
    if target.kind == "all" and not target.clause and not target.paragraph:
        tighter = replace(target, clause=True, sentence=False)
        edit = _replace_key("sentence: true", "clause: true") if target.sentence else where("clause: true")
        found.append(Candidate("require the parts in one clause", _swap(rule, target, tighter), edit))
    if target.near is not None and target.near > 2:
        half = target.near // 2
        found.append(
            Candidate(
                f"tighten near to {half}", _swap(rule, target, replace(target, near=half)), _near_to(target.near, half)
            )
        )
    found.extend(_salient_parts(rule, target))
    for field in ("lead", "title"):
        if rule.fields != (field,):
            found.append(Candidate(f"look only in the {field}", replace(rule, fields=(field,)), _fields(field)))
    return found


def _salient_parts(rule: Rule, target: Group) -> list[Candidate]:
    """One part of the ``all`` (a named set such as ``@taliban``) mentioned at least twice: the
    story is about it, not one that names it in passing."""
    found = []
    for index, child in enumerate(target.children if target.kind == "all" else ()):
        if isinstance(child, Group) and child.kind == "any" and child.label.startswith("@") and child.min_mentions == 1:
            parts = tuple(replace(child, min_mentions=2) if c is child else c for c in target.children)
            found.append(
                Candidate(
                    f"require {child.label} mentioned twice (a passing mention is not the story)",
                    _swap(rule, target, replace(target, children=parts)),
                    _on_alias_item(index, child.label, "min_mentions: 2"),
                )
            )
    return found


def _windows(rule: Rule, vetoes: Group) -> list[Candidate]:
    """A negation or hedge vetoes the words next to it: in their sentence, or only in their clause
    ("Moscow recognised the Taliban, though Ankara has not" keeps Moscow's clause)."""
    return [
        Candidate(
            f"exclude matches with a negation or hedge in the same {unit}",
            replace(rule, match=replace(rule.match, unless=Unless(vetoes, None, unit == "sentence", unit == "clause"))),
            _under_match(f'unless_near: {{any: ["@negation", "@hedge"], {unit}: true}}'),
        )
        for unit in ("sentence", "clause")
    ]


def suggest(
    rule: Rule, vetoes: Group, marked: list[tuple[Entry, bool]], lines: list[str], first: int
) -> Suggestion | None:
    """The best candidate on ``marked`` (entry, relevant?) pairs by ``gain``, among those ``worth``
    proposing; None when there is none. Only the marked entries the rule matches now count."""
    tried = candidates(rule, vetoes)
    holding = _holding([rule, *(c.rule for c in tried)], [entry for entry, _ in marked])
    live = [(held, relevant) for held, (_, relevant) in zip(holding, marked, strict=True) if 0 in held]
    wrong = sum(1 for _, relevant in live if not relevant)
    best: Suggestion | None = None
    for number, candidate in enumerate(tried, 1):
        dropped = [relevant for held, relevant in live if number not in held]
        removed, lost = dropped.count(False), dropped.count(True)
        if not worth(removed, lost):
            continue
        after = candidate.edit(lines, first)
        if after == lines:
            continue  # the file is written in a way this change cannot be written into
        diff = "".join(difflib.unified_diff(lines, after, "before", "after"))
        found = Suggestion(candidate.what, removed, lost, diff)
        if best is None or found.gain > best.gain:
            best = found
        if removed == wrong and not lost:
            return found
    return best


def _holding(rules: list[Rule], entries: list[Entry]) -> list[set[int]]:
    """For each entry, the indexes of ``rules`` that match it: one automaton for them all, as
    they share most of their terms. ``Matcher.holding`` without the matched words, which only an
    alert shows and which took a third of the time here (``benchmarks/rules_feedback.py``)."""
    matcher = RuleSet(rules).matcher
    return [{index for index, _ in matcher.holding(matcher.document(entry))} for entry in entries]


def _swap(rule: Rule, old: Group, new: Group) -> Rule:
    if rule.match is old:
        return replace(rule, match=new)
    return replace(rule, match=replace(rule.match, children=tuple(new if c is old else c for c in rule.match.children)))


def _key_line(lines: list[str], first: int, key: str) -> int | None:
    """The index of ``key:`` at the rule's own indentation, from its first line on."""
    indent = len(lines[first]) - len(lines[first].lstrip(" -"))
    for index in range(first, len(lines)):
        line = lines[index]
        if index > first and line.strip() and len(line) - len(line.lstrip(" ")) < indent:
            break
        if re.match(rf"^[ -]{{{indent}}}{key}:", line) or (index == first and f"{key}:" in line):
            return index
    return None


def _under_match(text: str) -> Callable[[list[str], int], list[str]]:
    def edit(lines: list[str], first: int) -> list[str]:
        at = _key_line(lines, first, "match")
        if at is None:
            return lines
        indent = len(lines[at]) - len(lines[at].lstrip(" -")) + 2
        return [*lines[: at + 1], " " * indent + text + "\n", *lines[at + 1 :]]

    return edit


def _under_match_all(text: str) -> Callable[[list[str], int], list[str]]:
    """``text`` under ``match:`` when the match has an ``all:`` for it to apply to: a match of
    ``any:`` and ``none:`` is an implicit all, and ``check`` refuses ``sentence:`` there."""

    def edit(lines: list[str], first: int) -> list[str]:
        at = _key_line(lines, first, "match")
        if at is None or "all" not in _keys_under(lines, at, _rule_end(lines, first)):
            return lines
        return _under_match(text)(lines, first)

    return edit


def _keys_under(lines: list[str], at: int, end: int) -> set[str]:
    """The keys of the block mapping under line ``at`` (the keys of ``match:``)."""
    column = next((_indent(lines[i]) for i in range(at + 1, end) if lines[i].strip()), None)
    found = set()
    for line in lines[at + 1 : end]:
        if line.strip() and _indent(line) < (column or 0):
            break
        if column is not None and _indent(line) == column and (key := re.match(r"\s*([A-Za-z_]+):", line)):
            found.add(key.group(1))
    return found


def _on_item(index: int) -> Callable[[str], Callable[[list[str], int], list[str]]]:
    """The edit that gives ``text`` to the ``index``-th item of the match's ``all:`` list when that
    item is written ``- all: …``: ``- all: X`` becomes ``- <text>`` and ``  all: X`` (valid YAML for
    a flow and a block list alike). An item written otherwise is left as it is."""

    def writer(text: str) -> Callable[[list[str], int], list[str]]:
        def edit(lines: list[str], first: int) -> list[str]:
            at = _item_line(lines, first, index)
            if at is None:
                return _under_match_all(text)(lines, first)
            line = lines[at]
            dash = line.index("- all:")
            key = " " * (dash + 2)
            return [*lines[:at], line[:dash] + "- " + text + "\n", key + line[dash + 2 :], *lines[at + 1 :]]

        return edit

    return writer


def _item_line(lines: list[str], first: int, index: int) -> int | None:
    """The line of the ``index``-th item of the ``all:`` under the rule's ``match:``, if it is ``- all:``."""
    items = _items(lines, first)
    if items is None or index >= len(items) or not lines[items[index]].lstrip(" ").startswith("- all:"):
        return None
    return items[index]


def _items(lines: list[str], first: int) -> list[int] | None:
    """The first line of each item of the ``all:`` under the rule's ``match:``, when it is a block list."""
    at = _key_line(lines, first, "match")
    if at is None:
        return None
    end = _rule_end(lines, first)
    outer = next((i for i in range(at + 1, end) if lines[i].strip().startswith("all:")), None)
    if outer is None:
        return None
    body = [i for i in range(outer + 1, end) if lines[i].strip() and not lines[i].lstrip().startswith("#")]
    if not body or not lines[body[0]].lstrip(" ").startswith("- "):
        return None
    column = _indent(lines[body[0]])
    items = []
    for i in body:  # the list ends at a line less indented, or as indented and not an item
        if _indent(lines[i]) < column or (_indent(lines[i]) == column and not lines[i].lstrip(" ").startswith("- ")):
            break
        if _indent(lines[i]) == column:
            items.append(i)
    return items


def _on_alias_item(index: int, alias: str, key: str) -> Callable[[list[str], int], list[str]]:
    """The edit that writes the ``index``-th item of the match's ``all:``, when it is the bare
    alias (``- "@taliban"``), as a group with ``key``: ``- {any: ["@taliban"], min_mentions: 2}``."""

    def edit(lines: list[str], first: int) -> list[str]:
        items = _items(lines, first)
        if items is None or index >= len(items):
            return lines
        line = lines[items[index]]
        dash = line.index("- ")
        if line[dash + 2 :].split("#")[0].strip().strip("\"'") != alias:
            return lines  # the list is not the one the group came from
        return [*lines[: items[index]], f'{line[:dash]}- {{any: ["{alias}"], {key}}}\n', *lines[items[index] + 1 :]]

    return edit


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _near_to(old: int, value: int) -> Callable[[list[str], int], list[str]]:
    def edit(lines: list[str], first: int) -> list[str]:
        """The rule's own first ``near: old``; other rules of the file keep theirs."""
        pattern = re.compile(rf"near: {old}\b")
        for index in range(first, _rule_end(lines, first)):
            if pattern.search(lines[index]):
                return [*lines[:index], pattern.sub(f"near: {value}", lines[index], count=1), *lines[index + 1 :]]
        return lines

    return edit


def _replace_key(old: str, new: str) -> Callable[[list[str], int], list[str]]:
    """The rule's one line that is ``old`` (a key of a group) becomes ``new``."""

    def edit(lines: list[str], first: int) -> list[str]:
        found = [i for i in range(first, _rule_end(lines, first)) if lines[i].strip().removeprefix("- ") == old]
        if len(found) != 1:
            return lines  # several groups carry it: which one is not told by the text
        index = found[0]
        return [*lines[:index], lines[index].replace(old, new, 1), *lines[index + 1 :]]

    return edit


def _rule_end(lines: list[str], first: int) -> int:
    """The index after the rule whose first line is ``first``: a list item ends where a line is
    indented no deeper than its dash; a rule that is the whole document ends with the file."""
    if not lines[first].lstrip(" ").startswith("- "):
        return len(lines)
    dash = len(lines[first]) - len(lines[first].lstrip(" "))
    for index in range(first + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line.lstrip().startswith("#") and len(line) - len(line.lstrip(" ")) <= dash:
            return index
    return len(lines)


def _fields(field: str) -> Callable[[list[str], int], list[str]]:
    def edit(lines: list[str], first: int) -> list[str]:
        at = _key_line(lines, first, "fields")
        if at is not None:
            return [*lines[:at], re.sub(r"fields:.*", f"fields: [{field}]", lines[at]), *lines[at + 1 :]]
        at = _key_line(lines, first, "match")
        if at is None:
            return lines
        indent = len(lines[at]) - len(lines[at].lstrip(" -"))
        return [*lines[:at], " " * indent + f"fields: [{field}]\n", *lines[at:]]

    return edit
