# ruff: noqa: E501  (HTML templates read better on one line)
"""Write the article pages, their gold texts and index.jsonl from texts_*.py and chrome.py.

    /work/venv/bin/python tests/data/articles/make_pages.py

Deterministic: running it twice gives the same files. Edit the texts or the
furniture here and rerun; do not edit the generated .html / .gold.txt by hand.
"""

from __future__ import annotations

import json
import random
import re
import sys
import zlib
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from chrome import CHROME  # noqa: E402
from texts_en import ARTICLES as EN  # noqa: E402
from texts_intl import ARTICLES as INTL  # noqa: E402
from texts_ru_ja import ARTICLES as RU_JA  # noqa: E402

ARTICLES = sorted(EN + RU_JA + INTL, key=lambda a: a["n"])

CSS = """
:root{--ink:#121212;--muted:#5c5c5c;--rule:#e2e2e2;--accent:#c70000;--bg:#fff;--max:1280px}
*,*::before,*::after{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 Georgia,'Times New Roman',serif;color:var(--ink);background:var(--bg)}
a{color:inherit;text-decoration:none}a:hover{text-decoration:underline}
.skip-link{position:absolute;left:-9999px}.skip-link:focus{left:8px;top:8px;z-index:1000;background:#ff0}
.topbar{display:flex;justify-content:flex-end;gap:16px;font:13px/1 Arial,sans-serif;padding:6px 16px;border-bottom:1px solid var(--rule)}
.masthead{display:flex;align-items:center;justify-content:space-between;max-width:var(--max);margin:0 auto;padding:12px 16px}
.logo{font:700 34px/1 'Playfair Display',Georgia,serif;letter-spacing:-.02em}
.site-nav{border-top:1px solid var(--ink);border-bottom:1px solid var(--rule);font:600 14px/1 Arial,sans-serif}
.site-nav>ul{display:flex;gap:4px;max-width:var(--max);margin:0 auto;padding:0 8px;list-style:none}
.site-nav li{position:relative}.site-nav li>a{display:block;padding:12px 10px}
.site-nav .sub{display:none;position:absolute;top:100%;left:0;min-width:220px;background:#fff;box-shadow:0 6px 18px rgba(0,0,0,.12);padding:8px 0;z-index:50}
.site-nav li:hover>.sub{display:block}.site-nav .sub a{display:block;padding:8px 16px;font-weight:400}
.breadcrumb{max-width:var(--max);margin:12px auto;padding:0 16px;font:13px Arial,sans-serif;color:var(--muted)}
.breadcrumb ol{list-style:none;display:flex;gap:6px;padding:0;margin:0}.breadcrumb li+li::before{content:'›';margin-right:6px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:40px;max-width:var(--max);margin:0 auto;padding:0 16px}
@media (max-width:960px){.layout{grid-template-columns:1fr}.col-side{display:none}}
.headline{font:700 40px/1.12 Georgia,serif;margin:8px 0 12px}.kicker{color:var(--accent);font:700 13px Arial,sans-serif;text-transform:uppercase}
.byline{font:14px Arial,sans-serif;color:var(--muted);display:flex;flex-wrap:wrap;gap:8px;margin-bottom:16px}
.byline .author{color:var(--ink);font-weight:700}.byline time{white-space:nowrap}
.story-body p,.story p{font-size:19px;margin:0 0 1.1em}.story h2,.story-body h2{font:700 24px/1.2 Georgia,serif;margin:1.6em 0 .6em}
figure{margin:24px 0}figure img,.img-wrap img{width:100%;height:auto;display:block;background:#eee}
figcaption,.caption{font:13px/1.4 Arial,sans-serif;color:var(--muted);padding-top:6px}
.ad-slot{margin:28px 0;padding:12px;background:#f6f6f6;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);text-align:center}
.ad-slot .ad-label{display:block;font:11px Arial,sans-serif;text-transform:uppercase;letter-spacing:.08em;color:#888}
.share{display:flex;gap:8px;margin:16px 0}.share button{border:1px solid var(--rule);background:#fff;border-radius:50%;width:36px;height:36px;padding:0;cursor:pointer}
.share svg{width:18px;height:18px;fill:currentColor}
.newsletter-box{border:2px solid var(--ink);padding:20px;margin:32px 0;font-family:Arial,sans-serif}
.newsletter-box input{width:100%;padding:10px;border:1px solid #999;margin:8px 0}.newsletter-box button{background:var(--ink);color:#fff;border:0;padding:10px 20px}
.paywall-notice{position:relative;margin:24px 0;padding:28px;background:linear-gradient(#fff0,#fff 30%);text-align:center;font-family:Arial,sans-serif}
.paywalled[data-locked=true]{max-height:0;overflow:hidden}.paywall-notice .btn{display:inline-block;background:var(--accent);color:#fff;padding:12px 24px;border-radius:4px}
.related,.most-read{font-family:Arial,sans-serif;margin:40px 0}.related ul,.most-read ol{list-style:none;padding:0;margin:0}
.related li{display:grid;grid-template-columns:120px 1fr;gap:12px;padding:12px 0;border-top:1px solid var(--rule)}
.most-read li{counter-increment:mr;padding:12px 0 12px 40px;border-top:1px solid var(--rule);position:relative}
.most-read li::before{content:counter(mr);position:absolute;left:0;font:700 28px Georgia,serif;color:var(--accent)}
.teaser p{font-size:14px;color:var(--muted);margin:4px 0 0}
.comments{font-family:Arial,sans-serif;margin:48px 0;border-top:3px solid var(--ink);padding-top:16px}
.comment{padding:16px 0;border-bottom:1px solid var(--rule)}.comment-meta{font-size:13px;color:var(--muted)}
.comment-meta .author{font-weight:700;color:var(--ink)}.comment-actions button{background:none;border:0;color:var(--muted);font-size:13px;cursor:pointer}
.cookie-banner{position:fixed;bottom:0;left:0;right:0;z-index:9999;background:#1d1d1b;color:#fff;padding:20px;font:14px/1.5 Arial,sans-serif}
.cookie-banner button{margin-right:8px;padding:10px 16px;border:0;border-radius:3px}.cookie-banner .accept{background:#ffe500}
.tags{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;font:13px Arial,sans-serif}.tags a{border:1px solid var(--rule);padding:4px 10px;border-radius:12px}
.site-footer{background:#052962;color:#fff;margin-top:64px;padding:32px 16px;font:14px/1.6 Arial,sans-serif}
.site-footer .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:24px;max-width:var(--max);margin:0 auto}
.site-footer ul{list-style:none;padding:0}.site-footer small{display:block;max-width:var(--max);margin:24px auto 0;opacity:.7}
.read-also{font:600 16px Arial,sans-serif;border-left:4px solid var(--accent);padding-left:12px}
[dir=rtl] .read-also{border-left:0;border-right:4px solid var(--accent);padding:0 12px 0 0}
"""

