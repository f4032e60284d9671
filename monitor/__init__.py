"""monitor: a news monitoring and alerting daemon."""

# The package's version (pyproject.toml reads it from here). A constant: importlib.metadata, which
# reads it from the install, cost ~0.04 CPU-s of imports in every `run --once`, for the User-Agent.
__version__ = "0.1.0"
