"""The signal keys of a rule, read apart from its matching: ``spike:`` and ``cooldown:``.

``read_signals`` returns the Rule fields it read (only those present), reporting problems
at their lines through ``problem``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from monitor.durations import parse_duration
from monitor.rules import spike
from monitor.rules.yamlfile import LineDict

SIGNAL_KEYS = ("spike", "cooldown")


def read_signals(data: LineDict, problem: Callable[[int | None, str], None]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if "spike" in data:
        try:
            found["spike"] = spike.parse(data["spike"])
        except ValueError as exc:
            problem(_line(data, "spike"), str(exc))
    if "cooldown" in data:
        try:
            seconds = parse_duration(str(data["cooldown"]))
            if seconds <= 0:
                raise ValueError("must be longer than zero")
            found["cooldown"] = seconds
        except ValueError as exc:
            problem(data.line_of("cooldown"), f'"cooldown": {exc}, e.g. cooldown: 30m')
    return found


def _line(data: LineDict, key: str) -> int | None:
    """The line of the offending key inside ``spike:`` when it can be told, else of ``spike:``."""
    value = data[key]
    if isinstance(value, LineDict):
        for inner in value:
            line = value.line_of(inner)
            if line and str(inner) not in spike.KEYS:
                return line
    return data.line_of(key)
