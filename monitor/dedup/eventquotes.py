"""A piece about a story: a text that quotes the story's lede and goes on in words of its own. Pure.

A commentary, an explainer, an analysis or a fact check cites the news it is about the way any writer cites
another's text: as a quotation ("…", «…», „…“, which ``clean`` folds to '"'; 「…」 and 『…』), most often the
wire's lede word for word, then says its own piece: why it matters, what the word in the news means, what should
be done. What it reports is its own happening (an opinion given, a question answered), not the news it quotes, so
it is no follow-up in the quoted story's event even when it comes from a desk that ran the story. A desk telling
its story further retells the lede as its own sentence, unquoted; a quotation of a speaker ("'We will close',
the owner said") is no whole sentence of another text, so only a quotation holding the story's first sentence
and standing beside more text of the piece's own than it quotes says so.
"""

from __future__ import annotations

import re

from monitor.dedup.compare import Stored
from monitor.dedup.shingles import sentence_hashes, shingle_hashes
from monitor.dedup.signature import Signature
from monitor.text import fold, spaced_tokens, word_spaces

# A quotation on one line: what a text cites in quotation marks (paragraphs are lines in ``Signature.read``).
_QUOTED = re.compile(r'"([^"\n]+)"|「([^「」\n]+)」|『([^『』\n]+)』')
OWN_SHARE = 0.5  # of a piece's shingles, at least this share outside its quotations: its own words say its piece


def quoted_lede(sig: Signature, doc: Stored) -> float | None:
    """The share of ``sig``'s text that is its own when ``sig`` quotes ``doc``'s first sentence word for word
    inside quotation marks and words of its own make ``OWN_SHARE`` of it or more: a piece about ``doc``'s story
    (a commentary, an explainer). None otherwise, and for stored signatures (no text to read)."""
    if not sig.read or not doc.sentences or not sig.shingles:
        return None
    passages = [next(part for part in found.groups() if part) for found in _QUOTED.finditer(sig.read)]
    if not passages:
        return None
    first = int.from_bytes(doc.sentences[:4], "little")
    quoted: set[int] = set()
    holds = False
    for passage in passages:
        folded = fold(passage)
        spaced = word_spaces(folded)
        holds = holds or first in sentence_hashes(folded, spaced)
        quoted.update(shingle_hashes(spaced_tokens(folded, spaced)).tolist())
    own = 1 - len(quoted & sig.shingles) / len(sig.shingles)
    return own if holds and own >= OWN_SHARE else None
