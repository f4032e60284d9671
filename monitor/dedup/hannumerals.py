"""Figures written in Han numerals ("六十", "三百", "一百二十万", "二〇二八"), as values. Pure.

A Chinese or Japanese brief often writes its figures in characters where a wire's English rewrite of it
prints digits: "收六十个学生" and "for 60 students", "八百盏灯" and "800 lamps". Read as values, the
figures are keys the two reports share (``eventkeys._numbers``), as "3万" and "30,000" already are.

Rules, so that the characters' other uses ("一直", "十分", "万一", "千万", "百姓") give no figure:

- a figure is a run of ``MIN_CHARACTERS`` or more numeral characters: a lone 十, 百 or 千 is a word;
- a run may not open with a unit above ten (百, 千, 万, 亿): "万一" (in case) and "千万" (by all means)
  are words; the run is read from its first digit on;
- digits with units are read as Chinese writes them ("三百零五" 305, "十一" 11, "两万" 20,000);
  digits without units are a figure only with a zero among them ("二〇二八", a year written digit by
  digit); "三三两两" (in twos and threes) is a phrase;
- a value below ten is no figure, as a lone digit is none in ``_numbers``.
"""

from __future__ import annotations

import re

MIN_CHARACTERS = 2
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_DIGITS |= {"八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_RUN = re.compile(f"[{''.join(_DIGITS | _SMALL_UNITS | _LARGE_UNITS)}]{{{MIN_CHARACTERS},}}")
_OPENING_UNITS = "百佰千仟万萬亿億"


def han_figures(text: str) -> list[int]:
    """The values of the figures ``text`` writes in Han numerals, in order (see the module's rules)."""
    figures = []
    for run in _RUN.findall(text):
        run = run.lstrip(_OPENING_UNITS)
        value = _value(run) if len(run) >= MIN_CHARACTERS else None
        if value is not None and value >= 10:
            figures.append(value)
    return figures


def _value(run: str) -> int | None:
    """The value of a run of numerals, or None when it is no figure (digits alone without a zero)."""
    if not any(c in _SMALL_UNITS or c in _LARGE_UNITS for c in run):
        return int("".join(str(_DIGITS[c]) for c in run)) if "〇" in run or "零" in run else None
    total = section = 0  # the value of the finished large-unit groups, and of the group being read
    digit: int | None = None
    largest = 0  # the largest unit above ten read so far
    for c in run:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[c]  # "十一": ten needs no digit before it
            digit = None
        else:  # 万 or 亿: of the groups read since a larger unit ("一亿二千万": 1e8 + 2000 * 1e4), or of all
            unit = _LARGE_UNITS[c]
            group = section + (digit or 0)
            total = (total + group) * unit if unit > largest else total + group * unit
            largest, section, digit = max(largest, unit), 0, None
    return total + section + (digit or 0)
