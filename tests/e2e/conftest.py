"""Fixtures for the browser end-to-end tests: the quiz site on a loopback
port and headless Chromium drivers, each with its own profile (its own cookies).

Every page of the site a driver opens is audited for accessibility
(tests/e2e/axe.py): a violation fails the test that opened it.

Skipped, with the reason, when Chromium or its driver is missing (Debian's
`chromium` and `chromium-driver`), or axe-core is (npm's `axe-core`);
`.ci/run` installs them.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.e2e.axe import Audit, audited_driver_class, missing_axe
from tests.e2e.browser import (
    CHROMEDRIVER,
    CHROMIUM,
    CHROMIUM_FLAGS,
    DESKTOP,
    ROOT,
    LiveSite,
    missing_browser,
    serving,
)


@pytest.fixture(scope="module")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """The site with the small bank of every question type, a fresh instance
    folder (database, secret key) and a free port."""

    from web import create_app

    base = tmp_path_factory.mktemp("site")
    shutil.copytree(ROOT / "tests" / "data" / "good", base / "banks")
    app = create_app({"INSTANCE_PATH": str(base / "instance"), "QUIZGEN_BANKS": [str(base / "banks")]})
    with serving(app, base / "instance", "e2e-site") as site:
        yield site


@pytest.fixture(scope="module")
def browser_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Any]]:
    """`browser_factory(javascript=True, language="fr")` → a new headless
    Chromium driver with a fresh profile; all of them quit at the end."""
    reason = missing_browser() or missing_axe()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    drivers: list[Any] = []
    driver_class = audited_driver_class(webdriver.Chrome)

    def make(*, javascript: bool = True, language: str = "fr") -> Any:
        options = webdriver.ChromeOptions()
        # Both paths given: Selenium Manager (which may download drivers) is never consulted.
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
        options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
        options.add_argument(f"--lang={language}")
        prefs: dict[str, Any] = {"intl.accept_languages": language}
        if not javascript:
            prefs["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", prefs)
        driver = driver_class(options=options, service=Service(executable_path=CHROMEDRIVER))
        driver.set_page_load_timeout(20)
        driver.scripts_off = not javascript  # (the audit needs to know: see tests/e2e/axe.py)
        driver.audits: list[Audit] = []  # from now on, every page is audited
        drivers.append(driver)
        return driver

    try:
        yield make
    finally:
        for driver in drivers:
            # A crashed browser must not hide the test's own failure.
            with contextlib.suppress(Exception):
                driver.quit()


