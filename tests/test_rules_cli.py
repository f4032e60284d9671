"""`monitor rules test` and `monitor rules explain` on a database filled by a real `run --once`."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli, serve_outlets, write_config

from monitor.demo.feedserver import FeedServer
from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.rules.backtest import backtest, fts_query
from monitor.rules.explain import classify, verdict


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    """A config whose database holds the three test outlets, polled once (alerts to the console).

    Shared by the module's tests, which only read it.
    """
    folder = tmp_path_factory.mktemp("filled")
    with FeedServer() as server:
        config = write_config(folder, serve_outlets(server), ["console://"], targets={"oncall": ["console://"]})
        result = run_cli("--config", str(config), "run", "--once")
    assert result.returncode == 0, result.stderr
    return config


def test_run_once_leaves_the_full_text_index_up_to_date(filled):
    # First in this module: the `rules test` runs below bring the index up to date themselves.
    with sqlite3.connect(filled.parent / "state.db") as conn:
        stored = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        behind = conn.execute("SELECT count(*) FROM entries WHERE id > (SELECT indexed_to FROM fts_state)").fetchone()
    assert stored and behind == (0,)


AMBASSADORS = (
    "name: Ambassadors\nmatch:\n  all:\n    - any: ['@taliban']\n"
    "    - any: [ambassador*, envoy]\n    - any: [Kremlin]\n"
)


def test_rules_test_prints_matches_counts_and_near_misses(filled, tmp_path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(AMBASSADORS)

    result = run_cli("--config", str(filled), "rules", "test", str(draft), "--since", "3650d")

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Ambassadors (" in out and "1 matches" in out, out
    assert "Kremlin grants [Taliban] [envoy] full [ambassador] status" in out.replace("[Kremlin]", "Kremlin"), out
    assert "~ #" in out and "almost:" in out  # Taliban stories without an envoy are near misses


def test_rules_test_of_the_configured_rules_counts_each(filled):
    result = run_cli("--config", str(filled), "rules", "test", "--since", "3650d")
    assert result.returncode == 0, result.stderr
    assert "New recognition of Taliban (" in result.stdout
    assert "Afghan mining contract (" in result.stdout
    assert "[Kazakhstan]" not in result.stdout  # only matched words are marked
    assert "[copper]" in result.stdout and "[mining]" in result.stdout


ENVOYS = "name: Envoys\nmatch:\n  all:\n    - any: [Taliban, Kabul]\n    - any: [ambassador*, envoy]\n"


@pytest.mark.parametrize("draft", [None, ENVOYS])
def test_rules_test_index_and_scan_agree(filled, tmp_path, draft):
    files = []
    if draft:
        (tmp_path / "draft.yaml").write_text(draft)
        files = [str(tmp_path / "draft.yaml")]
    indexed = run_cli("--config", str(filled), "rules", "test", *files, "--since", "3650d")
    scanned = run_cli("--config", str(filled), "rules", "test", *files, "--since", "3650d", "--scan")
    assert _counts(indexed.stdout) == _counts(scanned.stdout) and _counts(indexed.stdout)
    assert "index)" in indexed.stdout and "scan)" in scanned.stdout
    # What is shown agrees too: only the examined counts in the rules' heading lines differ.
    assert _shown(indexed.stdout) == _shown(scanned.stdout)
    if draft:
        assert _counts(indexed.stdout)[0][1] != "0"  # near misses are compared too


def _counts(out: str) -> list[tuple[str, str]]:
    """(matches, near misses) per rule, from lines like 'Name (file): 2 matches, 5 near misses (...)'."""
    found = re.findall(r"(\d+) matches, (\d+) near misses", out)
    return [(m, n) for m, n in found]


def _shown(out: str) -> list[str]:
    return [line for line in out.splitlines()[1:] if " matches, " not in line]


def test_backtest_counts_every_near_miss_but_keeps_only_those_shown(tmp_path):
    (tmp_path / "r.yaml").write_text("name: R\nmatch:\n  all:\n    - any: [Kabul]\n    - any: [envoy]\n")
    (rule,) = load_rules([tmp_path])
    titles = ["Kabul envoy named", "Kabul weather", "Envoy to Paris", "Kabul market", "Nothing here", "KABUL ENVOY"]
    entries = [
        (n, Entry(feed_url="f", outlet="o", key=str(n), link="", title=t, summary="", content=""))
        for n, t in enumerate(titles)
    ]
    ruleset = RuleSet([rule])

    everything = backtest(ruleset, rule, entries)
    capped = backtest(ruleset, rule, entries, kept_misses=2)

    assert [m[0] for m in everything.matches] == [m[0] for m in capped.matches] == [0, 5]
    assert everything.near_miss_count == capped.near_miss_count == len(everything.near_misses) == 3
    assert capped.near_misses == everything.near_misses[:2]
    for entry_id, entry in entries:  # the cheap classification is the verdict's
        found = verdict(ruleset, rule, entry)
        assert classify(ruleset, rule, entry) == (found.matched, found.near_miss), entry_id


def test_explain_text_group_by_group(filled):
    result = run_cli(
        "--config", str(filled), "rules", "explain", "New recognition of Taliban", "--text", "Taliban fighters advance"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "does not match" in out
    assert "✓ @taliban" in out and "'Taliban' in title" in out
    assert "why not: nothing of any: [@recognition" in out


def test_explain_stored_entry(filled):
    with sqlite3.connect(filled.parent / "state.db") as conn:
        entry_id = conn.execute("SELECT id FROM entries WHERE title LIKE 'Kazakhstan and Afghanistan%'").fetchone()[0]
    result = run_cli("--config", str(filled), "rules", "explain", "afghan mining contract", "--entry", str(entry_id))
    assert result.returncode == 0, result.stderr
    assert "MATCHES" in result.stdout
    assert "matched words: Afghanistan, copper, mining, contract" in result.stdout


def test_explain_unknown_rule_suggests_one(filled):
    result = run_cli("--config", str(filled), "rules", "explain", "Afghan minning", "--text", "x")
    assert result.returncode == 2
    assert "no rule named 'Afghan minning' (did you mean 'Afghan mining contract'?)" in result.stderr


def test_rules_test_without_a_database_says_what_to_do(tmp_path):
    config = write_config(tmp_path, ["https://a.example/rss"], ["console://"], targets={"oncall": ["console://"]})
    result = run_cli("--config", str(config), "rules", "test")
    assert result.returncode == 2
    assert "run `monitor run --once` first" in result.stderr


def test_fts_query_is_used_only_when_the_index_can_answer(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "- name: A\n  match: {all: [{any: [Taliban, recogni*]}], none: [facial recognition]}\n"
        "- name: B\n  match: {any: [タリバン]}\n"
        "- name: C\n  match: {any: [Taliban]}\n  fuzzy: 80\n"
        "- name: D\n  match: {none: [sport]}\n"
        "- name: E\n  fields: [tags]\n  match: {any: [Taliban]}\n"
    )
    queries = {r.name: fts_query(r) for r in load_rules([tmp_path])}
    assert queries == {"A": '"taliban" OR "recogni"*', "B": None, "C": None, "D": None, "E": None}


def test_rules_commands_are_documented():
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    assert "`monitor --config FILE rules test" in readme and "`monitor --config FILE rules explain" in readme
