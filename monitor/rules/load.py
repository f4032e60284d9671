"""Rule files to Rule values, validated at load with PATH:LINE problems.

A file holds one rule (a mapping) or a list of rules; aliases files (see ``aliases``)
hold named term sets. Every problem in every file is collected before raising, so
``monitor check`` shows them all at once. A rule is accepted only when its own checks,
the JSON Schema and its golden examples all pass.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from monitor.errors import ConfigError, Problem
from monitor.rules.aliases import BUILTIN_ALIASES, AliasBook, AliasDef, is_aliases_file
from monitor.rules.model import Group, Rule
from monitor.rules.reader import RuleReader
from monitor.rules.yamlfile import load_yaml


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to their *.yaml / *.yml files, sorted; keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        else:
            found.append(path)
    return found


def load_rules(paths: Iterable[Path], targets: Iterable[str] = (), *, aliases_from: Iterable[Path] = ()) -> list[Rule]:
    """Load every rule (aliases from ``paths`` and ``aliases_from``); raise one ConfigError listing every problem."""
    book, problems = _with_builtins()  # @negation, @hedge, …: a rule path's aliases file may redefine them
    documents: list[tuple[Path, Any]] = []
    rule_paths = rule_files(paths)
    extra = [p for p in rule_files(aliases_from) if p not in rule_paths]
    for path in [*rule_paths, *extra]:
        if not path.exists():
            problems.append(Problem(str(path), None, "rule path does not exist: fix [rules].paths"))
            continue
        try:
            data = load_yaml(path)
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        if is_aliases_file(path, data):
            book.read(path, data, problems)
        elif path in rule_paths:
            documents.append((path, data))
    for name, alias in book.defs.items():  # report a broken alias even when no rule uses it
        RuleReader(Path(alias.path), book, set(), problems).alias(name, alias.line)
    rules: list[Rule] = []
    for path, data in documents:
        rules.extend(RuleReader(path, book, set(targets), problems).rules(data))
    _check_unique(rules, problems)
    if problems:
        raise ConfigError(sorted(problems, key=lambda p: (p.path, p.line or 0)))
    return rules


def alias_groups(names: Iterable[str], paths: Iterable[Path] = ()) -> Group:
    """The named aliases (built-in, or as redefined by an aliases file among ``paths``) as one ``any``."""
    book, problems = _with_builtins()
    for path in rule_files(paths):
        data = load_yaml(path) if path.exists() else None
        if is_aliases_file(path, data):
            book.read(path, data, problems)
    reader = RuleReader(Path("aliases"), book, set(), problems)
    groups = [g for g in (reader.alias(name, 0) for name in names) if g is not None]
    if problems:
        raise ConfigError(problems)
    return Group("any", tuple(groups), label=" ".join(f"@{n}" for n in names))


def _with_builtins() -> tuple[AliasBook, list[Problem]]:
    """A fresh alias book holding the built-in aliases, and their problems (none, as shipped)."""
    defs, problems = _builtins()
    return AliasBook(defs=dict(defs)), list(problems)


@functools.cache
def _builtins() -> tuple[dict[str, AliasDef], tuple[Problem, ...]]:
    """The built-in aliases read and validated once per process: they ship with the code, and reading
    their 80 kB of YAML and checking it against the schema was 0.25 CPU-s of every load."""
    problems: list[Problem] = []
    book = AliasBook()
    for path in BUILTIN_ALIASES:
        book.read(path, load_yaml(path), problems, builtin=True)
    return book.defs, tuple(problems)


def _check_unique(rules: list[Rule], problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.name in seen:
            path, _, line = rule.source.rpartition(":")
            problems.append(Problem(path, int(line), f"rule name {rule.name!r} is already used at {seen[rule.name]}"))
        seen.setdefault(rule.name, rule.source)
