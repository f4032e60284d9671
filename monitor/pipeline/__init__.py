"""One path from feed to alert: fetch, parse, examine what is new, dedup, match, store.

``run --once``, the daemon's scheduled jobs and the tests call ``poll`` (one feed) or
``poll_all``; the outbox delivers what a poll queued. Errors from outside (network, feed
bodies) become feed state here and never escape: one bad feed never stops the others.

The rooms: ``parts`` (the long-lived parts a poll uses), ``poll`` (the story of one poll:
fetch → read → record, and the schedule after it), ``record`` (one new entry: dedup
decision, rule matches, alerts, one row), ``articles`` (full text for entries that want it).
"""

from monitor.pipeline.parts import Pipeline, PollResult, body_hash
from monitor.pipeline.poll import enabled, poll, poll_all

__all__ = ["Pipeline", "PollResult", "body_hash", "enabled", "poll", "poll_all"]
