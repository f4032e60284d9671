"""Evaluate a compiled rule tree over a Document: the hits that make each group hold, or
None; with a trace, every node's outcome for ``rules explain`` and near misses. Pure."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from monitor.rules.compile import CGroup, CNode, CTerm
from monitor.rules.document import Document
from monitor.rules.model import Group
from monitor.rules.units import CLAUSE, PARAGRAPH, SENTENCE
from monitor.rules.windows import Hit, close_hits

_NONE: list[Hit] = []
# An unless_near group, its window in words, the unit it vetoes in (SENTENCE, CLAUSE or None),
# and its except: group (hits of the veto inside one of these veto nothing).
Veto = tuple[CGroup, "int | None", "int | None", "CGroup | None"]


@dataclass
class Trace:
    """How one node of a rule fared on an entry: for ``rules explain`` and near misses."""

    node: CNode
    held: bool
    hits: list[Hit]
    children: list[Trace] = field(default_factory=list)
    note: str = ""


def evaluate(
    node: CNode,
    doc: Document,
    allowed: frozenset[int] | None,
    trace: list[Trace] | None = None,
    vetoes: tuple[Veto, ...] = (),
) -> list[Hit] | None:
    """The hits that make ``node`` hold (``[]`` for a holding ``none``), or None when it fails.

    With ``trace``, every child is evaluated (no short cut) and a Trace is appended.
    ``vetoes``: the ``unless_near`` groups of the enclosing groups; a hit close to one does not count.
    """
    if isinstance(node, CTerm):
        hits = doc.hits.get(node.pid, _NONE) if node.scanned else doc.hits_of(node.pid, allowed)
        if allowed is not None:
            hits = [h for h in hits if h[0] in allowed]
        if node.term.case and hits:
            hits = doc.cased(hits, node.term.text.rstrip("*"))
        if node.term.langs and hits:
            hits = doc.in_languages(hits, node.term.langs, node.term.langs_except)
        note = ""
        if vetoes and hits:
            hits, blocker = _unvetoed(doc, hits, vetoes)
            if blocker is not None and not hits:
                note = f"only next to {doc.original(blocker)!r}"
        if trace is not None:
            trace.append(Trace(node, bool(hits), hits, note=note))
        return hits or None
    if node.fields is not None:
        allowed = node.fields
    if node.unless is not None:
        unless = node.group.unless
        unit = CLAUSE if unless.clause else SENTENCE if unless.sentence else None  # type: ignore[union-attr]
        vetoes = (*vetoes, (node.unless, unless.within, unit, node.exceptions))  # type: ignore[union-attr]
    kids: list[Trace] | None = [] if trace is not None else None
    result, note = _group(node, doc, allowed, kids, vetoes)
    wanted = node.group.min_mentions
    if result is not None and wanted > 1 and (count := _mentions(result)) < wanted:
        result, note = None, f"{count} mention(s), fewer than min_mentions {wanted}"
    group = node.group
    # lang: asked only when the group's words would decide (detecting a language costs more than a look-up):
    # outside its languages an all/any does not hold and a none excludes nothing
    if group.langs and (result is None) == (node.kind == "none") and not doc.speaks(group.langs, group.langs_except):
        result, note = ([] if node.kind == "none" else None), f"the entry is in {doc.language}"
    if trace is not None:
        trace.append(Trace(node, result is not None, result or [], kids or [], note))
    return result


def _mentions(hits: list[Hit]) -> int:
    """Places in the text a group was found: overlapping hits ("formal recognition" and
    "recognition") are one mention, not two."""
    count, field, end = 0, -1, -1
    for f, start, stop in sorted(hits):
        if f != field or start >= end:
            count += 1
            field, end = f, stop
        else:
            end = max(end, stop)
    return count


def _group(
    node: CGroup, doc: Document, allowed: frozenset[int] | None, kids: list[Trace] | None, vetoes: tuple[Veto, ...]
) -> tuple[list[Hit] | None, str]:
    full = kids is not None
    if node.kind == "none":
        held = False
        for child in node.children:
            if evaluate(child, doc, allowed, kids) is not None:
                held = True
                if not full:
                    break
        return (None, "") if held else ([], "")
    if node.kind == "any":
        found: list[Hit] | None = None
        children = node.children
        if not full and node.plain:
            found, children = _plain_hits(node, doc, allowed, vetoes), node.rest
        for child in children:
            hits = evaluate(child, doc, allowed, kids, vetoes)
            if hits is not None:
                found = (found or []) + hits
        return found, ""
    parts: list[list[Hit]] = []
    failed = False
    for child in node.children:
        hits = evaluate(child, doc, allowed, kids, vetoes)
        if hits is None:
            failed = True
            if not full:
                return None, ""
        elif hits:
            parts.append(hits)
    if failed:
        return None, ""
    group = node.group
    if len(parts) > 1 and (group.sentence or group.clause) and group.comparison:
        parts = [[h for h in part if not doc.compared(h)] for part in parts]  # a yardstick is no subject
        if not all(parts):
            return None, "only inside a comparison"
    if len(parts) > 1 and (node.near is not None or group.sentence or group.paragraph or group.clause or group.ordered):
        close = close_hits(parts, node.near, _segment(doc, group), doc.word_at, group.ordered)
        return (close, "") if close else (None, _apart(node))
    return [h for part in parts for h in part], ""


def _plain_hits(
    node: CGroup, doc: Document, allowed: frozenset[int] | None, vetoes: tuple[Veto, ...]
) -> list[Hit] | None:
    """The hits of an "any" group's exact and prefix terms, as evaluating each would give them."""
    found, plain = doc.hits, node.plain
    pids = [pid for pid in found if pid in plain] if len(found) < len(plain) else [p for p in plain if p in found]
    hits = [h for pid in pids for h in found[pid] if allowed is None or h[0] in allowed]
    if vetoes and hits:
        hits, _ = _unvetoed(doc, hits, vetoes)
    return hits or None


