"""The alert shows the words that made the rule fire in their context, and the entry's language."""

from __future__ import annotations

from monitor.models import Entry
from monitor.outbox.render import AlertView, Templates
from monitor.rules.highlight import in_context

BODY = (
    "Moscow said on Thursday that it had formally recognised the Taliban government in Kabul, "
    "the first country to do so since 2021. Officials in <Tashkent> & Almaty were said to be watching."
)


def view(entry: Entry, matched: tuple[str, ...]) -> AlertView:
    return AlertView("Taliban recognition", "normal", entry, matched, (entry.outlet,))


def entry(title: str, body: str, lang: str = "") -> Entry:
    return Entry(
        feed_url="u",
        outlet="Wire",
        key="k",
        link="https://w.example/1",
        title=title,
        summary=body,
        content="",
        lang=lang,
    )


def test_each_matched_word_is_shown_in_a_window_of_words_title_first():
    found = in_context(("Russia recognises the Taliban", BODY), ["Taliban", "recognised", "absent"])
    assert [c.marked() for c in found] == [
        "Russia recognises the [Taliban]",
        "…on Thursday that it had formally [recognised] the Taliban government in Kabul, the…",
    ]  # "absent" is in neither text: no line
    assert in_context(("no such words here",), ["Taliban"]) == []


def test_a_whole_word_wins_over_the_same_letters_inside_another_word():
    [found] = in_context(("Soil samples and oil exports",), ["oil"])
    assert found.marked() == "Soil samples and [oil] exports"


def test_unspaced_text_is_cut_by_characters():
    text = "アフガニスタン情勢。" * 8 + "ロシアがタリバン政権を正式に承認した。" + "各国の反応が注目される。" * 8
    [found] = in_context((text,), ["承認"])
    assert found.term == "承認" and len(found.before) <= 49 and len(found.after) <= 49
    assert found.before.startswith("…") and found.before.endswith("タリバン政権を正式に")
    assert found.after.startswith("した。各国の反応") and found.after.endswith("…")


def test_every_style_shows_contexts_and_language_and_keeps_the_matched_line():
    templates = Templates()
    alert = view(entry("Russia recognises the Taliban", BODY), ("Taliban", "Tashkent"))
    text = templates.alert(alert, "text").body
    assert "Matched: Taliban, Tashkent" in text  # the stable line stays
    assert (
        "In context:\n- Russia recognises the [Taliban]\n- …do so since 2021. Officials in <[Tashkent]> & Almaty"
        in text
    )
    assert "· language en" in text  # detected: the entry names no language
    md = templates.alert(alert, "chat").body
    assert "- Russia recognises the **Taliban**" in md
    html = templates.alert(alert, "email").body
    assert "Officials in &lt;<mark>Tashkent</mark>&gt; &amp; Almaty" in html  # escaped, the term marked
    assert "<mark><" not in html


def test_no_context_lines_when_the_rule_fired_without_words():
    body = Templates().alert(view(entry("Russia recognises the Taliban", BODY, lang="en-GB"), ()), "text").body
    assert "In context" not in body and "· language en" in body
