"""``fastvalues.fix`` repairs read text as feedparser does (mixin.pop), whether or not the text holds a C1 control."""

from __future__ import annotations

import contextlib

import pytest
from feedparser.html import _cp1252

from monitor.ingest.fastvalues import fix

C1 = "".join(map(chr, range(0x80, 0xA0)))  # all 32, the five cp1252 leaves undefined among them


@pytest.mark.parametrize(
    "text",
    [
        "plain ASCII",
        "café, naïve — “quoted” ‘once’ ロシア 🙂",  # non-ASCII, no C1 control: nothing to change
        "cafÃ© read as Latin-1",  # UTF-8 read as Latin-1: repaired
        f"controls {C1} among letters é",
        "\x92 first and last \x85",
        "caf\x92s",
    ],
)
def test_fix_is_feedparsers_repair(text):
    expected = text
    if not text.isascii():
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            expected = text.encode("iso-8859-1").decode("utf-8")
        expected = expected.translate(_cp1252)
    assert fix(text) == expected


def test_a_c1_control_becomes_its_cp1252_character_and_other_text_stays_itself():
    assert fix("caf\x92s \x85") == "caf’s …"
    text = "café — ロシア"
    assert fix(text) is text
