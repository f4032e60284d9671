"""Feed health (status, last success, last error in words, streak, next poll, entries/day,
moved or gone), command feeds added, enabled and removed, OPML in and out.

The same store calls as ``monitor feeds``; a running daemon polls the change after a reload,
which the page asks for.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, request
from werkzeug.wrappers import Response

from monitor.durations import parse_duration
from monitor.errors import ParseError
from monitor.ingest import opml
from monitor.store import feed_status
from monitor.urls import redact
from monitor.web.base import console, done, render

page = Blueprint("feeds", __name__)


@page.route("/feeds")
def show() -> str:
    c = console()
    now = c.clock()
    listed = {f.url for f in c.config.feeds}
    rates = c.store.entry_rates(now)
    rows = [{**row, "health": feed_status(row, listed), "rate": rates.get(row["url"], 0.0)} for row in c.store.feeds()]
    rows.sort(key=lambda r: (r["health"] == "ok", r["name"] or "", r["url"]))
    return render("feeds.html", feeds=rows)


@page.route("/feeds/add", methods=["POST"])
def add() -> Response:
    c = console()
    url = request.form.get("url", "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        abort(400, f"{url!r} is not a feed URL: write http(s)://host/path")
    seconds = None
    if interval := request.form.get("interval", "").strip():
        try:
            seconds = parse_duration(interval)
        except ValueError as exc:
            abort(400, f"interval: {exc}")
    if url in {f.url for f in c.config.feeds}:
        return done(f"{url} is already in {c.config.path}: nothing to add", "/feeds")
    name = request.form.get("name", "").strip() or parts.hostname
    added = c.store.add_feeds([(url, name, seconds)], c.clock())
    return done(f"added {url}; {c.reload()}" if added else f"{url} is already a feed: nothing to add", "/feeds")


@page.route("/feeds/enable", methods=["POST"])
def enable() -> Response:
    c = console()
    url = request.form.get("url", "")
    if c.store.feed_state(url).status != "gone":
        abort(400, f"{url} is not a disabled feed")
    c.store.update_feed(url, status="ok", next_poll=None, health_notice=None)
    return done(f"enabled {url}; {c.reload()}", "/feeds")


@page.route("/feeds/remove", methods=["POST"])
def remove() -> Response:
    c = console()
    url = request.form.get("url", "")
    if url in {f.url for f in c.config.feeds}:
        abort(400, f"{url} is a config feed: remove its [[feeds]] entry from {c.config.path}")
    if not c.store.remove_feed(url):
        abort(400, f"{url} is not a command feed")
    return done(f"removed {url} (its entries stay); {c.reload()}", "/feeds")


@page.route("/feeds/import", methods=["POST"])
def import_opml() -> Response:
    c = console()
    upload = request.files.get("opml")
    if upload is None:
        abort(400, "choose an OPML file to import")
    try:
        found = opml.read(upload.read())
    except ParseError as exc:
        abort(400, f"{upload.filename}: {exc}")
    listed = {f.url for f in c.config.feeds}
    added: list[str] = []
    for outline in found.feeds:  # as `monitor feeds import`: each feed in its folder
        if outline.url not in listed:
            added += c.store.add_feeds([(outline.url, outline.title, None)], c.clock(), outline.folder)
    known = len(found.feeds) - len(added)
    return done(
        f"{upload.filename}: {len(found.feeds)} feeds, {len(added)} added, {known} already known, "
        f"{len(found.skipped)} skipped; {c.reload()}",
        "/feeds",
    )


@page.route("/feeds.opml")
def export() -> Response:
    c = console()
    # A feed URL's password stays in the config: the export carries the URL without it.
    outlines = [opml.Outline(redact(f.url), f.name) for f in c.config.feeds]
    listed = {f.url for f in c.config.feeds}
    outlines += [
        opml.Outline(redact(r["url"]), r["name"] or r["url"], r["folder"] or "")
        for r in c.store.command_feeds()
        if r["url"] not in listed
    ]
    return Response(
        opml.write(outlines),
        mimetype="text/x-opml",
        headers={"Content-Disposition": 'attachment; filename="monitor-feeds.opml"'},
    )
