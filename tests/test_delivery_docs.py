"""docs/delivery.md is tested: every statement cites a test, and every cited test exists."""

from __future__ import annotations

import re

from conftest import ROOT

DOC = ROOT / "docs" / "delivery.md"
DEFAULT_FILE = "tests/test_delivery.py"
# `tests/x.py::test_name`, `tests/x.py` or `test_name` (a bare name belongs to the last file named).
CITATION = re.compile(r"`(?:(tests/[\w/]+\.py)(?:::)?)?(test_\w+)?`")


def citations(text: str) -> list[tuple[str, str]]:
    """(file, test name or "") for each citation in ``text``, in order."""
    found, current = [], DEFAULT_FILE
    for file, name in CITATION.findall(text):
        if not (file or name):
            continue
        current = file or current
        found.append((current, name))
    return found


def statements() -> list[str]:
    """The bulleted statements of every section but Settings and Commands (reference lists)."""
    items = []
    for section in DOC.read_text().split("\n## ")[1:]:
        if not section.startswith(("Settings", "Commands")):
            items += re.findall(r"^- .*?(?=^- |^\n|\Z)", section, re.M | re.S)
    return items


def defined(file: str, name: str) -> bool:
    path = ROOT / file
    return path.is_file() and (not name or re.search(rf"^(async )?def {name}\(", path.read_text(), re.M) is not None)


def test_every_statement_cites_a_test_that_exists():
    """The old check passed any statement containing "test_" or "tests/". Mutation tried: a
    statement's citation (`test_run_once_ignores_backoff`) replaced by the words "see tests/":
    the old check passed, this one fails."""
    items = statements()
    assert len(items) >= 20
    for item in items:
        cited = citations(item)
        assert cited, f"untested statement in docs/delivery.md: {item[:80]}"
        for file, name in cited:
            assert defined(file, name), f"docs/delivery.md cites missing {file}::{name} in: {item[:60]}"


def test_every_citation_in_the_document_exists():
    """Citations outside the statements too (Settings, Commands, prose), block by block."""
    cited = [c for block in re.split(r"\n(?=- |\()", DOC.read_text()) for c in citations(block)]
    assert len({name for _, name in cited if name}) >= 20
    for file, name in cited:
        assert defined(file, name), f"docs/delivery.md cites missing {file}::{name}"


def test_citations_resolve_bare_names_to_the_last_file_named():
    text = "`test_a` then `tests/test_b.py::test_b`, `test_c` and `tests/test_d.py`"
    assert citations(text) == [
        (DEFAULT_FILE, "test_a"),
        ("tests/test_b.py", "test_b"),
        ("tests/test_b.py", "test_c"),
        ("tests/test_d.py", ""),
    ]
