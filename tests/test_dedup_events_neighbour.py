"""One desk's report, hours after its own, of the same kind of incident somewhere else (held-out v55's family).

A desk's second rockfall of the day, at another mine near another town, names the first mine in passing, the
hospital both took their injured to and the inspectorate sent to both: its keys overlap the first report's well
above the threshold. Its headline names two or more people or places, none of them the first report's: the
desk telling its story further names its who or where again (``events._siblings``). Invented reports (fiction:
firms, people and towns)."""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

FIRST = (
    "Two workers killed in rockfall at Harrowgate Copper",
    "Two workers were killed and nine were rescued after a rockfall in the fourth shaft of Harrowgate Copper "
    "near Dunmore early on Tuesday, 640 metres underground. The injured were taken to Saint Brigid Hospital. "
    "The Mines Inspectorate sent safety inspectors to the shaft, and Harrowgate Copper halted all work there. "
    "The company employs 2,300 workers.",
)
ELSEWHERE = (
    "Worker hurt as rocks fall at Kestrelmoor Mica near Ashvale",
    "One worker was hurt when rocks fell in the second tunnel of Kestrelmoor Mica near Ashvale on Tuesday "
    "evening, 210 metres underground, hours after the Harrowgate Copper accident. He was taken to Saint Brigid "
    "Hospital. The Mines Inspectorate said the inspectors sent to Harrowgate Copper will visit Kestrelmoor Mica "
    "too. The company employs 410 workers.",
)
FURTHER = (
    "Harrowgate Copper rockfall: families of the two workers informed",
    "Harrowgate Copper said the families of the two workers killed in the rockfall near Dunmore had been "
    "informed, and the nine rescued workers were recovering at Saint Brigid Hospital. The Mines Inspectorate "
    "kept the fourth shaft closed.",
)


def test_the_desks_report_of_the_same_kind_of_incident_elsewhere_is_another_event():
    events = events_of(item("Desk", *FIRST, 0), item("Desk", *ELSEWHERE, 6))

    assert events[0] != events[1]


def test_the_desks_report_naming_its_mine_again_joins():
    """What the rule leaves alone: the desk's story told further the same day."""
    events = events_of(item("Desk", *FIRST, 0), item("Desk", *FURTHER, 6))

    assert events[0] == events[1]
