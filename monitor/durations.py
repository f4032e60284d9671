"""Human durations and sizes in config and rule files: "90s", "10m", "1h30m", "2d", "10MB"."""

from __future__ import annotations

import re

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {"b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2, "gb": 1000**3, "gib": 1024**3}


def parse_duration(value: str | int | float) -> float:
    """Seconds in ``value``; a bare number is seconds. Raises ValueError with the accepted forms."""
    if isinstance(value, bool):
        raise ValueError('expected a duration such as "30s", "10m", "2h" or "7d"')
    if isinstance(value, int | float):
        if value < 0:
            raise ValueError("a duration cannot be negative")
        return float(value)
    text = str(value).strip().lower().replace(" ", "")
    parts = _DURATION.findall(text)
    if not text or "".join(n + u for n, u in parts) != text:
        raise ValueError(f'{value!r} is not a duration: write e.g. "30s", "10m", "1h30m" or "7d"')
    return sum(float(number) * _UNITS[unit] for number, unit in parts)


def parse_size(value: str | int) -> int:
    """Bytes in ``value`` ("10MB", "512KiB", or a bare number of bytes)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    match = _SIZE.match(str(value))
    if not match:
        raise ValueError(f'{value!r} is not a size: write e.g. "10MB" or "512KiB"')
    return int(float(match.group(1)) * _SIZE_UNITS[(match.group(2) or "b").lower()])


def format_duration(seconds: float) -> str:
    """Short human form for messages: 45s, 12m, 3h, 2d."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f}{unit}"
    return f"{seconds:.0f}s"


def plural(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the word in the right number: "1 alert", "2 alerts", "1 new entry", "3 new entries"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
