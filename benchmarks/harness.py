"""What every scenario shares: the feed server process, configs, and CPU/RSS of a process tree."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import feedparser
import httpx
import psutil

from benchmarks.workload import Spec, Workload, rules_yaml

ROOT = Path(__file__).resolve().parent.parent


class Served:
    """The workload on a real FeedServer in a child process (``benchmarks.serve``)."""

    def __init__(self, spec: Spec, port: int = 0):
        self.spec = spec
        self.workload = Workload(spec)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.serve", f"--port={port}"]
            + [f"--{k}={getattr(spec, k)}" for k in ("seed", "feeds", "entries", "now")],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())
        self.base = f"http://127.0.0.1:{self.port}"

    def urls(self) -> list[str]:
        return [self.base + path for path in self.workload.paths()]

    def publish(self, cycle: int, ignore: float = 0.0) -> None:
        """Serve ``cycle``; the first ``ignore`` share of feeds resend whole bodies, no validators."""
        httpx.get(f"{self.base}/_control", params={"cycle": cycle, "ignore": ignore}, timeout=600).raise_for_status()

    def bodies(self) -> list[bytes]:
        """The bytes every feed serves now, fetched once (the same bytes the pipeline gets)."""
        with httpx.Client() as client:
            return [client.get(url).content for url in self.urls()]

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(30)


@contextmanager
def served(spec: Spec) -> Iterator[Served]:
    server = Served(spec)
    try:
        yield server
    finally:
        server.close()


def write_config(folder: Path, urls: list[str], rules: int, *, interval: str = "15m", extra: str = "") -> Path:
    """A monitor config for ``urls`` with ``rules`` generated rules and a target that is never called."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules").mkdir(exist_ok=True)
    (folder / "rules" / "bench.yaml").write_text(rules_yaml(rules))
    lines = [
        "[storage]",
        'path = "state.db"',
        "[rules]",
        'paths = ["rules"]',
        "[notify]",
        'urls = ["json://127.0.0.1:9/never-called"]',
        "[polling]",
        "concurrency = 8",
        # Every workload feed is served from 127.0.0.1, where a real deployment's feeds sit on
        # hundreds of hosts: with the default two fetches per host, 5,000 small feeds measured
        # the feed server's latency (447 vs 1,192 e/s for 1,000 feeds of 10 entries).
        "per_host = 8",
        extra,
    ]
    for number, url in enumerate(urls):
        lines += ["[[feeds]]", f'url = "{url}"', f'name = "Outlet {number:05d}"', f'interval = "{interval}"']
    path = folder / "config.toml"
    path.touch(mode=0o600)  # it holds a target URL: monitor warns about a config others can read
    path.chmod(0o600)
    path.write_text("\n".join(lines) + "\n")
    return path


@dataclass(frozen=True, slots=True)
class Usage:
    wall: float
    cpu: float  # user + system seconds of the process and its children
    peak_rss_mb: float  # the largest resident set seen (sampled), the tree summed
    own_cpu: float = 0.0  # user + system seconds of the process itself (all its threads)


class Meter:
    """Wall time, CPU seconds and peak RSS of this process and its children (parser workers)."""

    def __init__(self, pid: int | None = None):
        self.proc = psutil.Process(pid)
        self._seen: dict[int, float] = {}  # cpu seconds of children that have since exited
        self.peak = 0.0

    def cpu(self) -> float:
        total = sum(self.proc.cpu_times()[:2])
        for child in self.proc.children(recursive=True):
            with suppress(psutil.NoSuchProcess):
                self._seen[child.pid] = sum(child.cpu_times()[:2])
        return total + sum(self._seen.values())

    def rss_mb(self) -> float:
        total = self.proc.memory_info().rss
        for child in self.proc.children(recursive=True):
            with suppress(psutil.NoSuchProcess):
                total += child.memory_info().rss
        self.peak = max(self.peak, total / 2**20)
        return total / 2**20

    @contextmanager
    def measure(self, out: list[Usage], interval: float = 0.1) -> Iterator[None]:
        """Appends the Usage of the block to ``out``, sampling RSS every ``interval`` seconds."""
        import threading

        stop = threading.Event()
        self.peak = 0.0

        def sample() -> None:
            while not stop.wait(interval):
                self.rss_mb()
                self.cpu()

        thread = threading.Thread(target=sample, daemon=True)
        cpu0, wall0, own0 = self.cpu(), time.perf_counter(), sum(self.proc.cpu_times()[:2])
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
            self.rss_mb()
            own = sum(self.proc.cpu_times()[:2]) - own0
            out.append(Usage(time.perf_counter() - wall0, self.cpu() - cpu0, self.peak, own))


def feedparser_alone(bodies: list[bytes]) -> tuple[float, int, float]:
    """Wall seconds, entries and CPU seconds for feedparser.parse on every body, one process, nothing else."""
    entries = 0
    started, cpu = time.perf_counter(), time.process_time()
    for body in bodies:
        entries += len(feedparser.parse(io.BytesIO(body)).entries)
    return time.perf_counter() - started, entries, time.process_time() - cpu
