"""A time of day written with a colon is no fact (``shingles._FACT``): a copy that converts it to UTC
prints other hours and minutes, not other news. Read as numbers, "10:40" gave the facts 10 and 40, and
a short copy converting it lacked two of its original's few facts. Written for this test (Portuguese
and Greek); every entry read by the real parser.
"""

from __future__ import annotations

from test_dedup_classes import _decide, _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.shingles import fact_spans

STORY = (
    "<p>LISBOA – A Carris Metropolitana anunciou às 11:40 que a linha 2810 volta a circular na segunda-feira, "
    "depois de obras na ponte de Sacavém.</p><p>O serviço tinha sido suspenso em março, quando os "
    "técnicos encontraram fissuras num dos pilares, e os passageiros foram levados em autocarros de "
    "substituição durante as obras, que custaram mais do que o previsto.</p>"
)


def test_a_time_of_day_is_no_fact_whatever_its_separator():
    text = "Ο σταθμός άνοιξε στις 10:40 και έκλεισε στις 22.15, με 1.250 επιβάτες και σκορ 3:1."
    found = [text[at : at + 5] for at, _ in fact_spans(text)]
    assert not any(piece.startswith(("10", "40", "22", "15")) for piece in found), found
    assert any(piece.startswith("1.250") for piece in found), found


def test_a_copy_converting_the_time_to_utc_joins_its_story():
    copy = STORY.replace("às 11:40", "às 06:10 (UTC-5)").replace("LISBOA – ", "")
    index, story_of = StoryIndex(), {}
    stories = [
        _decide(index, i, _parsed(f"c{i}", title, body, outlet, hours), story_of)
        for i, (outlet, title, body, hours) in enumerate(
            (
                ("Carris Hoje", "Linha 2810 volta a circular", STORY, 0),
                ("Tejo Digital", "Autocarros de volta", copy, 1),
            ),
            start=1,
        )
    ]
    assert stories == [1, 1], stories
