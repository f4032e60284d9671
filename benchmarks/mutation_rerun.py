"""Re-run the survivors of a ``benchmarks.mutation`` run with test files added since.

``python -m benchmarks.mutation_rerun [--max-children N] [--minutes M] BEFORE AFTER HOST NEW_TEST…``

``BEFORE`` is the scratch folder of a finished (or time-boxed) run, such as
``/tmp/monitor-mutation/dedup``; it is copied to ``AFTER`` and left as it was. The test
functions (and fixtures) of each ``NEW_TEST`` file are imported by name into ``HOST``, a file of
the target's test selection, in the copy: mutmut's configuration is unchanged, so it keeps every
verdict it reached and collects test coverage for the new tests only. Then only the mutants
that survived are run again. Adding tests cannot revive a killed mutant (the code and the
other tests are the same), so the after figure is the before run with each survivor's new verdict,
over the same mutants: minutes, where a second time-boxed run would take the whole box again.
A ``--sample`` run's folder holds verdicts for its sample only, so its after is the same sample's;
each figure is given with its 95 % Wilson interval. ``--minutes`` boxes the re-run as
``benchmarks.mutation`` does (a survivor not reached then shows as "not checked").
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from benchmarks.mutation import run, wilson

ROOT = Path(__file__).resolve().parent.parent


def verdicts(work: Path) -> dict[str, str]:
    """Every mutant mutmut reached in ``work``, by name: its outcome."""
    env = {**os.environ, "PYTHONPATH": str(work)}
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=work, env=env, capture_output=True, text=True
    )
    found = (line.strip().rpartition(": ") for line in done.stdout.splitlines() if ": " in line)
    return {name: status for name, _, status in found if status not in ("", "not checked")}


def imported(test_file: str) -> str:
    """An import of ``test_file``'s tests and fixtures by name (pytest collects what a module holds)."""
    tree = ast.parse((ROOT / test_file).read_text(encoding="utf-8"))
    names = [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and (node.name.startswith("test_") or any("fixture" in ast.unparse(d) for d in node.decorator_list))
    ]
    return f"from {Path(test_file).stem} import {', '.join(names)}  # noqa\n"


def main(argv: list[str]) -> int:
    children, minutes = os.cpu_count() or 2, None
    while argv[0] in ("--max-children", "--minutes"):  # fewer workers, a time box: the cores are shared
        if argv[0] == "--minutes":
            minutes = float(argv[1])
        else:
            children = int(argv[1])
        argv = argv[2:]
    before, after, host, *new = argv
    work = Path(after)
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(before, work, symlinks=True)
    for folder in (work, work / "mutants"):  # mutmut runs the tests from its copy in mutants/
        for test_file in new:
            shutil.copy(ROOT / test_file, folder / test_file)
        with open(folder / host, "a", encoding="utf-8") as hosting:
            hosting.write("\n" + "".join(imported(t) for t in new))
    was = verdicts(work)
    survivors = sorted(name for name, status in was.items() if status == "survived")
    run(work, children, minutes, tuple(survivors))
    now = {**dict.fromkeys(survivors, "not checked"), **verdicts(work)}  # a box may leave some unreached
    for label, counts in (("before", Counter(was.values())), ("after", Counter(now.values()))):
        killed, survived = counts.get("killed", 0), counts.get("survived", 0)
        rest = ", ".join(
            f"{n} {status}" for status, n in sorted(counts.items()) if status not in ("killed", "survived")
        )
        low, high = wilson(survived, killed + survived)
        rate = survived / (killed + survived)
        print(
            f"{label}: {killed} killed, {survived} survived, {rest}; survival {rate:.1%} [95 % CI {low:.1%}–{high:.1%}]"
        )
    for name in survivors:
        print(f"    {name}: {now.get(name)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
