"""A real newsroom for the console's tests: feeds on 127.0.0.1 (one hostile, one failing), a rule
file, a JSON receiver as the target, one poll and one delivery through the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from flask import Flask

from monitor import runtime
from monitor.config import load_config
from monitor.demo.feedserver import FeedServer
from monitor.outbox.deliver import deliver
from monitor.pipeline import Pipeline, poll_all
from monitor.web import Console, create_app
from tests.conftest import JsonReceiver, serve_json_receiver, write_config

RULES = """\
- name: quake
  severity: urgent
  match:
    - any: [earthquake]
"""
# A canary in the title and the body: if either ever runs as script, window.__xss is set.
CANARY_TITLE = 'Earthquake <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>'
CANARY_BODY = '<p>Aftershock</p><img src=x onerror="window.__xss=3"><script>window.__xss=4</script>'
SECRET = "s3cr3t-T0KEN-never-shown"


@dataclass
class Newsroom:
    folder: Path
    server: FeedServer
    receiver: JsonReceiver
    pipeline: Pipeline
    items: list[tuple[str, str, str]] = field(default_factory=list)  # (guid, title, body)
    reloads: list[str] = field(default_factory=list)

    @property
    def feed_url(self) -> str:
        return self.server.url("/wire.xml")

    def publish(self, guid: str, title: str, body: str = "") -> None:
        """Add an item to the wire feed (served at once; seen at the next poll)."""
        self.items.append((guid, title, body))
        self.server.put("/wire.xml", rss(self.items, datetime.now(UTC) - timedelta(minutes=5)))

    def cycle(self) -> None:
        """One poll of every feed and one delivery pass, as `run --once` does."""
        poll_all(self.pipeline)
        deliver(self.pipeline, force=True)

    def console(self, **web: object) -> Console:
        def reload() -> str:
            self.reloads.append("reload")
            return "reload asked"

        config = self.pipeline.runtime.config
        if web:
            from dataclasses import replace

            config = replace(config, web=replace(config.web, **web))
        return Console(config, self.pipeline.store, lambda: self.pipeline.runtime, reload, self.pipeline.clock)

    def app(self, **web: object) -> Flask:
        app = create_app(self.console(**web))
        app.testing = True
        return app


def rss(items: list[tuple[str, str, str]], when: datetime) -> str:
    """Titles and bodies escaped twice: the store keeps their markup as literal text, the worst case
    for the console (once-escaped markup is turned into plain text by the parser)."""
    from xml.sax.saxutils import escape

    body = "".join(
        f"<item><guid>{guid}</guid><title>{escape(escape(title))}</title><link>https://wire.example/{guid}</link>"
        f"<description>{escape(escape(text))}</description><pubDate>{format_datetime(when)}</pubDate></item>"
        for guid, title, text in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'


@contextmanager
def newsroom(folder: Path) -> Iterator[Newsroom]:
    with FeedServer() as server, serve_json_receiver() as receiver:
        target = f"{receiver.url}?token={SECRET}"
        config_path = write_config(folder, [server.url("/wire.xml"), server.url("/broken.xml")], [target], rules=RULES)
        room = Newsroom(folder, server, receiver, None)  # type: ignore[arg-type]
        room.publish("a1", "Earthquake hits the coast", "A strong earthquake struck the coast at dawn.")
        room.publish("a2", CANARY_TITLE, CANARY_BODY)
        room.publish("a3", "Markets calm", "Stocks were flat.")
        room.pipeline = runtime.build(load_config(config_path))
        try:
            room.cycle()
            yield room
        finally:
            room.pipeline.close()
