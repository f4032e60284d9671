"""``monitor/dedup/script_words.json`` is what babel's CLDR tables give (``python -m monitor.dedup.script_words``
writes it), and reading it at run time loads no babel: the tables cost a process ~65 MB when built."""

import subprocess
import sys

from monitor.dedup import script_words
from monitor.dedup.dates import script_words as loaded


def test_the_file_is_what_babel_gives() -> None:
    assert loaded() == script_words.built()


def test_reading_months_and_multipliers_loads_no_babel() -> None:
    code = (
        "import sys; from monitor.dedup import dates, eventkeys; "
        "assert dates._script_months()[0] and eventkeys._script_multipliers()[0]; "
        "print(any(name.startswith('babel') for name in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
