"""Build heldout20.jsonl from heldout20_src.txt (held-out part 20; seed 2020).

Each block of the source starts with `@ lang | labels | trap | trap_topic`
(topic codes below, `-` for none), then the title, then one paragraph a line.
Deterministic: the same source always gives byte-identical output.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2020
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language with their UTC offset in hours.
OUTLETS = {
    "en": [("Brindlecombe Pennywhistle", 0), ("Oxbury Tollkeeper", -6), ("Wallaroo Inkpot", 10)],
    "ru": [("Вычегодский отвес", 3), ("Сылвенские сполохи", 3), ("Ишимская верста", 6)],
    "ja": [("杣道新報", 9), ("鵜飼かわら版", 9), ("碓氷峠ニュース", 9)],
    "de": [("Weserkiesel", 1)],
    "fr": [("La Bécassine du Quercy", 1)],
    "es": [("El Botijo del Jiloca", 1)],
    "it": [("La Cicala del Sannio", 1)],
    "pt": [("Boletim do Buritizal", -3)],
    "pl": [("Sanockie Wieści Wieczorne", 1)],
    "uk": [("Сиваська чапля", 2)],
    "tr": [("Munzur Postacısı", 3)],
    "yo": [("Ìròyìn Ọ̀ṣun", 1)],
    "fo": [("Norðlýsið Tíðindi", 0)],
    "zu": [("Isithunywa SaseThekwini", 2)],
    "pa": [("ਪੰਜ ਦਰਿਆ ਸਮਾਚਾਰ", 5.5)],
}
AGGREGATOR = ("Marrowfin Sieve", 0)
START = datetime(2025, 3, 10, tzinfo=UTC)


def parse(text: str) -> list[dict]:
    items = []
    for block in re.split(r"\n(?=@ )", text.strip()):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        lang, labels, trap, topic = (f.strip() for f in lines[0][1:].split("|"))
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if topic == "-" else CODES[topic],
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def own_words(item: dict) -> int:
    """Words of the item's own text (title and paragraphs); ja/zh two characters a word."""
    text = " ".join([item["title"], *item["paras"]])
    if item["lang"] in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def shape(item: dict, rng: random.Random) -> tuple[str, str]:
    """Pick a feed shape: <p> body under a <p> or plain summary, plain body, or summary only."""
    paras = item["paras"]
    kind = rng.choice(["pp", "pp", "plain_p", "text", "summary_only"])
    html = "".join(f"<p>{p}</p>" for p in paras)
    if kind == "pp":
        return f"<p>{paras[0]}</p>", html
    if kind == "plain_p":
        return paras[0], html
    if kind == "text":
        return paras[0], "\n\n".join(paras)
    return " ".join(paras), ""


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(600 * 24 * 60), len(items)))
    turn = {lang: 0 for lang in OUTLETS}
    foreign = [i for i, it in enumerate(items) if it["lang"] in ("ru", "ja")]
    via_aggregator = set(rng.sample(foreign, 6))
    rows = []
    for n, (item, minute) in enumerate(zip(items, minutes, strict=True)):
        if n in via_aggregator:
            outlet, offset, feed = AGGREGATOR[0], AGGREGATOR[1], "en"
        else:
            choices = OUTLETS[item["lang"]]
            outlet, offset = choices[turn[item["lang"]] % len(choices)]
            turn[item["lang"]] += 1
            feed = None if rng.random() < 0.30 else item["lang"]
        summary, content = shape(item, rng)
        tz = timezone(timedelta(hours=offset))
        when = (START + timedelta(minutes=minute)).astimezone(tz)
        rows.append(
            {
                "id": f"j{n + 1:03d}",
                "outlet": outlet,
                "feed_lang": feed,
                "lang": item["lang"],
                "title": item["title"],
                "summary": summary,
                "content": content,
                "published": when.isoformat(),
                "labels": item["labels"],
                "trap": item["trap"],
                "trap_topic": item["trap_topic"],
            }
        )
    return rows


def main() -> int:
    items = parse((HERE / "heldout20_src.txt").read_text(encoding="utf-8"))
    bad = [(it["title"], own_words(it)) for it in items if not 80 <= own_words(it) <= 160]
    for title, n in bad:
        print(f"{n:4d} {title}", file=sys.stderr)
    if bad:
        return 1
    rows = build(items)
    with (HERE / "heldout20.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
