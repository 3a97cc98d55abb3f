"""Journeys in a real browser: Debian's Chromium driven by Playwright (never a downloaded browser)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            "no Chromium at /usr/bin/chromium: install Debian's `chromium` package to run browser journeys"
        )
    # Playwright's sync API keeps an event loop in this thread; Django's ORM refuses to run beside one
    # unless told it is safe. (Tests that start the site in a subprocess leave this variable out.)
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                # Nothing from another host: map tiles and the like fail at once, so a test never
                # depends on them. (Refusing them through Playwright's routing would send every
                # request through this process and turn the browser's cache off.)
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
            ],
        )
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def new_tab(browser, request):
    """Opens tabs in fresh contexts (viewport, locale…); each failing tab's screenshot is kept."""
    opened = []

    def open_tab(**context_options):
        context_options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**context_options)
        tab = context.new_page()
        opened.append((context, tab))
        return tab

    yield open_tab
    for number, (context, tab) in enumerate(opened):
        if getattr(request.node, "failed", False):
            ARTIFACTS.mkdir(exist_ok=True)
            suffix = f"-{number}" if number else ""
            tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}{suffix}.png"), full_page=True)
        context.close()


@pytest.fixture
def page(new_tab):
    """A fresh tab at 1280 px; its screenshot is kept in test-artifacts/ when the test fails."""
    return new_tab()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        item.failed = True
