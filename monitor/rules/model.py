"""The rule vocabulary: a rule is a name, a tree of groups and terms, and routing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GroupKind = Literal["all", "any", "none"]
Novelty = Literal["story", "event"]
OnUpdate = Literal["ignore", "alert"]
DeliveryMode = Literal["immediate", "digest"]
Severity = Literal["info", "normal", "urgent"]


@dataclass(frozen=True, slots=True)
class Term:
    """A case-insensitive whole-word phrase; a trailing ``*`` matches any word ending."""

    text: str

    @property
    def wildcard(self) -> bool:
        return self.text.endswith("*")


@dataclass(frozen=True, slots=True)
class Group:
    """``all``: every child holds; ``any``: at least one; ``none``: no child holds."""

    kind: GroupKind
    children: tuple[Group | Term, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    match: Group  # an implicit "all" of the groups written under ``match:``
    notify: tuple[str, ...] = ()  # named targets; empty means the default [notify].urls
    source: str = ""  # "path:line", for messages
    novelty: Novelty = "story"  # one alert per story, or one per event (several write-ups)
    on_update: OnUpdate = "ignore"  # alert again when an entry's text changes materially
    escalate_at: int | None = None  # one follow-up when a story reaches this many outlets
    delivery: DeliveryMode = "immediate"
    severity: Severity = "normal"  # "urgent" goes through quiet hours
