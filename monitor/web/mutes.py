"""Mute a story, a rule or a feed for an hour, a day, a week or until unmuted; the mutes in force.

A muted alert is recorded, not sent (the outbox checks the mutes before each pass); an unmute
leaves what it held muted unless the analyst asks to send those too.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, request
from werkzeug.wrappers import Response

from monitor.store import MUTE_KINDS
from monitor.web.base import console, done, int_param, render

page = Blueprint("mutes", __name__)
SPANS = {"1h": timedelta(hours=1), "1d": timedelta(days=1), "1w": timedelta(weeks=1), "forever": None}


@page.route("/mutes")
def show() -> str:
    c = console()
    return render("mutes.html", mutes=c.store.mutes(c.clock()))


@page.route("/mute", methods=["POST"])
def mute() -> Response:
    c = console()
    kind, value, span = (request.form.get(k, "") for k in ("kind", "value", "for"))
    if kind not in MUTE_KINDS or not value or span not in SPANS:
        abort(400, f"mute what and for how long? kind: {', '.join(MUTE_KINDS)}; for: {', '.join(SPANS)}")
    now = c.clock()
    length = SPANS[span]
    c.store.mute(kind, value, now + length if length else None, now)
    until = "until unmuted" if length is None else f"for {span}"
    return done(f"{kind} {value} muted {until}: its alerts are recorded as muted, not sent", "/mutes")


@page.route("/unmute", methods=["POST"])
def unmute() -> Response:
    c = console()
    mute_id = int_param("id")
    if mute_id is None:
        abort(400, "unmute which mute? (id)")
    replay = request.form.get("replay") == "1"
    sent = c.store.unmute(mute_id, c.clock(), replay=replay)
    more = f"; {sent} muted alerts are pending again and go out on the next delivery pass" if replay else ""
    return done(f"mute {mute_id} ended{more}", "/mutes")
