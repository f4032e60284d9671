"""Short briefs end to end: the copies carriers make of a three-sentence brief (a plain-text relay with standalone
dateline, photo-credit and signature lines, a push alert of the lede under the same headline, a summary-only cut)
alert once through a real FeedServer, a real ``run --once`` and a real webhook receiver; the same desk's second
brief of one template the same day, and its follow-up with new news, alert again. Texts are our own, in Czech and
Indonesian: the unit tests of each class decide through ``StoryIndex``; this is the path a user's feeds take."""

from __future__ import annotations

from dedup_support import assert_alerts

TRAM_TITLE = "Brno otevře novou tramvajovou linku"
TRAM = [
    "Dopravní podnik v Brně v pondělí otevře novou tramvajovou linku 14 do Líšně.",
    "Ředitelka podniku Marta Kolářová uvedla, že trať měří 4,2 kilometru a stála 1,3 miliardy korun.",
    "Tramvaje pojedou od 5 ráno každých deset minut.",
]
BUS_TITLE = "Brno otevře novou autobusovou linku"
BUS = [
    "Dopravní podnik v Brně ve čtvrtek otevře novou autobusovou linku 78 do Slatiny.",
    "Ředitelka podniku Marta Kolářová uvedla, že trasa měří 9,6 kilometru a stála 40 milionů korun.",
    "Autobusy pojedou od 6 ráno každých dvacet minut.",
]
PASAR_TITLE = "Pasar ikan baru dibuka di Kendari"
PASAR = [
    "Pemerintah Kota Kendari membuka pasar ikan baru di Teluk Kendari pada Senin pagi.",
    "Kepala dinas perikanan Ruslan Daeng mengatakan pasar itu menampung 312 pedagang.",
    "Pasar buka setiap hari mulai pukul 4 pagi.",
]
PASAR_NEXT_TITLE = "Pedagang pasar ikan Kendari keluhkan banjir rob"
PASAR_NEXT = [
    "Sehari setelah Pasar ikan baru dibuka di Kendari, puluhan pedagang mengeluhkan banjir rob setinggi 40 sentimeter.",
    "Kepala dinas perikanan Ruslan Daeng mengatakan pasar itu menampung 312 pedagang.",
    "Dinas berjanji memasang pompa air sebelum akhir pekan.",
]


def _html(sentences: list[str]) -> str:
    return "".join(f"<p>{s}</p>" for s in sentences)


def _row(key: str, title: str, content: str = "", summary: str = "") -> dict[str, str]:
    return {"title": title, "link": f"https://{key}.example/{key}", "guid": key, "content": content, "summary": summary}


def _relayed(sentences: list[str]) -> str:
    """A plain-text relay's copy: a dateline, a photo credit and a mail signature, each a line of its own."""
    lines = ["BRNO, 7. prosince", "Foto: Petr Hanák", *sentences, "-- ", "Zpravodaj Morava · zpravodaj.example"]
    return "\n\n".join(lines)


def test_a_brief_and_three_carrier_shapes_of_it_alert_once(tmp_path, feed_server, json_receiver):
    rows = [
        _row("desk", TRAM_TITLE, content=_html(TRAM)),
        _row("relay", TRAM_TITLE, content=_relayed(TRAM)),
        _row("push", TRAM_TITLE, content=TRAM[0]),
        _row("digest", TRAM_TITLE, summary=f"{TRAM[0]} {TRAM[1][:48]} …"),
    ]
    assert_alerts(tmp_path, feed_server, json_receiver, rows, "Kolářová", stories=1)


def test_the_desks_second_brief_of_one_template_alerts_again(tmp_path, feed_server, json_receiver):
    """Same desk, same director, same frame, the same day: another line, other figures, other news."""
    rows = [
        _row("desk", TRAM_TITLE, content=_html(TRAM)),
        _row("relay", TRAM_TITLE, content=_relayed(TRAM)),
        _row("desk2", BUS_TITLE, content=_html(BUS)),
        _row("relay2", BUS_TITLE, content=_relayed(BUS)),
    ]
    titles = assert_alerts(tmp_path, feed_server, json_receiver, rows, "Kolářová", stories=2)
    assert any("tramvajovou" in t for t in titles) and any("autobusovou" in t for t in titles), titles


def test_a_follow_up_quoting_the_first_briefs_headline_alerts_again(tmp_path, feed_server, json_receiver):
    """The next brief repeats the background sentence and names the first brief, but its news is new."""
    rows = [
        _row("kota", PASAR_TITLE, content=_html(PASAR)),
        _row("push", PASAR_TITLE, content=PASAR[0]),
        _row("kota2", PASAR_NEXT_TITLE, content=_html(PASAR_NEXT)),
    ]
    titles = assert_alerts(tmp_path, feed_server, json_receiver, rows, "Ruslan Daeng", stories=2)
    assert any("rob" in t for t in titles), titles
