"""Feedback on an alert: relevant or irrelevant, through the same store call as
``monitor alerts feedback`` (one verdict per alert; a new one replaces the old)."""

from __future__ import annotations

from flask import Blueprint, abort, request
from werkzeug.wrappers import Response

from monitor.web.base import console, done, int_param

page = Blueprint("feedback", __name__)
VERDICTS = ("relevant", "irrelevant")


@page.route("/feedback", methods=["POST"])
def give() -> Response:
    c = console()
    alert_id, verdict = int_param("alert"), request.form.get("verdict", "")
    if alert_id is None or verdict not in VERDICTS:
        abort(400, "feedback on which alert, relevant or irrelevant?")
    try:
        recorded = c.store.add_feedback(alert_id, verdict, request.form.get("note", "").strip(), c.clock())
    except ValueError as exc:  # a notice: no entry a rule matched
        abort(400, str(exc))
    if recorded is None:
        abort(404, f"no alert {alert_id}")
    return done(f"alert {alert_id} ({recorded.rule}) marked {verdict}; `monitor rules test` shows the rule's precision")
