"""Article-body extraction quality on tests/data/articles: token F1 against gold and key-sentence recovery.

    /work/venv/bin/python benchmarks/extraction_quality.py                 # every installed candidate
    /work/venv/bin/python benchmarks/extraction_quality.py --libs trafilatura baseline --per-page
    /work/venv/bin/python benchmarks/extraction_quality.py --explain trafilatura   # missed key sentences
    /work/venv/bin/python benchmarks/extraction_quality.py --scaling       # time on inflated pages

Candidates are optional: the ones that do not import are listed as "not installed"
(install them into the venv with pip for the measurement; they are not project
dependencies). Each candidate runs in its own subprocess so that its import time
and peak RSS are its own; every page is extracted ``--repeat`` times after one
warm-up run and the median time is kept.

Tokens: NFKC, casefolded; a CJK character (Han, kana, Hangul) is one token, any
other run of word characters is one token. F1 is over token multisets (bag of
words). A key sentence is "recovered" when it occurs in the extracted text after
the same normalisation and whitespace collapsing on both sides.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import resource
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles"

# --------------------------------------------------------------------------- scoring

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u31f0-\u31ff"
TOKEN = re.compile(rf"[{CJK}]|[^\W{CJK}]+")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def tokens(text: str) -> list[str]:
    return TOKEN.findall(normalise(text))


def prf(extracted: str, gold: str) -> tuple[float, float, float]:
    got, want = Counter(tokens(extracted)), Counter(tokens(gold))
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(got.values()), common / sum(want.values())
    return p, r, 2 * p * r / (p + r)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", normalise(text)).strip()


def recovered(key: str, extracted: str) -> bool:
    return squash(key) in squash(extracted)


# --------------------------------------------------------------------------- candidates


def html_to_text(fragment: str) -> str:
    """Block-aware text of an HTML fragment (for extractors that return HTML)."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(fragment)
    blocks = [n.text(separator=" ").strip() for n in tree.css("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else tree.text(separator="\n")


def ex_trafilatura(html: str, url: str, lang: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""


def ex_trafilatura_precision(html: str, url: str, lang: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True, favor_precision=True) or ""


def ex_trafilatura_recall(html: str, url: str, lang: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True, favor_recall=True) or ""


def ex_readability(html: str, url: str, lang: str) -> str:
    from readability import Document

    return html_to_text(Document(html, url=url).summary(html_partial=True))


def ex_newspaper(html: str, url: str, lang: str) -> str:
    import newspaper

    art = newspaper.Article(url, fetch_images=False)
    art.download(input_html=html)
    art.parse()
    return art.text or ""


def ex_goose(html: str, url: str, lang: str) -> str:
    """goose3 reads <html lang> but picks no segmenter for CJK/Arabic by itself: without the
    language's stop-word class it returns nothing on ja/zh. The feed's language is passed in."""
    from goose3 import Goose
    from goose3 import text as gtext

    config: dict = {"enable_image_fetching": False, "use_meta_language": True}
    special = {"zh": "StopWordsChinese", "ja": "StopWordsJapanese", "ar": "StopWordsArabic", "ko": "StopWordsKorean"}
    if lang in special:
        config |= {
            "use_meta_language": False,
            "target_language": lang,
            "stopwords_class": getattr(gtext, special[lang]),
        }
    with Goose(config) as g:
        return g.extract(url=None, raw_html=html).cleaned_text or ""


SKIP = "script, style, noscript, template, svg, nav, header, footer, aside, form, button, iframe, figure, figcaption"


def ex_baseline(html: str, url: str, lang: str) -> str:
    """Largest text block: the element whose direct <p> children (or direct text, for <br> pages)
    carry the most text; its paragraphs are the body. No boilerplate knowledge beyond tag names."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    body = tree.body
    if body is None:
        return ""
    for node in body.css(SKIP):
        node.decompose()
    best, best_score = None, 0
    for node in body.traverse(include_text=False):
        score = 0
        child = node.child
        while child is not None:
            if child.tag == "p":
                score += len(child.text(strip=True))
            elif child.tag == "-text":
                score += len((child.text_content or "").strip())
            child = child.next
        if score > best_score:
            best, best_score = node, score
    if best is None:
        return ""
    paras = [p.text(separator=" ").strip() for p in best.css("p")] or []
    paras = [p for p in paras if p]
    if not paras:  # <br>-separated text
        return best.text(separator="\n")
    return "\n\n".join(paras)


CANDIDATES: dict[str, tuple[str, Callable[[str, str, str], str]]] = {
    # name: (distribution whose version is reported, function)
    "trafilatura": ("trafilatura", ex_trafilatura),
    "trafilatura-precision": ("trafilatura", ex_trafilatura_precision),
    "trafilatura-recall": ("trafilatura", ex_trafilatura_recall),
    "readability-lxml": ("readability-lxml", ex_readability),
    "newspaper4k": ("newspaper4k", ex_newspaper),
    "goose3": ("goose3", ex_goose),
    "baseline": ("selectolax", ex_baseline),
}


# --------------------------------------------------------------------------- data


def load(data: Path = DATA) -> list[dict]:
    rows = [
        json.loads(line) for line in (data / "index.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    for r in rows:
        r["html"] = (data / r["page"]).read_text(encoding="utf-8")
        r["gold"] = (data / r["page"].replace(".html", ".gold.txt")).read_text(encoding="utf-8")
    return rows


def inflate(html: str, factor: int) -> str:
    """The page with everything from its first <p> to its last </p> repeated ``factor`` times (scaling run)."""
    start, end = html.find("<p>"), html.rfind("</p>") + 4
    return html[:start] + html[start:end] * factor + html[end:]


# --------------------------------------------------------------------------- worker (one subprocess per candidate)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def worker(name: str, repeat: int, data: Path, scaling: bool) -> None:
    dist, fn = CANDIDATES[name]
    rows = load(data)
    rss0 = rss_mb()
    t0 = time.perf_counter()
    try:
        fn("<html><body><p>warm up</p></body></html>", "https://warmup.example/", "en")
    except ImportError as exc:
        print(json.dumps({"error": f"not installed ({exc.name})"}))
        return
    except Exception:
        pass
    import_s = time.perf_counter() - t0
    out: dict = {"version": metadata.version(dist), "import_s": import_s, "rss_import_mb": rss_mb() - rss0, "pages": {}}
    for r in rows:
        try:
            text = fn(r["html"], r["url"], r["lang"])
            err = None
        except Exception as exc:
            text, err = "", f"{type(exc).__name__}: {exc}"
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            with contextlib.suppress(Exception):
                fn(r["html"], r["url"], r["lang"])
            times.append(time.perf_counter() - t)
        out["pages"][r["page"]] = {"text": text, "error": err, "s": statistics.median(times) if times else 0.0}
    out["rss_peak_mb"] = rss_mb()
    if scaling:
        longest = max(rows, key=lambda r: len(r["gold"]))
        out["scaling"] = {}
        for factor in (1, 10, 50):
            html = inflate(longest["html"], factor)
            t = time.perf_counter()
            with contextlib.suppress(Exception):
                fn(html, longest["url"], longest["lang"])
            out["scaling"][factor] = {
                "kb": len(html.encode()) // 1024,
                "s": time.perf_counter() - t,
                "rss_mb": rss_mb(),
            }
    print(json.dumps(out, ensure_ascii=False))


def run_candidate(name: str, repeat: int, data: Path, scaling: bool) -> dict:
    cmd = [sys.executable, __file__, "--worker", name, "--repeat", str(repeat), "--data", str(data)]
    if scaling:
        cmd.append("--scaling")
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode or not lines:
        return {"error": f"worker failed (rc={proc.returncode}): {proc.stderr.strip().splitlines()[-1:]}"}
    return json.loads(lines[-1])


# --------------------------------------------------------------------------- report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--libs", nargs="+", choices=list(CANDIDATES), default=list(CANDIDATES))
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per page after the scored one (median kept)")
    ap.add_argument("--per-page", action="store_true", help="F1 of every page for every candidate")
    ap.add_argument("--explain", metavar="LIB", help="show what LIB extracted where the key sentence is missing")
    ap.add_argument("--scaling", action="store_true", help="also time the longest page with its body x10 and x50")
    ap.add_argument("--json", type=Path, help="write the full results (texts included) here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker, args.repeat, args.data, args.scaling)
        return 0

    rows = load(args.data)
    libs = list(dict.fromkeys([*args.libs, *([args.explain] if args.explain else [])]))
    results: dict[str, dict] = {}
    for name in libs:
        print(f"running {name} …", file=sys.stderr, flush=True)
        results[name] = res = run_candidate(name, args.repeat, args.data, args.scaling)
        if "error" in res:
            continue
        for r in rows:
            page = res["pages"][r["page"]]
            page["p"], page["r"], page["f1"] = prf(page["text"], r["gold"])
            page["key"] = recovered(r["key_sentence"], page["text"])

    n = len(rows)
    print(f"\n{n} pages, {len({r['lang'] for r in rows})} languages ({args.data})\n")
    head = (
        f"{'library':24}{'version':>9}{'mean F1':>9}{'median':>8}{'min F1':>8}{'P':>7}{'R':>7}{'key':>8}"
        f"{'ms/page':>9}{'max ms':>8}{'RSS MB':>8}{'import s':>9}"
    )
    print(head)
    print("-" * len(head))
    for name in libs:
        res = results[name]
        if "error" in res:
            print(f"{name:24}  {res['error']}")
            continue
        pages = list(res["pages"].values())
        f1 = [p["f1"] for p in pages]
        keys = sum(p["key"] for p in pages)
        ms = [p["s"] * 1000 for p in pages]
        print(
            f"{name:24}{res['version']:>9}{statistics.mean(f1):>9.3f}{statistics.median(f1):>8.3f}{min(f1):>8.3f}"
            f"{statistics.mean(p['p'] for p in pages):>7.3f}{statistics.mean(p['r'] for p in pages):>7.3f}"
            f"{f'{keys}/{n}':>8}{statistics.mean(ms):>9.1f}{max(ms):>8.1f}{res['rss_peak_mb']:>8.0f}{res['import_s']:>9.2f}"
        )
        errors = [(pg, p["error"]) for pg, p in res["pages"].items() if p["error"]]
        for pg, err in errors:
            print(f"{'':24}  error on {pg}: {err}")

    ok = [name for name in libs if "error" not in results[name]]
    langs = sorted({r["lang"] for r in rows})
    print(f"\nmean F1 by language\n{'library':24}" + "".join(f"{lg:>7}" for lg in langs))
    for name in ok:
        cells = []
        for lg in langs:
            vals = [results[name]["pages"][r["page"]]["f1"] for r in rows if r["lang"] == lg]
            cells.append(f"{statistics.mean(vals):>7.3f}")
        print(f"{name:24}" + "".join(cells))

    if args.per_page:
        print("\nF1 per page (* = key sentence missing)")
        print(f"{'page':44}" + "".join(f"{name[:12]:>13}" for name in ok))
        for r in rows:
            cells = []
            for name in ok:
                p = results[name]["pages"][r["page"]]
                cells.append(f"{p['f1']:>12.3f}{' ' if p['key'] else '*'}")
            print(f"{r['page'][:44]:44}" + "".join(cells))

    if args.scaling:
        print("\nscaling: longest page with its body repeated (seconds, peak RSS MB)")
        for name in ok:
            sc = results[name].get("scaling", {})
            print(
                f"{name:24}"
                + "  ".join(f"x{k} {v['kb']} kB: {v['s']:.2f} s, {v['rss_mb']:.0f} MB" for k, v in sc.items())
            )

    if args.explain and "error" not in results.get(args.explain, {"error": 1}):
        print(f"\n{args.explain}: pages whose key sentence is missing")
        for r in rows:
            p = results[args.explain]["pages"][r["page"]]
            if not p["key"]:
                print(f"\n== {r['page']} (F1 {p['f1']:.3f})\nkey: {r['key_sentence']}\ngot: {p['text'][:1500]!r}")

    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
