"""Reports sharing no word join across two languages on rare names and a figure (``events._apart``); a figure any
date prints (``eventdays.datelike``: a day of the month, a year) is what two reports of the same days share by chance,
with the month of a calendar no table reads ("14 Tiunu") and a passing name: beside it, ``DATED_NAMES`` names alike.
"""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

from monitor.dedup.eventdays import datelike

# Invented: two island desks' reports of two happenings the same day, dated alike, one official named in both.
SHIP = (
    "Ua pae te pahī Maraeva i Taiohae",
    "Ua pae te pahī Maraeva i te ʻaʻau i Taiohae i te pō 14 Tiunu, mea 42 tonne koprā i roto. Aʻore he taʻata i "
    "pohe, ua hoʻi mai te mau mataʻeinaʻa ʻatoʻa. Ua parau te tavana Hinatea Puarai e, e tātuʻu te pahī i teie pō.",
)
SOLAR = (
    "Kua ʻiriti ʻia te ʻare uira mahana no Avatoru",
    "Kua ʻiriti ʻia te ʻare uira mahana no Avatoru i te 14 Tiunu. E 4600 pahere mahana i runga i te henua. Kua ʻī "
    "mai Puarai, te tavana rahi, e ka ʻoti te ʻohipa ʻi te ʻava ʻi muri. Ko Tiare Energie te kamupani.",
)
# Invented: a ministry's fishing licences, told by a Somali desk and an English wire: 12 is a count of licences.
SOMALI = (
    "Wasaaradda Kalluumeysiga oo bixisay 12 shati",
    "Wasaaradda Kalluumeysiga ayaa maanta shati kalluumaysi siisay 12 shirkadood oo maxalli ah, kuwaas oo ka "
    "shaqayn doona xeebaha Banaadir iyo Shabeellaha Hoose. Wasiir Axmed Jimcaale Nuur ayaa sheegay in "
    "shirkadaha ay bixin doonaan canshuur sannadeed.",
)
ENGLISH = (
    "Somalia grants fishing licences to local firms",
    "MOGADISHU - The fisheries ministry on Monday granted fishing licences to 12 local companies for the coast of "
    "Banaadir and Lower Shabeellaha, minister Axmed Jimcaale said. The firms will pay a yearly fee and land "
    "their catch in Kismayo, Berbera and Bosaso, he told reporters. Hodan Warsame of the Heritage Institute in "
    "Nairobi said Djibouti and Kenya sell such licences too, and the European Union and the United Nations "
    "Food and Agriculture Organization welcomed the step.",
)


def test_a_date_like_figure_an_official_and_a_month_name_alike_are_too_few():
    events = events_of(item("Te Reo o Taiohae", *SHIP, 0), item("Leo o Avatoru", *SOLAR, 3))

    assert events[0] != events[1]


def test_a_date_like_count_beside_many_names_alike_joins():
    events = events_of(item("Xamar Desk", *SOMALI, 0), item("Harbour Wire", *ENGLISH, 3))

    assert events[0] == events[1]


def test_date_like_figures():
    assert datelike("14") and datelike("2033") and datelike("1")
    assert not datelike("640") and not datelike("14.5") and not datelike("3.8e+10") and not datelike("18 November")
