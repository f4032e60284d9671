"""Serving the console with waitress: a pure-Python, threaded WSGI server that runs beside the
daemon's scheduler in a thread of its own and stops on request.

waitress because it is production-grade (it buffers slow clients, caps headers and bodies) with
no C extension and no process model of its own: the daemon stays one process with one store.
"""

from __future__ import annotations

import logging
import threading

from flask import Flask
from waitress.server import create_server

from monitor.web.security import loopback

log = logging.getLogger(__name__)
THREADS = 4  # pages are short reads; a backtest takes one thread for up to a second


class Served:
    """A running console: ``url`` to visit, ``close`` to stop (waits for the server thread)."""

    def __init__(self, app: Flask, listen: tuple[str, int]):
        host, port = listen
        self.server = create_server(app, host=host, port=port, threads=THREADS, ident="monitor")
        self.port = int(self.server.effective_port)
        self.url = f"http://{host if ':' not in host else f'[{host}]'}:{self.port}/"
        self.thread = threading.Thread(target=self.server.run, name="web", daemon=True)

    def start(self) -> Served:
        self.thread.start()
        return self

    def close(self) -> None:
        """Stop listening, close open connections (a browser keeps one alive) and the worker threads."""
        for channel in list(self.server._map.values()):
            channel.close()
        self.server.task_dispatcher.shutdown(timeout=2)
        self.thread.join(5.0)


def serve(app: Flask, listen: tuple[str, int], auth: bool) -> Served:
    """Start serving ``app`` on ``listen`` in a thread; raises OSError when the port is taken."""
    served = Served(app, listen).start()
    if not auth and not loopback(listen[0]):
        log.warning(
            "web console on %s without [web] token or users: only requests from this machine are answered", served.url
        )
    log.info("web console at %s", served.url)
    return served
