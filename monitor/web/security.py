"""Who may use the console, and the headers that keep feed text inert.

Without an auth method in ``[web]`` only loopback clients are served: a request from any
other address is refused, whatever the listen address. With ``token`` or ``users`` set every
request must be signed in: a session from /login, or an ``Authorization`` header (Bearer TOKEN,
or Basic user:password) for feed readers and scripts. Passwords are stored as scrypt hashes
(``hash_password``; ``monitor web --hash-password`` prints one).

``read_only`` refuses every state change after sign-in. Every answer carries a strict
Content-Security-Policy: no script runs at all, from the page or from a feed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets

from flask import Blueprint, Flask, abort, redirect, request, session, url_for
from werkzeug.wrappers import Response

from monitor.config import Web
from monitor.web.base import console, is_local, render
from monitor.web.csrf import SAFE

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_SCRYPT = (2**15, 8, 1)  # n, r, p: about 0.1 s and 32 MiB per check
OPEN = ("security.login", "static")  # what a visitor not signed in may ask for

page = Blueprint("security", __name__)


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64) for ``[web].users``."""
    n, r, p = _SCRYPT
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, maxmem=2**26)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, hashed: str) -> bool:
    try:
        _, n, r, p, salt, digest = hashed.split("$")
        found = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), maxmem=2**26
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, base64.b64decode(digest))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def loopback(address: str | None) -> bool:
    try:
        return address is not None and ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False


def _plain_host(host: str) -> bool:
    """The Host header names this machine by address or as localhost, not by some site's name."""
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    name = name.strip("[]").lower()
    if name in ("localhost", "localhost."):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def signed_in(web: Web, credentials: dict[str, str]) -> str | None:
    """The user ``credentials`` (token, or user and password) sign in, else None."""
    token = credentials.get("token", "")
    if web.token and token and hmac.compare_digest(token.encode(), web.token.encode()):
        return "token"
    user, password = credentials.get("user", ""), credentials.get("password", "")
    hashed = web.users.get(user)
    if hashed and password and verify_password(password, hashed):
        return user
    return None


def _header_user(web: Web) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        return signed_in(web, {"token": value.strip()})
    if scheme.lower() == "basic" and request.authorization:
        auth = request.authorization
        return signed_in(web, {"user": auth.username or "", "password": auth.password or ""})
    return None


def check() -> Response | None:
    """Runs before every page: loopback only without auth; signed in with it; read-only refuses writes."""
    web = console().config.web
    if not web.auth:
        if not loopback(request.remote_addr):
            abort(403, "this console answers only this machine (loopback) until [web] sets token or users")
        if not _plain_host(request.host):
            # DNS rebinding: a web page whose name now points at 127.0.0.1 must not read the console.
            abort(403, f"this console answers only at an address (127.0.0.1, localhost), not {request.host!r}")
    elif not session.get("user") and request.endpoint not in OPEN and _header_user(web) is None:
        if request.method == "GET" and request.accept_mimetypes.accept_html:
            return redirect(url_for("security.login", next=request.full_path.rstrip("?")))
        abort(401)
    if web.read_only and request.method not in SAFE and request.endpoint not in OPEN:
        abort(403, "this console is read-only ([web] read_only = true)")
    return None


def headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"  # a click to an outlet never leaks console URLs
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Basic realm="monitor", charset="UTF-8"'
    if response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response


@page.route("/login", methods=["GET", "POST"])
def login() -> Response | str:
    web = console().config.web
    target = request.values.get("next", "/")
    if not web.auth:
        return redirect("/")
    if request.method == "POST":
        user = signed_in(web, {k: request.form.get(k, "") for k in ("token", "user", "password")})
        if user:
            session.clear()  # a new session on sign-in: a planted session id is worth nothing
            session["user"] = user
            return redirect(target if is_local(target) else "/", 303)
        return Response(render("login.html", web=web, next=target, failed=True), 403)
    return render("login.html", web=web, next=target, failed=False)


@page.route("/logout", methods=["POST"])
def logout() -> Response:
    session.clear()
    return redirect(url_for("security.login"), 303)


def install(app: Flask) -> None:
    app.before_request(check)
    app.after_request(headers)
    app.register_blueprint(page)
