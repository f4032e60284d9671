"""Text as a print, scan or transcript carrier delivers it (round 71, held-out v60's and v61's classes): a
line-numbered file's gutter, a transcript's speakers, a printed page's folio and jump line, a scan's hyphenated
line-wraps and misread letters (Latin "1" for "l", "rn" for "m"; Cyrillic "ьі" for "ы"; one stray "і" in a long
text), a caption's labelled credit, the carrier's name on a line of its own, a page's dated stamp on top. Each copy
joins its original through the real parser and index; a story's own timeline, asides, codes and sentences telling a
day and a time stay its text. Texts are our own."""

from __future__ import annotations

import pytest
from dedup_support import assert_one_alert, decided
from test_dedup_classes import _parsed

from monitor.dedup.clean import clean
from monitor.dedup.ownlines import own_lines_dropped
from monitor.dedup.shingles import kazakh
from monitor.dedup.signature import signature
from monitor.models import Entry

TITLE = "Harbour ferry resumes its winter crossings after engine repairs"
STORY = [
    "The harbour ferry resumed its winter crossings on Monday after three weeks of engine repairs at the Kessel yard.",
    "The operator said the repairs cost 2.4 million crowns and that schoolchildren would again cross free of charge.",
    "Families on the island had driven a 90-kilometre detour through the valley while the ferry was laid up.",
    "Captain Ilse Marwood said the new engine would cut the crossing from forty minutes to thirty.",
    '"The island gets its morning back," Marwood said at the landing stage.',
]
# The desk's next bulletin of one template: another route, other figures and names.
NEXT_TITLE = "Lake ferry resumes its winter crossings after hull repairs"
NEXT = [
    "The lake ferry resumed its winter crossings on Tuesday after two weeks of hull repairs at the Tarrow yard.",
    "The operator said the repairs cost 1.1 million crowns and that pensioners would again cross free of charge.",
    "Villagers on the north shore had driven a 60-kilometre detour around the lake while the ferry was laid up.",
    "Captain Oren Vale said the hull would last another twenty winters.",
    '"The shore is joined again," Vale said at the pier.',
]


def _entry(key: str, outlet: str, body: str, hours: float, title: str = TITLE) -> Entry:
    return _parsed(key, title, body, outlet, hours=hours)


def _stories(entries: list[Entry]) -> list[int]:
    return [d.story_id if d.story_id is not None else n for n, d in enumerate(decided(entries), start=1)]


def _wrapped(text: str, width: int, hyphen: bool) -> str:
    """``text`` wrapped at ``width`` as a printed column is, a word cut with a hyphen where ``hyphen`` says."""
    lines, line = [], ""
    for word in text.split():
        if len(line) + 1 + len(word) <= width or not line:
            line = f"{line} {word}".strip()
            continue
        room = width - len(line) - 2
        if hyphen and room >= 3 and len(word) - room >= 3 and word.isalpha():
            lines.append(f"{line} {word[:room]}-")
            line = word[room:]
        else:
            lines.append(line)
            line = word
    return "\n".join([*lines, line])


def _desk(sentences: list[str]) -> str:
    return "<p>" + "</p><p>".join(sentences) + "</p>"


def test_a_line_numbered_transcript_and_its_speakers_join_the_story_and_the_next_bulletin_stays_apart():
    """A transcript's gutter ("0001 | ") and speakers ("ANCHOR: ") are the file's and the studio's: their numbers
    and capitals were figures and names the story lacks. Its copy joins; the next bulletin's copy stays with it."""
    gutter = "\n".join(f"{n:04d} | {s}" for n, s in enumerate(STORY, start=1))
    spoken = "\n".join(
        f"{n:04d} | {'ANCHOR: ' if n == 1 else 'REPORTER: ' if n == 3 else ''}{s}"
        for n, s in enumerate(STORY[:4], start=1)
    )
    entries = [
        _entry("desk", "Harbour Post", _desk(STORY), 0),
        _entry("tm", "Termbase Export", gutter, 1),
        _entry("radio", "Radio Transcripts", spoken, 2),
        _entry("desk2", "Harbour Post", _desk(NEXT), 14, NEXT_TITLE),
        _entry(
            "radio2", "Radio Transcripts", "\n".join(f"{n:04d} | {s}" for n, s in enumerate(NEXT, 1)), 15, NEXT_TITLE
        ),
    ]
    assert _stories(entries) == [1, 1, 1, 4, 4]
    assert clean(gutter).text.splitlines() == STORY


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("2029: The plant opened.\n2030: It doubled its output.", None),  # a timeline counts years
        ("42 | The first row of a table.\n43 | The next one.", None),  # from no line one, no zeros: a table's
        ("KABUL: Talks resumed on Monday.\nThe delegations met at noon.", "Talks resumed on Monday."),  # a dateline
    ],
)
def test_a_storys_own_numbered_or_labelled_lines_stay(text, kept):
    assert clean(text).text.splitlines()[0] == (kept or text.splitlines()[0])


def test_a_printed_pages_folio_and_jump_lines_are_no_text_but_an_aside_stays():
    page = "\n".join([STORY[0], STORY[1], "(Continued on page 4)", "(Начало на 1-й стр.)", *STORY[2:], "— 3 —"])
    assert clean(page).text.splitlines() == STORY
    aside = "(The operator did not say when the second ferry would return to the route.)"
    assert aside in clean("\n".join([STORY[0], aside, STORY[1]])).text


