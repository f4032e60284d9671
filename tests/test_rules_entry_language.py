"""The language of stored entries (m015): the feed's when given, else detected once and kept,
read by history (so a backtest's ``lang:`` scope uses it) and shown by `stories show`."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from conftest import run_cli, write_config

from monitor.cli.stories import explain
from monitor.models import Entry
from monitor.rules import RuleSet
from monitor.rules.language import entry_language, trusted
from monitor.rules.model import Group, Rule, Scope, Term
from monitor.store import Store

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


def entry(key: str, title: str, summary: str = "", lang: str = "") -> Entry:
    return Entry(
        feed_url="https://f.example/feed",
        outlet="Outlet",
        key=key,
        link=f"https://f.example/{key}",
        title=title,
        summary=summary,
        content="",
        lang=lang,
    )


def detected_column(path) -> dict[str, str | None]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, lang_detected FROM entries"))


def test_languages_are_detected_once_stored_and_read_back(tmp_path):
    path = tmp_path / "state.db"
    store = Store(path)
    ids = {
        key: store.add_entry(entry(key, title, summary, lang), NOW, None).entry_id
        for key, title, summary, lang in [
            (
                "ru",
                "Россия признала правительство талибов",
                "Москва стала первой страной, признавшей власти в Кабуле.",
                "",
            ),
            ("en", "Russia recognises the Taliban government", "Moscow is the first capital to do so.", ""),
            ("ja", "ロシア、タリバン政権を承認", "", ""),
            ("fed", "Russia recognises the Taliban government", "", "de-DE"),  # the feed's word is kept, even wrong
            ("agg", "ロシア、タリバン政権を承認", "モスクワが承認した。", "en"),  # ... unless its letters refute it
            ("empty", "2026", "", ""),
        ]
    }
    assert set(detected_column(path).values()) == {None}  # nothing detected on the hot path of storing

    found = store.entry_languages(ids.values())
    assert found[ids["ru"]] == ("ru", "detected") and found[ids["en"]] == ("en", "detected")
    assert found[ids["ja"]] == ("ja", "detected") and found[ids["fed"]] == ("de", "feed")
    assert found[ids["empty"]] == ("", "detected") and found[ids["agg"]] == ("ja", "detected")
    assert detected_column(path) == {"ru": "ru", "en": "en", "ja": "ja", "fed": None, "agg": None, "empty": ""}
    assert store.fill_languages() == 0  # kept: nothing is detected twice
    store.close()

    reopened = Store(path)  # read back through a fresh connection: stored, not cached
    assert reopened.entry(ids["ru"]).lang == "ru" and reopened.entry(ids["fed"]).lang == "de-DE"
    history = dict(reopened.history())
    assert history[ids["ja"]].lang == "ja" and history[ids["empty"]].lang == ""
    reopened.close()


def test_backfill_fills_old_rows_and_a_backtest_lang_scope_uses_them(tmp_path):
    path = tmp_path / "state.db"
    store = Store(path)
    for key, title in [("a", "Талибы подписали контракт на медь"), ("b", "Taliban sign a copper contract")]:
        store.add_entry(entry(key, title), NOW, None)
    store.add_entry(entry("old", "Kabul signs a gold contract"), NOW - timedelta(days=400), None)
    assert store.fill_languages(since=NOW - timedelta(days=30)) == 2  # the backtest's window only
    assert detected_column(path)["old"] is None
    assert store.fill_languages() == 1 and store.fill_languages() == 0
    rule = Rule("ru only", Group("any", (Term("талиб*"), Term("Taliban"))), scope=Scope(lang=("ru",)))
    ruleset = RuleSet([rule])
    matched = [e.key for _, e in store.history(NOW - timedelta(days=30)) if ruleset.match(e)]
    assert matched == ["a"]  # "b" is detected English: out of the rule's scope
    store.close()


def test_stories_show_says_where_the_language_came_from(tmp_path):
    store = Store(tmp_path / "state.db")
    story = store.add_entry(entry("ru", "Россия признала правительство талибов"), NOW, None).story_id
    store.add_entry(entry("fed", "Russia recognises the Taliban", lang="en-GB"), NOW, story)
    lines = "\n".join(explain(store, story))
    assert "· lang ru (detected) ·" in lines and "· lang en · " in lines, lines
    store.close()


def test_rules_test_fills_the_stored_languages_its_lang_scope_needs(tmp_path):
    rule = "name: ru copper\nlang: [ru]\nmatch:\n  any: [Талиб*, Taliban]\n"
    config = write_config(tmp_path, [], ["console://"], rules=rule)
    store = Store(tmp_path / "state.db")
    now = datetime.now(UTC)
    for key, title in [("a", "Талибы подписали контракт на медь"), ("b", "Taliban sign a copper contract")]:
        store.add_entry(entry(key, title), now, None)
    store.close()
    first = run_cli("--config", str(config), "rules", "test", "--since", "30d")
    assert first.returncode == 0, first.stderr
    assert "Detected the language of 2 stored entries" in first.stdout, first.stdout
    assert "подписали контракт на медь" in first.stdout and "Taliban" not in first.stdout  # English: out of scope
    again = run_cli("--config", str(config), "rules", "test", "--since", "30d")
    assert "Detected the language" not in again.stdout and "подписали контракт на медь" in again.stdout


@pytest.mark.parametrize(
    ("claim", "text", "kept"),
    [
        ("en-GB", "Russia recognises the Taliban government", "en"),
        ("de", "Russia recognises the Taliban government", "de"),  # Latin for Latin: the publisher's word stands
        ("en", "ロシア、タリバン暫定政権を正式承認", ""),
        ("en", "Россия признала правительство талибов", ""),
        ("en", "روسيا تعترف بحكومة طالبان", ""),
        ("en", "रूस ने तालिबान सरकार को मान्यता दी", ""),
        ("ru", "Russia recognises the Taliban government", ""),
        ("ru", "The Taliban", "ru"),  # too few letters to refute the publisher: a name any language quotes
        ("en", "ロシア、タリバン暫定政権を正式承認", ""),
        ("ru", "Россия признала правительство «Талибан» (Taliban)", "ru"),
        ("en", "Kabul’s “Taliban” envoy — Москва", "en"),  # a word of another script among Latin ones
        ("sr", "Vlada Srbije", "sr"),  # written in two scripts: either stands
        ("sr", "Влада Србије", "sr"),
        ("ja", "露外務省", "ja"),  # kanji alone are Japanese too
        ("ko", "러시아 외무부", "ko"),
        ("xx", "Россия", "xx"),  # a language the table does not know is never refuted
        ("en", "2026 — 3,400", "en"),  # no letters, nothing to refute with
        ("", "Russia", ""),
    ],
)
def test_a_feeds_language_stands_unless_the_letters_refute_it(claim: str, text: str, kept: str):
    assert trusted(claim, text) == kept


def test_an_aggregators_wrong_language_does_not_decide_a_lang_scope():
    """An English feed carrying a Japanese item: a ``lang: [ja]`` rule sees it, a ``lang: [en]`` one does not."""
    item = entry("agg", "ロシア、タリバン暫定政権を正式承認", "ロシア外務省が発表した。", lang="en")
    assert entry_language(item) == "ja"
    words = Group("any", (Term("タリバン"), Term("Taliban")))
    ja, en = Rule("ja", words, scope=Scope(lang=("ja",))), Rule("en", words, scope=Scope(lang=("en",)))
    assert [m.rule for m in RuleSet([ja, en]).match(item)] == ["ja"]
