"""A figure's "million" in Lao, Thai, Khmer, Burmese, Amharic and Sinhala is read (``shingles.NUMBER``).

dd18 sorted the event misses of every tuning set: an English wire and the Khmer (v8), Lao (v10) or Burmese
(v11) report of one happening wrote their names apart and shared their figures, but "48 ລ້ານໂດລາ" kept
48 where "48 million dollars" gave 48,000,000: one shared figure fewer, and the reports stayed two
events. Lao, Thai, Khmer and Burmese write the word glued to what follows (no word boundary). Our own
reports (Khmer and English), both directions.
"""

from __future__ import annotations

import pytest
from test_dedup_events_siblings import events_of, item

from monitor.dedup.shingles import number_key

KHMER = (
    "ស្ថានីយ៍កុងតឺន័រថ្មី",
    "ស្ថានីយ៍កុងតឺន័រថ្មីនៅខេត្តកំពតបានបើកដំណើរការ។ វាអាចទទួលកុងតឺន័រ 1,500 ក្នុងមួយថ្ងៃ។ គម្រោងនេះចំណាយ 36 លានដុល្លារ និងជួលបុគ្គលិក 280 នាក់។",
)
ENGLISH = (
    "Kampot opens container terminal",
    "A new container terminal opened in Kampot province. It can handle 1,500 containers a day. "
    "The project cost 36 million dollars and employs 280 staff.",
)


@pytest.mark.parametrize("written", ["48 ລ້ານໂດລາ", "48 ล้านบาท", "48 លានដុល្លារ", "48 သန်း", "48 ሚሊዮን ብር", "48 මිලියන"])
def test_forty_eight_million_is_one_figure_in_every_script(written: str):
    number, word = written.split(" ", 1)
    times = next(w for w in ("ລ້ານ", "ล้าน", "លាន", "သန်း", "ሚሊዮን", "මිලියන") if word.startswith(w))
    assert number_key(number, times) == number_key("48", "million") == "4.8e+07"


def test_the_khmer_report_and_the_english_wire_are_one_event():
    events = events_of(item("Kampot Daily", *KHMER, 0), item("Mekong Wire", *ENGLISH, 2))

    assert events[0] == events[1]


def test_a_report_with_another_sum_shares_too_few_figures_to_join():
    other = (ENGLISH[0], ENGLISH[1].replace("36 million", "36 billion"))

    events = events_of(item("Kampot Daily", *KHMER, 0), item("Mekong Wire", *other, 2))

    assert events[0] != events[1]
