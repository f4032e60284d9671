"""Marks that write nothing: the outbox of a dry run.

The outbox writes through its marks (``deliver.Marks``: holds, batches, in flight,
sent, failed, target health); the store is the real one. ``Rehearsal`` takes the
same calls and records nothing, printing the holds where a ``target.Printer``
prints the messages, so a dry run shows what would happen and leaves the outbox
as it found it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import datetime
from typing import TextIO

from monitor.store import Notice, Store


class Rehearsal:
    def __init__(self, store: Store, out: TextIO | None = None):
        self.store = store  # read only: names the rule of a held alert
        self.out = out

    def hold(self, ids: Iterable[int], reason: str, until: datetime) -> None:
        for alert_id in ids:
            row = self.store.alert(alert_id) or {}
            print(
                f"--- would hold alert {alert_id} ({row.get('rule')}) for a {reason} message "
                f"at {until:%Y-%m-%d %H:%M %Z}",
                file=self.out or sys.stdout,
            )

    def make_batch(self, ids: Iterable[int]) -> int:
        return min(ids)

    def mark_in_flight(self, ids: Iterable[int], now: datetime) -> None:
        pass

    def mark_sent(self, ids: Iterable[int], now: datetime) -> None:
        pass

    def mark_failed(
        self, ids: Iterable[int], now: datetime, error: str, next_attempt: datetime | None, dead: bool = False
    ) -> None:
        pass

    def mark_failed_many(self, rows: Iterable[tuple[list[int], str, datetime | None, bool]], now: datetime) -> None:
        pass

    def target_ok(self, url_id: str) -> None:
        pass

    def target_failing(self, url_id: str, target: str, label: str, now: datetime, notice: Notice | None = None) -> bool:
        return False
