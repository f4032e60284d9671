"""The project's one exception tree.

MonitorError                 anything the CLI turns into one line and exit code
├── ConfigError              a config or rule file is wrong (exit 2); carries PATH:LINE problems
├── FetchError               a feed could not be fetched (feed state, never a crash)
│   └── FeedGone             HTTP 410: the feed is disabled
├── ParseError               a feed body is not a usable feed
├── StoreError               the database cannot be opened or is locked by another daemon
└── DeliveryError            a notification target refused or failed
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file, shown as ``path:line: message``."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 0.6, otherwise: str = "") -> str:
    """The one "did you mean" of the project: `` (did you mean 'x'?)`` for the choice closest to ``word``,
    else ``otherwise`` (e.g. a list of what is allowed). Config keys, rule fields and names all use it."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean {close[0]!r}?)" if close else otherwise


class MonitorError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 1


class ConfigError(MonitorError):
    """One or more problems in config or rule files; all are reported at once."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class FetchError(MonitorError):
    """A feed could not be fetched; ``retry_after`` is the server's wish, in seconds."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class FeedGone(FetchError):
    """The server said 410 Gone: stop polling this feed."""


class ParseError(MonitorError):
    """The body is not a feed we can read."""


class StoreError(MonitorError):
    """The state database cannot be used."""


class DeliveryError(MonitorError):
    """A notification target did not accept an alert."""