SCRIPT = """
window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}
gtag('js',new Date());gtag('config','G-EX4MPL3',{anonymize_ip:true,content_group:'%(section)s'});
window.__PAGE_CONFIG__={"pageId":"%(pid)s","section":"%(section)s","contentType":"article","isPaywalled":%(paywalled)s,
"adUnits":[{"id":"top","sizes":[[970,250],[728,90]]},{"id":"mpu1","sizes":[[300,250],[300,600]]},{"id":"inline1","sizes":[[300,250]]}],
"abTests":{"headlineTest":"control","newsletterPlacement":"inline"},"consentRequired":true,"edition":"%(lang)s"};
(function(d,s){var j=d.createElement(s);j.async=true;j.src='https://cdn.adtech.example/tag.js?pid=%(pid)s';
var f=d.getElementsByTagName(s)[0];f.parentNode.insertBefore(j,f);})(document,'script');
"""

ICONS = {
    "facebook": '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M13.5 22v-8h2.7l.4-3.2h-3.1V8.8c0-.9.3-1.5 1.6-1.5h1.7V4.4c-.3 0-1.3-.1-2.4-.1-2.4 0-4 1.4-4 4.1v2.4H7.6V14h2.7v8h3.2z"/></svg>',
    "x": '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M17.8 3h3.1l-6.8 7.8L22 21h-6.2l-4.9-6.4L5.3 21H2.2l7.3-8.3L2 3h6.4l4.4 5.8L17.8 3zm-1.1 16.2h1.7L7.4 4.7H5.6l11.1 14.5z"/></svg>',
    "mail": '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm9 7.4L4.6 7H4v.3l8 5.9 8-5.9V7h-.6L12 12.4z"/></svg>',
    "link": '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-2.1 2.1a1 1 0 1 1-1.4-1.4l2.1-2.1a1 1 0 1 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0zm2.8-2.8a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a1 1 0 1 0 1.4 1.4l3.5-3.5a1 1 0 0 1 1.4 0z"/></svg>',
    "menu": '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z"/></svg>',
    "search": '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10 2a8 8 0 0 1 6.3 12.9l5.4 5.4-1.4 1.4-5.4-5.4A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z"/></svg>',
}
ICON_CYCLE = ["facebook", "x", "link", "mail", "link", "mail"]

