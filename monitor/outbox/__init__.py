"""The outbox: every message the monitor sends, queued in the store and delivered from here.

deliver (the Outbox: one pass over due alerts with one runtime snapshot) · holds (digest, quiet
hours, burst caps) · sending (one message: in flight, sent, failed, dead) · target (the Target
protocol a target kind satisfies, and the dry run's Printer) · targets (apprise URLs) · services
(an apprise URL's service, and a send through it) · apart (a daemon's sends through apprise, from
a child process) · rehearsal (marks that write nothing: a dry run) · render (Jinja2 templates, pure) · policy
(quiet hours, digests, burst caps, pure) · notices (operator notices: wording, and queueing
them as alerts of kind "notice") · catchup (`rules test --send`) · hooks (monitor's own HTTP
targets: signed webhooks and chat services, routed to from targets.Notifier) · webhook (the
signed payload, pure) · payloads (a webhook's facts, read at sending time) · chat (Slack, Teams,
Telegram, Discord, Matrix formats, pure) · cooldown (a rule's one message per period) · spikes
(queueing spike alerts; detection is rules/spike.py).

May import: models, errors, text, urls, durations, rules, store. Never ingest, pipeline, daemon, cli.
"""
