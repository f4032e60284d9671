"""Text normalisation shared by parsing, dedup and rule matching. Pure functions."""

from __future__ import annotations

import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_MARKUP_HINT = re.compile(r"<[a-zA-Z/!]|&[#a-zA-Z0-9]+;")
# Latin, Greek and Cyrillic letters lose their accents when folded; other scripts
# keep their marks (dropping the dakuten of バ would turn it into ハ).
_FOLDABLE_BASE = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
_BLOCK_TAGS = "p,div,br,li,h1,h2,h3,h4,h5,h6,blockquote,tr,section,article"


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, paragraphs kept.

    Safe on any input, including plain text that merely contains ``<`` or ``&``.
    """
    if not markup:
        return ""
    if not _MARKUP_HINT.search(markup):
        return squash(markup)
    tree = HTMLParser(markup)
    for node in tree.css("script,style,noscript,iframe,object"):
        node.decompose()
    for node in tree.css(_BLOCK_TAGS):
        node.insert_after("\n")
    root = tree.body or tree.root
    return squash(root.text(separator="") if root is not None else "")


def squash(text: str) -> str:
    """Collapse runs of spaces, keep single paragraph breaks, trim."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line)).strip()


def fold(text: str) -> str:
    """Compare-ready text: NFKC (width), casefold (case), Latin/Greek/Cyrillic accents dropped.

    ``fold("Talibán") == fold("TALIBAN")`` and ``fold("ＴＡＬＩＢＡＮ") == "taliban"``.
    The result has the same number of characters as the NFKC form of the input is
    not guaranteed, so match positions are never mapped back through it.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and _FOLDABLE_BASE.match(out[-1]):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))
