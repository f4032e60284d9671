"""The fast paths of the text core give what the plain definitions they replace give.

Parsing and examining an entry read its text many times; the hot reads take shortcuts
(str.split for regex substitutions, str.translate for ASCII word patterns, no HTML
parser for paragraph-only markup). Each is checked here against its definition on
arbitrary text (hypothesis, derandomized: every run checks the same examples).
"""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.dedup import events, normalise
from monitor.text import (
    OriginalWords,
    ascii_words_joined,
    fold,
    fold_map,
    match_text,
    one_space,
    paragraphs_text,
    parsed_text,
    squash,
)

SETTINGS = settings(max_examples=300, derandomize=True, deadline=None)
# White space of every kind, line breaks of every kind, and what tells words apart.
SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u200b\u2028\u2029\u202f\u205f\u3000"
texts = st.text(alphabet=st.sampled_from(SPACES) | st.characters(), max_size=200)
ascii_texts = st.text(alphabet=st.characters(max_codepoint=127), max_size=200)
MARKUP = st.lists(
    st.sampled_from(
        [
            *["<p>", "</p>", "<br>", "<br/>", "<br />", "<P>", "<p >", "<b>", "<!-- x -->", "<script>x</script>"],
            *["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&#65;", "&#x41;", "&#8217;", "&#x1F600;"],
            *[
                "&#0;",
                "&#9;",
                "&#10;",
                "&#13;",
                "&#128;",
                "&#x9F;",
                "&#55296;",
                "&#xFFFE;",
                "&#1114112;",
                "&amp",
                "&bogus;",
            ],
            *[
                "word",
                "Two words",
                "<",
                ">",
                "&",
                "é",
                "e\u0301",
                "日本",
                "\x00",
                "\x01",
                "\ufeff",
                "\ufffd",
                "\U0001f600",
            ],
            *SPACES,
        ]
    ),
    max_size=30,
).map("".join)


def _old_squash(text: str) -> str:
    text = re.sub("[\u00ad\u200b\u2060]", "", text)  # marks inside words: hints, not breaks
    space = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000]+")
    lines = (space.sub(" ", line).strip() for line in text.splitlines())
    return re.sub(r"\n\s*\n+", "\n", "\n".join(line for line in lines if line)).strip()


@SETTINGS
@given(texts)
def test_squash_and_one_space_equal_their_regular_expressions(text):
    assert squash(text) == _old_squash(text)
    assert one_space(text) == re.sub(r"\s+", " ", text)


@SETTINGS
@given(ascii_texts)
def test_ascii_words_equal_the_word_patterns(text):
    assert ascii_words_joined(text) == " ".join(re.findall(r"\w+", text))
    # The references are written here from the docstrings, not read from the modules' own patterns
    # (issue 20: a reference that shares the module's regex cannot catch a bug in it).
    assert normalise.tokens(text) == re.findall(r"[A-Za-z0-9_]+", text)  # words (ASCII has no unspaced script)
    # "words start with a letter and run on through letters, digits, "_" and apostrophes"
    assert events._words(text) == re.findall(r"[A-Za-z][A-Za-z0-9_']*", text)
    # "the numbers of two or more digits, as values", and whether the text has any digit; where no
    # separator stands between two digits and no word after one (a multiplier: "3 bn"), a number is
    # a run of digits
    keys, digits = events._numbers(text)
    assert digits == bool(re.search(r"[0-9]", text))
    if not re.search(r"[0-9][,. ][0-9]|[0-9] ?[A-Za-z]", text):
        runs = re.findall(r"(?<![0-9])[0-9]{2,}(?![0-9])", text)
        assert keys == [f"{float(run):.6g}" for run in runs]


@SETTINGS
@given(MARKUP)
def test_paragraph_markup_reads_as_the_html_parser_reads_it(markup):
    text = paragraphs_text(markup)
    if text is not None:
        assert squash(text) == squash(parsed_text(markup))


def test_paragraph_markup_is_read_without_the_parser():
    markup = "<p>Talks &amp; &#8220;trade&#x201D;</p>\n<p>Second<br/>line</p>"
    assert squash(paragraphs_text(markup) or "") == "Talks & \u201ctrade\u201d\nSecond\nline"
    assert paragraphs_text("before<p>after") == "beforeafter"  # no break before a paragraph, as the parser reads it
    for other in ("<p class=x>a</p>", "<b>a</b>", "a &ampb", "&#0;", "a\x00b<p>"):
        assert paragraphs_text(other) is None


class _ListedWords:
    """``OriginalWords`` as it was (session 6): every word's place listed with a regular expression."""

    def __init__(self, text: str, folded: str):
        self.text, self.folded = text, folded
        self.words = [m.span() for m in re.finditer(r"\S+", text)]
        self.starts = [m.start() for m in re.finditer(r"\S+", folded)]

    def span(self, start: int, end: int) -> str:
        if self.text.isascii() and len(self.text) == len(self.folded):
            return self.text[start:end]
        if len(self.words) == len(self.starts):
            first, last = self._position(start), self._position(end - 1)
            if first is not None and last is not None:
                return self.text[first[0] : last[1]]
        whole = fold_map(self.text)
        return self.text[whole[1][start] : whole[2][end - 1]] if whole else self.folded[start:end]

    def _position(self, index: int) -> tuple[int, int] | None:
        word = bisect.bisect_right(self.starts, index) - 1
        if word < 0:
            return None
        begin, finish = self.words[word]
        offset = index - self.starts[word]
        if self.text[begin:finish].isascii():
            return begin + offset, begin + offset + 1
        mapped = fold_map(self.text[begin:finish])
        if mapped is None or offset >= len(mapped[0]):
            return None
        return begin + mapped[1][offset], begin + mapped[2][offset]


@SETTINGS
@given(texts, st.data())
def test_original_words_map_spans_as_listing_every_word_did(text, data):
    folded = match_text(text)
    if not folded:
        return
    start = data.draw(st.integers(0, len(folded) - 1))
    end = data.draw(st.integers(start + 1, len(folded)))
    assert OriginalWords(text, folded).span(start, end) == _ListedWords(text, folded).span(start, end)


def test_fold_drops_a_mark_beyond_the_basic_plane_as_one_within_it():
    # The BMP's class of marks serves text without astral characters; any other text gets the whole class.
    assert fold("e\u0301") == "e"
    assert fold("e\U0001d167x") == "ex"  # a combining mark of the musical symbols, after a Latin letter
    assert fold("\U0001f600e\u0301") == "\U0001f600e"


def test_original_words_map_aligned_text_by_position_as_listing_every_word_did():
    # Every character folds to one (dashes, quotes, "é", a no-break space) and runs of white space
    # collapse: spans are mapped by position, and must name the words counting them did.
    text = "  Café\u00a0owner \u2013 \u201cRenée\u201d  said:\n\n\tthe ÉTÉ\u2019s  end\u2014soon. "
    folded = match_text(text)
    mapping = OriginalWords(text, folded)
    assert mapping._aligned()
    for start in range(len(folded)):
        for end in range(start + 1, len(folded) + 1):
            assert mapping.span(start, end) == _ListedWords(text, folded).span(start, end), (start, end)
    assert mapping.span(folded.index("renee"), folded.index("renee") + 5) == "Renée"
    assert not OriginalWords("e\u0301 x  y", match_text("e\u0301 x  y"))._aligned()  # a mark folds away
    assert not OriginalWords("Straße  x", match_text("Straße  x"))._aligned()  # "ß" folds to two