e = escape


def slugify(text: str) -> str:
    out = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in text)
    return "-".join(p for p in out.split("-") if p)[:40] or "section"


def paragraphs(art: dict) -> list[str]:
    return [p.strip() for p in art["body"].split("\n\n") if p.strip()]


def gold_text(art: dict) -> str:
    return "\n\n".join(p.removeprefix("## ") for p in paragraphs(art)) + "\n"


def url(art: dict) -> str:
    return f"https://{art['host']}/{art['path']}"


def same_lang(art: dict) -> list[dict]:
    return [a for a in ARTICLES if a["lang"] == art["lang"] and a["n"] != art["n"]]


def teasers(art: dict, k: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(title, summary, href) of other stories: same-language articles first, then stock teasers."""
    c = CHROME[art["lang"]]
    items = [(a["title"], a["summary"], url(a)) for a in same_lang(art)]
    rng.shuffle(items)
    items += [
        (t, s, f"https://{art['host']}/news/{slugify(t) or 'story'}-{i}") for i, (t, s) in enumerate(c["more_teasers"])
    ]
    return items[:k]


def date_human(art: dict) -> str:
    d = art["date"]
    return f"{d[:10]} {d[11:16]}"


# --------------------------------------------------------------------------- blocks


def head(art: dict, amp: bool = False) -> str:
    c = CHROME[art["lang"]]
    pid = f"{art['n']:02d}{zlib.crc32(art['slug'].encode()) % 100000:05d}"
    out = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(art['title'])} | {e(art['outlet'])}</title>",
        f'<meta name="description" content="{e(art["summary"])}">',
        f'<link rel="canonical" href="{e(url(art))}">',
        f'<meta property="og:type" content="article"><meta property="og:title" content="{e(art["title"])}">',
        f'<meta property="og:description" content="{e(art["summary"])}">',
        f'<meta property="og:url" content="{e(url(art))}"><meta property="og:site_name" content="{e(art["outlet"])}">',
        f'<meta property="og:image" content="https://{art["host"]}/img/{art["slug"]}/og-1200x630.jpg">',
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta property="article:published_time" content="{art["date"]}">',
        f'<meta property="article:section" content="{e(art["section"])}">',
        f'<meta name="author" content="{e(art["author"])}">',
        f'<link rel="alternate" type="application/rss+xml" title="{e(art["outlet"])}" href="https://{art["host"]}/rss.xml">',
        '<link rel="preconnect" href="https://cdn.adtech.example"><link rel="icon" href="/favicon.ico">',
    ]
    if "jsonld" in art["layout"]:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": art["title"],
            "description": art["summary"],
            "datePublished": art["date"],
            "dateModified": art["date"],
            "inLanguage": art["lang"],
            "mainEntityOfPage": url(art),
            "image": [f"https://{art['host']}/img/{art['slug']}/16x9.jpg"],
            "author": [{"@type": "Person", "name": art["author"]}],
            "publisher": {
                "@type": "Organization",
                "name": art["outlet"],
                "logo": {"@type": "ImageObject", "url": f"https://{art['host']}/logo.png"},
            },
            "isAccessibleForFree": "paywall" not in art["layout"],
        }
        out.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False, indent=1) + "</script>")
        crumbs = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": c["home"], "item": f"https://{art['host']}/"},
                {
                    "@type": "ListItem",
                    "position": 2,
                    "name": art["section"],
                    "item": f"https://{art['host']}/{slugify(art['section'])}/",
                },
            ],
        }
        out.append('<script type="application/ld+json">' + json.dumps(crumbs, ensure_ascii=False) + "</script>")
    if amp:
        out.append('<script async src="https://cdn.ampproject.org/v0.js"></script>')
        for comp in ("amp-ad", "amp-social-share", "amp-sidebar", "amp-analytics"):
            out.append(
                f'<script async custom-element="{comp}" src="https://cdn.ampproject.org/v0/{comp}-0.1.js"></script>'
            )
        out.append(
            "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
            "animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}"
            "to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;"
            "animation:none}</style></noscript>"
        )
        out.append("<style amp-custom>" + CSS + "</style>")
    else:
        out.append("<style>" + CSS + "</style>")
        script = SCRIPT % {
            "section": art["section"].replace("'", ""),
            "pid": pid,
            "paywalled": "true" if "paywall" in art["layout"] else "false",
            "lang": art["lang"],
        }
        out.append("<script>" + script + "</script>")
    return "<head>\n" + "\n".join(out) + "\n</head>"


def header(art: dict) -> str:
    c = CHROME[art["lang"]]
    top = "".join(f'<a href="https://{art["host"]}/{slugify(t)}">{e(t)}</a>' for t in c["top"])
    items = []
    for sec, subs in c["nav"]:
        sub = "".join(f'<li><a href="https://{art["host"]}/{slugify(sec)}/{slugify(s)}/">{e(s)}</a></li>' for s in subs)
        items.append(
            f'<li class="nav-item"><a href="https://{art["host"]}/{slugify(sec)}/" aria-haspopup="true">{e(sec)}</a>'
            f'<ul class="sub" role="menu">{sub}</ul></li>'
        )
    nav = (
        f'<nav class="site-nav" aria-label="Main"><button class="menu-toggle" aria-label="Menu">{ICONS["menu"]}</button>'
        f"<ul>{''.join(items)}</ul></nav>"
        if "nav" in art["layout"]
        else f'<div class="sections">{" | ".join(e(s) for s, _ in c["nav"])}</div>'
    )
    return (
        f'<a class="skip-link" href="#main">{e(c["skip"])}</a>\n'
        f'<header class="site-header"><div class="topbar">{top}</div>'
        f'<div class="masthead"><a class="logo" href="https://{art["host"]}/">{e(art["outlet"])}</a>'
        f'<form class="search" role="search" action="/search"><input type="search" name="q" placeholder="{e(c["search"])}">'
        f'<button type="submit">{ICONS["search"]}</button></form></div>\n{nav}</header>'
    )


def breadcrumb(art: dict) -> str:
    c = CHROME[art["lang"]]
    return (
        f'<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="https://{art["host"]}/">{e(c["home"])}</a></li>'
        f'<li><a href="https://{art["host"]}/{slugify(art["section"])}/">{e(art["section"])}</a></li></ol></nav>'
    )


def cookie(art: dict) -> str:
    title, text, acc, rej, opt = CHROME[art["lang"]]["cookie"]
    return (
        f'<div id="cookie-consent" class="cookie-banner" role="dialog" aria-modal="true" aria-labelledby="cc-title">'
        f'<h2 id="cc-title">{e(title)}</h2><p>{e(text)}</p>'
        f'<div class="cc-buttons"><button class="accept">{e(acc)}</button><button class="reject">{e(rej)}</button>'
        f'<button class="options">{e(opt)}</button></div></div>'
    )


def byline(art: dict) -> str:
    c = CHROME[art["lang"]]
    words = len(art["body"].split()) if art["lang"] not in ("ja", "zh") else len(art["body"]) // 2
    minutes = max(1, round(words / 230))
    by = f"{c['by']} " if c["by"] else ""
    author = (
        f'<span class="author">{e(by)}<a rel="author" href="https://{art["host"]}/profile/{slugify(art["author"]) or "staff"}">'
        f"{e(art['author'])}</a></span>"
        if "byline" in art["layout"]
        else ""
    )
    return (
        f'<div class="byline">{author}<span>{e(c["published"])} <time datetime="{art["date"]}">{date_human(art)}</time></span>'
        f'<span class="read-time">{e(c["min_read"].format(n=minutes))}</span></div>'
    )


def share(art: dict, where: str) -> str:
    c = CHROME[art["lang"]]
    buttons = "".join(
        f'<button type="button" data-share="{ICON_CYCLE[i % len(ICON_CYCLE)]}" aria-label="{e(lbl)}" title="{e(lbl)}">'
        f'{ICONS[ICON_CYCLE[i % len(ICON_CYCLE)]]}<span class="visually-hidden">{e(lbl)}</span></button>'
        for i, lbl in enumerate(c["share"])
    )
    return f'<div class="share share-{where}" role="group">{buttons}</div>'


def ad(art: dict, i: int) -> str:
    c = CHROME[art["lang"]]
    head_, text, cta = c["ads"][i % len(c["ads"])]
    return (
        f'<div class="ad-slot" id="ad-inline-{i}" data-ad-unit="inline{i}"><span class="ad-label">{e(c["ad"])}</span>'
        f'<div class="ad-creative"><a href="https://ads.adtech.example/click?c={i}&amp;p={art["n"]}" rel="sponsored nofollow">'
        f'<img src="https://ads.adtech.example/creative/{i}.jpg" alt="" width="300" height="250">'
        f'<h4>{e(head_)}</h4><p>{e(text)}</p><span class="cta">{e(cta)}</span></a></div></div>'
    )


def newsletter(art: dict) -> str:
    title, text, ph, btn, fine = CHROME[art["lang"]]["newsletter"]
    return (
        f'<aside class="newsletter-box" aria-label="Newsletter"><h3>{e(title)}</h3><p>{e(text)}</p>'
        f'<form action="https://{art["host"]}/newsletters/subscribe" method="post"><input type="email" name="email" placeholder="{e(ph)}" required>'
        f'<button type="submit">{e(btn)}</button></form><p class="fine-print"><small>{e(fine)}</small></p></aside>'
    )


def paywall(art: dict, rest: str) -> str:
    title, text, btn, login = CHROME[art["lang"]]["paywall"]
    return (
        f'<div class="paywall-notice" data-paywall="soft"><h3>{e(title)}</h3><p>{e(text.format(rest=len(rest)))}</p>'
        f'<a class="btn" href="https://{art["host"]}/subscribe?ref=paywall">{e(btn)}</a> '
        f'<a class="login" href="https://{art["host"]}/login">{e(login)}</a></div>'
    )


def figure(art: dict, i: int, caption: str, semantic: bool) -> str:
    src = f"https://{art['host']}/img/{art['slug']}/{i}-1280x720.jpg"
    img = (
        f'<img src="{src}" srcset="{src.replace("1280x720", "640x360")} 640w, {src} 1280w" '
        f'sizes="(max-width: 960px) 100vw, 820px" alt="" loading="lazy" width="1280" height="720">'
    )
    if semantic:
        return f'<figure class="photo">{img}<figcaption>{e(caption)}</figcaption></figure>'
    return f'<div class="img-wrap">{img}<p class="caption">{e(caption)}</p></div>'


def related(art: dict, rng: random.Random, k: int = 4) -> str:
    c = CHROME[art["lang"]]
    lis = "".join(
        f'<li><a href="{e(h)}"><img src="https://{art["host"]}/img/thumb/{j}.jpg" alt="" width="120" height="68">'
        f"<span>{e(t)}</span></a></li>"
        for j, (t, _, h) in enumerate(teasers(art, k, rng))
    )
    return f'<section class="related" aria-labelledby="rel-h"><h2 id="rel-h">{e(c["related"])}</h2><ul>{lis}</ul></section>'


def read_also(art: dict, rng: random.Random) -> str:
    c = CHROME[art["lang"]]
    t, _, h = teasers(art, 1, rng)[0]
    return f'<p class="read-also"><strong>{e(c["readalso"])}</strong> <a href="{e(h)}">{e(t)}</a></p>'


def tags(art: dict) -> str:
    c = CHROME[art["lang"]]
    words = [art["section"], *(s for s in c["nav"][1][1][:3])]
    lis = "".join(f'<li><a href="https://{art["host"]}/topic/{slugify(w)}">{e(w)}</a></li>' for w in words)
    return f'<div class="topic-tags"><span>{e(c["tags"])}</span><ul class="tags">{lis}</ul></div>'


def comments(art: dict) -> str:
    cc = CHROME[art["lang"]]["comments"]
    items = cc["items"] or CHROME["en"]["comments"]["items"]
    blocks = []
    for i, (who, when, text) in enumerate(items):
        tag = "article" if "comment-articles" in art["layout"] else "div"
        blocks.append(
            f'<{tag} class="comment" id="c{1000 + i}"><div class="comment-meta"><span class="author">{e(who)}</span> '
            f'<time>{e(when)}</time></div><div class="comment-body"><p>{e(text)}</p></div>'
            f'<div class="comment-actions"><button>{e(cc["reply"])}</button><button>{e(cc["like"])} ({(i * 7 + 3) % 40})</button>'
            f"<button>{e(cc['report'])}</button></div></{tag}>"
        )
    return (
        f'<section id="comments" class="comments"><h2>{e(cc["heading"])}</h2><p class="count">{e(cc["count"].format(n=len(items)))}</p>'
        f'<p class="rules">{e(cc["rules"])}</p><form class="comment-form"><textarea placeholder="{e(cc["placeholder"])}"></textarea>'
        f'<button type="submit">{e(cc["post"])}</button></form><div class="sort">{e(cc["sort"])}</div>'
        + "".join(blocks)
        + "</section>"
    )


def sidebar(art: dict, rng: random.Random) -> str:
    c = CHROME[art["lang"]]
    most = "".join(f'<li><a href="{e(h)}">{e(t)}</a></li>' for t, _, h in teasers(art, 5, rng))
    teas = "".join(
        f'<div class="teaser"><a href="{e(h)}"><img src="https://{art["host"]}/img/side/{j}.jpg" alt="" width="300" height="169">'
        f"<h3>{e(t)}</h3></a><p>{e(s)}</p></div>"
        for j, (t, s, h) in enumerate(teasers(art, 3, rng))
    )
    return (
        f'<aside class="col-side"><section class="most-read"><h2>{e(c["mostread"])}</h2><ol>{most}</ol></section>'
        f'{ad(art, 7)}<div class="side-teasers">{teas}</div></aside>'
    )


def footer(art: dict) -> str:
    c = CHROME[art["lang"]]
    cols = "".join(
        f"<div><h4>{e(h)}</h4><ul>"
        + "".join(f'<li><a href="https://{art["host"]}/{slugify(h)}/{slugify(x)}">{e(x)}</a></li>' for x in links)
        + "</ul></div>"
        for h, links in c["footer"]
    )
    sections = "".join(f'<li><a href="https://{art["host"]}/{slugify(s)}/">{e(s)}</a></li>' for s, _ in c["nav"])
    return (
        f'<footer class="site-footer"><div class="cols">{cols}<div><h4>{e(art["outlet"])}</h4><ul>{sections}</ul></div></div>'
        f"<small>{e(c['copyright'].format(outlet=art['outlet']))}</small></footer>"
    )


# --------------------------------------------------------------------------- body


QUOTES = re.compile(r'"([^"]{20,}?)[,.]?"|«\s?([^»]{20,}?)[,.]?\s?»|“([^”]{20,}?)[,.]?”|„([^“]{20,}?)[,.]?“')


def pull_quote(paras: list[str]) -> str:
    """The longest quotation of the body, repeated as a pull quote (a copy the gold does not have twice)."""
    quotes = [next(g for g in m.groups() if g) for p in paras for m in QUOTES.finditer(p)]
    if not quotes:
        raise ValueError("pullquote layout needs a quotation in the body")
    return max(quotes, key=len)


def author_bio(art: dict) -> str:
    c = CHROME[art["lang"]]
    return (
        f'<div class="author-bio"><img src="https://{art["host"]}/img/authors/{slugify(art["author"]) or "staff"}.jpg" alt="" '
        f'width="64" height="64"><p>{e(c["bio"].format(author=art["author"], outlet=art["outlet"]))}</p></div>'
    )


def body_html(art: dict, rng: random.Random) -> str:
    lay = art["layout"]
    paras = paragraphs(art)
    caps = art.get("captions", {})
    semantic = "article" in lay
    out: list[str] = []
    rest_chars = "".join(paras[1:])
    locked = False
    for i, p in enumerate(paras):
        if p.startswith("## "):
            out.append(f"<h2>{e(p[3:])}</h2>")
        elif "br-paragraphs" in lay:
            out.append(e(p) + ("<br><br>" if i < len(paras) - 1 else ""))
        elif "div-paragraphs" in lay:
            out.append(f'<div data-component="text-block" class="text-block"><p>{e(p)}</p></div>')
        else:
            out.append(f"<p>{e(p)}</p>")
        if "pullquote" in lay and i == 1:
            out.append(f'<blockquote class="pullquote"><p>{e(pull_quote(paras))}</p></blockquote>')
        if i in caps:
            out.append(figure(art, i, caps[i], semantic))
        if "ads" in lay and i in (1, 4, 12):
            out.append(ad(art, i))
        if "inline-related" in lay and i in (0, 3):
            out.append(read_also(art, rng))
        if "newsletter" in lay and i == (3 if len(paras) > 5 else len(paras) - 1):
            out.append(newsletter(art))
        if "paywall" in lay and i == 0:
            out.append(paywall(art, rest_chars))
            out.append('<div class="paywalled" data-locked="true">')
            locked = True
    if locked:
        out.append("</div>")
    return "\n".join(out)


def page(art: dict) -> str:
    if "amp" in art["layout"]:
        return amp_page(art)
    rng = random.Random(art["n"])
    lay = art["layout"]
    c = CHROME[art["lang"]]
    title = f'<div class="kicker">{e(art["section"])}</div><h1 class="headline">{e(art["title"])}</h1>'
    parts = [title, byline(art)]
    if "share" in lay:
        parts.append(share(art, "top"))
    if "br-paragraphs" in lay:
        parts.append(f'<div class="storytext"><font face="Verdana" size="2">{body_html(art, rng)}</font></div>')
    elif "article" in lay:
        parts.append(f'<div class="story-body" itemprop="articleBody">{body_html(art, rng)}</div>')
    else:
        parts.append(f'<div class="entry-content"><div id="storytext" class="txt">{body_html(art, rng)}</div></div>')
    if "author-bio" in lay:
        parts.append(author_bio(art))
    parts.append(tags(art))
    if "share" in lay:
        parts.append(share(art, "bottom"))
    main_inner = "\n".join(parts)
    if "article" in lay:
        main_inner = (
            f'<article class="story" itemscope itemtype="https://schema.org/NewsArticle">\n{main_inner}\n</article>'
        )
    else:
        main_inner = f'<div class="post">\n{main_inner}\n</div>'
    after = []
    if "related" in lay:
        after.append(related(art, rng))
    if "comments" in lay:
        after.append(comments(art))
    if "newsletter" not in lay and "short" in lay:
        after.append(newsletter(art))
    main = f'<main id="main" class="col-main">\n{main_inner}\n' + "\n".join(after) + "\n</main>"
    if "two-column" in lay:
        main = f'<div class="layout">\n{main}\n{sidebar(art, rng)}\n</div>'
    if "table-layout" in lay:
        side = sidebar(art, rng) if "two-column" in lay else ""
        main = (
            '<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
            f'<td valign="top" width="160" class="leftnav">{e(c["home"])}<br>'
            + "<br>".join(f'<a href="/{slugify(s)}/">{e(s)}</a>' for s, _ in c["nav"])
            + f'</td><td valign="top" class="content"><main id="main">{main_inner}</main></td>'
            f'<td valign="top" width="300">{side}</td></tr></table>'
        )
    body_parts = [header(art), breadcrumb(art)]
    if "cookie" in lay and art["n"] % 2 == 0:
        body_parts.insert(0, cookie(art))
    body_parts.append(
        f'<div class="ad-slot leaderboard" data-ad-unit="top"><span class="ad-label">{e(c["ad"])}</span></div>'
    )
    body_parts.append(main)
    body_parts.append(footer(art))
    if "cookie" in lay and art["n"] % 2 == 1:
        body_parts.append(cookie(art))
    body_parts.append(
        '<script src="https://cdn.adtech.example/prebid.js" async></script>'
        '<noscript><img src="https://stats.example/pixel.gif" width="1" height="1" alt=""></noscript>'
    )
    dir_ = ' dir="rtl"' if "rtl" in lay else ""
    doctype = (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">'
        if "table-layout" in lay
        else "<!DOCTYPE html>"
    )
    return (
        f'{doctype}\n<html lang="{art["lang"]}"{dir_}>\n{head(art)}\n<body class="article-page section-{slugify(art["section"])}">\n'
        + "\n".join(body_parts)
        + "\n</body>\n</html>\n"
    )


def amp_page(art: dict) -> str:
    c = CHROME[art["lang"]]
    paras = paragraphs(art)
    caps = art.get("captions", {})
    body = []
    for i, p in enumerate(paras):
        body.append(f"<h2>{e(p[3:])}</h2>" if p.startswith("## ") else f"<p>{e(p)}</p>")
        if i in caps:
            src = f"https://{art['host']}/img/{art['slug']}/{i}.jpg"
            body.append(
                f'<figure><amp-img src="{src}" width="1280" height="720" layout="responsive" alt=""></amp-img>'
                f"<figcaption>{e(caps[i])}</figcaption></figure>"
            )
        if i == 1:
            body.append(
                f'<div class="ad-slot"><span class="ad-label">{e(c["ad"])}</span><amp-ad width="300" height="250" '
                'type="doubleclick" data-slot="/1234/amp/inline"></amp-ad></div>'
            )
    sidebar_links = "".join(
        f'<li><a href="https://{art["host"]}/amp/{slugify(s)}/">{e(s)}</a></li>' for s, _ in c["nav"]
    )
    shares = "".join(
        f'<amp-social-share type="{t}" width="36" height="36" aria-label="{e(lbl)}"></amp-social-share>'
        for t, lbl in zip(["facebook", "twitter", "whatsapp", "email"], c["share"], strict=False)
    )
    more = "".join(f'<li><a href="{e(h)}">{e(t)}</a></li>' for t, _, h in teasers(art, 4, random.Random(art["n"])))
    return (
        f'<!doctype html>\n<html amp lang="{art["lang"]}">\n{head(art, amp=True)}\n<body>\n'
        f'<amp-sidebar id="menu" layout="nodisplay" side="left"><ul>{sidebar_links}</ul></amp-sidebar>\n'
        f'<header class="amp-header"><button on="tap:menu.toggle" aria-label="Menu">{ICONS["menu"]}</button>'
        f'<a class="logo" href="https://{art["host"]}/">{e(art["outlet"])}</a></header>\n'
        f'<main id="main"><article class="amp-article"><div class="kicker">{e(art["section"])}</div>'
        f'<h1 class="headline">{e(art["title"])}</h1>{byline(art)}<div class="share">{shares}</div>\n'
        + "\n".join(body)
        + f'\n<div class="share">{shares}</div></article>\n'
        f'<section class="related"><h2>{e(c["related"])}</h2><ul>{more}</ul></section></main>\n'
        f'<amp-analytics type="gtag" data-credentials="include"><script type="application/json">'
        '{"vars":{"gtag_id":"G-EX4MPL3","config":{"G-EX4MPL3":{"groups":"default"}}}}</script></amp-analytics>\n'
        f"{footer(art)}\n</body>\n</html>\n"
    )


def main() -> None:
    rows = []
    for art in ARTICLES:
        name = f"{art['n']:02d}-{art['slug']}"
        (HERE / f"{name}.html").write_text(page(art), encoding="utf-8")
        (HERE / f"{name}.gold.txt").write_text(gold_text(art), encoding="utf-8")
        rows.append(
            {
                "page": f"{name}.html",
                "lang": art["lang"],
                "layout": art["layout"],
                "title": art["title"],
                "published": art["date"],
                "feed_summary": art["summary"],
                "key_sentence": art["key"],
                "url": url(art),
            }
        )
    with (HERE / "index.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pages to {HERE}")


if __name__ == "__main__":
    main()
