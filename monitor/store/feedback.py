"""The analyst's feedback on alerts: relevant or irrelevant, per alert, read per rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from monitor.store.base import StoreBase
from monitor.store.helpers import iso

VERDICTS = ("relevant", "irrelevant")


@dataclass(frozen=True, slots=True)
class Feedback:
    alert_id: int
    rule: str
    entry_id: int
    verdict: str  # "relevant" or "irrelevant"
    note: str
    created: str


class FeedbackMixin(StoreBase):
    """One verdict per alert; a new one replaces the old."""

    def add_feedback(self, alert_id: int, verdict: str, note: str, now: datetime) -> Feedback | None:
        """Record the verdict on alert ``alert_id``; None (nothing written) when there is no such alert.

        Raises ValueError for an alert about no entry (a notice): a verdict is on an entry a rule matched."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be relevant or irrelevant, not {verdict!r}")
        rows = self._query("SELECT rule, entry_id, kind FROM alerts WHERE id = ?", [alert_id])
        if not rows:
            return None
        if rows[0]["entry_id"] is None:
            kind = rows[0]["kind"] or "notice"
            raise ValueError(
                f"alert {alert_id} is a {kind} (about a feed, a target or the config), not an entry a rule matched: "
                "feedback is given on story, event, escalation and update alerts"
            )
        found = Feedback(alert_id, rows[0]["rule"], rows[0]["entry_id"], verdict, note, iso(now) or "")
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO feedback (alert_id, rule, entry_id, verdict, note, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [found.alert_id, found.rule, found.entry_id, found.verdict, found.note, found.created],
            )
        return found

    def feedback(self, rule: str | None = None) -> list[Feedback]:
        """Every verdict (of one rule), oldest first."""
        sql = "SELECT * FROM feedback" + (" WHERE rule = ?" if rule is not None else "") + " ORDER BY created, alert_id"
        return [
            Feedback(r["alert_id"], r["rule"], r["entry_id"], r["verdict"], r["note"] or "", r["created"])
            for r in self._query(sql, [rule] if rule is not None else [])
        ]
