"""The console's pages asked in-process (Flask's test client) over a real store filled by one
real poll and delivery: every page, filters and paging, escaping, secrets, CSRF and auth refusals."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from monitor.store import InboxFilter
from monitor.web.security import CSP, hash_password, verify_password
from tests.web_support import CANARY_TITLE, SECRET, Newsroom, newsroom

LOCAL = {"REMOTE_ADDR": "127.0.0.1"}
PAGES = ["/", "/story/2", "/feeds", "/mutes", "/search?q=earthquake", "/playground", "/alerts.atom", "/alerts.json"]


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    with newsroom(tmp_path_factory.mktemp("web")) as found:
        yield found


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Newsroom]:
    """A newsroom of its own, for tests that change state."""
    with newsroom(tmp_path) as found:
        yield found


def client(room: Newsroom, **web: object) -> FlaskClient:
    c = room.app(**web).test_client()
    c.environ_base.update(LOCAL)
    return c


def token_of(c: FlaskClient, page: str = "/playground") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', c.get(page).get_data(as_text=True))
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_answers_with_a_strict_policy_and_no_secret(room: Newsroom, page: str) -> None:
    answer = client(room).get(page)
    assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
    assert answer.headers["Content-Security-Policy"] == CSP
    assert "script-src" not in CSP and "unsafe" not in CSP  # default-src 'none': no script at all
    body = answer.get_data(as_text=True)
    assert SECRET not in body
    for url in room.pipeline.runtime.config.secrets:
        assert url not in body


def test_the_inbox_lists_alerts_newest_first_with_rule_outlet_severity_and_outlets(room: Newsroom) -> None:
    body = client(room).get("/").get_data(as_text=True)
    rows = re.findall(r'<tr id="alert-(\d+)"', body)
    assert rows == sorted(rows, key=int, reverse=True) and len(rows) == 2
    assert "Earthquake hits the coast" in body and "Wire" in body and "urgent" in body


def test_hostile_feed_text_is_escaped_everywhere(room: Newsroom) -> None:
    c = client(room)
    for page in ["/", "/story/2", "/search?q=earthquake", "/search?q=aftershock"]:
        body = c.get(page).get_data(as_text=True)
        assert "<script>window" not in body and "<img src=x" not in body, page
    story = c.get("/story/2").get_data(as_text=True)
    assert "&lt;script&gt;window.__xss=2&lt;/script&gt;" in story


def test_inbox_filters_by_rule_state_time_and_text(room: Newsroom) -> None:
    c = client(room)

    def ids(query: str) -> list[str]:
        return re.findall(r'<tr id="alert-(\d+)"', c.get("/" + query).get_data(as_text=True))

    assert len(ids("?rule=quake&state=sent")) == 2
    assert ids("?state=muted") == [] and ids("?rule=nothing") == []
    assert ids("?since=1h") != [] and ids("?until=2000-01-01") == []
    coast = ids("?q=coast")
    assert len(coast) == 1
    assert ids("?q=coast%20dawn") == coast  # every word, in title or body


def test_inbox_pages_by_keyset(room: Newsroom) -> None:
    store = room.pipeline.store
    newest = store.inbox(InboxFilter(), limit=1)
    older = store.inbox(InboxFilter(), before=newest[0]["id"], limit=5)
    assert older and all(r["id"] < newest[0]["id"] for r in older)
    body = client(room).get(f"/?before={newest[0]['id']}").get_data(as_text=True)
    assert f'id="alert-{newest[0]["id"]}"' not in body and f'id="alert-{older[0]["id"]}"' in body


def test_the_story_page_shows_copies_decisions_event_and_delivery(room: Newsroom) -> None:
    body = client(room).get("/story/3").get_data(as_text=True)
    assert "first: this entry started the story" in body
    assert "this story starts event" in body
    assert "quake → default" in body and "sent" in body
    assert client(room).get("/story/999").status_code == 404


def test_search_finds_entries_and_pages(room: Newsroom) -> None:
    body = client(room).get("/search?q=stocks").get_data(as_text=True)
    assert "Markets calm" in body and "Earthquake hits" not in body
    assert "No stored entry" in client(room).get("/search?q=zzzyq").get_data(as_text=True)


def test_search_reads_scripts_written_without_spaces(fresh: Newsroom) -> None:
    fresh.publish("jp", "東京で地震が発生", "震度5強")
    fresh.cycle()
    fresh.pipeline.store.catch_up_fts()
    assert "東京で地震が発生" in client(fresh).get("/search?q=地震").get_data(as_text=True)


def test_alert_feeds_are_valid_atom_and_json_feed_per_rule(room: Newsroom) -> None:
    c = client(room)
    atom = ET.fromstring(c.get("/alerts.atom").data)
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 2
    feed = json.loads(c.get("/rules/quake/alerts.json").data)
    assert feed["version"].endswith("1.1") and len(feed["items"]) == 2
    assert json.loads(c.get("/rules/other/alerts.json").data)["items"] == []
    assert any(CANARY_TITLE in item["title"] for item in feed["items"])  # plain text: a reader escapes it
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in entries]
    assert f"[quake] {CANARY_TITLE}" in titles  # text in the XML, never markup


def test_feed_health_shows_a_failing_feeds_error(room: Newsroom) -> None:
    body = client(room).get("/feeds").get_data(as_text=True)
    assert "HTTP 404 Not Found" in body and "failing" in body


# --- CSRF and auth refusals ---------------------------------------------------------------


def test_a_state_change_without_the_csrf_token_is_refused(room: Newsroom) -> None:
    c = client(room)
    token_of(c)
    form = {"kind": "rule", "value": "quake", "for": "1h"}
    assert c.post("/mute", data=form).status_code == 403
    assert c.post("/mute", data={**form, "csrf": "forged"}).status_code == 403
    assert room.pipeline.store.mutes(room.pipeline.clock()) == []


def test_a_form_from_another_site_is_refused_even_with_a_token(room: Newsroom) -> None:
    c = client(room)
    form = {"kind": "rule", "value": "quake", "for": "1h", "csrf": token_of(c)}
    refused = c.post("/mute", data=form, headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403 and "another site" in refused.get_data(as_text=True)


@pytest.mark.parametrize(
    "route",
    [
        "/mute",
        "/unmute",
        "/feedback",
        "/feeds/add",
        "/feeds/remove",
        "/feeds/enable",
        "/feeds/import",
        "/playground",
        "/logout",
    ],
)
def test_every_state_change_needs_the_token(room: Newsroom, route: str) -> None:
    assert client(room).post(route, data={}).status_code == 403


def test_without_auth_only_loopback_clients_are_served(room: Newsroom) -> None:
    c = room.app().test_client()
    refused = c.get("/", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert refused.status_code == 403 and "loopback" in refused.get_data(as_text=True)
    assert c.get("/alerts.atom", environ_base={"REMOTE_ADDR": "192.0.2.7"}).status_code == 403
    assert c.get("/", environ_base={"REMOTE_ADDR": "::1"}).status_code == 200


def test_without_auth_a_page_asked_by_a_site_name_is_refused(room: Newsroom) -> None:
    """DNS rebinding: a site whose name now resolves to 127.0.0.1 must not read the console."""
    c = client(room)
    refused = c.get("/", headers={"Host": "evil.example:8470"})
    assert refused.status_code == 403 and "evil.example" in refused.get_data(as_text=True)
    for host in ("127.0.0.1:8470", "localhost:8470", "[::1]:8470", "localhost"):
        assert c.get("/", headers={"Host": host}).status_code == 200, host


def test_with_a_token_every_client_must_sign_in(room: Newsroom) -> None:
    token = "t" * 24
    c = room.app(token=token).test_client()
    remote = {"REMOTE_ADDR": "192.0.2.7"}
    assert c.get("/", environ_base=remote, headers={"Accept": "text/html"}).status_code == 302
    assert c.get("/alerts.atom", environ_base=remote).status_code == 401
    assert c.get("/alerts.atom", environ_base=remote, headers={"Authorization": "Bearer wrong"}).status_code == 401
    bearer = {"Authorization": f"Bearer {token}"}
    assert c.get("/alerts.atom", environ_base=remote, headers=bearer).status_code == 200
    csrf = token_of(c, "/login")
    assert c.post("/login", data={"token": "nope", "csrf": csrf}, environ_base=remote).status_code == 403
    signed = c.post("/login", data={"token": token, "csrf": csrf, "next": "//evil.example/"}, environ_base=remote)
    assert signed.status_code == 303 and signed.headers["Location"] == "/"  # never off-site
    assert c.get("/", environ_base=remote).status_code == 200


def test_users_sign_in_with_scrypt_hashed_passwords(room: Newsroom) -> None:
    hashed = hash_password("correct horse")
    assert verify_password("correct horse", hashed) and not verify_password("wrong", hashed)
    c = room.app(users={"ana": hashed}).test_client()
    ok = {"Authorization": "Basic " + __import__("base64").b64encode(b"ana:correct horse").decode()}
    bad = {"Authorization": "Basic " + __import__("base64").b64encode(b"ana:wrong").decode()}
    assert c.get("/alerts.json", headers=ok).status_code == 200
    assert c.get("/alerts.json", headers=bad).status_code == 401


def test_read_only_refuses_every_state_change(room: Newsroom) -> None:
    c = client(room, read_only=True)
    body = c.get("/story/3").get_data(as_text=True)
    assert "mute-rule-1h" not in body
    form = {"kind": "rule", "value": "quake", "for": "1h", "csrf": token_of(c, "/playground")}
    refused = c.post("/mute", data=form)
    assert refused.status_code == 403 and "read-only" in refused.get_data(as_text=True)


def test_a_delivery_error_naming_a_target_url_is_shown_without_it(fresh: Newsroom) -> None:
    store, now = fresh.pipeline.store, fresh.pipeline.clock()
    url = fresh.pipeline.runtime.config.secrets[0]
    alert = store.inbox(InboxFilter(), limit=1)[0]
    store.mark_failed(alert["id"], now, f"cannot reach {url}: refused", now + timedelta(minutes=1))
    body = client(fresh).get(f"/story/{alert['story_id']}").get_data(as_text=True)
    assert "cannot reach ***: refused" in body and SECRET not in body


# --- mutes and feeds ----------------------------------------------------------------------


def test_feedback_marks_an_alert_with_the_same_store_call_as_the_cli(fresh: Newsroom) -> None:
    c = client(fresh)
    alert = fresh.pipeline.store.inbox(InboxFilter(text="coast"))[0]
    here = f"/story/{alert['story_id']}"
    answer = c.post(
        "/feedback", data={"alert": alert["id"], "verdict": "irrelevant", "next": here, "csrf": token_of(c)}
    )
    assert answer.status_code == 303 and answer.headers["Location"] == here
    (given,) = fresh.pipeline.store.feedback("quake")
    assert (given.alert_id, given.verdict) == (alert["id"], "irrelevant")
    page = c.get(here).get_data(as_text=True)
    assert '<span class="verdict irrelevant">irrelevant</span>' in page and "marked irrelevant" in page
    assert c.post("/feedback", data={"alert": 999, "verdict": "relevant", "csrf": token_of(c)}).status_code == 404
    assert c.post("/feedback", data={"alert": alert["id"], "verdict": "meh", "csrf": token_of(c)}).status_code == 400


def test_feedback_on_a_notice_is_refused_with_400_and_stores_nothing(fresh: Newsroom) -> None:
    from monitor.models import Message
    from monitor.store import Delivery, Notice

    store = fresh.pipeline.store
    delivery = Delivery("(notice)", "console://", "console", "console")
    store.queue_notice(Notice((delivery,), "feed-down", Message("Feed down", "x")), fresh.pipeline.clock())
    notice_id = store._query("SELECT id FROM alerts WHERE kind = 'notice'")[0]["id"]
    c = client(fresh)
    answer = c.post("/feedback", data={"alert": notice_id, "verdict": "irrelevant", "csrf": token_of(c)})
    assert answer.status_code == 400 and "is a notice" in answer.get_data(as_text=True)
    assert store._query("SELECT count(*) AS n FROM feedback")[0]["n"] == 0


def test_mute_a_rule_then_a_new_match_is_recorded_muted_not_sent(fresh: Newsroom) -> None:
    c = client(fresh)
    sent_before = len(fresh.receiver.received)
    answer = c.post("/mute", data={"kind": "rule", "value": "quake", "for": "1h", "csrf": token_of(c)})
    assert answer.status_code == 303
    fresh.publish("a4", "Second earthquake felt inland", "Another earthquake.")
    fresh.cycle()
    assert len(fresh.receiver.received) == sent_before
    muted = fresh.pipeline.store.inbox(InboxFilter(state="muted"))
    assert [r["title"] for r in muted] == ["Second earthquake felt inland"]
    assert "Second earthquake" in c.get("/?state=muted").get_data(as_text=True)
    (mute,) = fresh.pipeline.store.mutes(fresh.pipeline.clock())
    assert mute["muted"] == 1
    # Unmuting does not replay; asking to does, and the next pass sends it.
    c.post("/unmute", data={"id": mute["id"], "replay": "1", "csrf": token_of(c)})
    deliver_and_count = fresh.pipeline.store.inbox(InboxFilter(state="pending"))
    assert [r["title"] for r in deliver_and_count] == ["Second earthquake felt inland"]


def test_an_ended_mute_leaves_what_it_held_muted(fresh: Newsroom) -> None:
    store, now = fresh.pipeline.store, fresh.pipeline.clock()
    mute = store.mute("feed", fresh.feed_url, None, now)
    fresh.publish("a5", "Earthquake drill", "An earthquake drill.")
    fresh.cycle()
    store.unmute(mute, now)
    fresh.cycle()
    assert [r["title"] for r in store.inbox(InboxFilter(state="muted"))] == ["Earthquake drill"]


def test_a_mute_that_expired_no_longer_holds(fresh: Newsroom) -> None:
    store, now = fresh.pipeline.store, fresh.pipeline.clock()
    store.mute("rule", "quake", now - timedelta(seconds=1), now - timedelta(hours=1))
    fresh.publish("a6", "Earthquake report", "An earthquake.")
    fresh.cycle()
    assert store.inbox(InboxFilter(state="muted")) == []


def test_add_remove_and_opml_round_trip(fresh: Newsroom) -> None:
    c = client(fresh)
    url = "https://news.example/feed.xml"
    assert c.post("/feeds/add", data={"url": url, "name": "Example", "csrf": token_of(c)}).status_code == 303
    assert fresh.reloads and url in c.get("/feeds").get_data(as_text=True)
    assert c.post("/feeds/add", data={"url": "javascript:alert(1)", "csrf": token_of(c)}).status_code == 400
    exported = c.get("/feeds.opml").data
    assert url.encode() in exported and fresh.feed_url.encode() in exported
    assert c.post("/feeds/remove", data={"url": url, "csrf": token_of(c)}).status_code == 303
    assert c.post("/feeds/remove", data={"url": fresh.feed_url, "csrf": token_of(c)}).status_code == 400
    from io import BytesIO

    upload = {"opml": (BytesIO(exported), "feeds.opml"), "csrf": token_of(c)}
    answer = c.post("/feeds/import", data=upload, content_type="multipart/form-data", follow_redirects=True)
    assert "1 added" in answer.get_data(as_text=True)


def rehearse(room: Newsroom) -> str:
    """What `run --dry-run` would print now (an Outbox rehearsal: marks nothing)."""
    from io import StringIO

    from monitor.outbox.deliver import Outbox
    from monitor.outbox.target import Printer

    out, rt = StringIO(), room.pipeline.runtime
    outbox = Outbox.rehearsal(room.pipeline.store, room.pipeline.metrics, room.pipeline.clock, out)
    outbox.deliver(rt, force=True, target=Printer(rt.notifier, out))
    return out.getvalue()


def test_a_dry_run_leaves_muted_alerts_out_and_writes_nothing(fresh: Newsroom) -> None:
    from monitor.pipeline import poll_all

    store, now = fresh.pipeline.store, fresh.pipeline.clock()
    fresh.publish("d1", "Earthquake in the hills", "An earthquake.")
    poll_all(fresh.pipeline)
    (pending,) = store.inbox(InboxFilter(state="pending"))
    assert store.muted_pending(now) == set() and "Earthquake in the hills" in rehearse(fresh)
    store.mute("story", str(pending["story_id"]), None, now)
    assert store.muted_pending(now) == {pending["id"]}
    assert "Earthquake in the hills" not in rehearse(fresh)
    assert store.inbox(InboxFilter(state="pending"))[0]["id"] == pending["id"]  # still pending: nothing written
    assert store.apply_mutes(now) == 1 and store.muted_pending(now) == set()
