"""Guards of the house's shape (docs/architecture.md): a pure core, and no import cycle.

The pure core (text, urls, models, errors, durations, parsing, scheduling, dedup, rules,
rendering, delivery policy) takes values and returns values: importing it must not load a
network, database, scheduler or notification library. Each check runs in a fresh
interpreter, so what another test imported cannot hide a leak.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "monitor"

PURE = [
    "monitor.text",
    "monitor.glued",
    "monitor.urls",
    "monitor.models",
    "monitor.errors",
    "monitor.durations",
    "monitor.backoff",
    "monitor.ingest.parse",
    "monitor.ingest.fastparse",
    "monitor.ingest.schedule",
    "monitor.ingest.examine",
    "monitor.ingest.fulltext",
    "monitor.ingest.extract",
    "monitor.dedup",
    "monitor.dedup.events",
    "monitor.dedup.rebuild",
    "monitor.rules",
    "monitor.rules.load",
    "monitor.rules.backtest",
    "monitor.rules.explain",
    "monitor.outbox.render",
    "monitor.outbox.policy",
    "monitor.outbox.target",
]
IO_LIBRARIES = ["httpx", "sqlite3", "sqlite_utils", "apprise", "apscheduler", "prometheus_client"]


@pytest.mark.parametrize("module", PURE)
def test_the_pure_core_imports_no_io_library(module: str) -> None:
    code = (
        f"import json, sys; import {module}; print(json.dumps(sorted(m for m in {IO_LIBRARIES!r} if m in sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [], f"{module} loads I/O libraries"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """The project modules ``path`` (module ``name``) imports when it is imported: not inside functions
    or TYPE_CHECKING blocks, whose imports run later, after every module is loaded."""
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
                continue
            if isinstance(node, ast.If | ast.Try):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in modules else node.module)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    edges = set()
    for target in found:
        if not target.startswith("monitor"):
            continue
        # Importing a.b.c runs a and a.b first, unless the importer lives inside them already.
        parts = target.split(".")
        for i in range(1, len(parts) + 1):
            step = ".".join(parts[:i])
            if step in modules and not name.startswith(step + ".") and step != name:
                edges.add(step)
    return edges


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def walk(node: str, trail: list[str]) -> list[str] | None:
        if node in trail:
            return [*trail[trail.index(node) :], node]
        if node in done:
            return None
        for nxt in sorted(graph.get(node, ())):
            if found := walk(nxt, [*trail, node]):
                return found
        done.add(node)
        return None

    return next((c for name in sorted(graph) if (c := walk(name, []))), None)


def test_the_package_has_no_import_cycle() -> None:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: _top_level_imports(path, name, set(files)) for name, path in files.items()}
    assert _cycle(graph) is None, "import cycle: " + " -> ".join(_cycle(graph) or [])


def test_the_cycle_check_can_fail(tmp_path: Path) -> None:
    """Two modules importing each other are found; imports under TYPE_CHECKING and in functions are not edges."""
    (tmp_path / "a.py").write_text("from monitor.b import x\n")
    (tmp_path / "b.py").write_text(
        "import monitor.a\nif TYPE_CHECKING:\n    import monitor.c\ndef f():\n    import monitor.c\n"
    )
    modules = {"monitor.a", "monitor.b", "monitor.c"}
    graph = {
        "monitor.a": _top_level_imports(tmp_path / "a.py", "monitor.a", modules),
        "monitor.b": _top_level_imports(tmp_path / "b.py", "monitor.b", modules),
    }
    assert graph == {"monitor.a": {"monitor.b"}, "monitor.b": {"monitor.a"}}
    assert _cycle(graph) == ["monitor.a", "monitor.b", "monitor.a"]


def test_no_private_apscheduler_attributes():
    """Issue 12: the daemon used ``scheduler._executors``, which a 3.x release may rename without notice
    (apscheduler is pinned <4 only). Code importing apscheduler reaches no private attribute of another object."""
    offenders = []
    for path in sorted((ROOT / "monitor").rglob("*.py")):
        tree = ast.parse(path.read_text())
        imported = {
            alias.name if isinstance(node, ast.Import) else node.module or ""
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        if not any(name.startswith("apscheduler") for name in imported):
            continue
        offenders += [
            f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ]
    assert offenders == []
