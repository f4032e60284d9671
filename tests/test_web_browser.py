"""The console in a real browser: Debian's chromium driven headless by selenium over a console
served by waitress on 127.0.0.1, over a store filled by the real pipeline.

Skips, saying why, only where chromium or chromedriver is not installed
(``apt-get install -y chromium chromium-driver``; .ci/run installs them).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.store import InboxFilter
from monitor.web.server import Served, serve
from tests.web_support import Newsroom, newsroom

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (CHROMIUM and DRIVER),
        reason="no chromium/chromedriver here: apt-get install -y chromium chromium-driver",
    ),
]


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Newsroom]:
    with newsroom(tmp_path) as found:
        yield found


@pytest.fixture
def served(room: Newsroom) -> Iterator[Served]:
    server = serve(room.app(), ("127.0.0.1", 0), auth=False)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(DRIVER)))
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


def submit(driver: webdriver.Chrome, by: str, value: str) -> None:
    """Click what leads to a new page and wait until the old page is gone: else the next lookup may
    find the old page's element (its flash, say), which goes stale under it."""
    old = driver.find_element(By.TAG_NAME, "html")
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(lambda d: _click(d, old, by, value))
    WebDriverWait(driver, 10).until(lambda d: _gone(old))


def _click(driver: webdriver.Chrome, old: WebElement, by: str, value: str) -> bool:
    """One click, looked up afresh: on a loaded CI host chromedriver now and then answers a click with
    "Node with given id does not belong to the document" (CI stop 23) although the page has no script;
    the wait above retries that. A click that raised yet left the page is not repeated."""
    if _gone(old):
        return True
    driver.find_element(by, value).click()
    return True


def _gone(old: WebElement) -> bool:
    """Whether the old page's element has left the document. Chromedriver says so by a stale-element
    error or, on a loaded host, by "Node with given id does not belong to the document" (CI stop 38),
    which `staleness_of` does not catch."""
    try:
        old.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error.msg):
            return True
        raise
    return False


def canary(driver: webdriver.Chrome) -> str:
    """What the XSS payloads would have set: "undefined" unless one of them ran."""
    return str(driver.execute_script("return typeof window.__xss"))


def test_the_analyst_clicks_through_the_console(room: Newsroom, served: Served, browser: webdriver.Chrome) -> None:
    base = served.url.rstrip("/")
    browser.get(base + "/")
    assert "Inbox" in browser.title
    assert canary(browser) == "undefined"
    assert "<script>window.__xss=2</script>" in browser.find_element(By.TAG_NAME, "body").text  # shown as text

    # inbox -> story
    submit(browser, By.LINK_TEXT, "Earthquake hits the coast")
    assert "first: this entry started the story" in browser.page_source

    # mark it irrelevant (the feedback `monitor rules test` and `rules suggest` read)
    submit(browser, By.CSS_SELECTOR, "td.feedback button.irrelevant")
    assert "marked irrelevant" in browser.find_element(By.CLASS_NAME, "flash").text
    assert browser.find_element(By.CSS_SELECTOR, "td.feedback .verdict").text == "irrelevant"
    assert [f.verdict for f in room.pipeline.store.feedback("quake")] == ["irrelevant"]

    # mute the rule for an hour
    submit(browser, By.CSS_SELECTOR, "button.mute-rule-1h")
    assert "rule quake muted for 1h" in browser.find_element(By.CLASS_NAME, "flash").text

    # a new matching entry arrives: recorded as muted, not sent
    sent = len(room.receiver.received)
    room.publish("b1", "Earthquake aftershock felt in the capital", "An earthquake aftershock.")
    room.cycle()
    assert len(room.receiver.received) == sent
    browser.get(base + "/?state=muted")
    row = browser.find_element(By.CSS_SELECTOR, "table.inbox tbody tr")
    assert "Earthquake aftershock felt in the capital" in row.text and "muted" in row.text
    browser.get(base + "/mutes")
    assert "quake" in browser.find_element(By.CSS_SELECTOR, "#mute-1").text

    # playground: edit the rule, see the new matches
    browser.get(base + "/playground?rule=quake")
    editor = browser.find_element(By.NAME, "yaml")
    editor.clear()
    editor.send_keys("- name: quake\n  severity: urgent\n  match:\n    - any: [earthquake, stocks]\n")
    submit(browser, By.ID, "test")
    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "ul.matches .match-title")]
    assert "Markets calm" in titles
    assert "Stocks" in [m.text for m in browser.find_elements(By.CSS_SELECTOR, "ul.matches mark")]
    assert browser.find_element(By.CLASS_NAME, "match-count").text == str(len(titles))
    assert canary(browser) == "undefined"

    # a broken edit is refused with PATH:LINE
    editor = browser.find_element(By.NAME, "yaml")
    editor.clear()
    editor.send_keys("- name: quake\n  match:\n    - anyy: [earthquake]\n")
    submit(browser, By.ID, "test")
    problem = browser.find_element(By.CSS_SELECTOR, "ul.problems li").text
    assert problem.startswith(str(room.folder / "rules" / "test.yaml") + ":3: unknown key 'anyy'")

    # feed health shows the failing feed's error
    browser.get(base + "/feeds")
    broken = browser.find_element(By.CSS_SELECTOR, "tr.feed-failing")
    assert "HTTP 404 Not Found" in broken.text and "Broken" in broken.text


def test_the_xss_canary_never_runs_on_any_page(room: Newsroom, served: Served, browser: webdriver.Chrome) -> None:
    base = served.url.rstrip("/")
    (alert,) = [r for r in room.pipeline.store.inbox(InboxFilter()) if "__xss" in (r["title"] or "")]
    for page in ("/", f"/story/{alert['story_id']}", "/search?q=aftershock", "/search?q=earthquake", "/alerts.atom"):
        browser.get(base + page)
        assert canary(browser) == "undefined", page
    browser.get(base + f"/story/{alert['story_id']}")
    assert "onerror" in browser.find_element(By.CSS_SELECTOR, "a.copy-title").text  # the payload, as text
