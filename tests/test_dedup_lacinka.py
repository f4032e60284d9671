"""Held-out v8's Łacinka copies (studied in session 11): a Belarusian desk reprints a Cyrillic story
in Łacinka, the Belarusian Latin alphabet (Магілёў / Mahiloŭ, бібліятэка / biblijateka). It is the
same story: the copy must not alert again. A story of our own, its Łacinka written by hand in the
classical spelling ("la", "lo" after l), which the rule also reads as the other spelling ("lia").
Russian, Ukrainian (і without ў), Uzbek (ў without і) and Polish (ł without ŭ) keep their letters.
"""

from __future__ import annotations

from dedup_support import assert_one_alert
from test_dedup_classes import _decide, _parsed
from test_dedup_scripts import _copies

from monitor.dedup import StoryIndex
from monitor.dedup.alphabets import in_latin
from monitor.dedup.shingles import fact_spans

CYRILLIC = (
    "<p>МАГІЛЁЎ (БН) – У Магілёве ў аўторак адкрылася новая гарадская бібліятэка на вуліцы Ленінскай. "
    "Будынак мае 3 паверхі, а на рамонт горад выдаткаваў 2,6 мільёна рублёў.</p>"
    "<p>Дырэктарка бібліятэкі Алена Шыманская сказала, што фонд налічвае 48 тысяч кніг і часопісаў. "
    "Чытачы змогуць карыстацца бясплатным Wi-Fi.</p>"
    "<p>Старая бібліятэка на плошчы Славы стане дзіцячым цэнтрам пасля рамонту.</p>"
)
LACINKA = (
    "<p>MAHILOŬ (BN) – U Mahilovie ŭ aŭtorak adkryłasia novaja haradskaja biblijateka na vulicy Leninskaj. "
    "Budynak maje 3 pavierchi, a na ramont horad vydatkavaŭ 2,6 miljona rubloŭ.</p>"
    "<p>Dyrektarka biblijateki Alena Šymanskaja skazała, što fond naličvaje 48 tysiač knih i časopisaŭ. "
    "Čytačy zmohuć karystacca biaspłatnym Wi-Fi.</p>"
    "<p>Staraja biblijateka na płoščy Słavy stanie dziciačym centram pasla ramontu.</p>"
)


def test_a_belarusian_story_reprinted_in_lacinka_alerts_once(tmp_path, feed_server, json_receiver):
    rows = _copies(
        ("У Магілёве адкрылася новая бібліятэка", CYRILLIC), ("U Mahilovie adkryłasia novaja biblijateka", LACINKA)
    )
    assert_one_alert(tmp_path, feed_server, json_receiver, rows, "Wi-Fi")


def test_the_two_alphabets_give_one_text_and_one_set_of_names_and_numbers():
    cyrillic, latin = (_parsed(key, "t", body) for key, body in (("c", CYRILLIC), ("l", LACINKA)))
    assert in_latin(cyrillic.body) == in_latin(latin.body)
    assert {h for _, h in fact_spans(in_latin(cyrillic.body))} == {h for _, h in fact_spans(in_latin(latin.body))}


def test_lacinka_writers_spellings_of_a_soft_l_are_one():
    assert in_latin("Raka vyjšła z bierahoŭ lia Pinska paslia dažžu") == in_latin(
        "Raka vyjšla z bierahoŭ la Pinska pasla dažžu"
    )


def test_russian_ukrainian_uzbek_and_polish_texts_keep_their_letters():
    texts = (
        "Мэр открыл новый мост через реку.",
        "Міський голова відкрив новий міст через річку.",
        "Шаҳар ҳокими янги кўприкни очди.",
        "Burmistrz otworzył nowy most na rzece, mówiła Ola.",
    )
    for text in texts:
        assert in_latin(text) == text


def test_two_belarusian_court_rulings_of_one_frame_stay_apart():
    frame = "<p>БРЭСТ (БН) – Гаспадарчы суд Брэсцкай вобласці ў {day} абвясціў банкрутам {firm}. "
    frame += "Доўг кампаніі перад крэдыторамі складае {debt} тысяч рублёў, а {staff} супрацоўнікаў страцяць працу.</p>"
    index, story_of = StoryIndex(), {}
    first = frame.format(day="панядзелак", firm="пякарню «Хлебны двор»", debt=410, staff=37)
    second = frame.format(day="аўторак", firm="аўтобусную кампанію «Заходні шлях»", debt=980, staff=64)
    stories = [
        _decide(index, i, _parsed(f"b{i}", "Суд абвясціў банкрутам", body, "Брэст Навіны", hours), story_of)
        for i, (body, hours) in enumerate(((first, 0), (second, 24)), start=1)
    ]
    assert stories == [1, 2]
