"""Screenshots of the self-scan, the check-in, the team meeting and research for docs/.

Run against the demo (``make run`` or ``manage.py runserver`` with ``load_demo_data``):

    BASE_URL=http://127.0.0.1:8000 .venv/bin/python scripts/screenshots_learning.py

Uses Debian's Chromium through Playwright (never ``playwright install``); writes docs/img/*.png.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
OUT = Path(__file__).resolve().parent.parent / "docs" / "img"
PASSWORD = "demo-wachtwoord"


def sign_in(page, email: str) -> None:
    page.goto(f"{BASE}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def shot(page, name: str, url: str | None = None) -> None:
    if url:
        page.goto(f"{BASE}{url}")
    page.wait_for_load_state()
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
    print("wrote", OUT / f"{name}.png")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        desktop = {"viewport": {"width": 1280, "height": 900}, "locale": "nl-NL"}
        page = browser.new_page(**desktop)
        sign_in(page, "ingrid@demo.doenvermogen.nl")
        shot(page, "selfscan-home", "/selfscan/")
        link = page.locator("a[href$='/results/']").first.get_attribute("href")
        shot(page, "selfscan-results", link)
        shot(page, "selfscan-plan", link.replace("/results/", "/plan/"))
        shot(page, "team-meeting-quarter", "/psychoeducation/team-meeting/?period=quarter")
        page.close()

        page = browser.new_page(**desktop)
        sign_in(page, "fatima@demo.doenvermogen.nl")
        page.goto(f"{BASE}/selfscan/")
        answer = page.locator("a[href^='/selfscan/rounds/'][href$='/']").filter(
            has_text=re.compile("Invullen")
        )
        if answer.count():
            shot(page, "selfscan-answer", answer.first.get_attribute("href"))
        page.close()
        phone = browser.new_page(viewport={"width": 375, "height": 667}, locale="nl-NL")
        sign_in(phone, "fatima@demo.doenvermogen.nl")
        shot(phone, "checkin-phone", "/selfscan/my-stress/")
        phone.close()

        page = browser.new_page(**desktop)
        sign_in(page, "ravi@demo.doenvermogen.nl")
        shot(page, "research-home", "/research/")
        study = page.locator("a[href^='/research/studies/']").first.get_attribute("href")
        shot(page, "research-summary", study)
        page.close()
        browser.close()


if __name__ == "__main__":
    main()
