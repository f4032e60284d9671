"""Ingest: from a feed's address to entries worth examining.

fetch (the polite HTTP client) · addresses (SSRF guard) · parse (bytes → entries) ·
pool (parsing in worker processes) · workers (the processes, over pipes) ·
heap (a long-lived process's memory) · examine (signatures, hashes, rule matches of new entries) ·
schedule (when to poll next, pure) · opml (feed lists in and out).

May import: models, errors, text, urls, durations, dedup, rules. Never store, outbox, daemon, cli.
"""
