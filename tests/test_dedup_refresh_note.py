"""Held-out v51 (de60): a carrier's refresh note above a story is the page's, not the story's.

A carrier re-posting an article stamps when its page changed and says so in one sentence above it
("UPDATED 10:52: This story has been updated …", "[15:24 업데이트] …", "【14:53更新】…"). A summary-only carrier
joins the article's blocks into one line and cuts it, so the note is glued to the lede and was a third of what the
summary held: under the carrier's own headline the copy shared too little with its story and alerted twice. A
label and a clock time, then one short sentence with no figure or name, on top, is now dropped
(``refresh.after_refresh_note``), on a line of its own or glued to the lede; a note that prints a figure or a name
is news and stays. Fiction, in Portuguese, Indonesian and Chinese (no labelled set's main languages for this class).
"""

from __future__ import annotations

import pytest
from test_dedup_classes import _parsed, decided_stories

from monitor.dedup import StoryIndex
from monitor.dedup.clean import NOTE, clean
from monitor.dedup.refresh import after_refresh_note

# (headline, the article's paragraphs, a carrier's own headline, its refresh note, a note that is news)
STORIES = {
    "pt": (
        "Cheia do Mondego deixa quarenta famílias fora de casa em Coimbra",
        (
            "COIMBRA — Quarenta famílias da Baixa de Coimbra passaram a noite no pavilhão municipal depois de o rio "
            "Mondego ter galgado as margens entre as duas e as quatro da manhã.",
            "A vereadora da Proteção Civil, Helena Barroso Quintas, disse que 212 pessoas foram realojadas e que as "
            "escolas da zona ribeirinha ficam fechadas até sexta-feira.",
            "O presidente da junta, Rui Alvim Pestana, pediu um muro de proteção junto ao mercado municipal, "
            "inundado pela terceira vez em cinco anos.",
            "Os meteorologistas preveem mais chuva na serra nos próximos dois dias.",
        ),
        "Coimbra: Mondego galga as margens e obriga a realojar 212 pessoas",
        "ATUALIZADO 10:52: Esta notícia foi atualizada com declarações das autoridades.",
        "ATUALIZADO 10:52: O número de desalojados subiu para 260.",
    ),
    "id": (
        "Banjir rob rendam ratusan rumah di pesisir Pekalongan",
        (
            "PEKALONGAN — Banjir rob merendam sekitar 300 rumah di Kelurahan Panjang Wetan, Pekalongan, sejak "
            "Selasa dini hari setelah tanggul laut sepanjang 40 meter jebol.",
            "Kepala BPBD Pekalongan, Dimas Arya Nugroho, mengatakan 85 warga lanjut usia telah dievakuasi ke gedung "
            "serbaguna kelurahan.",
            "Warga meminta pemerintah kota memperbaiki tanggul sebelum puncak pasang bulan depan.",
        ),
        "Tanggul jebol, 85 warga lansia Panjang Wetan dievakuasi",
        "DIPERBARUI 11:05: Berita ini telah diperbarui dengan keterangan pejabat setempat.",
        "DIPERBARUI 11:05: Wali Kota Aditya Saputra meninjau lokasi banjir.",
    ),
    "zh": (
        "暴雨致漓江水位上涨 三百余名游客滞留兴坪",
        (
            "【桂林讯】6日凌晨，桂林市区普降暴雨，漓江水位在三小时内上涨2.4米，阳朔县兴坪镇一带约320名游客滞留在码头附近的民宿。",
            "桂林市应急管理局副局长韦建明说，救援人员已用冲锋舟转移老人和儿童61人，沿江公路暂时封闭。",
            "气象部门预计未来两天山区仍有强降雨，提醒沿江居民注意防范。",
        ),
        "漓江暴涨2.4米 兴坪61名老人儿童获转移",
        "【10:52更新】本文已更新，补充了有关部门的说明。",  # says its label again (rv34: no capitals to tell a name)
        "【10:52更新】滞留游客已增至410人。",
    ),
}
CUT = 140  # a summary-only carrier's cut, in characters


def _summary(note: str, paragraphs: tuple[str, ...]) -> str:
    """The carrier's summary: every block joined into one line, cut at ``CUT`` characters with " …"."""
    return " ".join((note, *paragraphs))[:CUT].rstrip() + " …"


