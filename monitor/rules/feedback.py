"""A rule against the analyst's verdicts on its alerts: precision, and what it still gets wrong. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.models import Entry
from monitor.rules.match import RuleSet
from monitor.rules.model import Rule

Marked = tuple[int, Entry, bool]  # (entry id, entry, marked relevant?)


@dataclass(frozen=True, slots=True)
class FeedbackScore:
    relevant: int  # marked relevant and still matched
    lost: tuple[int, ...]  # entry ids marked relevant the rule no longer matches
    wrong: tuple[int, ...]  # entry ids marked irrelevant the rule still matches
    dropped: int  # marked irrelevant and no longer matched

    @property
    def precision(self) -> float | None:
        """Of the marked entries the rule matches now, the share marked relevant (None: it matches none)."""
        matched = self.relevant + len(self.wrong)
        return self.relevant / matched if matched else None

    def line(self) -> str:
        shown = f"{self.precision:.2f}" if self.precision is not None else "n/a"
        parts = [f"feedback: precision {shown} on {self.relevant + len(self.wrong)} marked entries it matches"]
        if self.wrong:
            parts.append(f"still matches irrelevant #{', #'.join(map(str, self.wrong))} (try: monitor rules suggest)")
        if self.lost:
            parts.append(f"no longer matches relevant #{', #'.join(map(str, self.lost))}")
        return "; ".join(parts)


def score_feedback(rule: Rule, marked: list[Marked]) -> FeedbackScore:
    """How ``rule`` as it stands now fares on the entries marked for it."""
    rules = RuleSet([rule])
    relevant = dropped = 0
    lost: list[int] = []
    wrong: list[int] = []
    for entry_id, entry, is_relevant in marked:
        holds = bool(rules.match(entry))
        if is_relevant and holds:
            relevant += 1
        elif is_relevant:
            lost.append(entry_id)
        elif holds:
            wrong.append(entry_id)
        else:
            dropped += 1
    return FeedbackScore(relevant, tuple(lost), tuple(wrong), dropped)
