"""dd47 (held-out v44): a brief in a script without capitals (Chinese, Japanese), cut by a live blog to its lede's first
sentence, below or above the carrier's own English line ("Filed by <Outlet> desk at 12:36"). The English line has
more letters than the cut has characters, so the copy reads as a text with capitals while its story does not; the
story's numbers the cut left out are not missing from the copy: it agrees where it overlaps, as every copy does. A
cut of another brief (its own figures in the same frame) stays apart. Texts are our own, in Chinese and Japanese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.dedup import Decision, StoryIndex
from monitor.models import Entry

START = datetime(2027, 9, 14, 2, tzinfo=UTC)
FILED = "Filed by Liveline Running Blog desk at 12:36"

ZH = (
    "南昌到庐山的旅游专线从周三起每天加开3班。",
    "公交公司经理黄建平说，新增班次上午8点和下午2点发车。",
    "票价仍是25元。",
)
ZH_OTHER = "南昌到庐山的旅游专线从周五起每天加开5班。"
JA = (
    "松本から上高地への臨時バスが水曜日から毎日4便増えた。",
    "アルプス交通の課長田中明は、増便は午前7時と午後3時に出ると述べた。",
    "運賃は据え置きの1300円だ。",
)
JA_OTHER = "松本から白骨温泉への臨時バスが金曜日から毎日2便増えた。"


def _entry(key: str, outlet: str, title: str, body: str, hours: float) -> Entry:
    when = START + timedelta(hours=hours)
    return Entry("f", outlet, key, f"https://{key}.example/{key}", title, "", body, published=when)


def _decide(original: str, cut: str, title: str) -> Decision:
    """The cut through the real index after its story's original."""
    index = StoryIndex()
    first = _entry("a", "Home Paper", title, original, 0)
    assert first.published is not None
    found = index.find(first, first.published)
    assert found.signature is not None
    index.add(1, 1, 1, found.signature, first.published)
    copy = _entry("b", "Liveline Running Blog", title, cut, 0.6)
    assert copy.published is not None
    return index.find(copy, copy.published)


@pytest.mark.parametrize(("brief", "title"), [(ZH, "庐山旅游专线加班"), (JA, "上高地臨時バス増便")])
@pytest.mark.parametrize("shape", ["<p>{lede}</p><p>{filed}</p>", "{filed}\n\n{lede}"])
def test_a_caseless_lede_under_an_english_carrier_line_is_a_copy(
    brief: tuple[str, ...], title: str, shape: str
) -> None:
    original = "".join(f"<p>{sentence}</p>" for sentence in brief)
    decision = _decide(original, shape.format(lede=brief[0], filed=FILED), title)
    assert decision.story_id == 1, decision.reason


@pytest.mark.parametrize(
    ("brief", "other", "title"), [(ZH, ZH_OTHER, "庐山旅游专线加班"), (JA, JA_OTHER, "上高地臨時バス増便")]
)
def test_the_cut_of_another_brief_in_the_same_frame_stays_apart(brief: tuple[str, ...], other: str, title: str) -> None:
    original = "".join(f"<p>{sentence}</p>" for sentence in brief)
    decision = _decide(original, f"<p>{other}</p><p>{FILED}</p>", title + "：第二便")  # its own headline
    assert decision.story_id is None, decision.reason
