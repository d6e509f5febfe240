"""Helpers for the browser end-to-end tests: where Chromium is, the site
served from a thread, full-page screenshots and polling."""

from __future__ import annotations

import base64
import contextlib
import shutil
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen.fsutil import atomic_write_bytes

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DESKTOP = (1280, 900)
PHONE = (390, 844)  # a common phone viewport, in CSS pixels

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root in a container
    "--disable-gpu",
    "--disable-dev-shm-usage",  # containers have a small /dev/shm
    # Nothing leaves the machine: no updates, no safe-browsing or metrics calls.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--password-store=basic",
)


def missing_browser() -> str | None:
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).is_file():
            return f"{path} not found: install Debian's {package} (.ci/run does) to run the browser tests"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -r requirements.txt)"
    return None


@dataclass
class LiveSite:
    """The app served on 127.0.0.1 from a thread of the test process."""

    app: Any
    url: str
    instance: Path

    def get(self, path: str, cookies: dict[str, str], headers: dict[str, str] | None = None
            ) -> tuple[int, dict[str, str], bytes]:
        """A plain HTTP GET with a browser's cookies (for downloads Selenium cannot read)."""
        request = urllib.request.Request(self.url + path, headers={
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), **(headers or {})})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()


@contextlib.contextmanager
def serving(app: Any, instance: Path, name: str) -> Iterator[LiveSite]:
    """`app` served on a free loopback port from a thread, for the time of the block."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield LiveSite(app, f"http://127.0.0.1:{server.server_port}", instance)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def emulate_phone(driver: Any) -> None:
    """Lay pages out as a phone does: its width, the page's viewport meta tag, overlay scroll bars."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True})


def screenshot(driver: Any, name: str, *, full_page: bool = True) -> Path:
    """Save the page as test-artifacts/e2e/<name>.png (whole page, not only the viewport)."""
    if full_page:
        metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        # The whole window's width: captured beyond the viewport, the page has no scroll bar.
        width = driver.execute_script("return window.innerWidth")  # works with page scripts off too
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(size["height"], 6000), "scale": 1}})
        png = base64.b64decode(shot["data"])
    else:
        png = driver.get_screenshot_as_png()
    path = ARTIFACTS / f"{name}.png"
    atomic_write_bytes(path, png)
    return path


def wait_until(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.1,
               message: str = "condition") -> Any:
    """Poll `predicate` until it returns something truthy; fail with `message` on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {message}")
        time.sleep(interval)
