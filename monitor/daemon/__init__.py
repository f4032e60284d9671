"""The daemon: a thin lifecycle shell (scheduler, signals, systemd notify, /metrics) around the pipeline.

service (the Daemon) · systemd (sd_notify) · metrics (Prometheus counters, /metrics and /healthz).

May import anything below it: pipeline, runtime, outbox, store, ingest, rules, dedup.
"""

PRUNE_EVERY = 3600.0  # seconds between retention passes (the daemon's job; `run --once` keeps the same pace)
