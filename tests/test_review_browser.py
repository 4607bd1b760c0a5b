"""The review page in a real browser, used the way an analyst would use it.

Opens the generated page in headless Chromium (Debian's /usr/bin/chromium, driven by the
Playwright Python client; never a downloaded browser), then checks that mentions are
highlighted, filters hide the articles that do not match, paging works, the hostile
``<script>`` / ``onerror`` in an article did not run and no console error occurred. A
screenshot is saved to ``outputs/review-test.png`` as a test artifact.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.review import write_review

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (/usr/bin/chromium; `apt-get install -y chromium`)",
                allow_module_level=True)

from playwright.sync_api import ConsoleMessage, Page, sync_playwright  # noqa: E402

DATA = Path(__file__).parent / "data" / "review"
SCREENSHOT = Path(__file__).resolve().parents[1] / "outputs" / "review-test.png"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
TITLE = "kzextract review: records.jsonl"


class Session:
    """One open page plus everything it reported: console errors, page errors, requests."""

    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        self.url = url
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("request", lambda request: self.requests.append(request.url))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def card_ids(self) -> list[str]:
        cards = self.page.locator("#articles article.art")
        return cards.evaluate_all("cards => cards.map(c => c.dataset.id)")

    def wait_shown(self, count: int) -> None:
        self.page.locator("#shown").filter(has_text=str(count)).wait_for()
        assert self.page.text_content("#shown") == str(count)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    out = tmp_path_factory.mktemp("review") / "review.html"
    write_review(DATA / "records.jsonl", out, [DATA / "articles.jsonl"], page_size=4)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        session = Session(page, out.as_uri())
        page.goto(session.url)
        page.locator("body[data-ready='1']").wait_for(timeout=15000)
        yield session
        browser.close()


def test_mentions_are_highlighted_by_type(session: Session) -> None:
    page = session.page
    assert session.card_ids() == ["tu-001", "ab-002", "mg-<script>3", "kr-004"]
    first = page.locator("article.art[data-id='tu-001']")
    people = first.locator("mark.hl-people")
    assert people.all_text_contents() == ["Нурлан Ахметов", "Нурлану Ахметову"]
    assert first.locator("mark.hl-dates").all_text_contents() == ["12 марта 2025 года"]
    assert first.locator("mark.hl-figures").count() == 3
    assert "Сайрамский район" in (first.locator("mark.hl-districts").first.get_attribute("title") or "")
    for kind in ("people", "districts", "nominations", "competitions", "dates", "figures"):
        assert page.locator(f"#articles mark.hl-{kind}").count() > 0, kind
    colour = people.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    # Unticking a legend entry takes that colour away.
    page.locator(".legend input[data-type='people']").uncheck()
    assert people.first.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    page.locator(".legend input[data-type='people']").check()
    assert people.first.evaluate("m => getComputedStyle(m).backgroundColor") == colour


def test_injected_markup_did_not_run_and_stays_visible(session: Session) -> None:
    page = session.page
    assert page.title() == TITLE
    assert page.evaluate("typeof window.__pwned") == "undefined"
    card = page.locator("article.art[data-id='mg-<script>3']")
    text = card.locator(".text").text_content() or ""
    assert '<script>document.title="pwned";window.__pwned=1;</script>' in text
    assert '"><img src=x onerror="window.__pwned=2">' in text
    assert card.locator("mark.hl-nominations").text_content() == '"><img src=x onerror="window.__pwned=2">'
    assert card.locator("header .atitle").text_content() == '<img src=x onerror="window.__pwned=3">'
    assert page.locator("img, [onerror], #articles script, #articles b").count() == 0
    assert page.locator("script").count() == 2  # the data island and the page script, nothing else
    assert session.requests == [session.url]  # the page loaded nothing else (no img src=x, no CDN)


def test_filters_hide_non_matching_articles(session: Session) -> None:
    page = session.page
    page.select_option("#f-lang", "kk")
    session.wait_shown(2)
    assert session.card_ids() == ["ab-002", "zh-006"]
    page.select_option("#f-type", "nominations")
    assert session.card_ids() == ["ab-002", "zh-006"]
    page.select_option("#f-lang", "")
    session.wait_shown(4)
    page.select_option("#f-type", "")
    page.select_option("#f-district", "Карагандинская область")
    session.wait_shown(1)
    assert session.card_ids() == ["kg-005"]
    page.select_option("#f-district", "")
    page.fill("#f-q", "жумабаева")
    session.wait_shown(1)
    assert session.card_ids() == ["mg-<script>3"]
    page.fill("#f-q", "no such words anywhere")
    session.wait_shown(0)
    assert session.card_ids() == [] and page.locator("#articles .empty").is_visible()
    page.fill("#f-q", "")
    session.wait_shown(6)


def test_paging_and_screenshot(session: Session) -> None:
    page = session.page
    assert "articles 1–4 of 6" in (page.locator(".pageinfo").first.text_content() or "")
    page.locator("button.next").first.click()
    assert session.card_ids() == ["kg-005", "zh-006"]
    assert page.locator("button.next").first.is_disabled()
    page.locator("button.prev").first.click()
    assert session.card_ids()[0] == "tu-001"
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000


def test_no_console_errors(session: Session) -> None:
    session.page.locator("article.art[data-id='tu-001'] .values li").first.hover()
    assert session.page.locator("article.art[data-id='tu-001'] mark.focus").count() >= 1
    assert session.errors == []
