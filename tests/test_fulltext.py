"""Full text of summary-only feeds (issue 16), in process: a real feed server serving the article
pages of tests/data/articles, a real SQLite file, rules that need the article's key sentence."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import run_cli, write_config
from fulltext_support import pages, serve_teasers

from monitor import runtime
from monitor.config import load_config
from monitor.demo.feedserver import FeedServer
from monitor.ingest import fulltext
from monitor.models import Entry, FullText
from monitor.pipeline import Pipeline, poll
from monitor.rules import RuleSet, load_rules

# The teaser of page 01 speaks of copper; only the article names the Uzbek partner.
COPPER_RULE = """
name: Uzbek copper
match:
  all:
    - any: ["copper"]
    - any: ["Zarafshan"]
"""


@pytest.fixture
def make(tmp_path: Path) -> Iterator[Callable[..., Pipeline]]:
    built: list[Pipeline] = []

    def make(urls: list[str], polling: str = "", feed_keys: str = "", rules: str = COPPER_RULE) -> Pipeline:
        extra = f"[polling]\n{polling}\n" if polling else ""
        path = write_config(tmp_path, urls, ["console://"], rules=rules, extra=extra)
        if feed_keys:
            path.write_text(path.read_text() + feed_keys + "\n")
        pipeline = runtime.build(load_config(path))
        built.append(pipeline)
        return pipeline

    yield make
    for pipeline in built:
        pipeline.close()


def alerts(p: Pipeline) -> list[str]:
    with sqlite3.connect(p.store.path) as conn:
        return [rule for (rule,) in conn.execute("SELECT DISTINCT rule FROM alerts")]


def articles(p: Pipeline) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(p.store.path) as conn:
        return {
            url: (status, error or "") for url, status, error in conn.execute("SELECT url, status, error FROM articles")
        }


def test_auto_fetches_the_teasers_article_and_its_key_sentence_alerts(feed_server: FeedServer, make):
    url = serve_teasers(feed_server, pages()[:1])
    p = make([url])

    assert poll(p, p.runtime.feeds[0]).alerts == 1
    assert alerts(p) == ["Uzbek copper"]
    assert feed_server.hits["/articles/01-uzbek-copper-concession.html"] == 1
    ((status, _),) = articles(p).values()
    assert status == "fetched"
    with sqlite3.connect(p.store.path) as conn:
        (entry_id,) = conn.execute("SELECT id FROM entries").fetchone()
    stored = p.store.entry(entry_id)
    assert "Zarafshan Polymetal" in stored.article and stored.body == stored.article  # dedup and snippets read it


def test_never_does_not_fetch_and_the_summary_alone_does_not_match(feed_server: FeedServer, make):
    url = serve_teasers(feed_server, pages()[:1])
    p = make([url], feed_keys='full_text = "never"')

    assert poll(p, p.runtime.feeds[0]).alerts == 0
    assert "/articles/01-uzbek-copper-concession.html" not in feed_server.hits
    assert articles(p) == {}


def test_auto_leaves_entries_no_rule_can_want(feed_server: FeedServer, make):
    url = serve_teasers(feed_server, pages()[1:3])  # dock strike, central bank: no copper in the teasers
    p = make([url])

    poll(p, p.runtime.feeds[0])
    assert not any(path.startswith("/articles/") for path in feed_server.hits)


def test_robots_txt_is_respected_unless_the_feed_ignores_it(feed_server: FeedServer, make):
    feed_server.put("/robots.txt", "User-agent: *\nDisallow: /articles/\n", "text/plain")
    url = serve_teasers(feed_server, pages()[:1])
    p = make([url])

    assert poll(p, p.runtime.feeds[0]).alerts == 0
    assert "/articles/01-uzbek-copper-concession.html" not in feed_server.hits
    assert [status for status, _ in articles(p).values()] == ["blocked"]


def test_a_feed_may_ignore_robots_txt(feed_server: FeedServer, make):
    feed_server.put("/robots.txt", "User-agent: *\nDisallow: /articles/\n", "text/plain")
    p = make([serve_teasers(feed_server, pages()[:1])], feed_keys="full_text_ignore_robots = true")

    assert poll(p, p.runtime.feeds[0]).alerts == 1


def test_the_hourly_budget_per_host_is_kept_and_the_rest_waits(feed_server: FeedServer, make):
    url = serve_teasers(feed_server, pages()[:3])
    p = make([url], polling="full_text_budget = 1", feed_keys='full_text = "always"')

    poll(p, p.runtime.feeds[0])
    fetched = [path for path in feed_server.hits if path.startswith("/articles/")]
    assert len(fetched) == 1
    assert sorted(status for status, _ in articles(p).values()) == ["budget", "budget", "fetched"]
    assert p.store.article_health() == {url: {"budget": 2, "fetched": 1}}
    config = str(p.runtime.config.path)
    p.close()
    listed = run_cli("--config", config, "feeds", "list")
    assert listed.returncode == 0, listed.stderr
    assert "1 fetched, 2 over budget" in " ".join(listed.stdout.split()), listed.stdout


def test_a_late_article_alerts_on_the_next_poll_once(feed_server: FeedServer, make):
    url = serve_teasers(feed_server, pages()[:1])
    page = "/articles/01-uzbek-copper-concession.html"
    body = feed_server.docs[page][0]
    feed_server.route(page, lambda request: request.send_error(503, "busy"))
    p = make([url])

    assert poll(p, p.runtime.feeds[0]).alerts == 0  # matched on the teaser: no alert yet
    assert [status for status, _ in articles(p).values()] == ["failed"]
    del feed_server.routes[page]
    feed_server.put(page, body, "text/html")
    feed_server.put("/teasers.xml", feed_server.docs["/teasers.xml"][0] + b"\n")  # a new body: read again
    poll(p, p.runtime.feeds[0])
    assert alerts(p) == ["Uzbek copper"]
    feed_server.put("/teasers.xml", feed_server.docs["/teasers.xml"][0] + b"\n")
    poll(p, p.runtime.feeds[0])
    with sqlite3.connect(p.store.path) as conn:
        assert conn.execute("SELECT count(*) FROM alerts").fetchone()[0] == 1


def test_a_copy_of_the_same_url_is_not_fetched_twice(feed_server: FeedServer, make):
    first = serve_teasers(feed_server, pages()[:1], "/a.xml")
    second = serve_teasers(feed_server, pages()[:1], "/b.xml")
    p = make([first, second])

    for feed in p.runtime.feeds:
        poll(p, feed)
    assert feed_server.hits["/articles/01-uzbek-copper-concession.html"] == 1


def entry(summary: str, title: str = "Miner wins concession") -> Entry:
    return Entry("f", "F", "k", "https://x.example/a", title, summary, "")


def test_polls_in_parallel_compile_one_prefilter_per_rule_set():
    rules = RuleSet(load_rules_text(COPPER_RULE))
    start = threading.Barrier(8)
    made: list[fulltext.Prefilter] = []

    def poll_thread() -> None:
        start.wait()
        made.append(fulltext.prefilter(rules))

    threads = [threading.Thread(target=poll_thread) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 8 and all(p is made[0] for p in made)  # one compiled, the others waited for it


def test_auto_wants_short_or_truncated_entries_a_rule_may_want():
    rules = RuleSet(load_rules_text(COPPER_RULE))
    long_text = "copper " + "word " * 100
    assert fulltext.wanted(entry("A copper deal."), FullText(), rules)
    assert not fulltext.wanted(entry("A football match."), FullText(), rules)  # the prefilter
    assert not fulltext.wanted(entry(long_text), FullText(), rules)  # long enough already
    assert fulltext.wanted(entry(long_text + " Read more »"), FullText(), rules)  # truncated
    assert fulltext.wanted(entry(long_text + " […]"), FullText(), rules)
    assert fulltext.wanted(entry("A football match."), FullText("always"), rules)
    assert not fulltext.wanted(entry("A copper deal."), FullText("never"), rules)
    assert not fulltext.wanted(Entry("f", "F", "k", "", "copper", "", ""), FullText("always"), rules)  # no link


def load_rules_text(text: str):  # type: ignore[no-untyped-def]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "r.yaml").write_text(text)
        return load_rules([Path(folder)])


def test_full_text_config_problems_name_the_line(tmp_path: Path):
    from monitor.errors import ConfigError

    path = write_config(
        tmp_path, ["https://x.example/f.xml"], ["console://"], extra='[polling]\nfull_text = "sometimes"'
    )
    path.write_text(path.read_text() + 'full_text_selector = "div[[["\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert 'full_text: expected "auto", "always" or "never"' in message
    assert "full_text_selector: not a CSS selector" in message


def test_rules_test_reads_the_stored_article(feed_server: FeedServer, make, tmp_path: Path):
    p = make([serve_teasers(feed_server, pages()[:1])])
    poll(p, p.runtime.feeds[0])
    config = str(p.runtime.config.path)
    p.close()
    rule = tmp_path / "polymetal.yaml"
    rule.write_text("name: Polymetal\nmatch:\n  any: [Polymetal]\n")  # only the article names it

    result = run_cli("--config", config, "rules", "test", str(rule))

    assert result.returncode == 0, result.stderr
    assert "Karatau Resources wins Uzbek copper concession" in result.stdout


def test_backlog_entries_recorded_silently_are_not_fetched(feed_server: FeedServer, make):
    url = serve_teasers(feed_server, pages()[:1])
    old = b"<pubDate>Mon, 06 Jan 2020 10:00:00 +0000</pubDate>"
    feed_server.put("/teasers.xml", re.sub(rb"<pubDate>[^<]*</pubDate>", old, feed_server.docs["/teasers.xml"][0]))
    p = make([url], feed_keys='full_text = "always"')

    poll(p, p.runtime.feeds[0])
    assert not any(path.startswith("/articles/") for path in feed_server.hits)


def test_words_counts_two_unspaced_characters_as_one_word_as_the_script_table_says():
    """``words`` counts unspaced characters in one scan; the count is the script table's, character by character."""
    from monitor.text import without_spaces

    samples = ["", "plain ascii words only", "東京の天気は晴れ", "ข่าววันนี้ mixed 漢字 text", "\U00020001\uff66 à\u00a0b"]
    alphabet = "ab é\u00a0\n\u4e00\u0e01\u3042\u30a2\uff66\U00020001\u1000\u1780\u200b"
    samples += ["".join(alphabet[(i * 7 + j * 3) % len(alphabet)] for j in range(i % 40)) for i in range(400)]
    for text in samples:
        assert fulltext.words(text) == len(text.split()) + sum(map(without_spaces, text)) // 2, text
    assert fulltext.words("東京の天気は晴れ") == 1 + 4 and fulltext.words("two words") == 2
