"""Held-out v9's bulleted copy (studied by dd12): a desk marks each paragraph with an emoji ("🔹 Students
keep travelling…"). The word after the bullet opens a sentence and is capitalised by grammar; read as a
name, it made the copy print "names" its original lacks, and the copy alerted again. A story of our own
in Indonesian, bulleted three ways.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import _decide, _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.shingles import after_bullet, fact_spans

PARAGRAPHS = (
    "Pemerintah kota Surabaya membuka 12 taman baru pada hari Sabtu, kata wali kota Rini Hartono.",
    "Warga boleh masuk gratis. Setiap taman memiliki 40 pohon peneduh dan satu kolam.",
    "Petugas kebersihan bekerja dua giliran setiap hari di semua taman.",
    "Dinas pertamanan menanam 600 bibit bunga di sepanjang jalan menuju taman.",
)


def _body(bullet: str) -> str:
    return "".join(f"<p>{bullet}{paragraph}</p>\n" for paragraph in PARAGRAPHS)


@pytest.mark.parametrize("bullet", ["🔹 ", "• ", "▶️ ", "– "])
def test_a_copy_with_a_bullet_on_each_paragraph_is_the_same_story(bullet):
    index, story_of = StoryIndex(), {}
    first = _parsed("a", "Surabaya membuka 12 taman baru", _body(""), "Kabar Timur")
    copy = _parsed("b", "Surabaya membuka 12 taman baru", _body(bullet), "Warta Selat", hours=1)
    assert {h for _, h in fact_spans(first.body)} == {h for _, h in fact_spans(copy.body)}
    assert [_decide(index, i, entry, story_of) for i, entry in enumerate((first, copy), start=1)] == [1, 1]


def test_a_dash_or_symbol_inside_a_sentence_is_no_bullet():
    text = "Wali kota – Rini Hartono – membuka taman (Surabaya) dan ★ Bintang.\n🔹 Warga datang"
    assert not after_bullet(text, text.index("Rini"))
    assert not after_bullet(text, text.index("Surabaya"))
    assert not after_bullet(text, text.index("Bintang"))
    assert after_bullet(text, text.index("Warga"))
