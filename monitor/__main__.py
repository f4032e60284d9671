def _lean_imports() -> None:
    """What a command line process imports up front, without the extras it never uses (~0.1 CPU-s a run).

    httpcore imports trio and anyio for its async primitives when they are installed (the tests
    install them); monitor's HTTP client is synchronous. (sqlite-utils is imported by the store
    only when it is used: ``StoreBase.db``.)"""
    from monitor.store.helpers import absent

    with absent("trio", "anyio"):
        import httpcore  # noqa: F401


if __name__ == "__main__":  # parser workers import this module too (as __mp_main__): they need none of the CLI
    _lean_imports()
    from monitor.cli import main

    main()
