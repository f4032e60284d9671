"""``monitor demo``: the embedded default. Bundled sample feeds served on 127.0.0.1,
the project's rules, alerts printed to the console, one cycle, a fresh database."""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

from monitor import runtime
from monitor.cli import logs
from monitor.config import load_config
from monitor.demo.feedserver import FeedServer
from monitor.outbox.deliver import Outbox
from monitor.pipeline import poll_all

SAMPLES = Path(__file__).parent / "samples" / "feeds"
# Package data (the repository's rules/ is a link here), so the demo works from any install.
PROJECT_RULES = Path(__file__).parent / "rules"

log = logging.getLogger(__name__)


def demo_config(feeds: dict[str, str], state: Path, rules: Path) -> str:
    """A config for the sample feeds (``feeds`` maps URL to outlet name)."""
    listed = "\n".join(f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n' for url, name in feeds.items())
    return f"""# Written by `monitor demo`.
[storage]
path = "{state / "demo.db"}"
[rules]
paths = ["{rules}"]
[notify]
urls = ["console://"]
[alerts]
# The sample stories are from 2025: alert on the whole backlog, not just the last 2 days.
backlog = "3650d"
max_age = "3650d"
{listed}"""


def _outlet(sample: Path) -> str:
    """The sample feed's own <title>: the outlet name a user would see."""
    found = re.search(rb"<title>([^<]+)</title>", sample.read_bytes())
    return found.group(1).decode().strip() if found else sample.stem


def run_demo(state: Path | None = None, rules: Path | None = None) -> int:
    rules = rules or PROJECT_RULES
    with tempfile.TemporaryDirectory(prefix="monitor-demo-") as tmp, FeedServer() as server:
        folder = Path(state) if state else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        paths = server.put_dir(SAMPLES)
        config_file = folder / "demo.toml"
        feeds = {server.url(path): _outlet(SAMPLES / path.lstrip("/")) for path in paths}
        config_file.write_text(demo_config(feeds, folder, rules))
        config = load_config(config_file)
        logs.setup("INFO", config.secrets)
        log.info("serving %d sample feeds at %s", len(paths), server.base)
        pipeline = runtime.build(config)
        try:
            results = poll_all(pipeline)
            sent, failed = Outbox(pipeline.store, pipeline.metrics, pipeline.clock).deliver(
                pipeline.runtime, force=True
            )
            stories = pipeline.store.db["stories"].count
        finally:
            pipeline.close()
        entries = sum(r.new_entries for r in results)
        print(
            f"\nDemo: {len(results)} feeds, {entries} entries in {stories} stories, {sent} alerts sent"
            + (f", {failed} failed" if failed else "")
            + (f"; state kept in {folder}" if state else "")
        )
    return 1 if failed else 0