def test_a_scans_hyphenated_wraps_and_misread_letters_join_the_story():
    """A microfilm copy: the column wrapped with hyphens ("engi-" / "ne"), and the scan's misreadings ("schoo1children",
    "2.4 rnillion"): joined and read as the letters, its words and figures are the story's."""
    scanned = "\n\n".join(_wrapped(s, 44, hyphen=True) for s in STORY)
    scanned = scanned.replace("schoolchildren", "schoo1children").replace("million", "rnillion")
    assert "-\n" in scanned
    assert clean(scanned).text.split() == " ".join(STORY).split()
    entries = [_entry("desk", "Harbour Post", _desk(STORY), 0), _entry("film", "Microfilm Service", scanned, 1)]
    assert _stories(entries) == [1, 1]
    # Codes and a compound cut before a capital keep their digits and hyphen.
    assert clean("The H1N1 and B12 cases rose.").text == "The H1N1 and B12 cases rose."


# A Sakha brief (our own): its letters һ ө ү, no і. A scan misreads "ы" as "ьі" and one "ю" as "іо".
SAKHA_TITLE = "Бүлүү балыыһатыгар саҥа тэрил туруорулунна"
SAKHA = [
    "Бүлүү улууһун киин балыыһатыгар саҥа тэрил бүгүн туруорулунна.",
    "Тэрил оҕолору уонна улахан дьону көрүүгэ туттуллуо диэн быраас Мария Егорова эттэ.",
    "Балыыһа биир күҥҥэ отут биэс киһини көрөр кыахтанна, ол иннинэ сүүрбэ киһини көрөрө.",
    "Тэрили туруорууга уон биир мөлүйүөн солкуобай барбыта диэн улуус дьаһалтата биллэрдэ.",
    "Кэлэр сылга өссө икки тэрил кэлиэ, онуоха дьон куоракка айанныыр наадата суох буолуо.",
    "Балыыһа үлэһиттэрэ саҥа тэрилгэ үөрэнэн бүтэрдилэр уонна сарсыҥҥыттан үлэлиэхтэрэ.",
]


def test_a_scans_letter_drawn_as_two_and_a_stray_i_leave_a_cyrillic_text_hashed_as_its_original():
    """ "ьі" is one letter ("ы"), and one "і" in a long Sakha text is no Kazakh: the copy's words hash as the
    original's, and it joins the story."""
    scanned = "\n".join(SAKHA).replace("ы", "ьі").replace("дьаһалтата", "дьаһалтата іом")
    assert kazakh(scanned.replace("ьі", "ы")) is False and kazakh("Қазақ тілі және әдебиеті") is True
    original, copy = (
        _entry(k, o, b, h, SAKHA_TITLE) for k, o, b, h in [("d", "Бүлүү", _desk(SAKHA), 0), ("s", "Scan", scanned, 1)]
    )
    ours, theirs = (signature(e, e.published).shingles for e in (original, copy))  # type: ignore[arg-type]
    assert len(ours & theirs) >= 0.8 * len(ours)
    assert _stories([original, copy]) == [1, 1]


def test_a_pages_dated_stamp_on_top_is_no_text_but_a_sentence_telling_a_day_and_time_is():
    """ "Last revised 08.07.2032 19:40 The Port …", in any language: the page's, on its own line or before the
    lede or dateline. A teaser so stamped joins its story; two teasers sharing only the stamp are no round-up."""
    stamped = f"Dernière mise à jour 27.07.2032 13:46 KESSEL — {STORY[0][:90]} …"
    assert clean(stamped).text.startswith("The harbour ferry resumed")
    assert clean(f"B sẽn lebg n gʋls-a 06.07.2032 16:59\n{STORY[0]}").text == STORY[0]
    told = "Le 27.07.2032 à 13:46, un incendie a éclaté au port."
    assert clean(told).text == told
    entries = [_entry("desk", "Harbour Post", _desk(STORY), 0), _entry("pulse", "Pulse", stamped, 1)]
    assert _stories(entries) == [1, 1]


def test_a_plain_text_editions_caption_credit_and_its_own_name_line_are_no_text():
    """ "Фото: Усть-Абакан." and the edition's name alone between the blocks: names the story never prints."""
    edition = "\n".join([*STORY[:2], "Photo: Kessel.", "Voiceover Plain Text Edition", *STORY[2:4]])
    entries = [
        _entry("desk", "Harbour Post", _desk(STORY), 0),
        _entry("plain", "Voiceover Plain Text Edition", edition, 1),
    ]
    assert _stories(entries) == [1, 1]
    assert own_lines_dropped(clean(edition).text, "Voiceover Plain Text Edition").splitlines() == STORY[:4]


def test_a_scanned_copy_and_a_transcript_alert_once(tmp_path, feed_server, json_receiver):
    """End to end through a real FeedServer, a real ``run --once`` and a real webhook receiver: the desk's story,
    its microfilm copy and its line-numbered transcript are one story, one alert."""
    scanned = "\n\n".join(_wrapped(s, 44, hyphen=True) for s in STORY).replace("million", "rnillion")
    rows = [
        {"title": TITLE, "content": _desk(STORY)},
        {"title": TITLE, "content": "KESSEL ARCHIVE · 03.02.2031 · 3\n" + scanned + "\n— 3 —"},
        {"title": TITLE, "content": "\n".join(f"{n:04d} | {s}" for n, s in enumerate(STORY, start=1))},
    ]
    rows = [row | {"link": f"https://p{n}.example/a", "guid": f"p{n}", "summary": ""} for n, row in enumerate(rows)]
    assert_one_alert(tmp_path, feed_server, json_receiver, rows, "Marwood")
