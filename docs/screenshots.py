"""The README's screenshots of the console: the demo's newsroom in headless chromium.

    PYTHONPATH=. .venv/bin/python docs/screenshots.py     # writes docs/console-*.png

Needs Debian's chromium and chromium-driver, and selenium (the dev extras).
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By

from monitor import runtime
from monitor.config import load_config
from monitor.demo import run_demo
from monitor.store import Store
from monitor.web import Console, create_app
from monitor.web.server import serve

DOCS = Path(__file__).parent


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="monitor-shots-") as tmp:
        run_demo(Path(tmp))
        config = load_config(Path(tmp) / "demo.toml")
        store = Store(config.storage_path)
        now = datetime.now(UTC)
        first = store.alerts()[0]
        store.mute("rule", first["rule"], now + timedelta(hours=1), now)
        store.record_fetch(store.feeds()[-1]["url"], now, error="HTTP 503 Service Unavailable", next_poll=now)
        rt = runtime.load(config, lean=True)
        served = serve(create_app(Console(config, store, lambda: rt, lambda: "")), ("127.0.0.1", 0), auth=False)
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "chromium"
        for flag in ("--headless=new", "--no-sandbox", "--window-size=1280,860", "--hide-scrollbars"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(shutil.which("chromedriver")))
        try:
            base = served.url.rstrip("/")
            for name, page in (
                ("inbox", "/"),
                ("story", f"/story/{first['story_id']}"),
                ("feeds", "/feeds"),
                ("mutes", "/mutes"),
                ("search", "/search?q=Taliban"),
            ):
                driver.get(base + page)
                driver.save_screenshot(str(DOCS / f"console-{name}.png"))
            driver.get(base + f"/playground?rule={first['rule']}")
            since = driver.find_element(By.NAME, "since")
            since.clear()
            since.send_keys("3650d")  # the demo's stories are from 2025
            driver.find_element(By.ID, "test").click()
            driver.save_screenshot(str(DOCS / "console-playground.png"))
        finally:
            driver.quit()
            served.close()
            store.close()


if __name__ == "__main__":
    main()
