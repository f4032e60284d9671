"""A piece about a story, not its news told further: what a text repeats of an earlier story says so. Pure.

Two marks, each read from the sentences two texts share, whatever their language:

- ``quoted_lede``: a commentary, an explainer, an analysis or a fact check cites the news it is about the way any
  writer cites another's text, as a quotation ("…", «…», „…“, which ``clean`` folds to '"'; 「…」 and 『…』), most
  often the wire's lede word for word, then says its own piece: why it matters, what a word in the news means,
  what should be done. What it reports is its own happening (an opinion given, a question answered), not the news
  it quotes, even from a desk that ran the story. A desk telling its story further retells the lede unquoted; a
  speaker's words in quotation marks are no whole sentence of another text. So only a quotation holding the
  story's first sentence, beside more words of the piece's own than it quotes, says so.
- ``background_only``: a desk's next piece on an affair (an explainer that afternoon, the next day's happening)
  carries a paragraph of background from its story (who paid, how many it serves) word for word under an opening
  of its own, and none of the story's news: the story's first sentence is not in it. A desk telling its story
  further opens with that sentence, or prints it (a follow-up, an update, a correction).
"""

from __future__ import annotations

import re

import numpy as np

from monitor.dedup.compare import FACT_LINE, FACT_NUMBER, Stored
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


def background_only(sig: Signature, doc: Stored) -> bool:
    """Does ``sig`` print word for word sentences of ``doc`` but neither ``doc``'s first sentence nor, as its own
    first, any of ``doc``'s, those it shares being fewer than its own? Then it repeats the story's background,
    not its news. False for stored signatures (no sentences read)."""
    if not sig.lines or not doc.sentences:
        return False
    theirs = np.frombuffer(doc.sentences, dtype="<u4").tolist()
    ours = [hashed for hashed, _, _ in sig.lines]
    shared = sum(hashed in theirs for hashed in ours)
    return 0 < 2 * shared < len(ours) and theirs[0] not in ours and ours[0] not in theirs


def news_figure(sig: Signature, doc: Stored) -> bool:
    """Does ``sig`` print a number ``doc`` first prints in a sentence ``sig`` does not print word for word (a figure
    of the story's news, not of the background they share)? The same day, the desk's text telling its story
    further retells its news with its figures ("after the fire that destroyed 3,200 wheels"); its next story of
    the day under the firm's background paragraph prints figures of its own. False when ``doc`` keeps no
    sentence of its facts (stored before ``fact_lines``)."""
    facts = np.frombuffer(doc.facts, dtype="<u4").tolist()
    if len(doc.fact_lines) != len(facts) or not sig.lines:
        return False
    theirs = np.frombuffer(doc.sentences, dtype="<u4").tolist()
    ours = {hashed for hashed, _, _ in sig.lines}
    mine = set(np.frombuffer(sig.facts, dtype="<u4").tolist())
    return any(
        byte & FACT_NUMBER
        and fact in mine
        and (byte & FACT_LINE) < len(theirs)
        and theirs[byte & FACT_LINE] not in ours
        for fact, byte in zip(facts, doc.fact_lines, strict=True)
    )
