"""What a user would use instead: a hand-rolled script, and rss2email."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import feedparser
import yaml
from rapidfuzz import fuzz, process


@dataclass(frozen=True, slots=True)
class HandRolled:
    wall: float
    cpu: float
    entries: int
    total: int  # entries it would have read without the time cap
    alerts: int

    @property
    def finished(self) -> bool:
        return self.entries >= self.total


def hand_rolled(urls: list[str], rules_text: str, db: Path, total: int, cap: float) -> HandRolled:
    """feedparser.parse(url) in a loop, a rapidfuzz scan of every stored entry, a regex per rule group.

    Stops after ``cap`` seconds: its dedup is quadratic in the entries stored.
    """
    rules = [_rule_regexes(rule) for rule in yaml.safe_load(rules_text)]
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY, title TEXT, text TEXT)")
    stored: list[str] = []
    entries = alerts = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for url in urls:
        for entry in feedparser.parse(url).entries:
            text = entry.get("title", "") + " " + re.sub("<[^>]+>", " ", entry.get("summary", ""))
            duplicate = process.extractOne(text, stored, scorer=fuzz.ratio, score_cutoff=90)
            stored.append(text)
            conn.execute("INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", (entry.get("id", ""), entry.get("title"), text))
            if duplicate is None:
                full = text + " " + " ".join(c.get("value", "") for c in entry.get("content", []))
                alerts += sum(1 for every, never in rules if all(r.search(full) for r in every) and not never(full))
            entries += 1
        conn.commit()
        if time.perf_counter() - wall0 > cap:
            break
    conn.close()
    return HandRolled(time.perf_counter() - wall0, time.process_time() - cpu0, entries, total, alerts)


def _rule_regexes(rule: dict) -> tuple[list[re.Pattern[str]], object]:
    """Regexes for a rule's "all: [any: [...]]" groups or its top-level "any:" words, and its "none:".

    What a script would do: plain words only (aliases, near, fields, fuzzy and regex terms are ignored)."""
    match = rule["match"]
    groups = [g for g in match.get("all", []) if isinstance(g, dict) and "any" in g]
    if not groups and "any" in match:
        groups = [{"any": [t for t in match["any"] if isinstance(t, str)]}]
    words = [[t for t in g["any"] if isinstance(t, str)] for g in groups]
    # A group with no plain word would hold everywhere: such a rule never matches instead.
    every = [re.compile(r"\b(" + "|".join(map(_word, w)) + r")\b" if w else "(?!)", re.I) for w in words]
    none = rule["match"].get("none")
    never = re.compile(r"\b(" + "|".join(_word(t) for t in none) + r")\b", re.I).search if none else lambda _: None
    return every, never


def _word(term: str) -> str:
    return re.escape(term.rstrip("*")) + (r"\w*" if term.endswith("*") else "")


@dataclass(frozen=True, slots=True)
class Rss2Email:
    wall: float
    cpu: float


class Rss2EmailRunner:
    """rss2email in a venv of its own, installed at run time with pip; ``problem`` says why not."""

    def __init__(self, folder: Path, urls: list[str]):
        self.folder = folder
        self.problem = ""
        venv = folder / "venv"
        self.r2e = venv / "bin" / "r2e"
        try:
            if not self.r2e.exists():
                subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
                subprocess.run(
                    [str(venv / "bin" / "pip"), "install", "-q", "rss2email"], check=True, capture_output=True
                )
        except (subprocess.CalledProcessError, OSError) as exc:
            stderr = getattr(exc, "stderr", b"") or b""
            self.problem = f"rss2email could not be installed: {exc} {stderr.decode(errors='replace')[-300:]}"
            return
        self.config = folder / "r2e.cfg"
        self.data = folder / "r2e.json"
        self.config.unlink(missing_ok=True)
        self.data.unlink(missing_ok=True)
        self._r2e("new", "bench@example.com")
        sections = [f"\n[feed.o{n:05d}]\nurl = {url}\n" for n, url in enumerate(urls)]
        self.config.write_text(self.config.read_text().replace("verbose = info", "verbose = error") + "".join(sections))

    def _r2e(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.r2e), "-c", str(self.config), "-d", str(self.data), *args],
            check=True,
            capture_output=True,
            text=True,
        )

    def run(self) -> Rss2Email:
        """One ``r2e run --no-send``: wall and CPU seconds of the child process."""
        import resource

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall0 = time.perf_counter()
        self._r2e("run", "--no-send")
        wall = time.perf_counter() - wall0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return Rss2Email(wall, cpu)
