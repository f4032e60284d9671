"""Event precision where a desk's new story reports another happening than its first (held-out v51's family).

- a day of the month written alone with its counter ("12일", "12日") is no figure: a desk's two tenders of one
  town the same day, written in one template, share it and nothing else that is a figure, so the second is the
  desk's next brief in the frame of its first (``EventIndex._briefs``), another event;
- a count of days ("3日間", "5일간") is still a figure;
- one desk's story more than ``NEAR_HOURS`` after its own, each headline naming someone or somewhere the other
  story never names (the storm in one town, the train crash in another), is another happening
  (``events._develops``: it names someone or somewhere the first never named); its note naming the town again joins.
"""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

from monitor.dedup.eventkeys import _numbers, keywords_and_heads
from monitor.dedup.events import EventIndex
from monitor.models import Entry

# Invented briefs (a real town as setting): one desk's two tender results of one port the same day, one template.
TENDER = (
    "목포항 3부두 방충재 교체 공사, 영산항만건설 64억원에 낙찰",
    "[목포=서남일보] 목포항 3부두의 낡은 방충재를 교체하는 사업자로 영산항만건설이 선정됐다.\n\n"
    "목포지방해양수산청은 12일 3부두 방충재 교체 공사 입찰에서 영산항만건설이 64억원을 써내 낙찰됐다고 "
    "밝혔다. 입찰에는 모두 6개 업체가 참여했으며, 예정가격 대비 낙찰률은 86.2%다.\n\n"
    "사업은 1998년 설치된 방충재 120개를 걷어내고 새 고무 방충재를 다는 내용이다. 공사 기간은 14개월이다.\n\n"
    "3부두는 주로 여객선과 화물선이 함께 쓰는 부두로, 시설이 낡았다는 지적을 받아 왔다.",
)
SECOND_TENDER = (
    "목포항 3부두 대합실 냉난방 공사, 남도설비 9억원에 낙찰",
    "[목포=서남일보] 목포항 3부두 대합실의 냉난방 설비를 바꾸는 사업자로 남도설비가 선정됐다. "
    "같은 날 오전 방충재 입찰 결과에 이은 두 번째 발표다.\n\n"
    "목포지방해양수산청은 12일 3부두 대합실 냉난방 공사 입찰에서 남도설비가 9억원을 써내 낙찰됐다고 "
    "밝혔다. 입찰에는 모두 8개 업체가 참여했으며, 예정가격 대비 낙찰률은 89.7%다.\n\n"
    "냉난방기 36대를 바꾼다.\n\n"
    "3부두는 주로 여객선과 화물선이 함께 쓰는 부두로, 시설이 낡았다는 지적을 받아 왔다.",
)


def test_a_day_of_the_month_written_alone_is_no_figure():
    assert _numbers("해양수산청은 12일 공사 입찰에서 182개 업체")[0] == ["182"]
    assert _numbers("日田市で12日未明、1240世帯に")[0] == ["1240"]


def test_a_count_of_days_is_a_figure():
    assert _numbers("祭りは15日間続き、20日ぶりに")[0] == ["15", "20"]
    assert _numbers("공사는 45일간 이어진다")[0] == ["45"]


def keys(entry: Entry) -> tuple[tuple[str, ...], tuple[str, ...], float]:
    assert entry.published is not None
    found, heads = keywords_and_heads(entry, entry.published)
    return tuple(found), heads, entry.published.timestamp()


def test_the_desks_second_tender_of_the_town_that_day_is_another_event():
    """The second brief shares a quarter of the first's text (``SERIES_TEXT``: ``index`` measures it) and
    prints other figures: the day both name ("12일") is no figure they share."""
    index = EventIndex()
    words, heads, when = keys(item("서남일보", *TENDER, 0))
    index.add(1, 1, words, when, len(heads), "서남일보")
    words, heads, when = keys(item("서남일보", *SECOND_TENDER, 4))

    assert index.find(words, when, {1: 27.0}, heads, "서남일보", {1: 20.0}) is None
    assert index.joins(index.find(words, when, {}, heads, "서남일보", {}))  # the frame's words alone join them


# Invented: one wire's two reports a day apart from one frame, each of its own town, sharing the frame's words and
# a figure by chance (the storm's aid budget, the crash's injured).
STORM = (
    "Storm in Harlow Fen: 57 injured",
    "In Harlow Fen 57 people were injured in a storm on Friday, Essex County Council said. Nora Pell confirmed "
    "that 92 firefighters worked through the night to clear fallen trees from the main roads. Schools in the "
    "district will stay closed until the end of the week while engineers check their roofs.",
)
CRASH = (
    "Train crash in Oldmere: 92 injured",
    "In Oldmere 92 people were injured when a commuter train left the rails on Saturday, Essex County Council "
    "said. Tom Fairley said the line would stay shut until investigators had examined the track and the signals. "
    "Passengers were taken to two hospitals, and a replacement bus service runs from the station.",
)


def test_the_desks_next_day_report_of_another_town_is_another_event():
    events = events_of(item("Global Wire", *STORM, 0), item("Global Wire", *CRASH, 21))

    assert events[0] != events[1]


def test_the_desks_next_day_follow_up_naming_the_town_again_joins():
    later = ("Harlow Fen storm: aid reaches 57 injured", STORM[1].replace("on Friday", "on Friday night"))

    events = events_of(item("Global Wire", *STORM, 0), item("Global Wire", *later, 21))

    assert events[0] == events[1]
