"""Does the analyst's feedback loop generalise? ``rules suggest`` on text it never saw (issue 14, round 15).

    PYTHONPATH=. .venv/bin/python benchmarks/rules_feedback.py                 # the eval rules (rules/)
    PYTHONPATH=. .venv/bin/python benchmarks/rules_feedback.py --rules tests/data/rules_eval/rules_old
    PYTHONPATH=. .venv/bin/python benchmarks/rules_feedback.py --write DIR     # refine on every tuning part

A simulated analyst, leave-one-part-out over the tuning parts (tuning, held-out v1 … v10, all seen):
for each held-back part, the analyst reads the alerts the rules send on the OTHER parts and marks each
relevant or irrelevant from its labels (an analyst sees alerts, never the misses). Then, for each rule,
``suggest`` is asked for a change and its diff is applied to the rule file and the folder loaded again
(``load_rules``: what ``monitor check`` and the daemon load, golden examples included), until it proposes
nothing or ``--rounds`` is reached. The refined rules are scored on the held-back part, which no
feedback came from. ``--write DIR`` refines on all tuning parts at once and writes the rule folder into
DIR, for ``benchmarks/rules_quality.py --rules DIR``. The held-out parts after v10 are never read here.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.rules_quality import DATA, SEEN, Score, cell, entry, items
from monitor.errors import ConfigError
from monitor.models import Entry
from monitor.rules import RuleSet
from monitor.rules.load import alias_groups, load_rules
from monitor.rules.model import Rule
from monitor.rules.suggest import Suggestion, suggest

PARTS = {"tuning": DATA / "tuning.jsonl", **{name.split(" (")[0]: path for name, path in SEEN.items()}}
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


@dataclass
class Refinement:
    """What the loop did to one folder of rules: the changes accepted, and the ones ``check`` refused."""

    accepted: list[str] = field(default_factory=list)  # "rule: what (removes N, loses M)"
    refused: list[str] = field(default_factory=list)  # "rule: what: the loader's message"


def apply_diff(lines: list[str], diff: str) -> list[str]:
    """``lines`` with the unified ``diff`` applied, as ``patch`` would; a context line that does not
    match is an error (the diff was not made from these lines)."""
    out: list[str] = []
    at = 0
    body = diff.splitlines(keepends=True)
    index = 2  # past "--- before" and "+++ after"
    while index < len(body):
        head = HUNK.match(body[index])
        if head is None:
            raise ValueError(f"not a hunk header: {body[index]!r}")
        start, length = int(head.group(1)), int(head.group(2) or 1)
        start = start - 1 if length else start
        out.extend(lines[at:start])
        at = start
        index += 1
        while index < len(body) and not body[index].startswith("@@"):
            mark, text = body[index][0], body[index][1:]
            if mark in " -":
                if lines[at] != text:
                    raise ValueError(f"line {at + 1} is {lines[at]!r}, the diff expects {text!r}")
                at += 1
            if mark in " +":
                out.append(text)
            index += 1
    return [*out, *lines[at:]]


def alerts(rules: RuleSet, part: list[dict]) -> list[tuple[dict, set[str]]]:
    """Each item with the rules that fire on it."""
    return [(item, {m.rule for m in rules.match(entry(item))}) for item in part]


def marked_for(rule: str, seen: list[list[tuple[dict, set[str]]]]) -> list[tuple[Entry, bool]]:
    """The analyst's verdicts on the alerts ``rule`` sent on the ``seen`` parts."""
    return [(entry(item), rule in item["labels"]) for part in seen for item, fired in part if rule in fired]


def refine(folder: Path, marked: dict[str, list[tuple[Entry, bool]]], rounds: int) -> Refinement:
    """Accept ``suggest``'s change for each rule until it proposes none. Each round writes every
    rule's change to its file (one change per file per round: the next diff is made from the file
    as it is then) and loads the folder once; a round the loader refuses is retried change by
    change, and a refused change is undone, reported, and its rule left as it was."""
    done = Refinement()
    vetoes = alias_groups(("negation", "hedge"), [folder])
    rules = {rule.name: rule for rule in load_rules([folder])}
    # a rule with nothing marked irrelevant is left alone: the CLI refuses to suggest for it
    active = {name for name, verdicts in marked.items() if not all(relevant for _, relevant in verdicts)}
    for _ in range(rounds):
        changes: dict[Path, tuple[str, list[str], Suggestion]] = {}
        for name in sorted(active):
            path_text, _, line = rules[name].source.rpartition(":")
            path = Path(path_text)
            if path in changes:
                continue
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            found = suggest(rules[name], vetoes, marked[name], lines, int(line) - 1)
            if found is None:
                active.discard(name)
            else:
                changes[path] = (name, lines, found)
        if not changes:
            break
        rules = _accept(folder, changes, done, active) or rules
    return done


