"""Why a rule matches an entry or not, group by group. Pure: values in, text out.

Used by ``monitor rules explain``, by the golden-example check at load, and by
``monitor rules test`` to find near misses (entries that almost matched).
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.models import Entry
from monitor.rules.compile import CGroup, CNode, CTerm
from monitor.rules.highlight import CONTEXT_WORDS
from monitor.rules.match import Document, RuleSet, Trace, in_scope, matched_words
from monitor.rules.model import FIELDS, Example, Rule
from monitor.rules.windows import Hit

SHOWN_TERMS = 6  # terms listed per group before "…"


def example_entry(example: Example) -> Entry:
    fields = dict(example.fields)
    return Entry(
        feed_url="",
        outlet=fields.get("feed", ""),
        key="example",
        link=fields.get("link", ""),
        title=fields.get("title", ""),
        summary=fields.get("summary", ""),
        content=fields.get("content", ""),
        author=fields.get("author", ""),
        tags=(fields["tags"],) if "tags" in fields else (),
    )


def example_verdict(rule: Rule, example: Example, *, should_match: bool) -> str | None:
    """None when the example holds; otherwise the message saying what went wrong.

    Examples test the match expression and fields, not the scopes (feeds, lang, max_age).
    """
    doc, trace = RuleSet([rule]).trace(rule.name, example_entry(example))
    shown = _quote(example.text)
    if should_match and not trace.held:
        return f"golden example should match but does not: {shown}: {reason(trace)}"
    if not should_match and trace.held:
        words = ", ".join(matched_words(doc, trace.hits)) or "no words"
        return f"golden example should not match but does ({words}): {shown}: narrow the rule or fix the example"
    return None


def reason(trace: Trace) -> str:
    """The first thing that stopped a failing node, in a few words."""
    node = trace.node
    if isinstance(node, CTerm):
        return f"{node.term} not found"
    if node.group.langs and trace.note:  # a lang: that left the group out
        return f"{describe(node)}: {trace.note}"
    if node.kind == "none":
        found = next(t for t in trace.children if t.held)
        return f"{describe(node)} excludes it ({_found(found)})"
    if node.kind == "any":
        return f"nothing of {describe(node)} found"
    failed = next((t for t in trace.children if not t.held), None)
    return reason(failed) if failed else f"{describe(node)}: {trace.note}"


def describe(node: CNode) -> str:
    if isinstance(node, CTerm):
        return str(node.term)
    label = node.group.label
    if label:
        return label
    terms = [describe(c) for c in node.children]
    shown = ", ".join(terms[:SHOWN_TERMS]) + (", …" if len(terms) > SHOWN_TERMS else "")
    return f"{node.kind}: [{shown}]"


def explain_lines(rule: Rule, doc: Document, trace: Trace, now_in_scope: bool = True) -> list[str]:
    """The evaluation tree as indented lines: ✓/✗, the group, and the words found where."""
    verdict = "MATCHES" if trace.held and now_in_scope else "does not match"
    lines = [f"rule {rule.name!r} ({rule.source}): {verdict}"]
    if not now_in_scope:
        lines.append("  ✗ out of scope (feeds, lang or max_age)")
    lines.extend(_tree(trace, doc, 1))
    if trace.held:
        lines.append(f"matched words: {', '.join(matched_words(doc, trace.hits)) or '(none)'}")
        lines.extend(f"  in {where}: {snippet}" for where, snippet in contexts(doc, trace.hits))
        if by_names_alone(trace):
            lines.append(names_alone_note(doc))
    else:
        lines.append(f"why not: {reason(trace)}")
    return lines


def by_names_alone(trace: Trace) -> bool:
    """Whether a held rule holds only through a group for the languages it has no words in (``lang: {except:
    …}``): there it reads names, figures and the few words such a branch knows, not the act in the entry's words,
    so the analyst should read the item before trusting the alert (round 41)."""
    node = trace.node
    if isinstance(node, CTerm) or not trace.held or node.kind == "none":
        return False
    if node.group.langs_except:
        return True
    held = [t for t in trace.children if t.held and not (isinstance(t.node, CGroup) and t.node.kind == "none")]
    if node.kind == "any":
        return bool(held) and all(by_names_alone(t) for t in held)
    return any(by_names_alone(t) for t in held)


def names_alone_note(doc: Document) -> str:
    language = doc.language or "unknown"
    told = "the feed's" if doc.entry.lang and doc.language == doc.entry.lang else "detected"
    return (
        f"note: matched by anchors alone: the entry's language ({language}, {told}) is one the rule has no words"
        " in, so a negation or a denial in it cannot be seen; read the item before trusting the match"
    )


def contexts(doc: Document, hits: list[Hit], limit: int = 3) -> list[tuple[str, str]]:
    """(field, original words around the hits, each hit in [brackets]) for the first ``limit``
    places where the rule fired: the words that made it fire, in their context."""
    found: list[tuple[str, str]] = []
    spans: list[tuple[int, int, int]] = []  # (field, first word, last word) of each place
    for hit in sorted(set(hits)):
        first, last = doc.word_at(hit), doc.last_word(hit)
        if spans and spans[-1][0] == hit[0] and first - spans[-1][2] <= CONTEXT_WORDS:
            spans[-1] = (hit[0], spans[-1][1], max(last, spans[-1][2]))
        elif len(spans) < limit:
            spans.append((hit[0], first, last))
    for f, first, last in spans:
        text = doc.texts[f]
        starts = doc.word_starts(f)
        begin = starts[max(0, first - CONTEXT_WORDS)]
        end = starts[last + CONTEXT_WORDS + 1] - 1 if last + CONTEXT_WORDS + 1 < len(starts) else len(text)
        snippet = " ".join(_bracketed(doc, f, begin, end, hits).split())
        found.append((FIELDS[f], ("…" if begin else "") + snippet.strip() + ("…" if end < len(text) else "")))
    return found


def _bracketed(doc: Document, field: int, begin: int, end: int, hits: list[Hit]) -> str:
    """The original text of ``[begin, end)`` with each hit in it in [brackets], by position (the
    same word twice is bracketed twice); a hit inside one already bracketed is left as it is."""
    pieces, cursor = [], begin
    inside = {h for h in hits if h[0] == field and begin <= h[1] and h[2] <= end}
    for hit in sorted(inside, key=lambda h: (h[1], -h[2])):
        if hit[1] < cursor:
            continue
        if cursor < hit[1]:
            pieces.append(doc.original((field, cursor, hit[1])))
        pieces.append(f"[{doc.original(hit)}]")
        cursor = hit[2]
    if cursor < end:
        pieces.append(doc.original((field, cursor, end)))
    return "".join(pieces)


def _tree(trace: Trace, doc: Document, depth: int) -> list[str]:
    mark = "✓" if trace.held else "✗"
    node = trace.node
    pad = "  " * depth
    if isinstance(node, CTerm):
        found = f" → {_where(doc, trace)}" if trace.hits else ""
        return [f"{pad}{mark} {node.term}{found}"]
    if node.kind != "none" and len(trace.children) == 1 and not node.group.label and node.near is None:
        return _tree(trace.children[0], doc, depth)  # a one-item group says nothing its item does not
    head = node.group.label or node.kind
    extras = []
    if node.near is not None:
        extras.append(f"near {node.near}")
    if node.fields is not None:
        extras.append("in " + "/".join(FIELDS[f] for f in sorted(node.fields)))
    if node.kind == "none":
        extras.append("holds when nothing below is found")
    note = f" — {trace.note}" if trace.note else ""
    lines = [f"{pad}{mark} {head}{' (' + ', '.join(extras) + ')' if extras else ''}{note}"]
    children = trace.children
    if node.group.label:  # an alias: show what it found, not its whole list
        children = [c for c in children if c.held]
        if not children:
            lines[-1] += f" — none of its {len(trace.children)} terms found"
    for child in children:
        lines.extend(_tree(child, doc, depth + 1))
    return lines


def _where(doc: Document, trace: Trace) -> str:
    shown = []
    for hit in sorted(set(trace.hits))[:SHOWN_TERMS]:
        shown.append(f"{doc.original(hit)!r} in {FIELDS[hit[0]]}")
    return ", ".join(shown)


def _found(trace: Trace) -> str:
    if isinstance(trace.node, CTerm):
        return f"{trace.node.term} found"
    held = next((t for t in trace.children if t.held), None)
    return _found(held) if held else describe(trace.node)


def _quote(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


@dataclass(frozen=True, slots=True)
class Verdict:
    """A rule against one entry: matched, a near miss (with what was missing), or neither."""

    matched: bool
    near_miss: bool
    words: tuple[str, ...]
    missing: str = ""


def verdict(rules: RuleSet, rule: Rule, entry: Entry) -> Verdict:
    """Near miss: the rule fails, but every required part except one held (or only a
    ``none``/``near`` constraint stopped it) — what an author almost caught."""
    doc, trace = rules.trace(rule.name, entry)
    if trace.held:
        return Verdict(in_scope(rule.scope, entry, None), False, matched_words(doc, trace.hits))
    held_positive = _held_positive(trace)
    close = _close(trace, held_positive)
    words = matched_words(doc, [h for t in held_positive for h in t.hits])
    return Verdict(False, close, words, reason(trace) if close else "")


def classify(rules: RuleSet, rule: Rule, entry: Entry) -> tuple[bool, bool]:
    """(matched, near miss) exactly as ``verdict`` decides them, without collecting the
    words: what a backtest needs for the many entries it only counts."""
    _doc, trace = rules.trace(rule.name, entry)
    if trace.held:
        return in_scope(rule.scope, entry, None), False
    return False, _close(trace, _held_positive(trace))


def _held_positive(trace: Trace) -> list[Trace]:
    return [t for t in _parts(trace) if t.held and not (isinstance(t.node, CGroup) and t.node.kind == "none")]


def _close(trace: Trace, held_positive: list[Trace]) -> bool:
    return bool(held_positive) and sum(not t.held for t in _parts(trace)) <= 1


def _parts(trace: Trace) -> list[Trace]:
    """The top-level conjuncts of a rule: the children of its outer ``all`` (flattened once)."""
    node = trace.node
    if isinstance(node, CGroup) and node.kind == "all":
        found = []
        for child in trace.children:
            inner = child.node
            if isinstance(inner, CGroup) and inner.kind == "all" and inner.near is None and not inner.group.label:
                found.extend(child.children)
            else:
                found.append(child)
        return found
    return [trace]
