"""Reading one rule file into Rule values: the rule's own keys (name, scopes, routing,
examples) over ``GroupReader`` (its groups and terms), with PATH:LINE problems."""

from __future__ import annotations

from typing import Any

from monitor.durations import parse_duration
from monitor.errors import Problem, did_you_mean
from monitor.models import Burst
from monitor.rules.groups import GroupReader
from monitor.rules.model import DEFAULT_FIELDS, FIELDS, Example, Rule, Scope
from monitor.rules.schema import schema_problems
from monitor.rules.signals import SIGNAL_KEYS, read_signals
from monitor.rules.yamlfile import LineDict, LineList
from monitor.text import fold

RULE_KEYS = (
    "name",
    "description",
    "match",
    "fields",
    "fuzzy",
    "feeds",
    "lang",
    "max_age",
    "notify",
    "severity",
    "novelty",
    "on_update",
    "escalate_at",
    "delivery",
    "burst",
    "examples",
    *SIGNAL_KEYS,
)
CHOICES = {
    "novelty": ("story", "event"),
    "on_update": ("ignore", "alert"),
    "delivery": ("immediate", "digest"),
    "severity": ("info", "normal", "urgent"),
}


class RuleReader(GroupReader):
    """Reads the rules of one file, appending every problem it finds."""

    def rules(self, data: Any) -> list[Rule]:
        if data is None:
            return []
        items = data if isinstance(data, list) else [data]
        rules = []
        for index, item in enumerate(items):
            line = data.line_at(index) if isinstance(data, LineList) else getattr(item, "line", None)
            if not isinstance(item, LineDict):
                self.problem(line, "a rule must be a mapping with name: and match:")
                continue
            before = len(self.problems)
            rule = self.rule(item)
            if len(self.problems) == before:
                self.problems.extend(schema_problems(self.where, item, "rule"))
            if rule is not None and len(self.problems) == before:
                self.problems.extend(_example_problems(self.where, rule))
            if rule is not None and len(self.problems) == before:
                rules.append(rule)
        return rules

    def rule(self, data: LineDict) -> Rule | None:
        self.unknown_keys(data, RULE_KEYS)
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            self.problem(data.line_of("name"), 'every rule needs a "name:" string')
        self.fuzzy = self.percent(data, "fuzzy") if "fuzzy" in data else 0
        group = None
        if "match" not in data:
            self.problem(data.line, 'rule has no "match:" section: add all/any/none groups')
        else:
            group = self.group_or_list("all", data["match"], data.line_of("match"))
        fields = self.fields(data, "fields") if "fields" in data else DEFAULT_FIELDS
        options: dict[str, Any] = {key: self.choice(data, key) for key in CHOICES if key in data}
        escalate_at = data.get("escalate_at")
        if escalate_at is not None and (
            isinstance(escalate_at, bool) or not isinstance(escalate_at, int) or escalate_at < 2
        ):
            self.problem(data.line_of("escalate_at"), '"escalate_at" must be a whole number ≥ 2')
        burst = self.burst(data) if "burst" in data else None
        description = data.get("description", "")
        if not isinstance(description, str):
            self.problem(data.line_of("description"), '"description" must be text')
        examples = self.examples(data)
        notify = self.notify(data)
        scope = self.scope(data)
        signals = read_signals(data, self.problem)
        if group is None or not isinstance(name, str):
            return None
        return Rule(
            name=name.strip(),
            match=group,
            notify=notify,
            source=f"{self.path}:{data.line}",
            escalate_at=escalate_at,
            fields=fields,
            scope=scope,
            examples_match=examples[0],
            examples_no_match=examples[1],
            description=str(description),
            burst=burst,
            **signals,
            **options,
        )

    def burst(self, data: LineDict) -> Burst | None:
        value = data["burst"]
        if not isinstance(value, str):
            self.problem(data.line_of("burst"), f'"burst" must be COUNT/DURATION text, e.g. "5/1h", not {value!r}')
            return None
        try:
            return Burst.parse(value)
        except ValueError as exc:
            self.problem(data.line_of("burst"), f'"burst": {exc}')
            return None

    def notify(self, data: LineDict) -> tuple[str, ...]:
        notify = data.get("notify", [])
        if isinstance(notify, str):
            notify = [notify]
        if not isinstance(notify, list) or not all(isinstance(n, str) for n in notify):
            self.problem(data.line_of("notify"), '"notify" must be a list of target names')
            return ()
        for target in notify:
            if target not in self.targets and target != "default":
                hint = did_you_mean(target, self.targets)
                self.problem(
                    data.line_of("notify"), f"unknown notify target {target!r}{hint}: define [notify.targets.{target}]"
                )
        return tuple(notify)

    def choice(self, data: LineDict, key: str) -> str:
        value = data[key]
        if value not in CHOICES[key]:
            allowed = " or ".join(f'"{c}"' for c in CHOICES[key])
            self.problem(data.line_of(key), f'"{key}" must be {allowed}, not {value!r}')
        return str(value)

    def scope(self, data: LineDict) -> Scope:
        include: list[str] = []
        exclude: list[str] = []
        feeds = data.get("feeds")
        if isinstance(feeds, LineDict):
            self.unknown_keys(feeds, ("include", "exclude"))
            include = self.strings(feeds, "include") if "include" in feeds else []
            exclude = self.strings(feeds, "exclude") if "exclude" in feeds else []
        elif feeds is not None:
            include = self.strings(data, "feeds")
        lang = self.strings(data, "lang") if "lang" in data else []
        for code in lang:
            if not (2 <= len(code) <= 3 and code.isalpha()):
                self.problem(
                    data.line_of("lang"), f"language {code!r}: use a two- or three-letter code such as en, ru, ja"
                )
        max_age = None
        if "max_age" in data:
            try:
                max_age = parse_duration(data["max_age"])
            except ValueError as exc:
                self.problem(data.line_of("max_age"), f'"max_age": {exc}')
        return Scope(
            feeds=tuple(fold(f) for f in include),
            exclude_feeds=tuple(fold(f) for f in exclude),
            lang=tuple(code.lower() for code in lang),
            max_age=max_age,
        )

    def strings(self, data: LineDict, key: str) -> list[str]:
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(data.line_of(key), f'"{key}" must be a list of names')
            return []
        return [v.strip() for v in value]

    def examples(self, data: LineDict) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
        value = data.get("examples")
        if value is None:
            return (), ()
        if not isinstance(value, LineDict):
            self.problem(data.line_of("examples"), '"examples" must be a mapping with match: and no_match: lists')
            return (), ()
        self.unknown_keys(value, ("match", "no_match"))
        return self.example_list(value, "match"), self.example_list(value, "no_match")

    def example_list(self, data: LineDict, key: str) -> tuple[Example, ...]:
        items = data.get(key, [])
        if not isinstance(items, list):
            self.problem(data.line_of(key), f'"examples.{key}" must be a list of texts')
            return ()
        found = []
        for index, item in enumerate(items):
            line = items.line_at(index) if isinstance(items, LineList) else data.line_of(key)
            if isinstance(item, str) and item.strip():
                found.append(Example((("title", item),), line))
            elif isinstance(item, LineDict) and item and any(_not_texts(v) for v in item.values()):
                key_at = next(str(k) for k, v in item.items() if _not_texts(v))
                self.problem(line, f'"examples.{key}" field "{key_at}" must be a text or a list of texts')
            elif isinstance(item, LineDict) and item:
                self.unknown_keys(item, FIELDS)
                pairs = tuple((str(k), " ".join(v) if isinstance(v, list) else str(v)) for k, v in item.items())
                found.append(Example(pairs, line))
            else:
                self.problem(line, f'"examples.{key}" items must be texts or mappings of fields ({", ".join(FIELDS)})')
        return tuple(found)


def _not_texts(value: object) -> bool:
    """A list given for an example's field holding something other than text (``tags: [a, 5]``)."""
    return isinstance(value, list) and not all(isinstance(item, str) for item in value)


def _example_problems(where: str, rule: Rule) -> list[Problem]:
    """Golden examples that do not hold, each at its own line, saying why."""
    from monitor.rules.explain import example_verdict

    problems = []
    for example in rule.examples_match:
        why = example_verdict(rule, example, should_match=True)
        if why:
            problems.append(Problem(where, example.line, why))
    for example in rule.examples_no_match:
        why = example_verdict(rule, example, should_match=False)
        if why:
            problems.append(Problem(where, example.line, why))
    return problems
