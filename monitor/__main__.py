import contextlib
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def _absent(*names: str) -> Iterator[None]:
    """Import with ``names`` looking uninstalled (for this import only), where a library tries them as extras."""
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in hidden:
            del sys.modules[name]


def _lean_imports() -> None:
    """What a command line process imports up front, without the extras it never uses (~0.15 CPU-s a run).

    httpcore imports trio and anyio for its async primitives when they are installed (the tests
    install them); monitor's HTTP client is synchronous. sqlite-utils imports numpy and pandas
    to map their types in inserts; the store writes plain values (numpy comes with the dedup index,
    when a cycle needs one)."""
    with _absent("trio", "anyio"):
        import httpcore  # noqa: F401
    with _absent("numpy", "pandas"):
        import sqlite_utils  # noqa: F401


if __name__ == "__main__":  # parser workers import this module too (as __mp_main__): they need none of the CLI
    _lean_imports()
    from monitor.cli import main

    main()
