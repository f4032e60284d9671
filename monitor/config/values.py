"""Reading the parsed TOML: the ``Reader`` that keeps each problem's line, and the value converters.

A converter raises ``ValueError`` with the fix in words; the reader turns it into PATH:LINE.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from monitor.errors import Problem
from monitor.ingest.fulltext import MODES


class Reader:
    """Walks the parsed TOML, converting values and collecting problems with lines."""

    def __init__(self, path: Path, text: str):
        self.path = path
        # TOML ends a line only at \n; str.splitlines() would also split at \x85, \u2028 and
        # the like inside a value and shift every later line number.
        self.lines = text.split("\n")
        self.problems: list[Problem] = []

    def problem(self, message: str, section: str = "", key: str = "", index: int = 0) -> None:
        self.problems.append(Problem(str(self.path), self.line_of(section, key, index), message))

    def line_of(self, section: str, key: str = "", index: int = 0) -> int | None:
        """The line of ``key`` in table ``section`` (the index-th one for arrays of tables)."""
        header = re.compile(r"^\s*\[\[?\s*" + re.escape(section) + r"\s*\]\]?\s*(#.*)?$")
        any_header = re.compile(r"^\s*\[")
        in_section = section == ""
        seen = -1
        for number, line in enumerate(self.lines, 1):
            if any_header.match(line):
                in_section = bool(header.match(line))
                if in_section:
                    seen += 1
                    if not key and seen == index:
                        return number
                continue
            if (
                in_section
                and (seen == index or section == "")
                and key
                and re.match(r"^\s*" + re.escape(key) + r"\s*=", line)
            ):
                return number
        return None

    def get(
        self, table: dict[str, Any], section: str, key: str, convert: Callable[[Any], Any], default: Any, index: int = 0
    ) -> Any:
        if key not in table:
            return default
        try:
            return convert(table[key])
        except (ValueError, TypeError) as exc:
            self.problem(f"[{section}].{key}: {exc}", section, key, index)
            return default


# tomllib's words for the usual slips, as sentences (start of its message -> what to do).
_TOML_PLAIN = {
    "Illegal character '\\n'": "a string is not closed on this line: add the missing quote",
    "Unterminated string": "a string is not closed: add the missing quote",
    'Expected "\'"': "a string is not closed: add the missing quote",
    "Expected '=' after a key": "a key needs a value: write key = value (a key with spaces needs quotes)",
    "Invalid value": 'this value is not TOML: quote text ("..."), write numbers and true/false bare',
    "Unclosed array": "a [list] is not closed: add the missing ]",
    "Cannot overwrite a value": "this key is set twice: keep one",
    "Cannot declare": "this table is declared twice: merge the two (use [[name]] for a list of tables)",
    "Expected newline or end of document": "something follows the value on this line: one key = value per line",
}


def toml_words(exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc).split(" (at ")[0]
    plain = next((words for start, words in _TOML_PLAIN.items() if message.startswith(start)), message)
    return f"invalid TOML: {plain}"


def mode(value: Any) -> str:
    if value not in MODES:
        raise ValueError('expected "auto", "always" or "never"')
    return str(value)


def css(value: Any) -> str:
    from lxml.cssselect import CSSSelector  # checked by the library that will run it

    text = string(value)
    try:
        CSSSelector(text)
    except Exception as exc:  # cssselect's SelectorError and ExpressionError
        raise ValueError(f'not a CSS selector ({exc}), e.g. "article .body"') from None
    return text


def listen(value: Any) -> tuple[str, int]:
    host, sep, port = string(value).rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError('expected "HOST:PORT", e.g. "127.0.0.1:9465"')
    return host.strip("[]") or "127.0.0.1", int(port)


def token(value: Any) -> str:
    token = string(value)
    if len(token) < 16:
        raise ValueError(
            "a token of at least 16 characters, e.g. from: python3 -c 'import secrets; print(secrets.token_urlsafe())'"
        )
    return token


def users(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError('expected a table of name = "scrypt$…" hashes (make one with: monitor web --hash-password)')
    for name, hashed in value.items():
        if not hashed.startswith("scrypt$") or hashed.count("$") != 5:
            # Never echo the value: it may be a password written in the clear by mistake.
            raise ValueError(f"user {name!r}: not a password hash; make one with: monitor web --hash-password")
    return dict(value)


def cron(expression: str, tz: ZoneInfo) -> str:
    """A valid crontab expression, checked by the scheduler that will run it (imported only when a config sets one)."""
    from monitor.outbox.digests import digest_schedule

    digest_schedule(expression, tz)
    return expression


def string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a non-empty string")
    return value


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError('expected a list of strings, e.g. ["rules"]')
    return list(value)


def urls(value: Any) -> list[str]:
    urls = strings(value)
    for url in urls:
        if "://" not in url:
            # Never echo the value: apprise URLs carry tokens and passwords.
            raise ValueError("every apprise URL looks like scheme://…, e.g. mailto:// or json://")
    return urls


def integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("expected a whole number")
    return value


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def level(value: Any) -> str:
    level = str(value).upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ValueError('expected one of "debug", "info", "warning", "error"')
    return level


def positive(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def checked(value: Any) -> Any:
        result = convert(value)
        if result <= 0:
            raise ValueError("must be greater than zero")
        return result

    return checked