def _segment(doc: Document, group: Group) -> Callable[[Hit], Hashable]:
    unit = SENTENCE if group.sentence else PARAGRAPH if group.paragraph else CLAUSE if group.clause else None
    if unit is not None:
        return lambda hit: (hit[0], doc.unit(hit, unit))
    return lambda hit: hit[0]


def _apart(node: CGroup) -> str:
    group = node.group
    where = (
        "one sentence"
        if group.sentence
        else "one paragraph"
        if group.paragraph
        else "one clause"
        if group.clause
        else ""
    )
    near = f"within {node.near} words" if node.near is not None else ""
    order = "in this order" if group.ordered else ""
    return "not " + " ".join(filter(None, [near, order, "in " + where if where else ""]))


def _unvetoed(doc: Document, hits: list[Hit], vetoes: tuple[Veto, ...]) -> tuple[list[Hit], Hit | None]:
    """The hits no veto stands close to, and one veto hit that removed something."""
    kept: list[Hit] = []
    blocker: Hit | None = None
    for hit in hits:
        found = next((v for veto in vetoes if (v := _blocker(doc, hit, veto)) is not None), None)
        if found is None:
            kept.append(hit)
        else:
            blocker = blocker or found
    return kept, blocker


def _blocker(doc: Document, hit: Hit, veto: Veto) -> Hit | None:
    node, within, unit, exceptions = veto
    for other in _veto_hits(doc, node, exceptions, hit[0]):
        same = unit is not None and doc.unit(other, unit) == doc.unit(hit, unit)
        if same and (unit != CLAUSE or not doc.confined(other, hit)):  # a clause's "after …" keeps its negation
            return other
        if within is not None:
            gap = max(doc.word_at(other) - doc.last_word(hit), doc.word_at(hit) - doc.last_word(other))
            if gap <= within:
                return other
    return None


def _veto_hits(doc: Document, node: CGroup, exceptions: CGroup | None, field: int) -> list[Hit]:
    """The hits of an unless_near group in one field, less those inside a hit of its except:
    group; found once per document (rules that share the group share them)."""
    key = (id(node), id(exceptions), field)
    if key not in doc.veto_hits:
        where = frozenset((field,))
        hits = [h for h in evaluate(node, doc, where) or [] if h[0] == field]
        spared = evaluate(exceptions, doc, where) or [] if exceptions is not None else []
        spared = [*spared, *doc.answered(field)]  # "Is X still supplying Y? A: Yes." asks nothing
        # Trimmed: a regex veto's leading boundary may be the end of the sentence before it, and
        # the veto must count in the sentence or clause of its word (session 9, "نفت وزارة …").
        trimmed = [_trimmed(doc, h) for h in hits]
        doc.veto_hits[key] = [h for h in trimmed if not any(_inside(h, s) for s in spared)]
    return doc.veto_hits[key]


def _trimmed(doc: Document, hit: Hit) -> Hit:
    """The hit less the spaces and punctuation at its edges: a regex veto such as Turkish's
    negative suffix takes the boundary around its word, and the word alone is what ``except:``
    phrases hold ("vazgeçmedi" inside "vazgeçmedi*")."""
    f, start, end = hit
    text = doc.texts[f]
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (f, start, end) if end > start else hit  # a veto that is punctuation ("?") stays as it is


def _inside(hit: Hit, outer: Hit) -> bool:
    return hit[0] == outer[0] and outer[1] <= hit[1] and hit[2] <= outer[2]
