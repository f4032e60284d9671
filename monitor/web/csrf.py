"""CSRF protection, applied to every state change (any method but GET, HEAD and OPTIONS).

Each session holds a random token; every form carries it (``csrf_token()`` in templates) and a
POST without it, or with another, is refused before any page code runs. A request whose Origin
names another site is refused too. GET never changes state, so links cannot be forged into writes.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from flask import Flask, abort, request, session

SAFE = ("GET", "HEAD", "OPTIONS")
FIELD = "csrf"


def csrf_token() -> str:
    if FIELD not in session:
        session[FIELD] = secrets.token_urlsafe(32)
    return str(session[FIELD])


def check() -> None:
    """Refuse a state change without this session's token (403, before the page runs)."""
    if request.method in SAFE:
        return
    origin = request.headers.get("Origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.host:
        abort(403, "this form was sent from another site: refused")
    expected = session.get(FIELD)
    sent = request.form.get(FIELD, "")
    if not expected or not hmac.compare_digest(str(expected), sent):
        abort(403, "the form's CSRF token is missing or out of date: reload the page and send it again")


def install(app: Flask) -> None:
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.before_request(check)
