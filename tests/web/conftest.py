"""Browser tests: Debian's Chromium driven by Playwright against a real GiftHub process serving the built cabinet.

Missing parts (the bundle, Chromium) skip locally with the reason and fail the run when CI=true."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gifthub.entrypoints.http.web_cabinet import BUNDLE
from tests.support.components import missing
from tests.web.cabinet_server import CabinetServer, start_cabinet_server

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
# Without these, Chromium keeps calling home and the closed network refuses it, many connections at a time.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"desktop": 1280, "phone": 375}


@pytest.fixture(scope="session")
def cabinet(tmp_path_factory) -> CabinetServer:
    if not (BUNDLE / "index.html").is_file():
        missing("the web cabinet's bundle", "run `make web` first (make test does)")
    if not AXE.is_file():
        missing("axe-core", "run `make web` first (it installs web/node_modules)")
    server = start_cabinet_server(tmp_path_factory.mktemp("cabinet"))
    yield server
    server.stop()


# Per module, not per session: while Playwright's sync API is open, asyncio sees a running loop in this thread,
# and the async tests a worker runs after this module would fail to start theirs.
@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        missing("Debian's chromium", "apt-get install chromium (make test does it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(WIDTHS))
def width(request) -> int:
    return WIDTHS[request.param]


@pytest.fixture
def new_page(browser, cabinet):
    """A fresh browser context (no cookies, no stored language) per page, closed after the test; the demo
    owner's profile language is Russian at the start of every test."""
    cabinet.set_owner_language("ru")
    contexts = []

    def open_page(width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, base_url=cabinet.url)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> None:
    """Every screen is saved (git ignores var/) so a person can look at it."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def assert_accessible(page) -> None:
    """axe-core on the screen as shown: no serious or critical violation."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
        # Colours are judged as they settle, not halfway through a fade-in.
        page.add_style_tag(
            content="*, *::before, *::after { transition: none !important; animation: none !important; }"
        )
    result = page.evaluate("async () => (await axe.run(document)).violations")
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[(n['target'], n['failureSummary']) for n in v['nodes']][:3]}"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, "accessibility violations:\n" + "\n".join(bad)
