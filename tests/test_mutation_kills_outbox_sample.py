"""Tests written to kill mutants of ``monitor/outbox`` that survived the sixth pass's seeded sample
(``python -m benchmarks.mutation outbox --sample 200 --seed 10``; benchmarks/mutation_survivors.md).
Each docstring names the mutants it kills.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from monitor.models import Entry, Match
from monitor.outbox.payloads import payload_message
from monitor.outbox.targets import labels, labels_apart
from monitor.store import Store
from monitor.store.records import Delivery

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_a_write_up_without_a_link_has_an_empty_link_in_the_payload(tmp_path):
    """Kills ``payloads._facts`` 27 (a copy with no link given the link "XXXX"): the webhook
    payload's ``link`` may be empty (docs/delivery.md), never made up."""
    store = Store(tmp_path / "state.db")
    try:
        first = Entry("f", "Daily", "k", "https://zebra.example/1", "Zebra escapes", "A zebra left the zoo.", "")
        to = Delivery("Zebra", "default", "u1", "hook")
        added = store.add_entry(first, WHEN, None, alerts=[(Match("Zebra", ("zebra",)), to)])
        store.add_entry(Entry("g", "Radio", "k2", "", "Zebra out", "", ""), WHEN, added.story_id)
        (pending,) = store.pending_alerts()
        sent = json.loads(payload_message(store, [pending], {}, None).body)
    finally:
        store.close()
    assert [(c["outlet"], c["link"]) for c in sent["story"]["outlets"]] == [
        ("Daily", "https://zebra.example/1"),
        ("Radio", ""),
    ]


def test_the_child_that_names_target_urls_runs_this_checkout_before_any_other_on_the_path(tmp_path, monkeypatch):
    """Kills ``targets.labels_apart`` 8 (the child's ``PYTHONPATH`` set under another name) and 30
    (the child given this process's environment as it is): the child puts this checkout first, so
    another ``monitor`` on ``PYTHONPATH`` (here one that names every URL "another checkout") is
    not the one that names the URLs. The working folder holds no ``monitor``: ``python -c`` looks
    there first."""
    shadow = tmp_path / "shadow" / "monitor" / "outbox"
    shadow.mkdir(parents=True)
    for folder in (shadow.parent, shadow):
        (folder / "__init__.py").write_text("", encoding="utf-8")
    (shadow / "targets.py").write_text("def labels(urls):\n    return [['another checkout', False] for _ in urls]\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "shadow"))
    monkeypatch.chdir(tmp_path)
    urls = ["json://127.0.0.1:9/hook", "nosuchservice://x"]
    expected = labels(urls)
    assert expected[0] is not None and expected[1] is None
    assert labels_apart(urls) == expected
