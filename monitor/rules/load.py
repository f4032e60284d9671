"""Rule files to Rule values, validated at load with PATH:LINE problems.

A file holds one rule (a mapping) or a list of rules. Every problem in every file
is collected before raising, so ``monitor check`` shows them all at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from monitor.errors import ConfigError, Problem
from monitor.rules.model import Group, Rule, Term
from monitor.yamlfile import LineDict, LineList, load_yaml

RULE_KEYS = ("name", "match", "notify", "novelty", "on_update", "escalate_at", "delivery", "severity")
CHOICES = {
    "novelty": ("story", "event"),
    "on_update": ("ignore", "alert"),
    "delivery": ("immediate", "digest"),
    "severity": ("info", "normal", "urgent"),
}
GROUP_KEYS = ("all", "any", "none")


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to their *.yaml / *.yml files, sorted; keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        else:
            found.append(path)
    return found


def load_rules(paths: Iterable[Path], targets: Iterable[str] = ()) -> list[Rule]:
    """Load every rule; raise one ConfigError listing every problem found."""
    problems: list[Problem] = []
    rules: list[Rule] = []
    known_targets = set(targets)
    for path in rule_files(paths):
        if not path.exists():
            problems.append(Problem(str(path), None, "rule path does not exist: fix [rules].paths"))
            continue
        try:
            rules.extend(_load_file(path, known_targets, problems))
        except ConfigError as exc:
            problems.extend(exc.problems)
    _check_unique(rules, problems)
    if problems:
        raise ConfigError(problems)
    return rules


def _load_file(path: Path, targets: set[str], problems: list[Problem]) -> list[Rule]:
    data = load_yaml(path)
    if data is None:
        return []
    items = data if isinstance(data, list) else [data]
    rules = []
    for index, item in enumerate(items):
        line = data.line_at(index) if isinstance(data, LineList) else getattr(item, "line", None)
        if not isinstance(item, LineDict):
            problems.append(Problem(str(path), line, "a rule must be a mapping with name: and match:"))
            continue
        rule = _rule(path, item, targets, problems)
        if rule:
            rules.append(rule)
    return rules


def _rule(path: Path, data: LineDict, targets: set[str], problems: list[Problem]) -> Rule | None:
    where = str(path)
    before = len(problems)
    _unknown_keys(where, data, RULE_KEYS, problems)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(where, data.line_of("name"), 'every rule needs a "name:" string'))
    if "match" not in data:
        problems.append(Problem(where, data.line, 'rule has no "match:" section: add all/any/none groups'))
        group = None
    else:
        group = _group(where, "all", data["match"], data.line_of("match"), problems)
    notify = data.get("notify", [])
    if isinstance(notify, str):
        notify = [notify]
    if not isinstance(notify, list) or not all(isinstance(n, str) for n in notify):
        problems.append(Problem(where, data.line_of("notify"), '"notify" must be a list of target names'))
        notify = []
    for target in notify:
        if target not in targets and target != "default":
            hint = _did_you_mean(target, targets)
            problems.append(
                Problem(
                    where,
                    data.line_of("notify"),
                    f"unknown notify target {target!r}{hint}: define [notify.targets.{target}]",
                )
            )
    options: dict[str, Any] = {key: _choice(where, data, key, problems) for key in CHOICES if key in data}
    escalate_at = data.get("escalate_at")
    if escalate_at is not None and (
        isinstance(escalate_at, bool) or not isinstance(escalate_at, int) or escalate_at < 2
    ):
        problems.append(Problem(where, data.line_of("escalate_at"), '"escalate_at" must be a whole number ≥ 2'))
    if len(problems) > before or group is None:
        return None
    return Rule(
        name=str(name).strip(),
        match=group,
        notify=tuple(notify),
        source=f"{path}:{data.line}",
        escalate_at=escalate_at,
        **options,
    )


def _choice(where: str, data: LineDict, key: str, problems: list[Problem]) -> str:
    value = data[key]
    if value not in CHOICES[key]:
        allowed = " or ".join(f'"{c}"' for c in CHOICES[key])
        problems.append(Problem(where, data.line_of(key), f'"{key}" must be {allowed}, not {value!r}'))
    return str(value)


def _group(where: str, kind: str, value: Any, line: int, problems: list[Problem]) -> Group | None:
    """``match:`` and nested mappings are an implicit all of their keys' groups."""
    if isinstance(value, LineDict):
        _unknown_keys(where, value, GROUP_KEYS, problems)
        parts = [_terms(where, key, value[key], value.line_of(key), problems) for key in GROUP_KEYS if key in value]
        if not value:
            problems.append(Problem(where, line, "empty group: list at least one of all/any/none"))
        groups = tuple(p for p in parts if p is not None)
        return Group("all", groups) if len(groups) == len(parts) and groups else None
    return _terms(where, kind, value, line, problems)


def _terms(where: str, kind: str, value: Any, line: int, problems: list[Problem]) -> Group | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, LineList | list):
        problems.append(Problem(where, line, f'"{kind}" must be a list of terms or groups'))
        return None
    if not value:
        problems.append(Problem(where, line, f'"{kind}" is empty: give it at least one term'))
        return None
    children: list[Group | Term] = []
    for index, item in enumerate(value):
        item_line = value.line_at(index) if isinstance(value, LineList) else line
        if isinstance(item, str) and item.strip(" *"):
            children.append(Term(" ".join(item.split())))
        elif isinstance(item, LineDict):
            child = _group(where, "all", item, item_line, problems)
            if child is not None:
                children.append(child)
        else:
            problems.append(Problem(where, item_line, f'"{kind}" items must be non-empty terms or groups'))
    return Group(kind, tuple(children))  # type: ignore[arg-type]


def _unknown_keys(where: str, data: LineDict, allowed: tuple[str, ...], problems: list[Problem]) -> None:
    for key in data:
        if key not in allowed:
            hint = _did_you_mean(str(key), allowed) or f" (allowed: {', '.join(allowed)})"
            problems.append(Problem(where, data.line_of(key), f"unknown key {key!r}{hint}"))


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_unique(rules: list[Rule], problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.name in seen:
            path, _, line = rule.source.rpartition(":")
            problems.append(Problem(path, int(line), f"rule name {rule.name!r} is already used at {seen[rule.name]}"))
        seen.setdefault(rule.name, rule.source)
