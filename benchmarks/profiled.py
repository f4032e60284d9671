"""``python -m benchmarks.profiled OUT -m MODULE ARGS...``: cProfile of every thread of a process.

``python -m cProfile`` sees only the main thread: a ``run --once`` polls in a thread pool, so its
fetches, parses and writes would show as one lock wait. Here each thread started gets a profiler
of its own, and all are merged into ``OUT`` (pstats format) when the module returns or exits.
The clock is each thread's CPU time (``time.thread_time``): a thread waiting for a lock, a
socket or a worker process costs nothing, so the figures add up to the process's CPU.
"""

from __future__ import annotations

import cProfile
import pstats
import runpy
import sys
import threading
import time

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


def main() -> None:
    out, flag, module, *args = sys.argv[1:]
    if flag != "-m":
        raise SystemExit(__doc__)
    threading.Thread.run = _profiled_run  # type: ignore[method-assign]
    sys.argv = [module, *args]
    main_profile = cProfile.Profile(time.thread_time)
    main_profile.enable()
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            raise
    finally:
        main_profile.disable()
        stats = pstats.Stats(main_profile)
        for profile in list(_profiles):
            profile.disable()  # a daemon thread still running: what it did so far
            stats.add(profile)
        stats.dump_stats(out)


if __name__ == "__main__":
    main()
