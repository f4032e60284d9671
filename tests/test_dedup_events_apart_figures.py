"""A rewrite in another language sharing only figures joins when it shares ``RARE_FIGURES`` of them (``events._apart``).

A wire's English rewrite of a Japanese report writes its places and people apart (島根, Shimane; no capitals mark
the Japanese ones) and shares none of its words: what the two write alike is the figures. Three figures, two of
them rare in the window (a count common to other news of the day among them), are the happening's how many.
"""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

# Invented: a levee breach in Japanese and the wire's English rewrite two hours later; three other stories of the
# day print one of its figures (43), so only two of the three are rare.
JAPANESE = (
    "堤防が決壊、住宅158棟が浸水",
    "大雨の影響で川の堤防が決壊し、住宅158棟が浸水した。住民43人が公民館に避難し、消防は土のう2600袋を積んで"
    "水の流れを止めようとしている。ボランティアやポンプ車も出動した。けが人はいないという。",
)
ENGLISH = (
    "Levee breach floods homes in western Japan",
    "A levee on the Takatsu River broke after heavy rain in Masuda, Shimane Prefecture, flooding 158 homes. Some 43 "
    "residents took shelter in the Hirota community hall while firefighters stacked 2,600 sandbags, Mayor Kenji "
    "Oda told NHK. Japan Meteorological Agency forecaster Yumi Sato said no injuries were reported.",
)
OTHERS = (
    ("Ferry service resumes on Lake Orrin", "The Lake Orrin ferry carried 43 passengers on its first crossing."),
    ("Vellmar council approves budget", "Vellmar council approved its budget by 43 votes to 12 on Tuesday."),
    ("Dunstan Rovers sign striker", "Dunstan Rovers signed a striker who scored 43 goals for Kelby last season."),
)


def test_an_english_rewrite_sharing_three_figures_two_rare_joins_the_japanese_report():
    others = [item(f"Desk {n}", *story, n / 10) for n, story in enumerate(OTHERS)]
    events = events_of(*others, item("朝潮新報", *JAPANESE, 1), item("Straits Dispatch", *ENGLISH, 3))

    assert len(set(events[:3])) == 3
    assert events[3] == events[4]
