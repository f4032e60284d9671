"""Where sentences and paragraphs of a field start, and the derived ``lead`` field. Pure.

Positions are those of ``match_text``: folding keeps one character for every run of
white space, so a run that held a line break marks a paragraph at the same position.
"""

from __future__ import annotations

import re

from monitor.models import Entry
from monitor.rules.model import LEAD_WORDS
from monitor.text import fold, without_spaces

_WHITE = re.compile(r"\s+")
# A sentence ends at . ! ? … (then white space; not after a lone letter such as "u.s.") or at 。！？.
_SENTENCE_END = re.compile(r"(?<![\s.][^\W\d_])[.!?…][\"'»”)]*(?=\s)|[。！？]|\n")


def field_text(entry: Entry, name: str) -> str:
    """An entry's field, ``lead`` included."""
    return lead_text(entry) if name == "lead" else entry.text(name)


def lead_text(entry: Entry) -> str:
    """The title and the body's first paragraph, cut to LEAD_WORDS words (twice as many
    characters in unspaced scripts): where a story says what it is about."""
    body = entry.content or entry.summary
    first = next((line for line in body.splitlines() if line.strip()), "")
    words = first.split()
    if len(words) > LEAD_WORDS:
        first = " ".join(words[:LEAD_WORDS])
    elif len(first) > 2 * LEAD_WORDS * 2 and sum(map(without_spaces, first[:40])) > 20:
        first = first[: 2 * LEAD_WORDS * 2]
    return f"{entry.title}\n{first}" if first else entry.title


def breaks(raw: str, folded: str) -> tuple[list[int], list[int]]:
    """(sentence starts, paragraph starts) as positions of ``folded`` (= ``match_text(raw)``)."""
    lined = _WHITE.sub(lambda m: "\n" if "\n" in m.group() else " ", fold(raw))
    if len(lined) != len(folded):  # cannot happen while folding keeps white space runs; one unit then
        return [0], [0]
    paragraphs = [0, *(i + 1 for i, char in enumerate(lined) if char == "\n")]
    sentences = [0, *(m.end() for m in _SENTENCE_END.finditer(lined))]
    return sorted(set(sentences)), paragraphs
