"""Held-out v36 (studied by dd38): a headline-only stub pointing to its story in words, and a headline's place tag.

(1) A stub carries no body: its summary is the story's headline, a dash, a call of a word or a few and a colon,
and the original's address ("<headline> — continue: https://…"). Only an arrow before the address made such a
line a link; this one was read as text, the call and the address's pieces among its words, so it shared too
little with its own story and its names and numbers were the address's (20 copies alerted twice, every language
of the set). A dash and a call of one to four words closing with a colon before the address is the same link.
(2) A summary-only copy whose summary is one short paragraph of the story, under the headline with the outlet's
place tag in square brackets ("… [Bihać]"): too little text to compare, and the tagged headline was not the
original's (3 alerts). A short bracketed label closing a headline is now compared without it, as a label after
a middle dot is. Our own stories, in Armenian and Indonesian.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

from monitor.dedup.clean import bare_headline, clean

STORIES = {
    "hy": (
        "Գյումրիում բացվեց նոր գրադարան՝ 4,800 գրքով",
        "Գյումրու քաղաքապետարանը երկուշաբթի բացեց Անի թաղամասի նոր գրադարանը։ Տնօրեն Լիլիթ Մկրտչյանի "
        "խոսքով՝ դարակներում արդեն 4,800 գիրք կա։\nԳրադարանը կաշխատի ամեն օր՝ 10-ից 19-ը, մուտքն անվճար է։\n"
        "Երեխաների համար կլինի առանձին սրահ։",
    ),
    "id": (
        "Perpustakaan baru di Salatiga dibuka dengan 4.800 buku",
        "Pemerintah Kota Salatiga pada Senin membuka perpustakaan baru di Kelurahan Kutowinangun. Kepala "
        "perpustakaan Ratna Wulandari mengatakan rak-raknya sudah berisi 4.800 buku.\nPerpustakaan buka setiap "
        "hari pukul 10.00 sampai 19.00 dan gratis.\nAnak-anak mendapat ruang baca sendiri.",
    ),
}
LINK = "https://asal.example/berita/2027/5c19e0"


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (f"Perpustakaan baru di Salatiga dibuka — selengkapnya: {LINK}", ""),  # a label: the line is a link
        (f"Գյումրիում բացվեց նոր գրադարան – կարդալ ավելին: {LINK}", ""),
        (f"Perpustakaan baru di Salatiga - baca selengkapnya di sini: {LINK}", ""),  # four words
        (f"Perpustakaan baru di Salatiga — {LINK}", ""),  # a dash alone
        # sentences before the pointer are text: only the link goes
        (f"Perpustakaan dibuka Senin. — selengkapnya: {LINK}", "Perpustakaan dibuka Senin."),
        # kept: a call of six words is a sentence's part, an address inside a sentence, a hyphenated word
        (f"Buka — baca lima kata di sini dulu: {LINK}", f"Buka — baca lima kata di sini dulu: {LINK}"),
        (f"Daftar di {LINK} sebelum Senin.", f"Daftar di {LINK} sebelum Senin."),
        ("Rak-raknya https://x.example/a", "Rak-raknya https://x.example/a"),
    ],
)
def test_a_headline_a_call_and_an_address_is_a_link(line, text):
    assert clean(line).text == text


@pytest.mark.parametrize(
    ("headline", "bare"),
    [
        ("Perpustakaan baru di Salatiga dibuka [Jawa Tengah]", "Perpustakaan baru di Salatiga dibuka"),
        ("Գյումրիում բացվեց նոր գրադարան [Շիրակ]", "Գյումրիում բացվեց նոր գրադարան"),
        # kept: a bracket with a figure, a long one, one as long as the headline, one inside the headline
        ("Perpustakaan baru dibuka [2027]", "Perpustakaan baru dibuka [2027]"),
        ("Salatiga [kota kecil di kaki gunung]", "Salatiga [kota kecil di kaki gunung]"),
        ("Buka [Salatiga]", "Buka [Salatiga]"),
        ("Perpustakaan [baru] di Salatiga dibuka", "Perpustakaan [baru] di Salatiga dibuka"),
    ],
)
def test_a_headline_without_its_place_tag(headline, bare):
    assert bare_headline(headline) == bare


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_stubs_pointing_in_words_join_their_story(lang):
    title, body = STORIES[lang]
    pieces = (
        ("Origin Desk", title, body, 0.0),
        ("Relay Partners", title, f"{title} — continue: {LINK}", 3.0),
        ("Town Reader", title, f"{title} – lanjut: {LINK}", 6.0),
    )
    assert decided_stories(pieces, lang) == [1, 1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_tagged_summary_of_one_sentence_joins_its_story(lang):
    title, body = STORIES[lang]
    shortest = min(body.split("\n"), key=len)
    pieces = (("Origin Desk", title, body, 0.0), ("Brief App", f"{title} [Region]", shortest, 4.0))
    assert decided_stories(pieces, lang) == [1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_stub_and_tagged_brief_of_the_next_count_stay_apart(lang):
    """Weeks later the desk reports a new count under a headline of one template: its stub and its tagged
    brief are that story's, not the first's."""
    title, body = STORIES[lang]
    later_title = title.replace("4,800", "6,100").replace("4.800", "6.100")
    later_body = body.replace("4,800", "6,100").replace("4.800", "6.100")
    shortest = min(later_body.split("\n"), key=len)
    pieces = (
        ("Origin Desk", title, body, 0.0),
        ("Origin Desk", later_title, later_body, 24.0 * 45),
        ("Relay Partners", later_title, f"{later_title} — continue: {LINK}", 24.0 * 45 + 2),
        ("Brief App", f"{later_title} [Region]", shortest, 24.0 * 45 + 3),
    )
    assert decided_stories(pieces, lang) == [1, 2, 2, 2]
