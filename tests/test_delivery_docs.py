"""docs/delivery.md is tested: every test it cites exists, and every statement cites one."""

from __future__ import annotations

import re

from conftest import ROOT

DOC = ROOT / "docs" / "delivery.md"


def cited_tests() -> set[tuple[str, str]]:
    """(file, test name) for each `test_…` the document cites; a bare name belongs to the last file named."""
    cited = set()
    for block in re.split(r"\n(?=- |\()", DOC.read_text()):
        current = "tests/test_delivery.py"
        for file, name in re.findall(r"`(?:(tests/\w+\.py)(?:::)?)?(test_\w+)?`", block):
            current = file or current
            if name:
                cited.add((current, name))
    return cited


def test_every_cited_test_exists():
    cited = cited_tests()
    assert len(cited) >= 20
    for file, name in cited:
        assert f"def {name}(" in (ROOT / file).read_text(), f"docs/delivery.md cites missing {file}::{name}"


def test_every_statement_cites_a_test():
    sections = DOC.read_text().split("\n## ")
    for section in sections[1:]:
        if section.startswith(("Settings", "Commands")):
            continue
        for item in re.findall(r"^- .*?(?=^- |^\n|\Z)", section, re.M | re.S):
            assert "test_" in item or "tests/" in item, f"untested statement in docs/delivery.md: {item[:80]}"
