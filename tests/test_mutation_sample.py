"""The sample mode of benchmarks/mutation.py: its interval and its choice of mutants.

A sampled survival rate is only worth its interval, and an "after" run compares with a "before"
only when both ran the same mutants: the Wilson interval is checked against values worked out by
hand, the sample for being the same for a seed, spread over the whole list, and a subset of it.
"""

from __future__ import annotations

import pytest

from benchmarks.mutation import by_module, line, sample, wilson


def test_the_wilson_interval_of_known_proportions() -> None:
    # 0 of 10: [0, z²/(n+z²)] = [0, 3.8416/13.8416]; 5 of 10: 0.5 ± 1.96·sqrt(0.025 + 0.0096)/1.384.
    assert wilson(0, 10) == pytest.approx((0.0, 0.27754), abs=1e-5)
    assert wilson(5, 10) == pytest.approx((0.23659, 0.76341), abs=1e-5)
    assert wilson(10, 10) == pytest.approx((0.72246, 1.0), abs=1e-5)
    low, high = wilson(15, 250)  # 6 %: the interval is not symmetric about it, and holds it
    assert low < 0.06 < high and 0.06 - low < high - 0.06


def test_the_interval_narrows_with_more_mutants_and_says_nothing_of_none() -> None:
    assert wilson(0, 0) == (0.0, 1.0)
    small, large = wilson(3, 30), wilson(30, 300)
    assert small[1] - small[0] > large[1] - large[0]


def test_a_sample_is_the_same_for_a_seed_whatever_the_order_it_is_given_in() -> None:
    names = [f"monitor.m{m}.x_f__mutmut_{n}" for m in range(5) for n in range(1, 200)]
    one = sample(names, 100, seed=8)
    assert one == sample(list(reversed(names)), 100, seed=8)
    assert one != sample(names, 100, seed=9)
    assert len(set(one)) == 100 and set(one) <= set(names) and one == sorted(one)
    assert sample(names[:20], 100, seed=8) == sorted(names[:20])  # fewer than asked: all of them


def test_a_sample_is_spread_over_the_whole_list_not_its_start() -> None:
    names = [f"monitor.m{m}.x_f__mutmut_{n:03}" for m in range(4) for n in range(250)]
    chosen = sample(names, 200, seed=1)
    per_module = {m: sum(name.startswith(f"monitor.m{m}.") for name in chosen) for m in range(4)}
    assert all(25 <= count <= 75 for count in per_module.values()), per_module  # 50 expected in each


def test_the_report_line_gives_the_interval_and_the_modules_are_counted_apart() -> None:
    text = line("dedup", {"killed": 45, "survived": 5, "total": 50}, 60, interval=True)
    assert "survival 10.0%" in text and "[95 % CI 4.3%–21.4%]" in text
    counted = by_module({"monitor.a.x_f__mutmut_1": "killed", "monitor.a.xǁCǁg__mutmut_2": "survived"})
    assert counted == {"monitor.a": {"killed": 1, "survived": 1}}
