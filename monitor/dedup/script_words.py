"""Write ``script_words.json``: the month names and thousand/million words of scripts besides Latin,
Cyrillic and Han that dedup reads as event keys, from CLDR (babel). Kept as data because loading babel's
locale data costs each process ~65 MB and 0.4 s CPU; ``tests/test_dedup_script_words.py`` checks the file
against babel. Run ``python -m monitor.dedup.script_words`` after upgrading babel."""

from __future__ import annotations

import json
from pathlib import Path

from monitor.dedup.dates import build_script_months
from monitor.dedup.eventkeys import build_script_multipliers, build_weekdays

PATH = Path(__file__).parent / "script_words.json"


def built() -> dict[str, dict[str, float]]:
    months, month_sounds = build_script_months()
    multipliers, skeletons = build_script_multipliers()
    return {
        "months": months,
        "month_sounds": month_sounds,
        "multipliers": multipliers,
        "multiplier_skeletons": skeletons,
        "weekdays": build_weekdays(),
    }


def main() -> None:
    tables = {name: dict(sorted(table.items())) for name, table in built().items()}
    PATH.write_text(json.dumps(tables, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
