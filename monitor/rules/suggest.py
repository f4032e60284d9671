"""``rules suggest``: the smallest change to a rule that drops the entries the analyst
marked irrelevant and keeps every one marked relevant. Pure: values in, a diff out.

Candidates, smallest first: a negation/hedge window on the whole rule, a tighter
proximity (one sentence, or half the ``near``), the lead or the title as the only
field. Each is tried on the marked entries; the first that removes every irrelevant
one without losing a relevant one wins, else the one that removes the most.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from monitor.models import Entry
from monitor.rules.match import RuleSet
from monitor.rules.model import Group, Rule, Unless


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


def candidates(rule: Rule, vetoes: Group) -> list[Candidate]:
    """The changes worth trying, smallest first; ``vetoes`` is the resolved @negation + @hedge group."""
    found = [
        Candidate(
            "exclude matches with a negation or hedge in the same sentence",
            replace(rule, match=replace(rule.match, unless=Unless(vetoes, None, True))),
            _under_match('unless_near: {any: ["@negation", "@hedge"], sentence: true}'),
        )
    ]
    top = rule.match
    inner = [g for g in top.children if isinstance(g, Group) and g.kind == "all"] if top.kind == "all" else []
    target = top if top.near is not None or not inner else inner[0]
    if target.kind == "all" and not target.sentence:
        tighter = replace(target, sentence=True)
        # The diff must write the window on the group it was tried on: under match: for the
        # top all, on the list item of the nested one otherwise.
        where = _under_match if target is top else _on_item(top.children.index(target))
        swapped = _swap(rule, target, tighter)
        found.append(Candidate("require the parts in one sentence", swapped, where("sentence: true")))
    if target.near is not None and target.near > 2:
        half = target.near // 2
        found.append(
            Candidate(
                f"tighten near to {half}", _swap(rule, target, replace(target, near=half)), _near_to(target.near, half)
            )
        )
    for field in ("lead", "title"):
        found.append(Candidate(f"look only in the {field}", replace(rule, fields=(field,)), _fields(field)))
    return found


def suggest(
    rule: Rule, vetoes: Group, marked: list[tuple[Entry, bool]], lines: list[str], first: int
) -> Suggestion | None:
    """The best candidate on ``marked`` (entry, relevant?) pairs; None when nothing removes an irrelevant one."""
    best: Suggestion | None = None
    for candidate in candidates(rule, vetoes):
        holds = RuleSet([candidate.rule])
        removed = sum(1 for entry, relevant in marked if not relevant and not holds.match(entry))
        lost = sum(1 for entry, relevant in marked if relevant and not holds.match(entry))
        if not removed or lost:
            continue
        diff = "".join(difflib.unified_diff(lines, candidate.edit(lines, first), "before", "after"))
        found = Suggestion(candidate.what, removed, lost, diff)
        if best is None or removed > best.removed:
            best = found
        if removed == sum(1 for _, relevant in marked if not relevant):
            return found
    return best


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


def _on_item(index: int) -> Callable[[str], Callable[[list[str], int], list[str]]]:
    """The edit that gives ``text`` to the ``index``-th item of the match's ``all:`` list when that
    item is written ``- all: …``: ``- all: X`` becomes ``- <text>`` and ``  all: X`` (valid YAML for
    a flow and a block list alike). An item written otherwise is left as it is."""

    def writer(text: str) -> Callable[[list[str], int], list[str]]:
        def edit(lines: list[str], first: int) -> list[str]:
            at = _item_line(lines, first, index)
            if at is None:
                return _under_match(text)(lines, first)
            line = lines[at]
            dash = line.index("- all:")
            key = " " * (dash + 2)
            return [*lines[:at], line[:dash] + "- " + text + "\n", key + line[dash + 2 :], *lines[at + 1 :]]

        return edit

    return writer


def _item_line(lines: list[str], first: int, index: int) -> int | None:
    """The line of the ``index``-th item of the ``all:`` under the rule's ``match:``, if it is ``- all:``."""
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
    if index >= len(items) or not lines[items[index]].lstrip(" ").startswith("- all:"):
        return None
    return items[index]


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
