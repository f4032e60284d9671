"""Alert text: what a person reads in their inbox or chat. Pure.

The stable content: the title carries the rule name; the body carries the
story's title, its link, the outlet, the words that matched and the other
outlets already carrying the same story.
"""

from __future__ import annotations

from monitor.models import Entry, Message

TITLE_LIMIT = 250  # apprise's title limit
BODY_LIMIT = 32_768  # apprise's body limit
SNIPPET_CHARS = 280


def render_alert(rule: str, entry: Entry, matched: tuple[str, ...], outlets: list[str]) -> Message:
    others = [o for o in outlets if o != entry.outlet]
    when = entry.published.strftime("%Y-%m-%d %H:%M UTC") if entry.published else "no date given"
    lines = [
        entry.title or "(untitled)",
        entry.link or "(no link)",
        f"Outlet: {entry.outlet} · {when}",
        f"Matched: {', '.join(matched) if matched else '(rule matched without words)'}",
        f"Also carried by: {', '.join(others)}" if others else "Also carried by: no other outlet yet",
    ]
    snippet = shorten(entry.body.replace("\n", " "), SNIPPET_CHARS)
    if snippet:
        lines += ["", snippet]
    return Message(title=shorten(f"[{rule}] {entry.title}", TITLE_LIMIT), body=shorten("\n".join(lines), BODY_LIMIT))


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary with an ellipsis; never longer than ``limit``."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"
