"""Alert text: what a person reads in their inbox or chat. Pure: values in, Message out.

The stable content: the title carries the rule name; the body carries the
story's title, its link, the outlet (and the entry's language), the words that
matched, each in its context, and the other outlets already carrying the same story. Beyond an ordinary story alert, the
message says what kind of alert it is (``kind``): a new event with its
write-ups so far, an escalation ("now carried by N outlets"), or an update of
an entry (the title before and after, or that the text changed materially).

Messages come from Jinja2 templates, one file per kind and style
(``alert.html``, ``alert.md``, ``alert.txt``, ``digest.*``), each with a
``title`` and a ``body`` block. A ``[notify].templates`` folder may replace any
of them; the variables are listed in docs/delivery.md. Every message fits
apprise's limits (title ≤ 250 characters, body ≤ 32,768): too long a message is
shortened, never refused.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup, escape

from monitor.durations import plural

if TYPE_CHECKING:
    import jinja2
from monitor.errors import ConfigError, Problem
from monitor.models import Entry, Message
from monitor.rules.highlight import in_context
from monitor.rules.language import entry_language

TITLE_LIMIT = 250  # apprise's title limit
BODY_LIMIT = 32_768  # apprise's body limit
SNIPPET_CHARS = 280
BUNDLED = Path(__file__).parent / "templates"

# "webhook" and the chat services: JSON made by outbox/webhook.py and outbox/chat.py, not templates
Style = Literal["email", "chat", "text", "webhook", "slack", "teams", "telegram", "discord", "matrix"]
FORMATS: dict[Style, tuple[str, str]] = {"email": ("html", "html"), "chat": ("md", "markdown"), "text": ("txt", "text")}
KINDS = ("alert", "digest")
HEADINGS = {  # {alerts}, {more}, {earlier}: the count with its words, singular or plural
    "digest": "Digest for {target}: {alerts}",
    "quiet": "Held during quiet hours for {target}: {alerts}",
    "burst": "{more} for {target} (burst limit)",
    "catchup": "Catch-up for {target}: {earlier}",
    "cooldown": "{more} for {target} (rule cool-down)",
}
KIND_NAMES = ("story", "event", "escalation", "update", "spike")


@dataclass(frozen=True, slots=True)
class Writeup:
    """One story of an event: its first headline, link and every outlet carrying it."""

    title: str
    link: str
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AlertView:
    """Everything a template may show about one alert (the documented variables)."""

    rule: str
    severity: str
    entry: Entry
    matched: tuple[str, ...]
    outlets: tuple[str, ...]  # every outlet carrying the story, first one first
    target: str = "default"
    kind: str = "story"  # story | event | escalation | update | spike
    writeups: tuple[Writeup, ...] = ()  # event: the event's stories so far, first first; spike: the window's
    previous_title: str = ""  # update: the title before the edit
    change: str = ""  # update: what changed, e.g. "numbers changed: 30, 34"

    def variables(self, snippet_chars: int = SNIPPET_CHARS) -> dict[str, Any]:
        e = self.entry
        outlets = list(self.outlets) or [e.outlet]
        writeups = [
            {"title": w.title or "(untitled)", "link": w.link, "outlets": list(w.outlets)} for w in self.writeups
        ]
        return {
            "kind": self.kind,
            "what": _what(self.kind, len(outlets)),
            "event": writeups[0]["title"] if writeups else e.title or "(untitled)",
            "writeups": writeups,
            "event_outlets": list(dict.fromkeys(o for w in self.writeups for o in w.outlets)) or outlets,
            "previous_title": self.previous_title,
            "title_changed": self.kind == "update" and self.previous_title != e.title,
            "change": self.change,
            "rule": self.rule,
            "severity": self.severity,
            "title": e.title or "(untitled)",
            "link": e.link,
            "outlet": e.outlet,
            "published": e.published,
            "when": e.published.strftime("%Y-%m-%d %H:%M UTC") if e.published else "no date given",
            "matched": list(self.matched),
            "outlets": outlets,
            "others": [o for o in self.outlets if o != e.outlet],
            "snippet": shorten(" ".join(e.body.split()), snippet_chars) if snippet_chars else "",
            "target": self.target,
            # The words that made the rule fire where they stand (title first): plain parts, marked by the template.
            "contexts": [
                {"before": c.before, "term": c.term, "after": c.after}
                for c in in_context((e.title, e.body), self.matched)
            ],
            "language": entry_language(e),  # the feed's, else detected (stored by m015 when it was filled)
        }


def _what(kind: str, outlets: int) -> str:
    """A few words saying what kind of alert this is: "" for an ordinary story alert."""
    return {
        "event": "New event",
        "escalation": f"Now carried by {outlets} outlets",
        "update": "Updated",
        "spike": "Spike",
    }.get(kind, "")


class Templates:
    """The bundled templates, optionally overridden file by file from one folder."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        # Read once, here: the check (``problems``, or the start-up cache's digest of these very
        # texts) and every later render see the same text; an edit reaches the outbox only through
        # a reload, which checks it (auto_reload off, as before).
        self.sources = {**_sources(BUNDLED), **(_sources(folder) if folder is not None else {})}

    @functools.cached_property
    def env(self) -> jinja2.Environment:
        """Made at the first render: a cycle that sends nothing never imports Jinja2 (~0.04 CPU-s)."""
        import jinja2

        sources = self.sources

        class Snapshot(jinja2.BaseLoader):
            def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
                if template not in sources:
                    raise jinja2.TemplateNotFound(template)
                text, path = sources[template]
                return text, path, lambda: True

        env = jinja2.Environment(
            loader=Snapshot(),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
            undefined=jinja2.StrictUndefined,  # a misspelt variable is an error at check time, not a blank
            keep_trailing_newline=False,
            auto_reload=False,
        )
        env.filters["highlight"] = highlight
        env.filters["md"] = md_escape
        return env

    def checked(self) -> Templates:
        """These templates; ConfigError with PATH:LINE when one does not render."""
        problems = self.problems()
        if problems:
            raise ConfigError(problems)
        return self

    def problems(self) -> list[Problem]:
        """Render every template with a sample alert of every kind: syntax and variable errors as PATH:LINE."""
        import jinja2

        samples = [replace(SAMPLE_VIEW, kind=kind) for kind in KIND_NAMES]
        found: list[Problem] = []
        for style in FORMATS:
            for kind in KINDS:
                try:
                    if kind == "alert":
                        for sample in samples:
                            self.alert(sample, style)
                    else:
                        self.digest(samples, style, "digest", "default")
                except jinja2.TemplateError as exc:
                    name = f"{kind}.{FORMATS[style][0]}"
                    path, line = _where(exc, name)
                    where = path or str((self.folder or BUNDLED) / name)
                    found.append(Problem(where, line, f"template {name}: {exc}: fix the template"))
        return found

    def alert(self, view: AlertView, style: Style) -> Message:
        """One alert as a message in ``style``; shorter snippets, then a cut, when it is too long."""
        message = self._render("alert", style, view.variables())
        if len(message.body) > BODY_LIMIT:
            message = self._render("alert", style, view.variables(snippet_chars=0))
        return _fit(message)

    def digest(self, views: Sequence[AlertView], style: Style, reason: str, target: str) -> Message:
        """Many alerts in one message; when too long, the last ones are left out and counted."""
        heading = digest_heading(reason, target, len(views))
        shown = len(views)
        while True:
            items = [v.variables(snippet_chars=0) for v in views[:shown]]
            message = self._render(
                "digest", style, {"heading": heading, "alerts": items, "hidden": len(views) - shown, "target": target}
            )
            if len(message.body) <= BODY_LIMIT or shown <= 1:
                return _fit(message)
            shown = max(1, shown * BODY_LIMIT // len(message.body) - 1)

    def _render(self, kind: str, style: Style, variables: dict[str, Any]) -> Message:
        extension, body_format = FORMATS[style]
        template = self.env.get_template(f"{kind}.{extension}")
        context = template.new_context(variables)
        try:
            title = "".join(template.blocks["title"](context))
            body = "".join(template.blocks["body"](context))
        except Exception:
            self.env.handle_exception()  # re-raises with the template's file and line in the traceback
        if body_format == "html":  # the title is a subject line, not HTML
            title = Markup(title).unescape()
        # A title is one line in every service.
        return Message(title=" ".join(title.split()), body=body.strip(), body_format=body_format)


def digest_heading(reason: str, target: str, n: int) -> str:
    """The heading of a combined message of ``n`` alerts held for ``reason``."""
    return HEADINGS.get(reason, HEADINGS["digest"]).format(
        target=target,
        count=n,
        alerts=plural(n, "alert"),
        more=plural(n, "more match", "more matches"),
        earlier=plural(n, "earlier match", "earlier matches"),
    )


def _where(exc: jinja2.TemplateError, name: str) -> tuple[str | None, int | None]:
    """The template file and line of an error: syntax errors carry them, render errors are in the traceback."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.filename, exc.lineno
    # Jinja2 rewrites tracebacks so a template's frames point at the template file and line.
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(name)]
    return (frames[-1].filename, frames[-1].lineno) if frames else (None, None)


def _fit(message: Message) -> Message:
    return Message(shorten(message.title, TITLE_LIMIT), shorten(message.body, BODY_LIMIT), message.body_format)


def highlight(text: str, words: Sequence[str], style: str = "md") -> str | Markup:
    """``text`` with each matched word emphasised: **word** for Markdown, <mark> for HTML (escaped first)."""
    pattern = _words_pattern(words)
    if style == "html":
        escaped = str(escape(text))
        if pattern is None:
            return Markup(escaped)
        return Markup(_words_pattern([str(escape(w)) for w in words]).sub(r"<mark>\g<0></mark>", escaped))  # type: ignore[union-attr]
    return text if pattern is None else pattern.sub(r"**\g<0>**", text)


def _words_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    words = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def md_escape(text: str) -> str:
    """Keep a headline from breaking the Markdown around it (brackets, emphasis)."""
    return re.sub(r"([\\\[\]*_`])", r"\\\1", text)


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary with an ellipsis; never longer than ``limit``."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"


def load_templates(folder: Path | None) -> Templates:
    """Templates for a config; ConfigError with PATH:LINE when one does not render."""
    return Templates(folder).checked()


def _sources(folder: Path) -> dict[str, tuple[str, str]]:
    """Every template file under ``folder`` by name ("alert.md", "parts/x.md"): (text, path)."""
    found: dict[str, tuple[str, str]] = {}
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            with contextlib.suppress(OSError, UnicodeDecodeError):  # unreadable: "not found" when used, as before
                found[Path(path).relative_to(folder).as_posix()] = (Path(path).read_text(encoding="utf-8"), path)
    return found


SAMPLE = Entry(
    feed_url="https://example.com/feed.xml",
    outlet="Outlet A",
    key="sample",
    link="https://example.com/story",
    title="A sample story",
    summary="A sample summary with the word sample in it.",
    content="",
    lang="en",
)

SAMPLE_VIEW = AlertView(
    "Sample rule",
    "normal",
    SAMPLE,
    ("sample",),
    ("Outlet A", "Outlet B"),
    writeups=(Writeup("A sample story", "https://example.com/story", ("Outlet A", "Outlet B")),),
    previous_title="An earlier sample title",
    change="numbers changed: 3, 4",
)
