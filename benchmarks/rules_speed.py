"""Rule matching speed: every rule compiled together vs a naive per-rule, per-term regex loop.

    .venv/bin/python benchmarks/rules_speed.py            # 1,000 rules × 10,000 entries
    .venv/bin/python benchmarks/rules_speed.py --smoke    # a tiny run, for the test suite

Rules and entries are synthetic but shaped like real ones: two or three ``any`` groups
of words, phrases and wildcards, sometimes a ``none``; entries with a title, a summary
and often a body, words drawn from a Zipf-like vocabulary so common words hit often.
About 30 % of the rules use the operators of issue 14 (unless_near with a window, or a clause and
except:, sentence or clause, near, min_mentions);
the naive loop knows none of them, so results are compared on the other rules.
The naive loop (one compiled regex per term, trees evaluated with short cuts) is slow,
so it runs on a sample of the entries; both figures are per entry, measured in the
same run, and the two matchers' results are compared on that sample. Times are the process's
CPU seconds (``time.process_time``): on a shared machine wall time measures the neighbours.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import replace

from monitor.models import Entry
from monitor.rules import Group, Rule, RuleSet, Term
from monitor.rules.model import Unless
from monitor.text import fold

SYLLABLES = [
    "ka",
    "ri",
    "ba",
    "no",
    "ste",
    "lu",
    "mon",
    "ar",
    "ven",
    "dor",
    "shi",
    "ta",
    "ex",
    "pol",
    "gra",
    "cu",
    "in",
    "sa",
    "ro",
    "mi",
    "de",
    "la",
    "qua",
    "fer",
    "zu",
    "or",
]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def zipf_pick(rng: random.Random, words: list[str]) -> str:
    return words[min(len(words) - 1, int(rng.paretovariate(1.1)) - 1)]


NEW_SHARE = 0.3  # rules using the operators of issue 14; the naive loop checks the others only


def make_term(rng: random.Random, words: list[str]) -> Term:
    word = words[rng.randint(20, 800)]  # fairly common words, not the very commonest
    roll = rng.random()
    if roll < 0.15:
        return Term(f"{word} {words[rng.randint(0, len(words) - 1)]}")
    if roll < 0.25:
        return Term(word[: max(4, len(word) - 2)] + "*")
    return Term(word.capitalize() if rng.random() < 0.5 else word)


def make_rules(rng: random.Random, words: list[str], count: int) -> list[Rule]:
    rules = []
    for number in range(count):
        groups: list[Group | Term] = [
            Group("any", tuple(make_term(rng, words) for _ in range(rng.randint(3, 6))))
            for _ in range(rng.randint(2, 3))
        ]
        if rng.random() < 0.3:
            groups.append(Group("none", (make_term(rng, words),)))
        if rng.random() < NEW_SHARE:  # issue 14's operators: a veto window or clause, one sentence or clause, salience
            vetoes = Group("any", tuple(make_term(rng, words) for _ in range(8)))
            spared = Group("any", tuple(make_term(rng, words) for _ in range(2)))  # except: (litotes)
            veto = rng.choice((Unless(vetoes, within=6), Unless(vetoes, clause=True, exceptions=spared)))
            groups[0] = replace(groups[0], unless=veto, min_mentions=rng.choice((1, 2)))  # type: ignore[arg-type]
            one, clause = rng.random() < 0.5, rng.random() < 0.5  # in one sentence, or one clause
            near = rng.choice((None, 12))
            match = Group("all", tuple(groups), near=near, sentence=one and not clause, clause=one and clause)
            rules.append(Rule(name=f"rule {number}+", match=match))
            continue
        rules.append(Rule(name=f"rule {number}", match=Group("all", tuple(groups))))
    return rules


def make_entries(rng: random.Random, words: list[str], count: int) -> list[Entry]:
    def text(n: int) -> str:
        return " ".join(zipf_pick(rng, words) for _ in range(n))

    return [
        Entry(
            feed_url="https://bench.example/rss",
            outlet="Bench",
            key=str(number),
            link="",
            title=text(rng.randint(8, 14)).capitalize(),
            summary=text(rng.randint(30, 80)) + ".",
            content=text(rng.randint(100, 300)) + "." if rng.random() < 0.5 else "",
        )
        for number in range(count)
    ]


class NaiveMatcher:
    """What the project did before: one regex per term, every rule tried on every entry."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.patterns: dict[Term, re.Pattern[str]] = {}
        for rule in rules:
            self._compile(rule.match)

    def _compile(self, node: Group | Term) -> None:
        if isinstance(node, Term):
            words = fold(node.text.rstrip("*")).split()
            tail = r"\w*" if node.wildcard else r"(?!\w)"
            self.patterns[node] = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + tail)
        else:
            for child in node.children:
                self._compile(child)

    def match(self, entry: Entry) -> list[str]:
        """Rules without the new operators that hold (their results are what is compared)."""
        text = fold("\n".join((entry.title, entry.summary, entry.content)))
        return [rule.name for rule in self.rules if not rule.name.endswith("+") and self._holds(rule.match, text)]

    def _holds(self, node: Group | Term, text: str) -> bool:
        if isinstance(node, Term):
            return self.patterns[node].search(text) is not None
        if node.kind == "none":
            return not any(self._holds(c, text) for c in node.children)
        if node.kind == "any":
            return any(self._holds(c, text) for c in node.children)
        return all(self._holds(c, text) for c in node.children)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--naive-sample", type=int, default=100, help="entries the naive loop is timed on")
    parser.add_argument("--smoke", action="store_true", help="a tiny run (30 rules, 60 entries)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.smoke:
        args.rules, args.entries, args.naive_sample = 30, 60, 60
    rng = random.Random(args.seed)
    words = vocabulary(rng, 4000)
    rules = make_rules(rng, words, args.rules)
    entries = make_entries(rng, words, args.entries)
    chars = sum(len(e.title) + len(e.summary) + len(e.content) for e in entries) / len(entries)
    print(f"{len(rules)} rules ({sum(r.name.endswith('+') for r in rules)} with unless_near, clause, min_mentions)")
    print(f"{len(entries)} entries (mean {chars:.0f} characters of text)")

    started = time.process_time()
    ruleset = RuleSet(rules)
    compile_s = time.process_time() - started
    started = time.process_time()
    fast = [[m.rule for m in ruleset.match(e)] for e in entries]
    fast_s = time.process_time() - started
    fast_ms = fast_s * 1000 / len(entries)
    hits = sum(map(len, fast))
    print(f"compiled: {len(ruleset.program.patterns)} patterns in {compile_s * 1000:.0f} ms")
    print(f"compiled matcher: {fast_s:.2f} s for {len(entries)} entries = {fast_ms:.3f} ms/entry ({hits} matches)")

    sample = entries[: args.naive_sample]
    naive = NaiveMatcher(rules)
    started = time.process_time()
    slow = [naive.match(e) for e in sample]
    naive_s = time.process_time() - started
    naive_ms = naive_s * 1000 / len(sample)
    old_only = [[name for name in found if not name.endswith("+")] for found in fast]
    agree = sum(a == b for a, b in zip(old_only, slow, strict=False))
    print(f"naive regex loop: {naive_s:.2f} s for {len(sample)} entries = {naive_ms:.3f} ms/entry")
    print(f"results agree on {agree}/{len(sample)} sampled entries")
    ratio = naive_ms / fast_ms if fast_ms else float("inf")
    print(f"ratio: compiled is {ratio:.1f}x faster than the naive loop")
    print(f"target (>=20x and <1 ms/entry): {'met' if ratio >= 20 and fast_ms < 1 else 'NOT met'}")
    return 0 if agree == len(sample) else 1


if __name__ == "__main__":
    sys.exit(main())
