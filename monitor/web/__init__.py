"""The analyst's console: server-rendered pages over the store and the outbox, never around them.

One module per page (inbox, story, feedback, mutes, feeds, search, alertfeeds, playground) over ``base``
(the Console a page reads: config, store, the live runtime, the reload hook); ``security``
(who may ask) and ``csrf`` (every state change carries the session's token) apply to every
request; ``app`` joins them into a Flask app, ``server`` serves it with waitress.

Templates live in ``templates/`` and a deployment replaces any of them with ``[web].templates``.
Everything from feeds is hostile text: it reaches the page only through Jinja2's autoescape,
and the Content-Security-Policy allows no script at all (the pages are plain forms).

May import: config, store, rules, ingest.opml, runtime, text, urls, durations; never cli or daemon
(the daemon hands the console callables instead).
"""

from __future__ import annotations

from monitor.web.app import create_app
from monitor.web.base import Console

__all__ = ["Console", "create_app"]
