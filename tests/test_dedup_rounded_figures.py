"""de75, v65 and v66 studied: copies through carriers that round figures or reshape a text are one story.

- A figure is compared as a value at the precision the rounder of two texts prints it: "about 1,800" agrees with
  1,750 and "1.3k" with 1,320 (two significant digits), "XPF 18.4m" with 18,400,000 (``figures.aligned``).
- A transcript's clock opening a line or a sentence ("00:00:13.8 ") is the carrier's (``reshaped``).
- A lone symbol between two sentences (a smart speaker's pause, " ⏸ ") is the space it stands for (``reshaped``).

Each rule through the real detector (a copy joins; the desk's template twin, other names and figures, stays
apart), and the studied sets' split copies and false merge through ``benchmarks/dedup_quality.py``'s own run.
Our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache

import numpy as np
import pytest
from dedup_support import decided, feed_entry
from test_dedup import benchmark

from monitor.dedup.figures import agreeing, aligned, figure_values, value_hash
from monitor.dedup.index import StoryIndex
from monitor.dedup.reshaped import reshaped_read
from monitor.dedup.shingles import fact_spans
from monitor.dedup.signature import signature
from monitor.models import Entry

quality = benchmark("dedup_quality")
START = datetime(2033, 5, 2, 6, 0, tzinfo=UTC)
TITLE = "New ice machine starts work at Tonoas"
REPORT = (
    "The fishing cooperative of Tonoas received its new ice machine on Monday. The machine makes 2,350 kg of ice "
    "a day, so the fishers no longer sail to Weno for ice. Cooperative head Marisela Sopwen said the machine cost "
    '$186,500, of which the state paid $142,300. "Our fish will stay fresh all the way to market," Sopwen said. '
    "Some 95 fishers will take ice from it on the first day, and the cooperative hopes to buy a second machine."
)
# the same desk's template story five hours later: another island, person and figures
TWIN = (
    "The fishing cooperative of Fefen received its new ice machine on Monday. The machine makes 1,750 kg of ice "
    "a day, so the fishers no longer sail to Weno for ice. Cooperative head Bernardo Atonis said the machine cost "
    '$121,400, of which the state paid $90,000. "Our fish will stay fresh all the way to market," Atonis said. '
    "Some 60 fishers will take ice from it on the first day, and the cooperative hopes to buy a second machine."
)
TWIN_TITLE = "New ice machine starts work at Fefen"


def _entry(key: str, outlet: str, body: str, hours: float, title: str = TITLE) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def _briefing(text: str, rounded: dict[str, str]) -> str:
    """A voice briefing: the first three sentences with each figure rounded and "about" before it."""
    brief = ". ".join(text.split(". ")[:3]) + "."
    for figure, spoken in rounded.items():
        brief = brief.replace(figure, f"about {spoken}")
    return brief


def test_a_figure_rounded_to_two_digits_agrees_with_the_one_it_rounds() -> None:
    assert value_hash(1800) in agreeing(1750) and value_hash(1750) in agreeing(1800)
    assert value_hash(140000) in agreeing(142300) and value_hash(142300) in agreeing(140000)
    assert value_hash(187000) in agreeing(186500) and value_hash(186500) in agreeing(187000)  # three digits
    assert value_hash(142300) not in agreeing(186500) and value_hash(1300) not in agreeing(1350.5)
    assert value_hash(2400) not in agreeing(1750) and value_hash(1750) not in agreeing(2400)
    assert agreeing(95) == ()  # a count is not rounded


def test_the_voice_briefings_rounded_figures_join_its_report_and_the_twins_its_twin() -> None:
    report, brief, twin, twin_brief = decided(
        [
            _entry("desk", "Lagoon Desk", REPORT, 0),
            _entry("voice", "Speaker Briefs", _briefing(REPORT, {"2,350": "2,400", "$186,500": "$190,000"}), 1),
            _entry("twin", "Lagoon Desk", TWIN, 5, TWIN_TITLE),
            _entry("twin-voice", "Speaker Briefs", _briefing(TWIN, {"1,750": "1,800", "$121,400": "$120,000"}), 6),
        ]
    )
    assert report.story_id is None and brief.story_id == 1, brief.reason
    assert twin.story_id is None, twin.reason
    assert twin_brief.story_id == 3, twin_brief.reason


def test_a_rounding_that_does_not_fit_keeps_the_briefing_apart() -> None:
    # "about 2,900 kg" and "about $230,000" round no figure of the report: another story's figures
    other = _briefing(REPORT, {"2,350": "2,900", "$186,500": "$230,000"})
    report, brief = decided([_entry("desk", "Lagoon Desk", REPORT, 0), _entry("voice", "Speaker Briefs", other, 1)])
    assert report.story_id is None and brief.story_id is None, brief.reason


def test_a_reposts_compact_figures_join_its_report() -> None:
    repost = (
        REPORT.replace("2,350 kg", "2.4k kg")
        .replace("$186,500", "$0.19m")
        .replace("$142,300", "$0.14m")
        .replace("Marisela Sopwen", "#MariselaSopwen")
    )
    report, copy = decided(
        [_entry("desk", "Lagoon Desk", REPORT, 0), _entry("post", "Atoll Reposts", repost, 1, "#Tonoas gets ice")]
    )
    assert report.story_id is None and copy.story_id == 1, copy.reason


def test_a_small_m_reads_as_millions_too_and_only_glued() -> None:
    text = "The wall cost XPF 18.4m, 240m long, and 5 m high."
    assert [value for _, value in figure_values(text, fact_spans(text))] == [18.4, 18.4e6, 240, 240e6, 5]
    grant = (
        "The Tonoas council said the new sea wall cost XPF 18,400,000, and Mayor Ana Sopwen opened it on Monday. "
        "The state paid XPF 12,000,000 and the town XPF 6,400,000 of it."
    )
    repost = grant.replace(",400,000", ".4m").replace("12,000,000", "12m")
    _, copy = decided(
        [_entry("desk", "Lagoon Desk", grant, 0), _entry("post", "Atoll Reposts", repost, 1, "#Tonoas wall")]
    )
    assert copy.story_id == 1, copy.reason


def test_a_transcripts_clock_is_the_carriers() -> None:
    text = "00:00:01.5 the cooperative got a machine.\n00:00:13.8 it makes ice. 00:00:24.2 sopwen spoke."
    assert reshaped_read(text) == "the cooperative got a machine.\nit makes ice. sopwen spoke."
    assert reshaped_read("The bell rang at 14:05:30 sharp.") == "The bell rang at 14:05:30 sharp."


def test_a_clocked_lower_case_transcript_joins_its_report() -> None:
    sentences = REPORT.lower().replace('"', "").split(". ")
    clocked = "\n".join(f"00:00:{2 + 9 * i:02d}.{i} {sentence}." for i, sentence in enumerate(sentences))
    report, copy, twin = decided(
        [
            _entry("desk", "Lagoon Desk", REPORT, 0),
            _entry("pod", "Pod Transcripts", clocked, 1, TITLE.lower()),
            _entry("twin", "Lagoon Desk", TWIN, 5, TWIN_TITLE),
        ]
    )
    assert report.story_id is None and copy.story_id == 1, copy.reason
    assert twin.story_id is None, twin.reason


def test_a_pause_mark_between_sentences_is_a_space() -> None:
    assert reshaped_read("It came. ⏸ Officials spoke. ⏸ 60 came.") == "It came. Officials spoke. 60 came."
    assert reshaped_read("It came. - Officials spoke.") == "It came. - Officials spoke."  # a dash is punctuation


def test_an_easy_read_script_with_pauses_joins_its_report() -> None:
    easy = " ⏸ ".join(
        part.strip().rstrip(".").capitalize() + "." for part in REPORT.replace('"', "").replace(". ", ", ").split(", ")
    )
    report, copy, twin = decided(
        [
            _entry("desk", "Lagoon Desk", REPORT, 0),
            _entry("audio", "Plain Audio", easy, 1),
            _entry("twin", "Lagoon Desk", TWIN, 5, TWIN_TITLE),
        ]
    )
    assert report.story_id is None and copy.story_id == 1, copy.reason
    assert twin.story_id is None, twin.reason


@cache
def _stories(name: str) -> dict[str, int]:
    rows = quality.load(quality.DEDUP_DATA / name)
    return {a.row["id"]: a.story for a in quality.assign(rows, StoryIndex())}


@pytest.mark.parametrize(
    ("name", "copy", "original"),
    [
        ("heldout65.jsonl", "pl039", "pl030"),  # a voice briefing's rounded figures
        ("heldout65.jsonl", "pl045", "pl044"),
        ("heldout65.jsonl", "pl071", "pl065"),
        ("heldout65.jsonl", "pl105", "pl103"),  # a repost's "1.3k", "18.4m"
        ("heldout65.jsonl", "pl112", "pl111"),
        ("heldout66.jsonl", "pm002", "pm001"),  # a transcript's clocks
        ("heldout66.jsonl", "pm046", "pm041"),
        ("heldout66.jsonl", "pm027", "pm026"),  # an easy-read script's pause marks
    ],
)
def test_the_studied_sets_split_copies_join_their_stories(name: str, copy: str, original: str) -> None:
    story = _stories(name)
    assert story[copy] == story[original]


def test_v66s_next_day_follow_up_stays_apart_from_the_first_days_story() -> None:
    story = _stories("heldout66.jsonl")
    assert story["pm020"] != story["pm001"] and story["pm021"] == story["pm020"]


def test_the_precise_report_read_after_its_rounded_briefing_joins_it() -> None:
    # the briefing is stored first: the report's precise figures are read at the briefing's precision
    brief = _briefing(REPORT, {"2,350": "2,400", "$186,500": "$190,000", "$142,300": "$140,000"})
    first, report = decided(
        [_entry("voice", "Speaker Briefs", brief, 0), _entry("wire", "Pacific Wire", REPORT, 1, "Tonoas gets ice")]
    )
    assert first.story_id is None and report.story_id == 1, report.reason


def test_aligned_renames_a_figure_only_against_a_text_that_prints_one_it_agrees_with() -> None:
    """sp59: what ``aligned`` reads of the entry is read once for all its candidates; a candidate printing none
    of the facts its figures agree with leaves it as it is, one printing one gets it renamed, asked again alike."""
    line = "The machine makes {} kg of ice a day at Tonoas, Marisela Sopwen said."
    brief = signature(_entry("brief", "Voice Briefs", line.format("about 1,800"), 1), START)
    report = signature(_entry("desk", "Lagoon Desk", line.format("1,750"), 0), START)
    twin = signature(_entry("twin", "Lagoon Desk", line.format("2,400"), 0), START)
    assert aligned(brief, twin.facts) is brief
    renamed = aligned(brief, report.facts)
    facts = set(np.frombuffer(renamed.facts, dtype="<u4").tolist())
    assert value_hash(1750) in facts and value_hash(1800) not in facts and renamed.figures == ()
    assert aligned(brief, report.facts) == renamed and aligned(brief, twin.facts) is brief
