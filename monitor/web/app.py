"""The Flask app: security and CSRF first, then one blueprint per page, and the templates a
deployment may override.

Flask because it is the well-kept, plain WSGI framework of the Jinja2 we already use, with a
test client that asks a page the way a browser does; the pages need nothing async, and a WSGI
app runs in the daemon's threads (served by waitress, see ``server``).
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from monitor.urls import redact
from monitor.web import alertfeeds, csrf, feedback, feeds, inbox, mutes, playground, search, security, story
from monitor.web.base import Console, ago, render

PAGES = (inbox, story, feedback, mutes, feeds, search, alertfeeds, playground)


def create_app(c: Console, *, secret_key: bytes | None = None) -> Flask:
    """The console over ``c``. Sessions are signed with ``secret_key`` (default: random per
    process, so a restart signs everyone out)."""
    app = Flask(__name__, static_folder=str(Path(__file__).parent / "static"))
    app.secret_key = secret_key or secrets.token_bytes(32)
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_NAME="monitor_console",
        MAX_CONTENT_LENGTH=5 * 1024 * 1024,  # an OPML file or a rule file, not more
    )
    app.extensions["monitor"] = c
    loaders: list[Any] = [PackageLoader("monitor.web", "templates")]
    if c.config.web.templates:
        loaders.insert(0, FileSystemLoader(c.config.web.templates))
    app.jinja_loader = ChoiceLoader(loaders)
    hidden = _secret_parts(c.config.secrets)
    app.jinja_env.filters.update(
        ago=lambda moment: ago(moment, c.clock()),
        link=safe_link,
        redact=redact,
        redact_secrets=lambda text: _without(str(text or ""), hidden),
    )
    app.jinja_env.globals["now"] = c.clock
    security.install(app)  # before csrf: who asks comes first
    csrf.install(app)
    for module in PAGES:
        app.register_blueprint(module.page)
    app.register_error_handler(HTTPException, _error)
    return app


def safe_link(url: str | None) -> str:
    """A feed's link as an href only when it is http(s): never javascript: or data:."""
    return url if url and url.lower().startswith(("http://", "https://")) else "#"


def _secret_parts(secrets: tuple[str, ...]) -> list[str]:
    """Each secret URL whole and after its scheme (a token shows up alone in error text), longest first."""
    parts = {s for url in secrets for s in (url, url.partition("://")[2]) if len(s) >= 4}
    return sorted(parts, key=len, reverse=True)


def _without(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def _error(exc: HTTPException) -> tuple[str, int]:
    code = exc.code or 500
    return render("error.html", code=code, name=exc.name, message=Markup.escape(exc.description or "")), code
