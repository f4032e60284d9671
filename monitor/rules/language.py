"""The language of an entry whose feed does not say, for ``lang:`` scopes. Pure.

langid.py (a small naive-Bayes model over byte n-grams, bundled with the package,
deterministic) reads the title and the start of the summary: on the tuning part of
tests/data/rules_eval it named 160 of 160 items right from title + summary, 157 from
the title alone (benchmarks/rules_quality.py --languages). Kana and Hangul need no
model: each belongs to one language. Detection runs only when a rule with a ``lang:``
scope is about to be evaluated for an entry without a language, once per entry.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from monitor.models import Entry

SAMPLE_CHARS = 300  # enough for a headline and a sentence or two; more costs time and gains nothing
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7af]")


@functools.cache
def _identifier() -> Any:
    from langid.langid import LanguageIdentifier, model  # loads the model once (about half a second)

    return LanguageIdentifier.from_modelstring(model, norm_probs=False)


def detect(text: str) -> str:
    """A two-letter code (ISO 639-1) for ``text``; "" when there is nothing to judge."""
    text = text[:SAMPLE_CHARS]
    if not any(char.isalpha() for char in text):
        return ""
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    return str(_identifier().classify(text)[0])


def entry_language(entry: Entry) -> str:
    """The entry's language as the feed gives it, else as detected from its title and summary."""
    if entry.lang:
        return entry.lang.split("-")[0].lower()
    return detect(f"{entry.title}\n{entry.summary or entry.content}")
