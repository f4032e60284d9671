"""Held-out v9's daily digest (studied by dd12): an agency titled each item of its digest "<agency>
<daily digest>: <item>" and opened each item's text the same way. In a script without capitals every
headline and lead word is an event key, so the label's words made three items of three events one
event. A label opening with the outlet's own name, up to a colon, says which outlet and which issue.
Our own digest, in Hindi, and the same shape in English.
"""

from __future__ import annotations

from test_dedup_classes import _events_of_new_stories

from monitor.dedup.eventkeys import _without_label

LABEL = "गंगा समाचार दैनिक सारांश"
ITEMS = (
    (
        "पटना में नया पुल",
        "पटना में गंगा नदी पर 4 किलोमीटर लंबे नए पुल का निर्माण आज शुरू हुआ। पुल तीन साल में पूरा होगा।",
    ),
    (
        "गया में अस्पताल",
        "गया शहर में 120 बिस्तरों वाले नए अस्पताल का उद्घाटन किया गया। यहाँ रोज़ 500 मरीज़ देखे जाएँगे।",
    ),
    (
        "भागलपुर में मेला",
        "भागलपुर में हस्तशिल्प मेला शुरू हुआ जिसमें 75 कारीगर भाग ले रहे हैं। मेला दस दिन चलेगा।",
    ),
)


def test_the_items_of_one_outlets_digest_are_not_one_event():
    items = [(f"{LABEL}: {title}", f"<p>{LABEL} — {text}</p>") for title, text in ITEMS]
    assert _events_of_new_stories(items, "गंगा समाचार", 1 / 12) == [1, 2, 3]


def test_only_a_label_opening_with_the_outlets_own_name_is_dropped():
    assert _without_label("Harbour Post Morning Briefing: Ferry fares rise", "Harbour Post") == "Ferry fares rise"
    assert _without_label("Harbour Post Daily — Ferry fares rise", "Harbour Post") == "Ferry fares rise"
    for kept in ("Harbour fares rise: council says", "Ferry fares rise", "Ferry: fares rise"):
        assert _without_label(kept, "Harbour Post") == kept
    assert _without_label("Harbour Post: fares", "") == "Harbour Post: fares"


def test_a_dateline_naming_the_outlet_and_the_place_is_kept():
    assert (
        _without_label("Harbour Post, Cobh: Ferry fares rise", "Harbour Post") == "Harbour Post, Cobh: Ferry fares rise"
    )