def _accept(
    folder: Path, changes: dict[Path, tuple[str, list[str], Suggestion]], done: Refinement, active: set[str]
) -> dict[str, Rule] | None:
    """Write the changes and load the folder (what ``monitor check`` loads); the rules it gives."""
    for path, (_, lines, found) in changes.items():
        path.write_text("".join(apply_diff(lines, found.diff)), encoding="utf-8")
    try:
        loaded = load_rules([folder])
    except ConfigError as exc:
        for path, (_, lines, _) in changes.items():
            path.write_text("".join(lines), encoding="utf-8")
        if len(changes) == 1:
            [(name, _, found)] = changes.values()
            active.discard(name)
            done.refused.append(f"{name}: {found.what}: {str(exc).splitlines()[-1].strip()}")
            return None
        for path, change in changes.items():  # which of them: one at a time
            _accept(folder, {path: change}, done, active)
        return {rule.name: rule for rule in load_rules([folder])}
    for name, _, found in changes.values():
        done.accepted.append(f"{name}: {found.what} (removes {found.removed}, loses {found.lost})")
    return {rule.name: rule for rule in loaded}


def tally(rules: RuleSet, part: list[dict]) -> Score:
    """Micro-averaged over the topics (rules), as ``rules_quality`` counts "all"."""
    tp = fp = fn = 0
    names = [rule.name for rule in rules.rules]
    for item, fired in alerts(rules, part):
        for name in names:
            wanted = name in item["labels"]
            tp += wanted and name in fired
            fp += not wanted and name in fired
            fn += wanted and name not in fired
    return Score(tp, fp, fn)


def leave_one_out(source: Path, rounds: int, verbose: bool) -> None:
    data = {name: items(path) for name, path in PARTS.items()}
    start = RuleSet(load_rules([source]))
    fired = {name: alerts(start, part) for name, part in data.items()}
    before_total, after_total = [0, 0, 0], [0, 0, 0]
    print(
        f"{'held back':14} {'before P':>8} {'R':>6} {'tp/fp/fn':>10}  {'after P':>7} {'R':>6} {'tp/fp/fn':>10}  changes"
    )
    for held, part in data.items():
        seen = [fired[name] for name in data if name != held]
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch) / "rules"
            shutil.copytree(source, folder)
            done = refine(folder, {r.name: marked_for(r.name, seen) for r in start.rules}, rounds)
            after = tally(RuleSet(load_rules([folder])), part)
        before = tally(start, part)
        for total, got in ((before_total, before), (after_total, after)):
            total[:] = [total[0] + got.tp, total[1] + got.fp, total[2] + got.fn]
        print(f"{held:14}{cell(before)} {cell(after)}  {len(done.accepted)} (+{len(done.refused)} refused)")
        if verbose:
            for line in done.accepted:
                print(f"    accepted {line}")
        for line in done.refused:
            print(f"    REFUSED by check: {line}")
    print(f"{'pooled':14}{cell(Score(*before_total))} {cell(Score(*after_total))}")


def write(source: Path, target: Path, rounds: int) -> None:
    """Refine on every tuning part at once; the folder goes to ``target`` (the held-out parts after
    v10 are the lead's to score it on)."""
    start = RuleSet(load_rules([source]))
    seen = [alerts(start, items(path)) for path in PARTS.values()]
    shutil.copytree(source, target)
    done = refine(target, {r.name: marked_for(r.name, seen) for r in start.rules}, rounds)
    for line in done.accepted:
        print(f"accepted {line}")
    for line in done.refused:
        print(f"REFUSED by check: {line}")
    print(f"wrote {target}: benchmarks/rules_quality.py --heldout --rules {target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, default=DATA / "rules", help="the rule folder to start from")
    parser.add_argument("--rounds", type=int, default=5, help="changes accepted per rule at most")
    parser.add_argument("--write", type=Path, default=None, help="refine on every tuning part, write the folder here")
    parser.add_argument("--verbose", action="store_true", help="list the changes accepted in each fold")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.write is not None:
        if args.write.exists():
            parser.error(f"--write {args.write}: exists (give a new folder)")
        write(args.rules, args.write, args.rounds)
    else:
        leave_one_out(args.rules, args.rounds, args.verbose)
    print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
