"""The rough edges a class hits, in real headless Chromium (issue 9, items 13–19).

The projector view at 1280×720 shows the code above the fold and no key;
closing asks first; a match question with long answers fits a 390 px phone;
a student who joined on her phone comes back on another device with her
nickname and return code, her answers kept; a countdown runs under a time limit.
Screenshots go to test-artifacts/e2e/.
"""

from __future__ import annotations

import re
import shutil
import struct
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from quizgen.model import Bank
from quizgen.text import normalize
from tests.e2e.browser import PHONE, ROOT, LiveSite, emulate_phone, screenshot, serving, wait_until
from tests.e2e.test_class_session import (
    ALL_RIGHT,
    _all,
    _by,
    _page_text,
    answer,
    horizontal_overflow,
    navigate,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

TEACHER, PASSWORD = "M. Martin", "un autre mot de passe"
LONG_RIGHT = "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord, monarchie constitutionnelle membre du G7"


@pytest.fixture(scope="module")
def edge_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """The site with the bank of every question type, its match question given a long answer."""

    from web import create_app

    base = tmp_path_factory.mktemp("edge-site")
    shutil.copytree(ROOT / "tests" / "data" / "good", base / "banks")
    path = base / "banks" / "sommet.yaml"
    text = path.read_text(encoding="utf-8")
    assert "      Boris Johnson: Royaume-Uni\n" in text
    long_pair = f'      Boris Johnson: "{LONG_RIGHT}"\n'
    path.write_text(text.replace("      Boris Johnson: Royaume-Uni\n", long_pair), encoding="utf-8")
    app = create_app({"INSTANCE_PATH": str(base / "instance"), "QUIZGEN_BANKS": [str(base / "banks")]})
    with serving(app, base / "instance", "e2e-edge-site") as site:
        yield site


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def key_texts(bank: Bank) -> list[str]:
    """What must not show before the analysis: explanations, evidence, typed keys."""
    out = []
    for q in bank.questions:
        out += [q.explanation, q.evidence]
    return [normalize(t) for t in out]


def test_projector_close_phone_match_and_new_device(browser_factory: Any, edge_site: LiveSite) -> None:
    from quizgen import load_bank

    bank = load_bank(edge_site.instance.parent / "banks" / "sommet.yaml")
    teacher = browser_factory()
    code, join_url = teacher_opens_a_timed_session(teacher, edge_site, bank)
    zoe = browser_factory()
    resume = zoe_joins_on_her_phone_and_sees_the_countdown(zoe, join_url)
    the_long_match_fits_her_phone_and_survives_a_refresh(zoe, edge_site, bank, code)
    zoe.get(f"{edge_site.url}/j/{code}/1")  # she answers her first question
    first = bank.questions[[q.type for q in bank.questions].index(
        next(c[2:] for c in _by(zoe, "#question").get_attribute("class").split() if c.startswith("q-")))]
    response = dict(ALL_RIGHT, match={"Mario Draghi": "Italie", "Boris Johnson": LONG_RIGHT})
    answer(zoe, first, response[first.type])
    the_projector_shows_the_code_above_the_fold_and_no_key(teacher, edge_site, bank, code, join_url)
    her_return_code_brings_her_back_on_a_laptop(browser_factory(javascript=False), edge_site, code,
                                                join_url, resume)
    closing_asks_first(teacher, edge_site, code)


# -- the steps of test_projector_close_phone_match_and_new_device, in order


def teacher_opens_a_timed_session(teacher: Any, site: LiveSite, bank: Bank) -> tuple[str, str]:
    """A teacher made with `quizgen teacher add` opens a session with a 30 s
    time limit; (join code, join link)."""
    from web.cli import teacher as teacher_command

    created = CliRunner().invoke(teacher_command, ["add", TEACHER], input=PASSWORD + "\n",
                                 env={"QUIZGEN_INSTANCE": str(site.instance)})
    assert created.exit_code == 0, created.output
    teacher.get(site.url + "/teacher/login")
    _by(teacher, "#name").send_keys(TEACHER)
    _by(teacher, "#password").send_keys(PASSWORD)
    navigate(teacher, _by(teacher, "#login"))
    teacher.get(f"{site.url}/teacher/new/{bank.id}")
    _by(teacher, "#time_limit").send_keys("30")
    navigate(teacher, _by(teacher, "#create"))
    return _by(teacher, "#join-code").text.strip(), _by(teacher, "#join-url").get_attribute("href")


def zoe_joins_on_her_phone_and_sees_the_countdown(zoe: Any, join_url: str) -> str:
    """Her return code (on her pages); the countdown runs, the deadline text stays."""
    emulate_phone(zoe)
    zoe.get(join_url)
    _by(zoe, "#nickname").send_keys("Zoé")
    navigate(zoe, _by(zoe, "#join"))
    resume = _by(zoe, "#resume-code").text.strip()
    assert len(resume) == 6, "her return code is on her pages"
    assert _by(zoe, "#deadline").text.strip()
    wait_until(lambda: _by(zoe, "#countdown-time").text.strip(), message="the countdown to start")
    assert _by(zoe, "#countdown").is_displayed()
    return resume


def the_long_match_fits_her_phone_and_survives_a_refresh(zoe: Any, site: LiveSite, bank: Bank,
                                                         code: str) -> None:
    """The match question, with a long answer, fits her 390 px screen; what
    she chose but has not sent survives a refresh (kept in the tab by a small script)."""
    from selenium.webdriver.support.ui import Select

    for n in range(1, len(bank.questions) + 1):
        zoe.get(f"{site.url}/j/{code}/{n}")
        if _all(zoe, "#question.q-match #answer-form"):
            break
    else:
        raise AssertionError("no match question to answer")
    # (A phone widens its layout viewport to fit a page too wide: compare with the screen's own width.)
    page_width, select_right = zoe.execute_script(
        "return [document.documentElement.scrollWidth,"
        " Math.max.apply(null, Array.from(document.querySelectorAll('#answer-form select'))"
        "   .map(function (s) { return s.getBoundingClientRect().right; }))]")
    screenshot(zoe, "20-phone-long-match")
    assert page_width <= PHONE[0], f"the page is {page_width} px wide on a {PHONE[0]} px screen"
    assert select_right <= PHONE[0], "a select sticks out of the screen"
    assert horizontal_overflow(zoe) <= 0
    Select(_by(zoe, "#pair-0")).select_by_index(1)
    chosen = _by(zoe, "#pair-0").get_attribute("value")
    zoe.refresh()
    wait_until(lambda: _by(zoe, "#pair-0").get_attribute("value") == chosen,
               message="the half-filled answer to come back after a refresh")


def the_projector_shows_the_code_above_the_fold_and_no_key(projector: Any, site: LiveSite, bank: Bank,
                                                           code: str, join_url: str) -> None:
    """At 1280×720 the code and the QR code are on the first screen; neither
    the projector view nor the dashboard shows a correction; the analysis is one click away."""
    projector.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
    projector.get(f"{site.url}/teacher/s/{code}/show")
    wait_until(lambda: "1" in _by(projector, "#joined-count").text, message="the number joined")
    shot = projector.get_screenshot_as_png()  # the viewport only: what the room sees
    artifact = screenshot(projector, "21-projector-1280x720", full_page=False)
    width, height = png_size(shot)
    assert (width, height) == (1280, 720)
    box = projector.execute_script(
        "var r = document.getElementById('show-code').getBoundingClientRect();"
        "return [r.top, r.bottom, r.left, r.right];")
    assert box[0] >= 0 and box[1] <= height and box[2] >= 0 and box[3] <= width, \
        f"the code is not within the first screen: {box} ({artifact})"
    qr = projector.execute_script(
        "var r = document.querySelector('.qr-box svg').getBoundingClientRect(); return [r.top, r.bottom];")
    assert qr[0] >= 0 and qr[1] <= height, f"the QR code is cut off the screen: {qr} ({artifact})"
    assert _by(projector, "#show-code").text.strip() == code
    assert _all(projector, ".qr-box svg") and join_url in _by(projector, "#show-url").text
    page = _page_text(projector)
    assert "bonne réponse" not in page.lower()
    assert not [t for t in key_texts(bank) if t in page], "the projector view shows a correction"
    projector.get(f"{site.url}/teacher/s/{code}")
    page = _page_text(projector)
    assert "bonne réponse" not in page.lower() and not [t for t in key_texts(bank) if t in page]
    screenshot(projector, "22-dashboard-projectable", full_page=False)
    navigate(projector, _by(projector, "#analysis"))
    assert "bonne réponse" in _page_text(projector).lower()


def her_return_code_brings_her_back_on_a_laptop(laptop: Any, site: LiveSite, code: str, join_url: str,
                                                resume: str) -> None:
    """Zoé's phone is gone: on a laptop (no JavaScript) her nickname is taken,
    a wrong code is refused with what she typed kept, hers brings her back with her answer."""
    laptop.get(join_url)
    _by(laptop, "#nickname").send_keys("Zoé")
    navigate(laptop, _by(laptop, "#join"))
    assert _all(laptop, "#nickname-error"), "the nickname is taken"
    _by(laptop, "#back-nickname").send_keys("zoe")
    _by(laptop, "#resume").send_keys("ZZZZZZ" if resume != "ZZZZZZ" else "YYYYYY")
    navigate(laptop, _by(laptop, "#come-back"))
    assert _all(laptop, "#back-error"), "a wrong code is refused"
    assert _by(laptop, "#back-nickname").get_attribute("value") == "zoe"  # what she typed, kept
    _by(laptop, "#resume").send_keys(resume.lower())
    navigate(laptop, _by(laptop, "#come-back"))
    assert _by(laptop, "#nickname").text == "Zoé"
    screenshot(laptop, "23-new-device-back")
    laptop.get(f"{site.url}/j/{code}/end")
    answered = re.findall(r"\d+", _by(laptop, "#answered").text)
    assert answered[0] == "1", f"her first answer came back with her: {answered}"


def closing_asks_first(teacher: Any, site: LiveSite, code: str) -> None:
    """The confirmation page works without a script; cancelling keeps the session open."""
    teacher.get(f"{site.url}/teacher/s/{code}")
    navigate(teacher, _by(teacher, "#close-session"))
    assert _all(teacher, "#confirm-close") and _all(teacher, "#cancel-close")
    navigate(teacher, _by(teacher, "#cancel-close"))
    assert _all(teacher, "#close-session"), "cancelling keeps the session open"
    navigate(teacher, _by(teacher, "#close-session"))
    navigate(teacher, _by(teacher, "#confirm-close"))
    assert not _all(teacher, "#close-session")
