"""Search stored entries: every word of the query, through the full-text index (words in
scripts written without spaces, such as Chinese, Japanese or Thai, by substring)."""

from __future__ import annotations

from flask import Blueprint, request, url_for

from monitor.web.base import PAGE, console, int_param, render

page = Blueprint("search", __name__)


@page.route("/search")
def show() -> str:
    query = request.args.get("q", "")
    rows = console().store.search(query, before=int_param("before"), limit=PAGE + 1)
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    return render(
        "search.html",
        q=query,
        rows=rows,
        next_page=url_for("search.show", q=query, before=rows[-1]["id"]) if more else None,
    )
