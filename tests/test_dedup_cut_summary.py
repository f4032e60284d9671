"""de84, v79 studied: a story known by a summary-only feed's cut is told whole by its page's later copy.

A desk whose feed carries summaries only prints its story's first 320 characters, cut inside a sentence (" …").
A carrier's copy read hours later prints the whole page: every sentence after the cut reads as news the story
lacks (names and numbers of its own), the shape of a write-up after its flash. But a cut text's last sentence is
cut: no fuller text holds it word for word, though it holds every word of it. When every shingle of the cut is in
the fuller text, that sentence is held as the opening of one of its own (``compare._cut_held``), and the cut is the
fuller text's excerpt (``compare.excerpt``). Through the real detector; our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.models import Entry

START = datetime(2033, 3, 3, 9, 0, tzinfo=UTC)
TITLE = "Rarawai mill stops crushing as 420 workers walk out over pay"
REPORT = """\
BA, 3 March — About 420 cane cutters and mill hands walked off the job at the Rarawai mill on Monday morning,
halting crushing for the first time this season, the Sugar Workers Union said.

Union secretary Litia Vakacegu said talks with the mill's owner, Western Cane Holdings, broke down over a pay
offer of 3.5 per cent. "We asked for eight, and we were told to take it or leave it," she said.

The mill crushes about 9,000 tonnes of cane a day at the peak of the season. Growers in Ba and Tavua said lorries
were already queuing at the gate with cane that spoils within two days.

Western Cane Holdings chief executive Peni Rokotuni said the company would meet the union again on Wednesday and
asked workers to return while talks continue.
"""
# Its paragraphs, each as one line (the text above is wrapped to be read here).
PARAGRAPHS = [" ".join(paragraph.split()) for paragraph in REPORT.strip().split("\n\n")]


def _cut(text: str, limit: int = 320) -> str:
    """A summary-only feed's summary: the text's first ``limit`` characters, cut at a word, then " …"."""
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _entry(key: str, outlet: str, body: str, hours: float, title: str = TITLE) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def _page(paragraphs: list[str]) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def test_the_pages_whole_copy_joins_the_desks_cut_summary() -> None:
    """The desk's summary holds one sentence and a half; a partner's copy of the whole page three hours on (its
    dateline dropped), then the whole page again: one story."""
    whole = [PARAGRAPHS[0].split(" — ", 1)[1], *PARAGRAPHS[1:]]
    cut, copied, again = decided(
        [
            _entry("desk", "Nadi Tide", _cut(" ".join(PARAGRAPHS)), 0),
            _entry("partner", "Reef Partner Wire", _page(whole), 3),
            _entry("relay", "Outer Islands Relay", _page(whole), 5),
        ]
    )
    assert cut.story_id is None
    assert copied.story_id == 1, copied.reason
    assert again.story_id == 1, again.reason


def test_the_pages_whole_copy_joins_a_digests_longer_cut_under_its_own_headline() -> None:
    """A morning digest's cut of the story (two sentences and a half, under the digest's own headline, within the
    hour) is the story's fullest entry: the page's whole copy holds its three sentences, the cut one as the opening
    of its own, and joins."""
    whole = [PARAGRAPHS[0].split(" — ", 1)[1], *PARAGRAPHS[1:]]
    cut, digest, copied = decided(
        [
            _entry("desk", "Nadi Tide", _cut(" ".join(PARAGRAPHS)), 0),
            _entry("digest", "Morning Cane Letter", _cut(" ".join(whole), 380), 0.6, "Cane letter 3/3: Ba"),
            _entry("partner", "Reef Partner Wire", _page(whole), 3),
        ]
    )
    assert cut.story_id is None and digest.story_id == 1, digest.reason
    assert copied.story_id == 1, copied.reason


def test_a_text_going_on_otherwise_after_the_cuts_first_sentence_is_news() -> None:
    """A text under the desk's headline holding the cut's first sentence but not the words of its cut one (the
    union's next statement after the walk-out's lead) does not hold the cut: what it adds is news, another story."""
    summary = _cut(" ".join(PARAGRAPHS))
    other = [
        PARAGRAPHS[0],
        "Union secretary Litia Vakacegu said on Tuesday that 60 workers had been suspended without pay by Western "
        "Cane Holdings, and that the union would take the company to the Employment Relations Tribunal.",
        "Police said 14 officers were sent to the Rarawai gate after a scuffle on Tuesday morning in which two "
        "security guards were hurt. Growers in Ba and Tavua said 300 lorries were queuing at the gate.",
    ]
    desk, next_text = _entry("desk", "Nadi Tide", summary, 0), _entry("next", "Ba Valley Radio", _page(other), 4)
    cut, going_on = decided([desk, next_text])
    assert cut.story_id is None
    assert going_on.story_id is None, going_on.reason
