"""Round 37 (dd37): the next day's issue of a recurring report is another event (``events._next_issue``).

A market close or a price bulletin is written each day from one frame around the same names (the exchange,
its index, the city) and words ("closes", "higher", "points"), so the next day's close, from another
outlet, joined the previous day's event and its alert was silenced. Each issue headlines its own day's
figures: when each headline prints figures and the other story prints none of them, a day or so apart, the
two are two issues. A follow-up repeats a figure its first report headlined (the quake's magnitude).
Our own reports, in English and Arabic.
"""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

ENGLISH_DAY_ONE = (
    "Nairobi bourse closes 1.4% higher at 1,862 points as banks rally",
    "NAIROBI — The Nairobi Securities Exchange all-share index of 60 companies closed 1.4% higher on Tuesday at "
    "1,862 points, led by Equity Group, KCB and Safaricom, chief analyst Wanjiru Kamau of Dyer Brokers said.",
)
ENGLISH_DAY_TWO = (
    "Nairobi bourse slips 0.8% to 1,847 points on profit-taking",
    "NAIROBI — Shares fell on the Nairobi Securities Exchange on Wednesday, its index of 60 companies losing 0.8% "
    "to 1,847 points. Equity Group, KCB and Safaricom dragged, said Wanjiru Kamau, who heads research at Dyer Brokers.",
)
ARABIC_DAY_ONE = (
    "بورصة عمان تغلق على ارتفاع 0.9% والمؤشر عند 2480 نقطة",
    "عمان - أغلقت بورصة عمان تعاملات الأحد على ارتفاع بنسبة 0.9% ليصل المؤشر العام لأسهم 160 شركة إلى 2480 "
    "نقطة، بدعم من قطاع البنوك، وقال المحلل المالي وجدي مخامرة إن البنك العربي قاد التداولات.",
)
ARABIC_DAY_TWO = (
    "بورصة عمان تغلق على انخفاض 0.4% والمؤشر عند 2470 نقطة",
    "تراجع مؤشر بورصة عمان يوم الاثنين 0.4% إلى 2470 نقطة مع هبوط أسهم البنك العربي، أكبر الشركات الـ160 "
    "المدرجة، بحسب ما أفاد به المحلل وجدي مخامرة في عمان.",
)


def test_the_next_days_market_close_from_another_outlet_is_another_event():
    events = events_of(item("Lakeside Wire", *ENGLISH_DAY_ONE, 0), item("Rift Valley Post", *ENGLISH_DAY_TWO, 24))
    assert events[0] != events[1]


def test_the_next_days_arabic_market_close_is_another_event():
    events = events_of(item("صحيفة الأردن", *ARABIC_DAY_ONE, 0), item("وكالة البتراء", *ARABIC_DAY_TWO, 24))
    assert events[0] != events[1]


def test_a_follow_up_repeating_the_headlined_figure_joins_its_event():
    first = (
        "Magnitude 5.8 quake shakes Ionian coast, 12 injured",
        "ZAKYNTHOS — A magnitude 5.8 earthquake struck off Zakynthos on Monday at 04:10, injuring 12 people "
        "and damaging the harbour at Keri, the civil protection agency said.",
    )
    later = (
        "Zakynthos counts damage a day after the 5.8 quake",
        "ZAKYNTHOS — Engineers inspected 140 homes in Keri on Tuesday, a day after the magnitude 5.8 earthquake "
        "off Zakynthos injured 12 people, the civil protection agency said.",
    )
    events = events_of(item("Ionian Wire", *first, 0), item("Aegean Daily", *later, 24))
    assert events[0] == events[1]
