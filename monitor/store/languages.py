"""The language of stored entries: the feed's when it gives one, else detected once and kept
in ``entries.lang_detected`` (m015). Detection (``rules.language.detect``, about 2 ms an entry)
runs lazily, when a reader needs the language and it is not stored yet: `stories show`, a
backtest of a rule with a ``lang:`` scope. Rows read afterwards carry it in ``Entry.lang``.
A feed's word its letters refute (``rules.language.trusted``) is read as detected, not stored:
the row keeps what the feed said."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from monitor.rules.language import detect, trusted
from monitor.store.base import StoreBase
from monitor.store.helpers import _BATCH, _CHUNK, _marks, iso
from monitor.store.migrations import _DATED

# Rows whose language is neither given by the feed nor detected yet.
_UNKNOWN = "(lang IS NULL OR lang = '') AND lang_detected IS NULL"
# A row the backfill finds nothing to judge in is stored as "", so the loop over batches ends.


class LanguagesMixin(StoreBase):
    """Detected languages, filled lazily and kept."""

    def fill_languages(self, ids: Iterable[int] | None = None, *, since: datetime | None = None) -> int:
        """Detect and store the language of entries that have none yet: only ``ids`` when given,
        else every such row dated (else first seen) since ``since``, ``_BATCH`` at a time (the
        backfill of old rows). Returns how many were filled; safe to repeat (a filled row is
        never read again)."""
        if ids is None:
            dated, params = (f" AND {_DATED} >= ?", [iso(since)]) if since is not None else ("", [])
            filled = 0
            while done := self._fill(f"{_UNKNOWN}{dated} LIMIT {_BATCH}", params):
                filled += done
            return filled
        wanted = list(ids)
        chunks = (wanted[i : i + _CHUNK] for i in range(0, len(wanted), _CHUNK))
        return sum(self._fill(f"{_UNKNOWN} AND id IN ({_marks(chunk)})", chunk) for chunk in chunks)

    def _fill(self, where: str, params: list[Any]) -> int:
        rows = self._query(f"SELECT id, title, summary, content FROM entries WHERE {where}", params)
        found = [(detect(_sample(r)), r["id"]) for r in rows]
        if found:
            with self.transaction() as db:
                db.executemany("UPDATE entries SET lang_detected = ? WHERE id = ?", found)
        return len(found)

    def entry_languages(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """(language, "feed" | "detected") of each stored entry of ``ids``, detecting the missing
        ones first; ("", "detected") when there was nothing to judge."""
        ids = list(ids)
        self.fill_languages(ids)
        languages: dict[int, tuple[str, str]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            sql = f"SELECT id, lang, lang_detected, title, summary, content FROM entries WHERE id IN ({_marks(chunk)})"
            for row in self._query(sql, chunk):
                languages[row["id"]] = _language(row)
        return languages


def _sample(row: Any) -> str:
    """What detection reads of a stored entry: title, then summary (else content)."""
    return f"{row['title'] or ''}\n{row['summary'] or row['content'] or ''}"


def _language(row: Any) -> tuple[str, str]:
    """(language, "feed" | "detected") of a row read with its text and both language columns."""
    if given := trusted(row["lang"] or "", _sample(row)):
        return given, "feed"
    if row["lang"]:  # the feed's word, refuted by the letters: detected now (rare; not stored)
        return detect(_sample(row)), "detected"
    return row["lang_detected"] or "", "detected"
