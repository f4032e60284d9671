"""Structure of the article-extraction evaluation set (tests/data/articles, issue 16)."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
KEYS = {"page", "lang", "layout", "title", "published", "feed_summary", "key_sentence", "url"}
LAYOUTS = {
    "nav", "related", "comments", "cookie", "paywall", "ads", "two-column", "byline", "captions", "share",
    "newsletter", "jsonld", "amp", "article", "no-article", "long", "short",
}  # fmt: skip
NAME = re.compile(r"^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.html$")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    lines = (ARTICLES / "index.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold(row: dict) -> str:
    return (ARTICLES / row["page"].replace(".html", ".gold.txt")).read_text(encoding="utf-8")


def test_size_and_languages(rows: list[dict]) -> None:
    assert len(rows) >= 30
    langs = {r["lang"] for r in rows}
    assert len(langs) >= 6, langs
    assert {"en", "ru", "ja"} <= langs


def test_rows_valid(rows: list[dict]) -> None:
    for r in rows:
        assert set(r) == KEYS, r.get("page")
        for k in KEYS - {"layout"}:
            assert isinstance(r[k], str) and r[k].strip(), (r["page"], k)
        assert isinstance(r["layout"], list) and r["layout"], r["page"]
        assert all(isinstance(x, str) for x in r["layout"]), r["page"]
        assert NAME.match(r["page"]), r["page"]
        assert re.fullmatch(r"[a-z]{2}", r["lang"]), r["page"]
        parts = urlsplit(r["url"])
        assert parts.scheme == "https" and parts.hostname and parts.hostname.endswith(".example"), r["url"]
    assert len({r["page"] for r in rows}) == len(rows)
    assert len({r["page"][:2] for r in rows}) == len(rows), "page numbers repeat"
    assert len({r["url"] for r in rows}) == len(rows)


def test_every_page_has_gold_and_an_index_row(rows: list[dict]) -> None:
    pages = {p.name for p in ARTICLES.glob("*.html")}
    golds = {p.name.replace(".gold.txt", ".html") for p in ARTICLES.glob("*.gold.txt")}
    indexed = {r["page"] for r in rows}
    assert pages == indexed, pages ^ indexed
    assert golds == pages, golds ^ pages


def test_pages_are_realistic_in_size(rows: list[dict]) -> None:
    for r in rows:
        size = (ARTICLES / r["page"]).stat().st_size
        assert 10_000 <= size <= 80_000, (r["page"], size)


def test_gold_is_plain_paragraphs_taken_from_the_page(rows: list[dict]) -> None:
    for r in rows:
        text = gold(r)
        assert text.endswith("\n") and not text.endswith("\n\n"), r["page"]
        paras = text.rstrip("\n").split("\n\n")
        assert all(p.strip() == p and p and "\n" not in p for p in paras), r["page"]
        assert "<" not in text, r["page"]
        page = unescape((ARTICLES / r["page"]).read_text(encoding="utf-8"))
        for p in paras:
            assert p in page, (r["page"], p[:60])


def test_key_sentence_is_in_the_body_only(rows: list[dict]) -> None:
    for r in rows:
        key = r["key_sentence"]
        assert key in gold(r), r["page"]
        assert squash(key) not in squash(r["feed_summary"]), r["page"]
        assert squash(key) not in squash(r["title"]), r["page"]
        # the teaser a feed would carry is not simply the body's opening
        assert squash(r["feed_summary"]) not in squash(gold(r)), r["page"]


def test_layouts_cover_the_brief(rows: list[dict]) -> None:
    seen = {x for r in rows for x in r["layout"]}
    assert seen >= LAYOUTS, LAYOUTS - seen
    lengths = sorted(len(gold(r)) for r in rows)
    assert lengths[0] < 400 and lengths[-1] > 4000, (lengths[0], lengths[-1])
    for r in rows:  # <article> or not, stated on every page and true of the markup
        html = (ARTICLES / r["page"]).read_text(encoding="utf-8")
        assert ("article" in r["layout"]) != ("no-article" in r["layout"]), r["page"]
        assert ("<article" in html.replace('<article class="comment"', "")) == ("article" in r["layout"]), r["page"]


def test_files_match_the_generator(rows: list[dict]) -> None:
    """The committed pages are what make_pages.py writes (edit the texts, then rerun it)."""
    spec = importlib.util.spec_from_file_location("make_pages", ARTICLES / "make_pages.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    by_page = {f"{a['n']:02d}-{a['slug']}.html": a for a in mod.ARTICLES}
    assert set(by_page) == {r["page"] for r in rows}
    for r in rows:
        art = by_page[r["page"]]
        assert (ARTICLES / r["page"]).read_text(encoding="utf-8") == mod.page(art), r["page"]
        assert gold(r) == mod.gold_text(art), r["page"]
