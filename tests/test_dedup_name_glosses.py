"""Held-out v31 (studied by dd33): a name glossed in Latin letters inside a text of a caseless script.

A wire desk or an app prints a Hindi or Chinese story's people with their names' Latin reading after them,
"मीनाक्षी राठौड़ (Meenakshi Rathore)", or a learners' edition's ruby reading, which a summary without tags runs
into the name: "क़ुरैशीFarhana Qureshi". The text stays mostly of its own script (``signature.mostly_caseless``)
and was flagged caseless, yet its Latin capitals were still read as names: two facts its original, which prints
the name only in its own script, cannot have, so a two-sentence copy showed half its names and numbers and was
another story (3 copies alerted twice). A mostly caseless text's facts are its numbers, as a caseless text's
are. Our own stories, in Hindi (Devanagari) and Mandarin (Han).
"""

from __future__ import annotations

import pytest
from test_dedup_classes import _parsed, decided_stories

from monitor.dedup.signature import Signature, signature

HINDI = (
    "भोपाल — नगर निगम ने सोमवार को बड़े तालाब के किनारे 12 नए सार्वजनिक शौचालय खोले, जो 40 दिन में बने। महापौर"
    " सुनीता वर्मा ने कहा कि इन पर 85 लाख रुपये खर्च हुए हैं।",
    "सुनीता वर्मा ने बताया कि अगले महीने 7 और शौचालय बनेंगे। रखरखाव का ठेका एक स्थानीय संस्था को दिया गया है।",
)
MANDARIN = (
    "成都 — 市图书馆周二在锦江边开放了一座24小时自助阅览室。馆长刘雅婷说，阅览室共有3200册图书，可容纳60人。",
    "刘雅婷表示，阅览室明年将再增加1500册儿童读物。开放首日有400多名读者到访。",
)
# (the original's paragraphs, the name as it writes it, the name's Latin reading)
CASES = {"hi": (HINDI, "सुनीता वर्मा", "Sunita Verma"), "zh": (MANDARIN, "刘雅婷", "Liu Yating")}
# The same frame the next month: other figures, the same people (another happening, another story).
NEXT = {
    "hi": (("12", "20"), ("40 दिन", "55 दिन"), ("85 लाख", "1.4 करोड़")),
    "zh": (("3200", "5400"), ("60人", "90人")),
}


def _signed(key: str, text: str) -> Signature:
    entry = _parsed(key, "Headline", text)
    assert entry.published is not None
    return signature(entry, entry.published)


def _glossed(text: str, name: str, reading: str, bracketed: bool) -> str:
    """``text`` with its first mention of ``name`` glossed: "name (Reading)", or a ruby reading run into it."""
    return text.replace(name, f"{name} ({reading})" if bracketed else f"{name}{reading}", 1)


@pytest.mark.parametrize("key", sorted(CASES))
@pytest.mark.parametrize("bracketed", [True, False])
def test_a_gloss_adds_no_facts_to_a_caseless_text(key, bracketed):
    paragraphs, name, reading = CASES[key]
    plain, glossed = _signed("p", paragraphs[0]), _signed("g", _glossed(paragraphs[0], name, reading, bracketed))
    assert glossed.facts == plain.facts and len(plain.facts) // 4 >= 3, key  # its numbers, 4 bytes each


@pytest.mark.parametrize("key", sorted(CASES))
@pytest.mark.parametrize("bracketed", [True, False])
def test_a_glossed_two_sentence_copy_joins_its_story(key, bracketed):
    paragraphs, name, reading = CASES[key]
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    pieces = (
        ("Origin Desk", "Headline", body, 0.0),
        ("Lantern Wire App", "Headline", _glossed(paragraphs[0], name, reading, bracketed), 2.0),
    )
    assert len(set(decided_stories(pieces, key))) == 1


@pytest.mark.parametrize("key", sorted(CASES))
def test_a_glossed_copy_of_the_next_happening_stays_apart(key):
    paragraphs, name, reading = CASES[key]
    later = paragraphs[0]
    for old, new in NEXT[key]:
        later = later.replace(old, new)
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    pieces = (
        ("Origin Desk", "Headline", body, 0.0),
        ("Lantern Wire App", "Next headline", _glossed(later, name, reading, True), 30.0),
    )
    first, second = decided_stories(pieces, key)
    assert first != second
