"""An entry as the matcher sees it: its fields folded once, the automaton's hits, and what a
rule asks of it lazily (fuzzy and regex hits, word positions, sentences and paragraphs,
the ``unless_near`` vetoes, the original words of a hit). Pure."""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from monitor.models import Entry
from monitor.rules.compile import Pattern, Program
from monitor.rules.language import entry_language
from monitor.rules.model import FIELDS
from monitor.rules.sounds import SOUND_WORD, sound_key, sound_runs
from monitor.rules.spelling import after_proclitic, glued_names, plain_hyphens
from monitor.rules.units import (
    CLAUSE,
    Units,
    answered_spans,
    breaks,
    comparison_spans,
    concessive_spans,
    field_text,
    subordinate_spans,
)
from monitor.rules.windows import Hit
from monitor.text import (
    OriginalWords,
    fold,
    is_word_char,
    match_text,
    spaced_word_pattern,
    token_pattern,
    word_spaces,
)

_word = functools.cache(is_word_char)


class Document:
    """An entry's fields folded once, its automaton hits, and lazily what else a rule asks."""

    def __init__(self, entry: Entry, program: Program):
        self.entry = entry
        self.program = program
        self.raw: dict[int, str] = {f: field_text(entry, FIELDS[f]) for f in program.fields}
        self.texts: dict[int, str] = {f: plain_hyphens(match_text(raw)) for f, raw in self.raw.items()}
        self.hits: dict[int, list[Hit]] = {}
        self._lazy_done: set[tuple[int, int]] = set()  # (pattern id, field) computed on demand
        self._tokens: dict[int, list[int]] = {}
        self._spaced_texts: dict[int, str | None] = {}
        self._word_spans: dict[int, list[tuple[int, int]]] = {}  # fuzzy terms' words, per field
        self._fuzzy_runs: dict[tuple[int, int], tuple[list[str], list[str]]] = {}  # (field, words per run) → runs
        self._sound_words: dict[int, tuple[list[tuple[int, int]], list[str | None]]] = {}  # words, their sounds
        self._originals: dict[int, OriginalWords] = {}
        self._breaks: dict[int, Units] = {}
        self.veto_hits: dict[tuple[int, int, int], list[Hit]] = {}  # per unless_near, except: (ids), field
        self._language: str | None = None  # the feed's or detected, once asked
        self._answered: dict[int, list[Hit]] = {}
        self._subordinate: dict[int, list[tuple[int, int]]] = {}
        self._concessive: dict[int, list[tuple[int, int]]] = {}
        self._compared: dict[int, list[tuple[int, int]]] = {}
        if program.automaton is not None:
            for f, text in self.texts.items():
                if text:
                    self._scan(f, text)

    def _scan(self, f: int, text: str) -> None:
        size = len(text)
        hits = self.hits
        glued: frozenset[int] | None = None  # found on the first hit inside a word: most fields have none
        for last, (length, left, right, exact, prefix, more) in self.program.automaton.iter(text):  # type: ignore[union-attr]
            start = last - length + 1
            # Inside a word only an Arabic word behind its proclitics is found (range test first: cheap), and a
            # name behind a small-letter prefix ("yeTaliban")
            inside = left and start and _word(text[start - 1])
            if inside and not ("\u0620" <= text[start] <= "\u06d3" and after_proclitic(text, start)):
                if glued is None:
                    glued = glued_names(self.raw[f], text)
                if start not in glued:
                    continue
            end = last + 1
            bounded = not (right and end < size and _word(text[end]))
            if exact >= 0 and bounded:
                hits.setdefault(exact, []).append((f, start, end))
            if prefix >= 0 or more:
                stop = end
                while stop < size and _word(text[stop]):
                    stop += 1
                if prefix >= 0:
                    hits.setdefault(prefix, []).append((f, start, stop))
                for pid, is_prefix in more:  # patterns sharing this spelling (rare)
                    if is_prefix or bounded:
                        hits.setdefault(pid, []).append((f, start, stop if is_prefix else end))

    def hits_of(self, pid: int, fields: frozenset[int] | None = None) -> list[Hit]:
        """A pattern's hits; fuzzy, regex and phrase-wildcard ones computed on first use, in
        ``fields`` only when given (a veto is sought only where the hits it may veto stand)."""
        pattern = self.program.patterns[pid]
        if not pattern.scanned:
            wanted = [f for f in (self.texts if fields is None else fields) if (pid, f) not in self._lazy_done]
            if wanted:
                self._lazy_done.update((pid, f) for f in wanted)
                texts = {f: self.texts[f] for f in wanted if self.texts.get(f)}
                kind = pattern.kind
                if kind in ("regex", "words"):
                    found = self._regex(pid, texts)
                else:
                    found = self._sounds(pattern, texts) if kind == "sounds" else self._fuzzy(pattern, texts)
                if found:
                    self.hits.setdefault(pid, []).extend(found)
        return self.hits.get(pid, [])

    def _regex(self, pid: int, texts: dict[int, str]) -> list[Hit]:
        regex = self.program.regexes[pid]
        group = 0
        if self.program.patterns[pid].kind == "words":  # only where its first word's prefix was found
            group = 1
            where = {h[0] for h in self.hits.get(self.program.companions[pid], ())}
            texts = {f: text for f, text in texts.items() if f in where}
        return [
            (f, m.start(group), m.end(group))
            for f, text in texts.items()
            for m in regex.finditer(text)
            if m.end(group) > m.start(group)
        ]

    def _fuzzy(self, pattern: Pattern, texts: dict[int, str]) -> list[Hit]:
        """Runs of as many words as the pattern has whose similarity to it reaches its cutoff.
        A field's runs are listed once per document for every fuzzy term of every rule, and
        where its words stand only when one is found (rarely): most entries hold none."""
        key, cutoff = pattern.key, pattern.fuzzy
        size = len(key.split())
        found: list[Hit] = []
        for f, text in texts.items():
            runs, distinct = self._runs(f, text, size)
            # each distinct run scored once (an article repeats most of its words)
            similar = process.extract(key, distinct, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
            if similar:
                scores = {run: score for run, score, _ in similar}
                # in the order scoring every run gives: best first, then in reading order
                at = sorted((-scores[run], index) for index, run in enumerate(runs) if run in scores)
                spans = self._spans(f, text)
                found.extend((f, spans[index][0], spans[index + size - 1][1]) for _, index in at)
        return found

    def _sounds(self, pattern: Pattern, texts: dict[int, str]) -> list[Hit]:
        """Runs of words that sound like the pattern's (rules/sounds.py); a field's keys listed once."""
        wanted = tuple(pattern.key.split())
        found: list[Hit] = []
        for f, text in texts.items():
            if f not in self._sound_words:
                spans = [m.span() for m in SOUND_WORD.finditer(text)]
                self._sound_words[f] = spans, [sound_key(text[a:b]) for a, b in spans]
            spans, keys = self._sound_words[f]
            found.extend((f, spans[i][0], spans[i + len(wanted) - 1][1]) for i in sound_runs(wanted, keys))
        return found

    def _runs(self, f: int, text: str, size: int) -> tuple[list[str], list[str]]:
        """The field's runs of ``size`` words (for ``size`` 1 its words, found in one C-level pass),
        and the distinct ones in order of first appearance."""
        if (f, size) not in self._fuzzy_runs:
            if size == 1:  # words split in C where all are ASCII, several times faster than the regex's big class
                spaced = self._spaced(f)
                runs = spaced.split() if spaced is not None else spaced_word_pattern(text).findall(text)
            else:
                spans = self._spans(f, text)
                runs = [text[spans[i][0] : spans[i + size - 1][1]] for i in range(len(spans) - size + 1)]
            self._fuzzy_runs[f, size] = runs, list(dict.fromkeys(runs))
        return self._fuzzy_runs[f, size]

    def _spans(self, f: int, text: str) -> list[tuple[int, int]]:
        if f not in self._word_spans:
            self._word_spans[f] = [m.span() for m in spaced_word_pattern(text).finditer(text)]
        return self._word_spans[f]

    def word_at(self, hit: Hit) -> int:
        """The index of the word a hit starts in, within its field: what ``near`` counts. Where every word
        is ASCII the words up to it are counted in C: ``near`` asks a few of a field that has hundreds."""
        f, start = hit[0], hit[1]
        spaced = self._spaced(f) if f not in self._tokens else None
        if spaced is not None:
            return len(spaced[: start + 1].split()) - 1
        return bisect_right(self.word_starts(f), start) - 1

    def _spaced(self, f: int) -> str | None:
        """The field's folded text, every character outside its words a space, if all are ASCII (``word_spaces``)."""
        if f not in self._spaced_texts:
            self._spaced_texts[f] = word_spaces(self.texts[f])
        return self._spaced_texts[f]

    def word_starts(self, f: int) -> list[int]:
        """Where each word (each Han or kana character) of a field's folded text starts."""
        if f not in self._tokens:
            self._tokens[f] = [m.start() for m in token_pattern(self.texts[f]).finditer(self.texts[f])]
        return self._tokens[f]

    def last_word(self, hit: Hit) -> int:
        return self.word_at((hit[0], max(hit[1], hit[2] - 1), hit[2]))

    def unit(self, hit: Hit, kind: int) -> int:
        """The index of the sentence, paragraph or clause (``units.SENTENCE``, ``PARAGRAPH``,
        ``CLAUSE``) a hit starts in, within its field."""
        f = hit[0]
        if f not in self._breaks:
            self._breaks[f] = breaks(
                self.raw[f], self.texts[f], lead=FIELDS[f] == "lead", headline=FIELDS[f] == "title"
            )
        return bisect_right(self._breaks[f][kind], hit[1]) - 1

    def compared(self, hit: Hit) -> bool:
        """Whether ``hit`` stands inside a comparison phrase ("like Russia", "в отличие от Индии", "ロシアと同様"):
        there it names a yardstick, not the subject of its clause (``units.comparison_spans``)."""
        f = hit[0]
        if f not in self._compared:
            self.unit(hit, CLAUSE)  # the breaks, once
            self._compared[f] = comparison_spans(self.texts[f], self._breaks[f][CLAUSE])
        return any(start <= hit[1] < end for start, end in self._compared[f])

    def confined(self, veto: Hit, hit: Hit) -> bool:
        """Whether ``veto`` stands in an adverbial clause of time or cause, or a concessive one, that ``hit`` is
        outside of: there a negation is that clause's ("terminated the contract after the company failed to
        pay"); or ``hit`` stands in a concessive one that ``veto`` is outside of: what "despite" concedes holds
        whatever the main clause says ("traders remain cautious despite the new deal")."""
        f = veto[0]
        if f not in self._subordinate:
            self.unit(veto, CLAUSE)  # the breaks, once
            clauses = self._breaks[f][CLAUSE]
            self._concessive[f] = concessive_spans(self.texts[f], clauses)
            self._subordinate[f] = subordinate_spans(self.texts[f], clauses) + self._concessive[f]
        return any(start <= veto[1] < end and not start <= hit[1] < end for start, end in self._subordinate[f]) or any(
            start <= hit[1] < end and not start <= veto[1] < end for start, end in self._concessive[f]
        )

    def answered(self, f: int) -> list[Hit]:
        """A field's questions answered yes, mark to yes: there the mark is no hedge."""
        if f not in self._answered:
            self._answered[f] = [(f, start, end) for start, end in answered_spans(self.texts[f])]
        return self._answered[f]

    @property
    def language(self) -> str:
        """The entry's language (the feed's, else detected once, on first asking); "" if unknown."""
        if self._language is None:
            self._language = entry_language(self.entry)
        return self._language

    def in_languages(self, hits: list[Hit], langs: tuple[str, ...], excluded: bool = False) -> list[Hit]:
        """``hits``, unless the entry is known to be in none of ``langs`` (a term's ``lang:``)."""
        return hits if self.speaks(langs, excluded) else []

    def speaks(self, langs: tuple[str, ...], excluded: bool = False) -> bool:
        """Whether the entry is in one of ``langs`` (``excluded``: in none of them); an entry whose
        language cannot be told is in every one."""
        return not self.language or (self.language in langs) != excluded

    def cased(self, hits: list[Hit], text: str) -> list[Hit]:
        """The hits written exactly ``text`` at their start (letter case included), for ``case: true``."""
        present = {f for f in {h[0] for h in hits} if text in self.raw[f]}  # most fields: none, no mapping
        return [h for h in hits if h[0] in present and self.original(h).startswith(text)]

    def original(self, hit: Hit) -> str:
        """The hit's words as written in the entry (folded words if positions cannot be mapped)."""
        f, start, end = hit
        if f not in self._originals:
            self._originals[f] = OriginalWords(self.raw[f], self.texts[f])
        return self._originals[f].span(start, end)


def matched_words(doc: Document, hits: Iterable[Hit]) -> tuple[str, ...]:
    """Distinct original words in reading order (field order, then position), case-insensitively unique."""
    words: dict[str, str] = {}
    for hit in sorted(set(hits)):
        word = doc.original(hit)
        words.setdefault(fold(word), word)
    return tuple(words.values())
