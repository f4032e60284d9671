"""Held-out v9's Tajik copies (studied by dd12): a Tajik desk reprints a Cyrillic story in the Latin
letters Tajik sites write (Кӯлоб / Kūlob, ҷарроҳӣ / jarrohī). It is the same story: the copy must not
alert again. A story of our own, its Latin written by hand, once with macrons and once without.
Kazakh and Uzbek Cyrillic (қ and ғ, none of ӣ ӯ ҷ) keep their letters here.
"""

from __future__ import annotations

from dedup_support import assert_one_alert
from test_dedup_classes import _parsed
from test_dedup_scripts import _copies

from monitor.dedup import StoryIndex
from monitor.dedup.alphabets import in_latin
from monitor.dedup.shingles import fact_spans

CYRILLIC = (
    "<p>КӮЛОБ – Дар шаҳри Кӯлоб беморхонаи нави кӯдакона бо 120 кат ифтитоҳ ёфт.</p>"
    "<p>Сохтмони бино ду сол давом кард ва 34 миллион сомонӣ арзиш дошт. Сардухтур Нилуфар Раҳимова гуфт, "
    "ки ҳар рӯз то 300 бемор қабул карда мешавад.</p>"
    "<p>Беморхона ҳамчунин шӯъбаи ҷарроҳӣ дорад.</p>"
)
LATIN = (
    "<p>KŪLOB – Dar shahri Kūlob bemorkhonai navi kūdakona bo 120 kat iftitoh yoft.</p>"
    "<p>Sokhtmoni bino du sol davom kard va 34 million somonī arzish dosht. Sardukhtur Nilufar Rahimova guft, "
    "ki har rūz to 300 bemor qabul karda meshavad.</p>"
    "<p>Bemorkhona hamchunin shū'bai jarrohī dorad.</p>"
)


def test_a_tajik_story_reprinted_in_latin_letters_alerts_once(tmp_path, feed_server, json_receiver):
    rows = _copies(("Дар Кӯлоб беморхонаи кӯдакона кушода шуд", CYRILLIC), ("Dar Kūlob bemorkhona kushoda shud", LATIN))
    assert_one_alert(tmp_path, feed_server, json_receiver, rows, "300")


def test_the_two_alphabets_give_one_text_and_one_set_of_names_and_numbers():
    cyrillic, latin = (_parsed(key, "t", body) for key, body in (("c", CYRILLIC), ("l", LATIN)))
    assert in_latin(cyrillic.body) == latin.body
    assert {h for _, h in fact_spans(in_latin(cyrillic.body))} == {h for _, h in fact_spans(latin.body)}


def test_a_latin_copy_without_macrons_is_the_same_story():
    index = StoryIndex()
    first = _parsed("c", "Дар Кӯлоб беморхона кушода шуд", CYRILLIC)
    plain = LATIN.replace("ū", "u").replace("Ū", "U").replace("ī", "i")
    decision = index.find(first, first.published)
    assert decision.signature is not None and first.published is not None
    index.add(1, 1, 1, decision.signature, first.published)
    copy = _parsed("l", "Dar Kulob bemorkhona kushoda shud", plain)
    assert index.find(copy, first.published).story_id == 1


def test_kazakh_and_uzbek_cyrillic_keep_their_letters():
    for text in ("Павлодар облысында жаңа көпір ашылды, деді Қайрат.", "Шаҳар ҳокими янги кўприкни очди."):
        assert in_latin(text) == text
