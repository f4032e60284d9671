"""de87, v82 studied: a desk's report retold in another language an hour later, its headline's place translated.

A regional wire files each report in the local language and again in English: "Kepulauan Seribu" is "Thousand
Islands" in the English headline. Its English headline thus named somewhere its own earlier report never names,
and the desk's near report was taken for a sibling announcement (``events._siblings``) and its event split. A
desk's report that shares hardly a headline or lead word with its own earlier one (two languages) but five names and
figures, two figures among them, is that report retold (``events._retold``), judged as another desk's rewrite in
another language is (``events._apart``). The desk's next announcement, sharing its background paragraph and names
but headlining a figure of its own, stays apart. Through the real detector; our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.models import Entry

START = datetime(2035, 3, 19, 1, 0, tzinfo=UTC)
LOCAL = (
    "Kepulauan Seribu mulai vaksinasi campak hari Senin",
    "JAKARTA, 19 Maret (Nusa Wire) – Petugas kesehatan di Kepulauan Seribu akan mulai memvaksin 940 anak berusia "
    "sembilan bulan sampai lima tahun terhadap campak pada hari Senin, kata dinas kesehatan dalam pernyataan.\n"
    "Kepala dinas Yohanes Ndolu mengatakan 38 kasus campak tercatat sejak Januari. Vaksin gratis di puskesmas.\n"
    "Tim keliling akan mengunjungi Pulau Pramuka dan Pulau Tidung. Kepulauan itu dihuni 24000 orang.",
)
ENGLISH = (
    "Thousand Islands to vaccinate 940 children against measles",
    "JAKARTA, March 19 (Nusa Wire) – Health workers in the Thousand Islands will begin vaccinating 940 children "
    "aged nine months to five years against measles on Monday, the health office said in a statement.\n"
    "Office head Yohanes Ndolu said 38 measles cases had been recorded since January. The jabs are free at clinics.\n"
    "Mobile teams will visit Pramuka and Tidung islands. The islands are home to 24000 people.",
)
TWIN = (  # the desk's next announcement, an hour on: its own news and figure, the desk's background paragraph
    "Tidung pier to close for 60 days of repairs",
    "JAKARTA, March 19 (Nusa Wire) – The passenger pier on Tidung island will shut for 60 days from Monday while its "
    "piles are replaced, the transport office said.\n"
    "Boats will use the Pramuka jetty instead, office head Yohanes Ndolu said.\n"
    "The islands are home to 24000 people, and 38 boats a day serve them from the mainland.",
)


def _entry(key: str, report: tuple[str, str], hours: float) -> Entry:
    title, body = report
    return feed_entry(key, "Nusa Wire", body, START + timedelta(hours=hours), title)


def test_the_desks_report_retold_in_english_joins_its_event() -> None:
    local, english = decided([_entry("id", LOCAL, 0), _entry("en", ENGLISH, 1)])
    assert local.event_id is None
    assert english.story_id is None, english.reason
    assert english.event_id == 1, english.event_reason


def test_the_desks_next_announcement_stays_apart() -> None:
    """The desk's next announcement an hour on, in English too: its own news and headline figure, the desk's
    background paragraph (the islands, their people) and names; another happening."""
    _, english, twin = decided([_entry("id", LOCAL, 0), _entry("en", ENGLISH, 1), _entry("twin", TWIN, 2)])
    assert english.event_id == 1, english.event_reason
    assert twin.story_id is None and twin.event_id is None, twin.event_reason