def _sentence(note: str) -> str:
    """The note's sentence, without its stamp."""
    return note.split("】")[-1].split(": ", 1)[-1]


# Known regression, kept visible: since de62 a cut word before a spaced ellipsis goes ("… di Kelu …" -> "… di"), and
# the Indonesian summary keeps 7 words of its lede: "too little text to compare", so it alerts again. The floor
# counts words of what is left; a floor that also counts what the cut removed is the fix, not yet built.
SHORT_AFTER_STUB = pytest.mark.xfail(strict=True, reason="7 words left after the cut stub: under the text floor")


@pytest.mark.parametrize("lang", [pytest.param(k, marks=SHORT_AFTER_STUB) if k == "id" else k for k in sorted(STORIES)])
def test_a_summary_under_its_own_headline_opening_with_a_refresh_note_joins_its_story(lang):
    title, paragraphs, own, note, _ = STORIES[lang]
    pieces = (("Origin Desk", title, "\n\n".join(paragraphs), 0.0), ("Relay", own, _summary(note, paragraphs), 1.5))
    assert decided_stories(pieces, lang) == [1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_note_printing_a_figure_or_a_name_is_news_and_stays(lang):
    _, paragraphs, _, _, news = STORIES[lang]
    assert after_refresh_note(f"{news} {paragraphs[0]}") is None
    kept = clean(f"{news} {paragraphs[0]}")  # glued to the lede, as a summary-only carrier joins them
    assert not kept.flags & NOTE and _sentence(news) in kept.text


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_note_on_a_line_of_its_own_goes_and_the_reason_names_it(lang):
    title, paragraphs, _, note, _ = STORIES[lang]
    cleaned = clean("".join(f"<p>{block}</p>" for block in (note, *paragraphs)))
    assert cleaned.flags & NOTE and len(cleaned.text.split("\n")) == len(paragraphs)
    assert _sentence(note) not in cleaned.text
    index = StoryIndex()
    first = _parsed(f"{lang}1", title, "\n\n".join(paragraphs), "Origin Desk")
    copy = _parsed(f"{lang}2", title, f"{note}\n\n" + "\n\n".join(paragraphs), "Relay", hours=1.0)
    decision = index.find(first, first.published)
    assert decision.signature is not None and first.published is not None
    index.add(1, 1, 1, decision.signature, first.published)
    assert copy.published is not None
    joined = index.find(copy, copy.published)
    assert joined.story_id == 1 and "refresh note added" in joined.reason


def test_a_text_that_is_only_a_note_keeps_it():
    """Nothing under the note: it is all the entry says, and stays its text."""
    note = "Updated 10:52 GMT: This article was updated with comments."
    assert clean(note).text.endswith("updated with comments.")


@pytest.mark.parametrize(
    "line",
    [
        "10:52: Police closed the harbour road. The flood",  # a live blog's bare time: no label
        "Breaking: This story is developing. The flood",  # no clock time: no page stamp
        "[10:52] This story was updated. The flood",  # a bare time in brackets: no label
    ],
)
def test_no_label_and_clock_time_no_refresh_note(line):
    assert after_refresh_note(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "【14:53更新】国务院总理李强周二在北京会见了到访的法国总统。双方就贸易问题交换了意见。",  # rv34
        "[15:24 업데이트] 대통령은 화요일 서울에서 프랑스 대통령을 만났다. 두 정상은 무역 문제를 논의했다.",
        "[تحديث 14:53] التقى رئيس الوزراء الرئيس الفرنسي في الرباط يوم الثلاثاء. وناقش الجانبان التجارة.",
    ],
)
def test_a_lede_under_a_stamp_in_a_script_without_capitals_stays(line):
    """No capital tells a name in these scripts: a sentence that does not say the stamp's label again may be the
    story's lede, and stays."""
    assert after_refresh_note(line) is None


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("[15:24 업데이트] 기사가 업데이트되었습니다. 대통령은 화요일 서울에서", "대통령은 화요일 서울에서"),
        ("[تحديث 14:53] تم تحديث هذا الخبر. التقى رئيس الوزراء", "التقى رئيس الوزراء"),
    ],
)
def test_a_note_saying_its_label_again_goes_in_a_script_without_capitals(line, rest):
    assert after_refresh_note(line) == rest
