"""The daemon: a thin lifecycle shell (scheduler, signals, systemd notify, /metrics) around the pipeline.

service (the Daemon) · systemd (sd_notify) · metrics (Prometheus counters, /metrics and /healthz).

May import anything below it: pipeline, runtime, outbox, store, ingest, rules, dedup.
"""
