"""Alert kinds (story, event, escalation, update) read differently: each through a real delivery.

Real parts: feeds from a real HTTP server, a real webhook receiver and SMTP server, real
SQLite; the pipeline runs in process with an injected clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.header import decode_header, make_header

import pytest
from click.testing import CliRunner
from conftest import write_config
from delivery_support import Clock, cycle, eval_rows, rss
from test_dedup_e2e import RULES
from test_messages import parts

from monitor.cli import cli
from monitor.models import Entry
from monitor.outbox.render import AlertView, Templates, Writeup

NOON = datetime(2025, 7, 3, 12, 0, tzinfo=UTC)

# The dedup end-to-end rules, the event rule also mailed: one event alert, one escalation at 2 outlets.
EVENT_RULES = RULES.replace("  novelty: event\n", "  novelty: event\n  notify: [default, mail]\n", 1)


def by_title(receiver, prefix: str) -> list[dict]:
    return [m for m in receiver.received if m["title"].startswith(prefix)]


def test_event_and_escalation_alerts_say_what_they_are(tmp_path, feed_server, json_receiver, smtp_server):
    clock = Clock(NOON)
    original, copy = eval_rows("s-indo-pacific")[:2]
    (rewrite,) = eval_rows("s-indo-pacific-rewrite")[:1]
    urls = []
    for name, row, hours in (("wire", original, 3), ("copy", copy, 2), ("rewrite", rewrite, 1)):
        feed_server.put(f"/{name}.xml", rss(row, clock.now - timedelta(hours=hours)))
        urls.append(feed_server.url(f"/{name}.xml"))
    config = write_config(tmp_path, urls, [json_receiver.url], rules=EVENT_RULES, targets={"mail": [smtp_server.url]})

    cycle(config, clock)

    (event,) = by_title(json_receiver, "[Osaka by event] New event: ")
    body = event["message"]
    assert "**New event:**" in body and "2 write-ups so far, from " in body
    # Every write-up of the event, linked, with its outlets; the copied story is named by whichever
    # of its copies was polled first (feeds are polled concurrently).
    assert f"]({rewrite['link']}) (Rewrite)" in body
    assert f"]({original['link']}) (Wire, Copy)" in body or f"]({copy['link']}) (Copy, Wire)" in body
    assert all(outlet in body for outlet in ("Wire", "Copy", "Rewrite"))
    assert "Matched: Osaka" in body  # the stable content stays
    (escalation,) = by_title(json_receiver, "[Osaka by story] Now carried by 2 outlets: ")
    lines = escalation["message"].splitlines()
    carried = next(line for line in lines if line.startswith("**Now carried by 2 outlets:** "))
    assert sorted(carried.split(":** ")[1].split(", ")) == ["Copy", "Wire"]
    stories = [m for m in by_title(json_receiver, "[Osaka by story] ") if m is not escalation]
    assert len(stories) == 2 and not any("Now carried" in m["message"] or "New event" in m["message"] for m in stories)
    (mail,) = smtp_server.messages
    assert str(make_header(decode_header(mail["Subject"]))).startswith("[Osaka by event] New event: ")
    html, text = parts(mail)["text/html"], parts(mail)["text/plain"]
    assert "<b>New event:</b>" in html and "2 write-ups so far" in html
    assert "New event:" in text and rewrite["link"] in text


def test_update_alerts_show_the_old_and_new_title_or_that_the_text_changed(tmp_path, feed_server, json_receiver):
    clock = Clock(NOON)
    (row,) = eval_rows("s-ttp-border")[:1]
    when = clock.now - timedelta(hours=1)
    feed_server.put("/wire.xml", rss(row, when))
    rules = 'name: Border\non_update: alert\nmatch:\n  any: ["militants"]\n'
    config = write_config(tmp_path, [feed_server.url("/wire.xml")], [json_receiver.url], rules=rules)
    cycle(config, clock)
    edited = {**row, "title": row["title"] + " (updated)", "content": row["content"].replace("30", "34")}
    feed_server.put("/wire.xml", rss(edited, when))
    clock.advance(minutes=10)

    cycle(config, clock)

    first, retitled = json_receiver.received
    assert first["title"] == f"[Border] {row['title']}"
    assert retitled["title"] == f"[Border] Updated: {edited['title']}"
    assert f'**Updated:** the title was "{row["title"]}", now "{edited["title"]}"' in retitled["message"]
    assert "(numbers changed: 34)" in retitled["message"]  # the title keeps its 30
    shown = CliRunner().invoke(cli, ["--config", str(config), "alerts", "show", "2"])
    assert f"kind:            update (numbers changed: 34; title before: {row['title']})" in shown.output

    feed_server.put("/wire.xml", rss({**edited, "content": edited["content"].replace("34", "41")}, when))
    clock.advance(minutes=10)
    cycle(config, clock)

    text_only = json_receiver.received[2]
    assert text_only["title"] == f"[Border] Updated: {edited['title']}"
    assert "**Updated:** the text changed materially (numbers changed: 34, 41)" in text_only["message"]


MARKERS = {"event": "New event:", "escalation": "Now carried by", "update": "Updated:"}


@pytest.mark.parametrize("style", ["email", "chat", "text"])
def test_every_kind_renders_in_every_style_with_the_stable_content(style):
    """Mutation tried: alert.txt's ``elif kind == "update"`` made ``elif True`` (a story says
    "Updated:"); the old check of the story's body (``"" in body``) could not fail, this does."""
    entry = Entry("https://x.example/f", "Wire", "k", "https://x.example/1", "Talks in Osaka", "", "Osaka talks.")
    base = AlertView("Osaka", "normal", entry, ("Osaka",), ("Wire", "Copy", "Echo"))
    writeups = (
        Writeup("Talks in Osaka", "https://x.example/1", ("Wire", "Copy")),
        Writeup("Osaka meeting", "", ("Echo",)),
    )
    views = {
        "story": base,
        "event": AlertView(**{**_fields(base), "kind": "event", "writeups": writeups}),
        "escalation": AlertView(**{**_fields(base), "kind": "escalation"}),
        "update": AlertView(
            **{**_fields(base), "kind": "update", "previous_title": "Talks", "change": "numbers changed: 3"}
        ),
    }
    expected = {
        "story": ("[Osaka] Talks in Osaka", "Outlet: Wire · no date given"),
        "event": ("[Osaka] New event: Talks in Osaka", "2 write-ups so far, from Wire, Copy, Echo"),
        "escalation": ("[Osaka] Now carried by 3 outlets: Talks in Osaka", "Now carried by 3 outlets"),
        "update": ("[Osaka] Updated: Talks in Osaka", "the title was"),
    }
    templates = Templates()
    for kind, view in views.items():
        message = templates.alert(view, style)  # type: ignore[arg-type]
        title, phrase = expected[kind]
        assert message.title == title
        assert phrase in message.body, (kind, style)
        for other, says in MARKERS.items():  # each kind says only what it is
            if other != kind:
                assert says not in message.body, (kind, style, other)
        for stable in ("https://x.example/1", "Wire", "Osaka", "Copy, Echo"):
            assert stable in message.body, (kind, stable)
    digest = templates.digest(list(views.values()), style, "digest", "default")  # type: ignore[arg-type]
    assert "New event: " in digest.body and "Now carried by 3 outlets: " in digest.body and "Updated: " in digest.body


def _fields(view: AlertView) -> dict:
    return {name: getattr(view, name) for name in AlertView.__dataclass_fields__}
