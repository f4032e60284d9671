"""Alert-centric metrics (prometheus-client) and the optional ``[http]`` endpoint.

Every Pipeline records into its own ``Metrics`` (its own registry, so tests and
several pipelines never share counters); ``serve`` exposes them on
``/metrics`` next to ``/healthz`` when ``[http] listen`` is set. Feed and rule
names are labels; target labels are the target *names*, never their URLs.
Without a listener nobody can read them: ``Unrecorded`` counts nothing, and
prometheus-client is never imported (a `run --once` or a daemon without ``[http]``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # wsgiref brings http.server: only a daemon with [http] listen loads it (``serve``)
    from wsgiref.simple_server import WSGIServer


log = logging.getLogger(__name__)

# From a minute to two days: feeds are polled every few minutes, backlogs are days old.
_LATENCY = (30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400, 172800)


class Metrics:
    """The counters the pipeline, delivery and daemon update."""

    def __init__(self) -> None:
        from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, PlatformCollector, ProcessCollector

        self.registry = CollectorRegistry()
        r = self.registry
        ProcessCollector(registry=r)  # empty where /proc/stat is hidden (systemd ProcSubset=pid)
        PlatformCollector(registry=r)
        self.publish_to_detect = Histogram(
            "monitor_publish_to_detect_seconds",
            "From an entry's publication date to the poll that found it",
            buckets=_LATENCY,
            registry=r,
        )
        self.detect_to_deliver = Histogram(
            "monitor_detect_to_deliver_seconds",
            "From queueing an alert to its target accepting it",
            buckets=_LATENCY,
            registry=r,
        )
        self.polls = Counter("monitor_polls_total", "Polls by feed and outcome", ["feed", "outcome"], registry=r)
        self.error_streak = Gauge("monitor_feed_error_streak", "Failures in a row", ["feed"], registry=r)
        self.last_success = Gauge(
            "monitor_feed_last_success_timestamp_seconds",
            "When the feed last answered (freshness)",
            ["feed"],
            registry=r,
        )
        self.overflows = Counter(
            "monitor_feed_overflows_total",
            "Fetches where entries may have fallen out of the window unseen",
            ["feed"],
            registry=r,
        )
        self.send_failures = Counter(
            "monitor_target_send_failures_total", "Alert deliveries a target did not accept", ["target"], registry=r
        )
        self.retries = Counter(
            "monitor_target_retries_total", "Delivery attempts after an earlier failure", ["target"], registry=r
        )
        self.sent = Counter("monitor_alerts_sent_total", "Alerts a target accepted", ["target"], registry=r)
        self.rule_hits = Counter("monitor_rule_hits_total", "Entries a rule matched", ["rule"], registry=r)
        self.new_entries = Counter("monitor_entries_total", "New entries recorded", ["feed"], registry=r)
        self.dedup_suppressed = Counter(
            "monitor_dedup_suppressions_total", "New entries that joined a known story instead of alerting", registry=r
        )
        self.pruned = Counter("monitor_entries_pruned_total", "Entries removed by retention", registry=r)


class _Nothing:
    """A counter, gauge or histogram, or a labelled child of one, that records nothing."""

    def labels(self, *values: str) -> _Nothing:
        return self

    def inc(self, amount: float = 1) -> None:
        pass

    def set(self, value: float) -> None:
        pass

    def observe(self, value: float) -> None:
        pass


class Unrecorded(Metrics):
    """``Metrics`` that no endpoint serves: every one of them (``Metrics``' names) takes values and keeps none.

    Creating the 200 feeds' labelled children and the registry cost 1.7 MB of a daemon's RSS and 16 ms
    of CPU with prometheus-client's import (measured), for counters nothing could read."""

    def __init__(self) -> None:
        pass  # no registry, no instruments: each name is _NOTHING (__getattr__)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return _NOTHING


_NOTHING = _Nothing()


def app(metrics: Metrics, healthy: Callable[[], bool]) -> Callable[..., Iterable[bytes]]:
    """The WSGI app: /healthz (200 "ok" or 503 "unhealthy") and /metrics."""
    from prometheus_client import make_wsgi_app

    exporter = make_wsgi_app(metrics.registry)

    def route(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            ok = healthy()
            start_response("200 OK" if ok else "503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"ok\n" if ok else b"unhealthy\n"]
        if path == "/metrics":
            return exporter(environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"try /metrics or /healthz\n"]

    return route


def serve(listen: tuple[str, int], metrics: Metrics, healthy: Callable[[], bool]) -> WSGIServer:
    """Start the endpoint in a daemon thread; the caller calls ``shutdown()`` on the result."""
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    class Server(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # scrapes every 15 s would drown the journal

    host, port = listen
    server = make_server(host, port, app(metrics, healthy), server_class=Server, handler_class=QuietHandler)
    threading.Thread(target=server.serve_forever, name="http", daemon=True).start()
    log.info("serving /metrics and /healthz on http://%s:%d", host, server.server_port)
    return server
