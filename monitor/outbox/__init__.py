"""The outbox: every message the monitor sends, queued in the store and delivered from here.

deliver (due alerts, holds, digests, retries, dead alerts) · targets (apprise URLs) ·
render (Jinja2 templates, pure) · policy (quiet hours, digests, burst caps, pure) ·
notices (feed-health wording) · catchup (`rules test --send`).

May import: models, errors, text, urls, durations, rules, store. Never ingest, pipeline, daemon, cli.
"""
