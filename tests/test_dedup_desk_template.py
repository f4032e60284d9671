"""Held-out v45 (studied by dd48): a desk's next brief from its own template, a day or a week after the first.

A local desk files three one-sentence paragraphs; a day later (or the next week) it files the next one on the
same template: the same official and the same frame of words, but another place, hours or trial length, its
figures written in words ("two months", Han numerals) that no fact count reads. Another desk's copy of the first
brief held most of the new one, and the new brief was filed as that copy, silencing its alert. A desk re-runs its
own brief reworded on top; below that it runs the story's sentences as they were. One that prints the story's
sentence with words of its own in it, after one it keeps word for word, is its next story (``compare.reframed``).
Our own texts: Slovenian and Chinese (Han, shingled by characters).
"""

from __future__ import annotations

from test_dedup_classes import _parsed, decided_stories

from monitor.dedup.compare import reframed, stored
from monitor.dedup.signature import Signature, signature

MAYOR = " Predsednica društva Mojca Zupan pravi, da je prvi {span} že razprodan."
WALL = (
    "V Kranju so danes odprli novo plezalno steno za mlade, visoko dvanajst metrov.\n\n"
    "Objekt upravlja športno društvo Triglav, vstopnina je tri evre.\n\n" + MAYOR.format(span="teden")
)
RINK = (
    "V Kranju so danes odprli novo drsališče za mlade, dolgo petdeset metrov.\n\n"
    "Objekt upravlja športno društvo Triglav, vstopnina je tri evre.\n\n" + MAYOR.format(span="mesec")
)
WALL_RERUN = (
    "Mladi plezalci v Kranju imajo od včeraj novo steno.\n\n"
    "Objekt upravlja športno društvo Triglav, vstopnina je tri evre.\n\n" + MAYOR.format(span="teden")
)
WALL_COPY = "Objekt upravlja športno društvo Triglav, vstopnina je tri evre.\n\n" + MAYOR.format(span="teden")

MUSEUM = (
    "廈門鼓浪嶼今日開放一間新的鋼琴博物館，展出八十架古鋼琴。\n\n"
    "博物館由本地商會出資興建，票價三十元。\n\n"
    "館長黃志明說，週末會有免費導覽。"
)
MUSEUM_NEXT = (
    "《鼓浪嶼鋼琴博物館開幕》次日，商會宣布延長開放時間。\n\n"
    "廈門鼓浪嶼今日開放一間新的鋼琴博物館，展出八十架古鋼琴。\n\n"
    "博物館由本地商會出資興建，票價三十元。\n\n"
    "館長黃志明說，首日已接待兩千名遊客。"
)
MUSEUM_RERUN = (
    "鼓浪嶼的新鋼琴博物館昨日起正式迎客。\n\n博物館由本地商會出資興建，票價三十元。\n\n館長黃志明說，週末會有免費導覽。"
)
MUSEUM_COPY = "博物館由本地商會出資興建，票價三十元。\n\n館長黃志明說，週末會有免費導覽。"


def test_a_desks_next_brief_of_its_template_a_week_later_is_a_new_story():
    first = ("Gorenjski glas", "Kranj ima novo plezalno steno", WALL, 0)
    copy = ("Kratke novice", "Kranj ima novo plezalno steno", WALL_COPY, 1)
    nxt = ("Gorenjski glas", "Kranj ima novo drsališče", RINK, 7 * 24 + 1)
    assert decided_stories((first, copy, nxt), "w") == [1, 1, 3]


def test_a_desks_next_morning_brief_repeating_the_first_is_a_new_story_in_han():
    first = ("鷺江晚報", "鼓浪嶼鋼琴博物館開幕", MUSEUM, 0)
    copy = ("快訊站", "鼓浪嶼鋼琴博物館開幕", MUSEUM_COPY, 1)
    nxt = ("鷺江晚報", "鋼琴博物館延長開放時間", MUSEUM_NEXT, 26)
    assert decided_stories((first, copy, nxt), "m") == [1, 1, 3]


def test_a_desks_rerun_reworded_on_top_is_still_the_story():
    """What tells the next brief: a re-run a day later rewords its top sentence, not the ones after it."""
    wall = ("Gorenjski glas", "Kranj ima novo plezalno steno", WALL, 0)
    wall_rerun = ("Gorenjski glas", "Nova plezalna stena v Kranju", WALL_RERUN, 26)
    assert decided_stories((wall, wall_rerun), "r") == [1, 1]
    museum = ("鷺江晚報", "鼓浪嶼鋼琴博物館開幕", MUSEUM, 0)
    museum_rerun = ("鷺江晚報", "鼓浪嶼新鋼琴博物館迎客", MUSEUM_RERUN, 26)
    assert decided_stories((museum, museum_rerun), "h") == [1, 1]


def test_only_a_kept_sentence_then_one_with_words_of_its_own_is_reframed():
    wall = _signed(WALL, "Gorenjski glas", 0)
    first = stored(1, wall.when, wall)
    assert reframed(_signed(RINK, "Gorenjski glas", 170), first)
    assert not reframed(_signed(WALL_RERUN, "Gorenjski glas", 26), first)  # reworded on top only
    assert not reframed(_signed(WALL, "Gorenjski glas", 26), first)  # word for word
    # The sentence with words of its own, but before any kept one: a new top, as a re-run writes.
    assert not reframed(_signed(MAYOR.format(span="mesec") + "\n\n" + WALL_COPY, "Gorenjski glas", 26), first)


def _signed(body: str, outlet: str, hours: float) -> Signature:
    entry = _parsed("s", "Kranj", body, outlet, hours)
    assert entry.published is not None
    return signature(entry, entry.published)
