"""Mutation testing of the pure core: how many deliberate bugs the tests catch.

``python -m benchmarks.mutation [rules outbox outbox-core dedup] [--paths FILE…] [--tests FILE…] [--minutes N]
[--sample N --seed S]``

Not part of CI (a package takes from minutes to an hour on two cores). For each package it
copies the checkout to a scratch folder (the repository is never touched), runs mutmut 3
there over that package with the tests that exercise it in-process, and prints one line:
mutants, killed, survived, no tests, timeouts, and the survival rate
(survived / (killed + survived)). ``--survivors`` lists every surviving mutant by name;
``mutmut show NAME`` in the scratch folder shows its diff.

``outbox-core`` is the outbox's pure modules (policy, holds, cooldown, digests, payloads, chat,
webhook, and monitor/backoff.py) against the fast tests that exercise them: minutes, not an hour
(the delivery loop's tests, with receivers that stall on purpose, stay in ``outbox``).
``--paths`` narrows any target to some files (``--paths monitor/outbox/chat.py``), ``--tests``
replaces its test selection. ``--minutes`` is a time box per target: mutmut is interrupted
and the mutants it reached are reported; every report line is also broken down per module.

A box reaches a prefix of the package in mutmut's order (fastest tests first), so its rate is not
the package's. ``--sample N --seed S`` measures the whole package instead: mutmut generates every
mutant, then a seeded uniform random ``N`` of them (the same names for the same seed and code) are
run with ``mutmut run NAME…``; the report gives the survival rate with its 95 % Wilson interval.
The chosen names are written to ``sample.txt`` in the scratch folder. mutmut runs the mutants
with the fastest tests first, so a box that cuts a sample short leaves out the slow ones:
``--resume`` (same ``--work``) runs the rest of that sample and reports the whole of it.

mutmut runs the tests in this process's children, so a test that only drives a CLI child
process (``run_cli``) cannot see a mutant: such code counts as "no tests", not as survived.
The figures measured, and each survivor left with its reason: benchmarks/mutation_survivors.md.
``benchmarks/mutation_rerun.py`` runs a finished run's survivors again with test files added since.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Target:
    """A package to mutate and the in-process tests that exercise it."""

    package: str
    tests: tuple[str, ...]
    paths: tuple[str, ...] = ()  # the files to mutate, when not the whole package

    def globs(self) -> tuple[str, ...]:
        return self.paths or (f"{self.package}/*",)


OUTBOX_CORE = ("policy", "holds", "cooldown", "digests", "payloads", "chat", "webhook")
TARGETS = {
    "rules": Target(
        "monitor/rules",
        (
            "tests/test_rules_match.py",
            "tests/test_rules_load.py",
            "tests/test_rule_burst.py",
            "tests/test_fast_paths.py",
            "tests/test_properties.py",
            "tests/test_rules_operators.py",
            "tests/test_rules_alert_context.py",
            "tests/test_rules_feedback.py",
            "tests/test_spike.py",
            "tests/test_fts_index.py",
            "tests/test_mutation_kills.py",
            "tests/test_mutation_kills_rules.py",
            "tests/test_mutation_kills_rule_signals.py",
            "tests/test_mutation_kills_rule_feedback.py",
            "tests/test_mutation_kills_rule_keys.py",
            "tests/test_mutation_kills_near_misses.py",
            "tests/test_mutation_kills_explain.py",
            "tests/test_mutation_kills_backtest.py",
            "tests/test_mutation_kills_spelling.py",
            "tests/test_mutation_kills_suggest.py",
            "tests/test_mutation_kills_terms.py",
            "tests/test_mutation_kills_rules_core.py",
            "tests/test_mutation_kills_rules_arabic.py",
            "tests/test_mutation_kills_rules_clause.py",
            "tests/test_mutation_kills_rules_sample.py",
        ),
    ),
    "outbox": Target(
        "monitor/outbox",
        (
            "tests/test_delivery.py",
            "tests/test_messages.py",
            "tests/test_alert_kinds.py",
            "tests/test_catchup.py",
            "tests/test_schedule.py",
            "tests/test_outbox.py",
            "tests/test_webhook.py",
            "tests/test_chat.py",
            "tests/test_rules_alert_context.py",
            "tests/test_mutation_kills.py",
            "tests/test_mutation_kills_outbox.py",
            "tests/test_mutation_kills_payloads.py",
            "tests/test_mutation_kills_chat.py",
            "tests/test_mutation_kills_hooks.py",
            "tests/test_mutation_kills_notices.py",
            "tests/test_spike_alerts.py",
            # Only test_lean's in-process test: the others drive a child process (they see no mutant),
            # and the 304-cycle one fails mutmut's clean run there: the child imports the mutated copy,
            # whose trampolines import mutmut, whose __init__ imports importlib.metadata, a module the
            # test asserts a cycle of 304s never loads.
            "tests/test_lean.py::test_a_lean_notifier_checks_and_names_urls_as_the_plain_one_does",
            "tests/test_mutation_kills_dry_run.py",
            "tests/test_mutation_kills_outbox_rest.py",
            "tests/test_mutation_kills_outbox_catchup.py",
            "tests/test_mutation_kills_outbox_sample.py",
            "tests/test_refusals.py",  # outbox/refusals.py, in process (a real receiver)
        ),
    ),
    "outbox-core": Target(
        "monitor/outbox",
        (
            "tests/test_webhook.py",
            "tests/test_chat.py",
            "tests/test_schedule.py",
            "tests/test_mutation_kills_outbox.py",
            "tests/test_mutation_kills_payloads.py",
            "tests/test_mutation_kills_chat.py",
        ),
        (*(f"monitor/outbox/{name}.py" for name in OUTBOX_CORE), "monitor/backoff.py"),
    ),
    "dedup": Target(
        "monitor/dedup",
        (
            "tests/test_dedup.py",
            "tests/test_dedup_index.py",
            "tests/test_dedup_e2e.py",
            "tests/test_mutation_kills.py",
            "tests/test_mutation_kills_dedup.py",
            "tests/test_mutation_kills_dedup_compare.py",
            "tests/test_mutation_kills_dedup_clean.py",
            "tests/test_mutation_kills_dedup_tables.py",
            "tests/test_mutation_kills_dedup_load.py",
            "tests/test_mutation_kills_dedup_says.py",
            "tests/test_mutation_kills_dedup_facts.py",
            "tests/test_mutation_kills_dedup_numbers.py",
            "tests/test_mutation_kills_dedup_decide.py",
            "tests/test_mutation_kills_dedup_follow.py",
            "tests/test_mutation_kills_dedup_words.py",
            "tests/test_mutation_kills_dedup_opening.py",
            "tests/test_mutation_kills_dedup_series.py",
            "tests/test_mutation_kills_dedup_lengths.py",
            "tests/test_dedup_eventnames.py",
            "tests/test_dedup_anchors.py",  # a headline naming another place (``_new_story``'s heads)
            # The in-process tests of these files (their CLI tests see no mutant and take 20 s each).
            "tests/test_dedup_clean.py::test_wrapping_is_recognised_by_its_shape",
            "tests/test_dedup_clean.py::test_sentences_that_look_like_wrapping_are_kept",
            "tests/test_dedup_clean.py::test_us_and_uk_spellings_fold_to_one_form",
            "tests/test_dedup_shapes.py::test_a_byline_in_any_language_is_wrapping",
            "tests/test_dedup_shapes.py::test_a_truncation_marker_in_any_language_ends_the_text",
            "tests/test_dedup_shapes.py::test_sentences_shaped_like_wrapping_stay",
            "tests/test_dedup_shapes.py::test_a_number_written_another_way_is_one_fact",
            "tests/test_dedup_shapes.py::test_a_round_up_quoting_several_stories_is_none_of_them_but_a_copy_joins",
            "tests/test_dedup_shapes.py::test_a_round_up_quoting_a_little_of_each_story_joins_none_of_their_events",
            "tests/test_dedup_shapes.py::test_the_bulk_rebuild_is_the_index_adding_each_entry_gives",
            "tests/test_dedup_shapes.py::test_a_summary_too_short_to_compare_joins_by_its_headline_alone",
        ),
    ),
}
COUNTED = ("killed", "survived", "no tests", "timeout", "suspicious", "segfault", "skipped", "not checked")


def prepare(work: Path, target: Target) -> None:
    """A fresh copy of the checkout in ``work`` with a mutmut section naming ``target``."""
    if work.exists():
        shutil.rmtree(work)
    ignore = shutil.ignore_patterns(".git", ".venv", "mutants", "__pycache__", ".mypy_cache", ".ruff_cache")
    shutil.copytree(ROOT, work, ignore=ignore)
    tests = list(target.tests)
    (work / "setup.cfg").write_text(
        "[mutmut]\n"
        "source_paths=\n    monitor\n"
        "also_copy=\n    rules\n    docs\n    benchmarks\n    README.md\n    config.example.toml\n"
        "only_mutate=\n"
        + "".join(f"    {glob}\n" for glob in target.globs())
        + "pytest_add_cli_args=\n    -p\n    no:cacheprovider\n    -q\n"
        "pytest_add_cli_args_test_selection=\n" + "".join(f"    {t}\n" for t in tests)
    )


# mutmut 3 has no command that only generates: the first steps of its ``run``, through its API.
GENERATE = """
import os
from mutmut.__main__ import (copy_also_copy_files, copy_src_dir, create_mutants, set_mutant_under_test,
                             setup_source_paths, store_lines_covered_by_tests)
