"""The workload's feeds on the real FeedServer, in a process of its own.

Run apart from the process being measured so serving never counts as its CPU.
Prints ``PORT`` on the first line, then serves until stdin closes. Control:
``GET /_control?cycle=N&ignore=F`` publishes cycle N, with the first F×feeds
feeds ignoring conditional GET (they resend the whole body with no validators).
"""

from __future__ import annotations

import argparse
import sys
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from benchmarks import newsroom
from benchmarks.workload import Spec, Workload
from monitor.demo.feedserver import FeedServer


class Publisher:
    def __init__(self, workload: Workload | newsroom.Newsroom, server: FeedServer):
        self.workload = workload
        self.server = server
        self.cycle = -1
        self.bodies: dict[str, bytes] = {}

    def publish(self, cycle: int, ignore: float) -> None:
        w = self.workload
        for feed in range(w.spec.feeds):
            path = w.path(feed)
            if cycle != self.cycle and (self.cycle < 0 or w.changed(feed, cycle) or cycle < self.cycle):
                self.bodies[path] = w.document(feed, cycle)
                self.server.put(path, self.bodies[path], w.content_type(feed))
            if feed < ignore * w.spec.feeds:
                self.server.route(path, self._plain(path, w.content_type(feed)))
            else:
                self.server.routes.pop(path, None)
        self.cycle = cycle

    def _plain(self, path: str, content_type: str):  # type: ignore[no-untyped-def]
        def handler(request: BaseHTTPRequestHandler) -> None:
            body = self.bodies[path]
            request.send_response(200)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            request.wfile.write(body)

        return handler

    def control(self, request: BaseHTTPRequestHandler) -> None:
        query = parse_qs(urlsplit(request.path).query)
        self.publish(int(query.get("cycle", ["0"])[0]), float(query.get("ignore", ["0"])[0]))
        request.send_response(200)
        request.send_header("Content-Length", "2")
        request.end_headers()
        request.wfile.write(b"ok")


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("seed", "feeds", "entries", "now"):
        parser.add_argument(f"--{name}", type=int, required=True)
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--workload", choices=("synthetic", "newsroom"), default="synthetic")
    args = parser.parse_args()
    sizes = {"seed": args.seed, "feeds": args.feeds, "entries": args.entries, "now": args.now}
    if args.workload == "newsroom":
        workload: Workload | newsroom.Newsroom = newsroom.Newsroom(newsroom.Spec(**sizes))
    else:
        workload = Workload(Spec(**sizes))
    with FeedServer(port=args.port) as server:
        publisher = Publisher(workload, server)
        publisher.publish(0, 0.0)
        server.route("/_control", publisher.control)
        print(server.httpd.server_address[1], flush=True)
        sys.stdin.read()  # the benchmark closes our stdin when it is done


if __name__ == "__main__":
    main()
