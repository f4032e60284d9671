"""The rule playground: edit a rule file, see its problems as ``check`` gives them (PATH:LINE),
backtest it over stored history (matches with the words highlighted, near misses, counts per day),
explain it for one entry, and save it: only when the rules folder is writable and the whole set
validates, then a reload like SIGHUP; otherwise the page shows the YAML to copy.

The edited text is validated as a stand-in for its file among all the configured rule files, so
aliases and the uniqueness of names are checked as the daemon will check them.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, request

from monitor.durations import parse_duration
from monitor.errors import ConfigError, Problem
from monitor.models import Entry
from monitor.rules import Group, Rule, RuleSet, load_rules
from monitor.rules.backtest import RuleReport, backtest, fts_query
from monitor.rules.explain import explain_lines
from monitor.rules.load import rule_files
from monitor.rules.match import in_scope
from monitor.web.base import console, render
from monitor.web.highlight import marked, snippet

page = Blueprint("playground", __name__)
SHOWN = 50  # matches listed per rule (all are counted)
MISSES = 10
NEAR_DAYS = 7  # near misses are sought in the newest days of the window


@dataclass(frozen=True)
class Checked:
    """The edited file's rules, or its problems (PATH:LINE, against the real file's name)."""

    rules: list[Rule]
    problems: list[Problem]


@page.route("/playground", methods=["GET", "POST"])
def show() -> str:
    c = console()
    files = rule_files(c.config.rule_paths)
    path = _chosen(files)
    since = request.values.get("since", "30d")
    values: dict[str, Any] = {"files": files, "path": path, "since": since, "rules": c.runtime().rules.rules}
    if request.method == "GET":
        return render("playground.html", text=path.read_text(encoding="utf-8") if path else "", **values)
    if path is None:
        abort(400, "pick a rule file of [rules].paths")
    text = request.form.get("yaml", "").replace("\r\n", "\n")
    checked = check(files, path, text, c.config.targets)
    values.update(text=text, problems=checked.problems)
    action = request.form.get("action", "test")
    if checked.problems:
        return render("playground.html", **values)
    if action == "save":
        values["saved"] = save(path, text)
    elif action == "explain":
        values["explained"] = explain(checked.rules, request.form.get("entry", ""))
    else:
        values["reports"] = [_report(r) for r in run(checked.rules, since)]
    return render("playground.html", **values)


def _chosen(files: list[Path]) -> Path | None:
    """The file asked for (``path``, or the file of rule ``rule``), only ever one of [rules].paths."""
    wanted = request.values.get("path", "")
    rule = request.values.get("rule", "")
    if rule:
        found = [r for r in console().runtime().rules.rules if r.name == rule]
        wanted = found[0].source.rsplit(":", 1)[0] if found else wanted
    for path in files:
        if str(path) == wanted:
            return path
    if wanted:
        abort(400, f"{wanted} is not one of the rule files of [rules].paths")
    return files[0] if files else None


def check(files: list[Path], path: Path, text: str, targets: Any) -> Checked:
    """Load every rule file with ``text`` standing in for ``path``; problems name ``path``."""
    with tempfile.TemporaryDirectory(prefix="monitor-playground-") as folder:
        stand_in = Path(folder) / path.name
        stand_in.write_text(text, encoding="utf-8")
        try:
            rules = load_rules([stand_in if f == path else f for f in files], targets)
        except ConfigError as exc:
            fixed = [replace(p, path=p.path.replace(str(stand_in), str(path))) for p in exc.problems]
            return Checked([], fixed)
    mine = [r for r in rules if r.source.startswith(f"{stand_in}:")]
    return Checked([replace(r, source=r.source.replace(str(stand_in), str(path))) for r in mine], [])


def run(rules: list[Rule], since: str) -> list[RuleReport]:
    """Backtest each rule over the history of ``since``: every match, through a pre-filter that
    asks the full-text index for a word of each required group (``strict_query``); the near misses
    (a group short, so that pre-filter would drop them) through `rules test`'s own pre-filter,
    over the last NEAR_DAYS of the window, which keeps the page within a second on a large history."""
    c = console()
    try:
        cutoff = c.clock() - timedelta(seconds=parse_duration(since))
    except ValueError as exc:
        abort(400, f"since: {exc}")
    recent = max(cutoff, c.clock() - timedelta(days=NEAR_DAYS))
    ruleset = RuleSet(rules)
    reports = []
    for rule in rules:
        found = backtest(ruleset, rule, c.store.history(cutoff, strict_query(rule)), kept_misses=0)
        near = backtest(ruleset, rule, c.store.history(recent, fts_query(rule)), kept_misses=MISSES)
        found.near_misses, found.near_miss_count = near.near_misses, near.near_miss_count
        reports.append(found)
    return reports


def strict_query(rule: Rule) -> str | None:
    """An FTS5 query every match of ``rule`` satisfies: for each group of its top-level ``all``
    that needs a word, one of that group's words (``fts_query`` of the group alone); groups that
    can hold without a word (``none``, regex, other fields) add nothing. None: no pre-filter."""
    parts = []
    if rule.match.kind == "all" and rule.match.near is None:
        for child in rule.match.children:
            query = fts_query(replace(rule, match=Group("all", (child,))))
            if query:
                parts.append(f"({query})")
    return " AND ".join(parts) if parts else fts_query(rule)


def _report(report: RuleReport) -> dict[str, Any]:
    days = Counter(_day(entry) for _, entry, _ in report.matches)
    shown = [_shown(i, e, v.words) for i, e, v in report.matches[-SHOWN:][::-1]]
    misses = [{**_shown(i, e, v.words), "missing": v.missing} for i, e, v in report.near_misses]
    return {"report": report, "matches": shown, "misses": misses, "days": sorted(days.items(), reverse=True)}


def _shown(entry_id: int, entry: Entry, words: tuple[str, ...]) -> dict[str, Any]:
    return {
        "id": entry_id,
        "entry": entry,
        "title": marked(entry.title, words),
        "body": marked(snippet(entry.body, words), words),
        "words": words,
    }


def _day(entry: Entry) -> str:
    return entry.published.strftime("%Y-%m-%d") if entry.published else "undated"


def explain(rules: list[Rule], entry_field: str) -> list[str]:
    """`rules explain` for one stored entry, for every rule of the edited file."""
    c = console()
    if not entry_field.strip().isdigit():
        abort(400, "explain which entry? give its number (#id in the backtest)")
    entries = c.store.entries([int(entry_field)])
    if not entries:
        abort(404, f"no entry {entry_field}")
    entry = next(iter(entries.values()))
    ruleset = RuleSet(rules)
    lines = [f"entry {entry_field}: {entry.title} ({entry.outlet})"]
    for rule in rules:
        doc, trace = ruleset.trace(rule.name, entry)
        lines += explain_lines(rule, doc, trace, in_scope(rule.scope, entry, c.clock()))
    return lines


def save(path: Path, text: str) -> dict[str, str]:
    """Write the file (atomically) when this process may, then reload; else say why and what to do."""
    c = console()
    folder = path.parent
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return {
            "ok": "",
            "message": f"{folder} is not writable by this process: copy the YAML below into {path}, "
            "then reload the daemon (systemctl reload monitor)",
        }
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)  # readers see the old file or the new one, never half of it
    return {"ok": "1", "message": f"saved {path}; {c.reload()}"}
