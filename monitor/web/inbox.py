"""The inbox: alerts newest first, filtered by rule, target, state, time and text, keyset-paged."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request, url_for

from monitor.store import STATES, InboxFilter
from monitor.web.base import PAGE, console, int_param, render, since_param

page = Blueprint("inbox", __name__)


@page.route("/")
def show() -> str:
    c = console()
    now = c.clock()
    rt = c.runtime()
    args = request.args
    state = args.get("state", "")
    wanted = InboxFilter(
        rule=args.get("rule", ""),
        target=args.get("target", ""),
        state=state if state in STATES else "",
        since=since_param(args.get("since", ""), now),
        until=since_param(args.get("until", ""), now),
        text=args.get("q", ""),
    )
    rows = c.store.inbox(wanted, before=int_param("before"), limit=PAGE + 1)
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    severity = {rule.name: rule.severity for rule in rt.rules.rules}
    kept: dict[str, Any] = {k: v for k, v in args.items() if k != "before" and v}
    return render(
        "inbox.html",
        rows=rows,
        severity=severity,
        rules=sorted(severity),
        targets=sorted(rt.config.targets),
        states=STATES,
        args=args,
        next_page=url_for("inbox.show", **kept, before=rows[-1]["id"]) if more else None,
        first_page=url_for("inbox.show", **kept) if "before" in args else None,
    )
