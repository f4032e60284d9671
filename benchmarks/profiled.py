"""``python benchmarks/profiled.py OUT profile|phases -m MODULE ARGS...``: where a process's CPU goes.

Run as a script (not ``-m``): the checkout measured comes first on PYTHONPATH, and it may
have no such file.

``profile``: cProfile of every thread. ``python -m cProfile`` sees only the main thread: a
``run --once`` polls in a thread pool, so its fetches, parses and writes would show as one
lock wait. Here each thread started gets a profiler of its own, all merged into ``OUT``
(pstats format) when the module returns or exits. The clock is each thread's CPU time
(``time.thread_time``): a thread waiting for a lock, a socket or a worker process costs
nothing, so the figures add up to the process's CPU (inflated by the profiler's overhead).

``phases``: the CPU of a run's steps without a profiler's overhead. The functions named in
``STEPS`` (those this checkout has) are wrapped so that each call adds the calling thread's
CPU time to its step; ``OUT`` gets one line per step: name, calls, CPU seconds. Steps nest
(``runtime.build`` holds the rule loading); "process" is the whole process's CPU,
interpreter start-up included.
"""

from __future__ import annotations

import cProfile
import functools
import importlib
import pstats
import resource
import runpy
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

STEPS = (
    "monitor.cli.run:_cycle",
    "monitor.runtime:build",
    "monitor.runtime:load",
    "monitor.runtime:load_rules",
    "monitor.runtime:load_templates",
    "monitor.runtime:Notifier",
    "monitor.runtime:exposure",
    "monitor.runtime:Store",
    "monitor.runtime:make_client",
    "monitor.runtime:rebuild_index",
    "monitor.pipeline:poll_all",
    "monitor.pipeline.poll:fetch",
    "monitor.pipeline.poll:_read",
    "monitor.ingest.pool:parse_feed",
    "monitor.ingest.parse:to_entry",
    "monitor.ingest.parse:html_to_text",
    "monitor.ingest.parse:canonical_link",
    "monitor.ingest.parse:raw_digest",
    "monitor.ingest.pool:examine",
    "monitor.ingest.examine:examine",
    "monitor.ingest.examine:signatures",
    "monitor.ingest.examine:content_hash",
    "monitor.rules.ruleset:RuleSet.match",
    "monitor.pipeline.poll:fresh",
    "monitor.pipeline.poll:with_articles",
    "monitor.ingest.articles:Articles.texts",
    "monitor.ingest.fulltext:wanted",
    "monitor.pipeline.poll:_store",
    "monitor.pipeline.poll:_succeeded",
    "monitor.pipeline.poll:record",
    "monitor.pipeline.poll:update",
    "monitor.dedup.index:StoryIndex.decide",
    "monitor.dedup.index:StoryIndex.add",
    "monitor.store:Store.add_entry",
    "monitor.pipeline.record:_alerts",
    "monitor.outbox.deliver:Outbox.deliver",
    "monitor.outbox.deliver:send",
    "monitor.outbox.render:Templates.alert",
    "monitor.runtime:prune",
    "monitor.store:Store.catch_up_fts",
    "monitor.pipeline.parts:Pipeline.keep_index",
    "monitor.pipeline.parts:Pipeline.close",
    "monitor.ingest.pool:FeedParser.close",
)

_spent: dict[str, list[float]] = {}


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    tally = _spent.setdefault(name, [0, 0.0])

    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            tally[0] += 1
            tally[1] += time.thread_time() - started

    return timed


def _wrap(step: str) -> None:
    module_name, _, path = step.partition(":")
    try:
        owner: Any = importlib.import_module(module_name)
    except ImportError:
        return
    *parents, attribute = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent, None)
    if owner is not None and hasattr(owner, attribute):
        setattr(owner, attribute, _timed(step, getattr(owner, attribute)))


_profiles: list[cProfile.Profile] = []
_plain_run = threading.Thread.run


def _profiled_run(self: threading.Thread) -> None:
    profile = cProfile.Profile(time.thread_time)
    _profiles.append(profile)
    profile.enable()
    try:
        _plain_run(self)
    finally:
        profile.disable()


def _run_as_main(module: str, args: list[str]) -> None:
    """``python -m module args``, in this process; a clean exit returns."""
    sys.argv = [module, *args]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            raise


def profile(out: str, module: str, args: list[str]) -> None:
    threading.Thread.run = _profiled_run  # type: ignore[method-assign]
    main_profile = cProfile.Profile(time.thread_time)
    main_profile.enable()
    try:
        _run_as_main(module, args)
    finally:
        main_profile.disable()
        stats = pstats.Stats(main_profile)
        for thread_profile in list(_profiles):
            thread_profile.disable()  # a daemon thread still running: what it did so far
            stats.add(thread_profile)
        stats.dump_stats(out)


def phases(out: str, module: str, args: list[str]) -> None:
    started = time.thread_time()
    entry = importlib.import_module(f"{module}.__main__")  # its start-up hook, if it has one, as `python -m` runs it
    getattr(entry, "_lean_imports", lambda: None)()
    import monitor.cli  # noqa: F401  (what every command imports first)

    _spent["import monitor.cli"] = [1, time.thread_time() - started]
    started = time.thread_time()
    for step in STEPS:
        _wrap(step)
    _spent["imports of the steps' modules (wrapping)"] = [1, time.thread_time() - started]
    try:
        _run_as_main(module, args)
    finally:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        _spent["process"] = [1, usage.ru_utime + usage.ru_stime]
        with open(out, "w") as file:
            for name, (calls, seconds) in _spent.items():
                file.write(f"{name}\t{calls}\t{seconds:.3f}\n")


def main() -> None:
    out, how, flag, module, *args = sys.argv[1:]
    if flag != "-m" or how not in ("profile", "phases"):
        raise SystemExit(__doc__)
    {"profile": profile, "phases": phases}[how](out, module, args)


if __name__ == "__main__":
    main()
