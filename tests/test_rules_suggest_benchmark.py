"""The benchmarks of round 15: ``rules_quality --rules DIR`` scores that folder as the new rules
(the output of ``rules_feedback --write``), and ``rules_feedback`` applies suggest's diffs as
``patch`` would."""

from __future__ import annotations

import pytest

from benchmarks import rules_quality
from benchmarks.rules_feedback import apply_diff


def test_rules_quality_scores_the_folder_given(tmp_path, capsys):
    (tmp_path / "taliban.yaml").write_text("name: taliban-recognition\nmatch:\n  any: [zzzz-never]\n", "utf-8")
    assert rules_quality.main(["--rules", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    row = next(line for line in table.splitlines() if line.startswith("taliban-recognition"))
    old, new = row.split()[3], row.split()[6]
    assert new == f"0/0/{int(old.split('/')[0]) + int(old.split('/')[2])}", row  # every positive missed
    assert "arctic-lng" not in table  # only the folder's rule is scored as new


def test_rules_quality_names_a_missing_folder(tmp_path, capsys):
    with pytest.raises(SystemExit):
        rules_quality.main(["--rules", str(tmp_path / "missing")])
    assert f"--rules {tmp_path / 'missing'}: no such folder" in capsys.readouterr().err


def test_apply_diff_refuses_a_diff_made_from_other_lines():
    with pytest.raises(ValueError, match="the diff expects"):
        apply_diff(["a\n", "b\n"], "--- before\n+++ after\n@@ -1,2 +1,2 @@\n a\n-c\n+d\n")


def test_apply_diff_replaces_inserts_and_keeps_the_rest():
    diff = "--- before\n+++ after\n@@ -2 +2,2 @@\n-b\n+x\n+y\n@@ -5,0 +7 @@\n+z\n"
    assert apply_diff(["a\n", "b\n", "c\n", "d\n", "e\n"], diff) == ["a\n", "x\n", "y\n", "c\n", "d\n", "e\n", "z\n"]
