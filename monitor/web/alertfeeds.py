"""Alerts as feeds: Atom and JSON Feed 1.1, for all alerts and per rule, newest first.

For readers and other systems: each item is one alert (rule, story title, outlet, state),
linking to its story page here and to the outlet's article. Muted alerts are left out: a
feed is a delivery like any other.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from flask import Blueprint, Response, url_for

from monitor.store import InboxFilter
from monitor.web.base import console

page = Blueprint("alertfeeds", __name__)
ITEMS = 50
ATOM = "http://www.w3.org/2005/Atom"


def _items(rule: str) -> list[dict[str, Any]]:
    rows = console().store.inbox(InboxFilter(rule=rule), limit=ITEMS * 2)
    return [r for r in rows if r["status"] != "muted"][:ITEMS]


def _title(rule: str) -> str:
    return f"monitor alerts: {rule}" if rule else "monitor alerts"


@page.route("/alerts.atom", defaults={"rule": ""})
@page.route("/rules/<rule>/alerts.atom")
def atom(rule: str) -> Response:
    rows = _items(rule)
    feed = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(feed, "title").text = _title(rule)
    ET.SubElement(feed, "id").text = url_for("alertfeeds.atom", rule=rule or None, _external=True)
    ET.SubElement(feed, "updated").text = rows[0]["created"] if rows else "1970-01-01T00:00:00+00:00"
    ET.SubElement(feed, "link", rel="self", href=url_for("alertfeeds.atom", rule=rule or None, _external=True))
    for row in rows:
        item = ET.SubElement(feed, "entry")
        ET.SubElement(item, "title").text = f"[{row['rule']}] {row['title'] or '(untitled)'}"
        ET.SubElement(item, "id").text = f"{_story(row)}#alert-{row['id']}"
        ET.SubElement(item, "updated").text = row["created"]
        ET.SubElement(item, "link", rel="alternate", href=_story(row))
        if row["link"]:
            ET.SubElement(item, "link", rel="related", href=row["link"])
        ET.SubElement(item, "summary").text = _summary(row)
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(body, mimetype="application/atom+xml")


@page.route("/alerts.json", defaults={"rule": ""})
@page.route("/rules/<rule>/alerts.json")
def json_feed(rule: str) -> Response:
    rows = _items(rule)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _title(rule),
        "home_page_url": url_for("inbox.show", rule=rule or None, _external=True),
        "feed_url": url_for("alertfeeds.json_feed", rule=rule or None, _external=True),
        "items": [
            {
                "id": str(row["id"]),
                "url": _story(row),
                "external_url": row["link"] or None,
                "title": f"[{row['rule']}] {row['title'] or '(untitled)'}",
                "content_text": _summary(row),
                "date_published": row["created"],
                "tags": [row["rule"]],
            }
            for row in rows
        ],
    }
    return Response(json.dumps(document, ensure_ascii=False, indent=1), mimetype="application/feed+json")


def _story(row: dict[str, Any]) -> str:
    return url_for("story.show", story_id=row["story_id"], _external=True)


def _summary(row: dict[str, Any]) -> str:
    return (
        f"{row['rule']}: {row['title'] or '(untitled)'} ({row['outlet']}, {row['outlets']} outlets); "
        f"{row['status']} to {row['target']}"
    )
