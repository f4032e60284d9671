"""Aliases: named term sets shared by rules, written once and used as ``@name``.

An aliases file is recognised by its name (``aliases.yaml`` / ``aliases.yml``) or by a
top-level ``aliases:`` key, wherever it sits among the rule paths; it holds no rules.
Aliases may use other aliases; a cycle is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.errors import Problem
from monitor.rules.model import Group
from monitor.rules.schema import schema_problems
from monitor.rules.yamlfile import LineDict, LineList

ALIAS_FILE_NAMES = ("aliases.yaml", "aliases.yml")
# Built-in sets every rule may use (@negation, @hedge); an aliases file may redefine any of them.
BUILTIN_ALIASES = (Path(__file__).with_name("builtin") / "aliases.yaml",)
ALIAS_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def is_aliases_file(path: Path, data: Any) -> bool:
    return path.name in ALIAS_FILE_NAMES or (isinstance(data, LineDict) and "aliases" in data)


@dataclass(frozen=True, slots=True)
class AliasDef:
    name: str
    items: LineList
    path: str
    line: int
    builtin: bool = False


@dataclass
class AliasBook:
    """Every alias definition; ``resolve`` expands one to a Group, once, detecting cycles."""

    defs: dict[str, AliasDef] = field(default_factory=dict)
    _done: dict[str, Group | None] = field(default_factory=dict)
    _resolving: list[str] = field(default_factory=list)

    def read(self, path: Path, data: Any, problems: list[Problem], builtin: bool = False) -> None:
        where = str(path)
        before = len(problems)
        table = data.get("aliases") if isinstance(data, LineDict) else None
        if not isinstance(table, LineDict):
            line = getattr(data, "line", None)
            problems.append(Problem(where, line, 'an aliases file holds "aliases:" mapping names to lists of terms'))
            return
        for key in data:
            if key != "aliases":
                problems.append(Problem(where, data.line_of(key), f"unknown key {key!r} in an aliases file"))
        for name, items in table.items():
            line = table.line_of(name)
            if not isinstance(name, str) or not ALIAS_NAME.match(name):
                problems.append(Problem(where, line, f"alias name {name!r}: use letters, digits, - and _"))
            elif name in self.defs and not self.defs[name].builtin:
                other = self.defs[name]
                problems.append(Problem(where, line, f"alias {name!r} is already defined at {other.path}:{other.line}"))
            elif isinstance(items, str):
                self.defs[name] = AliasDef(name, _one(items, line), where, line, builtin)
            elif not isinstance(items, LineList) or not items:
                problems.append(Problem(where, line, f"alias {name!r} must be a non-empty list of terms"))
            else:
                self.defs[name] = AliasDef(name, items, where, line, builtin)
        if len(problems) == before:
            problems.extend(schema_problems(where, data, "aliasesFile"))

    def resolve(
        self, name: str, build: Callable[[AliasDef], Group | None], report: Callable[[str], None]
    ) -> Group | None:
        """The alias as an ``any`` group labelled ``@name``; ``report`` receives what is wrong."""
        if name in self._done:
            return self._done[name]
        if name in self._resolving:
            cycle = " → ".join(f"@{n}" for n in [*self._resolving[self._resolving.index(name) :], name])
            report(f"aliases refer to each other in a cycle: {cycle}")
            return None
        self._resolving.append(name)
        try:
            group = build(self.defs[name])
        finally:
            self._resolving.pop()
        self._done[name] = group
        return group


def _one(text: str, line: int) -> LineList:
    items = LineList([text])
    items.line = line
    items.item_lines = [line]
    return items
