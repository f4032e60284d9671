"""Held-out v7's Mongolian Latin copies (studied in session 10): a Mongolian desk reprints a Cyrillic
story in the Latin letters Mongolian websites write (Хөвсгөл / Khövsgöl, Мөрөн / Mörön). It is the
same story: the copy must not alert again, and its names are the original's. A story of our own;
Kyrgyz (which shares ө and ү but has ң) and Russian keep the hashes they had.
"""

from __future__ import annotations

from dedup_support import assert_one_alert
from test_dedup_classes import _decide, _parsed
from test_dedup_scripts import _copies

from monitor.dedup import StoryIndex
from monitor.dedup.alphabets import in_latin
from monitor.dedup.shingles import fact_spans

CYRILLIC = (
    "<p>МӨРӨН (ХА) – Хөвсгөл аймгийн Мөрөн сумын төвд мягмар гарагт шинэ эмнэлгийн барилга ашиглалтад "
    "орлоо. Эмнэлэг 120 ортой бөгөөд барилгын ажилд 14 тэрбум төгрөг зарцуулжээ.</p>"
    "<p>Аймгийн Засаг дарга Ж. Ганбаатар эмнэлэг өвлийн улиралд 60 мянган иргэнд үйлчилнэ гэж хэлэв.</p>"
    "<p>Хуучин эмнэлгийн барилгыг засварын дараа хүүхдийн төв болгоно.</p>"
)
LATIN = (
    "<p>MÖRÖN (KhA) – Khövsgöl aimgiin Mörön sumyn tövd myagmar garagt shine emnelgiin barilga ashiglaltad "
    "orloo. Emneleg 120 ortoi bögööd barilgyn ajild 14 terbum tögrög zartsuuljee.</p>"
    "<p>Aimgiin Zasag darga J. Ganbaatar emneleg övliin ulirald 60 myangan irgend üilchilne gej khelev.</p>"
    "<p>Khuuchin emnelgiin barilgyg zasvaryn daraa khüükhdiin töv bolgono.</p>"
)


def test_a_mongolian_story_reprinted_in_latin_letters_alerts_once(tmp_path, feed_server, json_receiver):
    rows = _copies(("Мөрөнд шинэ эмнэлэг нээгдлээ", CYRILLIC), ("Mörönd shine emneleg neegdlee", LATIN))
    assert_one_alert(tmp_path, feed_server, json_receiver, rows, "Ganbaatar")


def test_the_two_alphabets_give_one_set_of_names_and_numbers():
    cyrillic, latin = (_parsed(key, "t", body) for key, body in (("c", CYRILLIC), ("l", LATIN)))
    assert {h for _, h in fact_spans(in_latin(cyrillic.body))} == {h for _, h in fact_spans(latin.body)}


def test_kyrgyz_and_russian_texts_keep_their_letters():
    for text in ("Шаардын мэри көпүрдүн узундугу 740 метр экенин билдирди, жаңы көпүр.", "Мэр открыл новый мост."):
        assert in_latin(text) == text


def test_two_mongolian_bulletins_of_one_frame_stay_apart():
    frame = "<p>УЛААНБААТАР (ХА) – {day} гарагт нийслэлийн агаарт PM2.5 тоосонцрын дундаж {value} микрограмм байв. "
    frame += "Хамгийн өндөр үзүүлэлт {district} дүүрэгт бүртгэгдэв.</p>"
    index, story_of = StoryIndex(), {}
    first = frame.format(day="Даваа", value=310, district="Сонгинохайрхан")
    second = frame.format(day="Мягмар", value=245, district="Чингэлтэй")
    stories = [
        _decide(index, i, _parsed(f"m{i}", "Агаарын чанар", body, "Хөвсгөл Агентлаг", hours), story_of)
        for i, (body, hours) in enumerate(((first, 0), (second, 24)), start=1)
    ]
    assert stories == [1, 2]