set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
copy_src_dir()
copy_also_copy_files()
setup_source_paths()
store_lines_covered_by_tests()
create_mutants(%d)
"""


def generate(work: Path, max_children: int) -> list[str]:
    """Every mutant of the target in ``work``, by name, sorted (mutmut's .meta files after generation)."""
    env = {**os.environ, "PYTHONPATH": str(work)}
    command = [sys.executable, "-c", GENERATE % max_children]
    subprocess.run(command, cwd=work, env=env, check=True, stdout=subprocess.DEVNULL)
    return mutant_names(work)


def mutant_names(work: Path) -> list[str]:
    """Every mutant generated in ``work``, by name, sorted."""
    names = []
    for meta in (work / "mutants").rglob("*.py.meta"):
        names += json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return sorted(names)


def sample(names: list[str], size: int, seed: int) -> list[str]:
    """A uniform random ``size`` of ``names`` (all when fewer), the same for the same seed and names."""
    chosen = random.Random(seed).sample(sorted(names), min(size, len(names)))
    return sorted(chosen)


def wilson(survived: int, checked: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (95 % for z = 1.96) of a proportion ``survived`` of ``checked``.

    Unlike p ± z·sqrt(p(1-p)/n) it stays within [0, 1] and is not empty at 0 survivors.
    """
    if not checked:
        return 0.0, 1.0
    p = survived / checked
    scale = 1 + z * z / checked
    centre = (p + z * z / (2 * checked)) / scale
    half = z / scale * math.sqrt(p * (1 - p) / checked + z * z / (4 * checked * checked))
    return max(0.0, centre - half), min(1.0, centre + half)


def run(work: Path, max_children: int, minutes: float | None, mutants: tuple[str, ...] = ()) -> dict[str, int]:
    """Run mutmut in ``work`` (only ``mutants`` when given) for at most ``minutes``; the count by outcome.

    Time-boxed, mutmut is stopped with SIGINT and the mutants it did not reach count as "not checked".
    """
    # Fewer Hypothesis examples per mutant (tests/conftest.py): a property test runs once per mutant.
    env = {**os.environ, "PYTHONPATH": str(work), "HYPOTHESIS_PROFILE": "mutation"}
    # A session of its own: a time box ends mutmut's workers with it (they ignore SIGINT, and a
    # plain kill of mutmut left them running on, orphaned).
    mutmut = subprocess.Popen(
        [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children), *mutants],
        cwd=work,
        env=env,
        start_new_session=True,
    )
    try:
        mutmut.wait(timeout=minutes * 60 if minutes else None)
    except subprocess.TimeoutExpired:
        stop(mutmut)
    finally:
        signal_group(mutmut.pid, signal.SIGKILL)  # any worker left behind
    subprocess.run([sys.executable, "-m", "mutmut", "export-cicd-stats"], cwd=work, env=env, check=True)
    stats = json.loads((work / "mutants" / "mutmut-cicd-stats.json").read_text())
    return {key.replace("_", " "): int(value) for key, value in stats.items() if isinstance(value, int)}


def stop(mutmut: subprocess.Popen[bytes]) -> None:
    """Interrupt mutmut (it saves what it reached), then terminate its session if it lingers."""
    for sig, grace in ((signal.SIGINT, 30), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        signal_group(mutmut.pid, sig)
        try:
            mutmut.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def signal_group(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):  # the session has ended already
        os.killpg(pid, sig)


def outcomes(work: Path) -> dict[str, str]:
    """Every mutant mutmut reached, by name (``monitor.outbox.chat.x_slack__mutmut_3``): its outcome."""
    env = {**os.environ, "PYTHONPATH": str(work)}
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = (line.strip().rpartition(": ") for line in done.stdout.splitlines() if ": " in line)
    return {name: status for name, _, status in found if status not in ("", "not checked")}


def by_module(results: dict[str, str]) -> dict[str, Counter[str]]:
    """Outcomes counted per module: the name's part before the mutated function (``.x_`` or ``.xǁ``)."""
    counts: dict[str, Counter[str]] = {}
    for name, status in results.items():
        module = re.split(r"\.x[_ǁ]", name, maxsplit=1)[0]
        counts.setdefault(module, Counter())[status] += 1
    return dict(sorted(counts.items()))


def line(name: str, counts: dict[str, int], seconds: float, interval: bool = False) -> str:
    """One report line; with ``interval``, the survival rate's 95 % Wilson interval too."""
    killed, survived = counts.get("killed", 0), counts.get("survived", 0)
    rate = survived / (killed + survived) if killed + survived else 0.0
    others = ", ".join(f"{counts[k]} {k}" for k in COUNTED[2:] if counts.get(k))
    low, high = wilson(survived, killed + survived)
    ci = f" [95 % CI {low:.1%}–{high:.1%}]" if interval else ""
    return (
        f"{name}: {counts.get('total', sum(counts.values()))} mutants, {killed} killed, {survived} survived"
        f"{', ' + others if others else ''}; survival {rate:.1%}{ci} ({seconds / 60:.0f} min)"
    )


def measure(name: str, work: Path, target: Target, args: argparse.Namespace) -> list[str]:
    """Run one target (whole, time-boxed or sampled) in ``work``; its report lines."""
    started = time.monotonic()
    if args.sample or args.resume:
        name, counts, results = sampled(name, work, target, args)
    else:
        prepare(work, target)
        counts = run(work, args.max_children, args.minutes)
        results = outcomes(work)
    report = [line(name, counts, time.monotonic() - started, interval=bool(args.sample or args.resume))]
    for module, tally in by_module(results).items():
        report.append("  " + line(module, dict(tally), 0).replace(" (0 min)", ""))
    if args.survivors:
        report += [f"    {mutant}: survived" for mutant, status in sorted(results.items()) if status == "survived"]
    return report


def sampled(
    name: str, work: Path, target: Target, args: argparse.Namespace
) -> tuple[str, dict[str, int], dict[str, str]]:
    """A seeded sample run in ``work``, or (``--resume``) the rest of the sample a time box cut short there."""
    if args.resume:
        chosen = (work / "sample.txt").read_text(encoding="utf-8").split()
        everything = mutant_names(work)
        left = tuple(sorted(set(chosen) - set(outcomes(work))))
        if left:
            run(work, args.max_children, args.minutes, left)
    else:
        prepare(work, target)
        everything = generate(work, args.max_children)
        chosen = sample(everything, args.sample, args.seed)
        (work / "sample.txt").write_text("".join(f"{mutant}\n" for mutant in chosen), encoding="utf-8")
        run(work, args.max_children, args.minutes, tuple(chosen))
    picked = set(chosen)
    results = {mutant: status for mutant, status in outcomes(work).items() if mutant in picked}
    counts = dict(Counter(results.values()), total=len(chosen))
    counts["not checked"] = len(chosen) - len(results)
    return f"{name} (sample of {len(chosen)} of {len(everything)} mutants)", counts, results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.mutation", description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="*", default=["rules", "outbox"], choices=sorted(TARGETS))
    parser.add_argument("--work", type=Path, default=Path("/tmp/monitor-mutation"), help="scratch folder")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--survivors", action="store_true", help="list every surviving mutant")
    parser.add_argument("--minutes", type=float, default=None, help="time box per target (default: none)")
    parser.add_argument("--paths", nargs="+", default=(), help="mutate only these files (globs) of the target")
    parser.add_argument("--tests", nargs="+", default=(), help="run these test files instead of the target's")
    parser.add_argument("--sample", type=int, default=0, help="run a seeded uniform random N of all mutants")
    parser.add_argument("--seed", type=int, default=1, help="the sample's seed (default 1)")
    parser.add_argument("--resume", action="store_true", help="run the rest of the sample in --work a box cut short")
    args = parser.parse_args(argv)
    report = []
    for name in args.packages:
        target = TARGETS[name]
        target = Target(target.package, tuple(args.tests) or target.tests, tuple(args.paths) or target.paths)
        report += measure(name, args.work / name, target, args)
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
