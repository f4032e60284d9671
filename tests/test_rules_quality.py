"""benchmarks/rules_quality.py on the tuning part: the eval rules load, and the new language
keeps its tuning figures (the held-out part is for the final measurement only, never a test)."""

from __future__ import annotations

from benchmarks.rules_quality import DATA, items, score
from monitor.rules import RuleSet, load_rules


def test_new_rules_beat_old_ones_on_tuning():
    tuning = items("tuning")
    old = score(RuleSet(load_rules([DATA / "rules_old"])), tuning)["all"]
    new = score(RuleSet(load_rules([DATA / "rules"])), tuning)["all"]
    assert new.precision >= 0.9 and new.recall >= 0.95, new
    assert new.precision > old.precision + 0.2, (old, new)
