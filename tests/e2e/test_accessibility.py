"""Accessibility in real headless Chromium.

Every page the drivers open is audited by axe-core and the accessible-name
check (tests/e2e/axe.py; the drivers do it by themselves). Here a tour opens
every kind of page — in French on a desktop screen, in English on a phone in
the dark scheme — and checks that none was left out; then a student takes a
whole class quiz, one question of every type, with the keyboard only.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from quizgen.model import Bank
from tests.e2e.axe import audit_page
from tests.e2e.browser import LiveSite, emulate_phone, wait_until
from tests.e2e.test_class_session import ALL_RIGHT, PARTLY_WRONG, _all, _by, answer, navigate, take_quiz

pytestmark = [pytest.mark.slow, pytest.mark.browser]

TEACHER, PASSWORD = "M. Martin", "un autre mot de passe sûr"

#: Every kind of page, by the path of its address; `code`, `token`, `n` stand for any value.
PAGES = {
    "home": r"/", "bank": r"/b/bank", "code": r"/j", "join": r"/j/code", "waiting room": r"/j/code/go",
    "class question or feedback": r"/j/code/n", "class results": r"/j/code/end",
    "practice question or feedback": r"/p/token/n", "practice results": r"/p/token/end",
    "teacher login": r"/teacher/login", "teacher sessions": r"/teacher/",
    "new session": r"/teacher/new/bank", "session dashboard": r"/teacher/s/code",
    "projector": r"/teacher/s/code/show", "not found": r"/no-such-page",
}


def _kind(path: str, bank_id: str, code: str) -> str:
    path = path.replace(bank_id, "bank").replace(code, "code")
    path = re.sub(r"^/p/[^/]+", "/p/token", path)
    return re.sub(r"/\d+$", "/n", path)


def _close_sessions(live_site: LiveSite) -> None:
    from sqlalchemy import update

    from web.db import get_engine, quiz_session

    with live_site.app.app_context(), get_engine().begin() as conn:
        conn.execute(update(quiz_session).values(status="closed"))


@pytest.fixture(scope="module")
def bank(live_site: LiveSite) -> Bank:
    from quizgen import load_bank
    from web.cli import teacher as teacher_command

    created = CliRunner().invoke(teacher_command, ["add", TEACHER], input=PASSWORD + "\n",
                                 env={"QUIZGEN_INSTANCE": str(live_site.instance)})
    assert created.exit_code == 0, created.output
    return load_bank(next((live_site.instance.parent / "banks").glob("*.yaml")))


@pytest.fixture(scope="module")
def drivers(browser_factory: Any) -> dict[str, Any]:
    """Three browsers for the whole module (a teacher, a student, a student without
    scripts), set up anew by `fresh` for each test."""
    return {"teacher": browser_factory(), "zoe": browser_factory(), "leo": browser_factory(javascript=False)}


def fresh(driver: Any, *, language: str = "fr", phone: bool = False, dark: bool = False) -> Any:
    """The driver as a new browser: no cookies, this language, screen and colour scheme."""
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    agent = driver.execute_script("return navigator.userAgent")
    driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": language})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    if phone:
        emulate_phone(driver)
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.audits = []
    return driver


def test_the_audit_reports_what_fails(drivers: dict[str, Any]) -> None:
    """The audit itself: a page with known faults gets each of them reported."""
    driver = fresh(drivers["teacher"])
    driver.get("data:text/html;charset=utf-8," + quote(
        "<!doctype html><html><title>t</title><body><p id=x>one</p><p id=x>two</p>"
        "<img src=x.png><input type=text><button></button>"
        "<p style='color:#777;background:#888'>faint</p></body></html>"))
    audit = audit_page(driver)  # (a data: page is not audited by itself)
    rules = {v["id"] for v in audit.violations}
    assert {"html-has-lang", "image-alt", "label", "button-name", "color-contrast",
            "page-has-heading-one", "landmark-one-main"} <= rules, rules
    assert audit.duplicate_ids == ["x"]
    assert [u.split(":")[0] for u in audit.unnamed] == ["a textbox", "a button"]
    assert "image-alt (critical)" in audit.report()


@pytest.mark.parametrize(("language", "phone", "dark"), [("fr", False, False), ("en", True, True)],
                         ids=["fr-desktop", "en-phone-dark"])
def test_every_page_passes_the_audit(drivers: dict[str, Any], live_site: LiveSite, bank: Bank,
                                     language: str, phone: bool, dark: bool) -> None:
    teacher, zoe, leo = (fresh(drivers[d], language=language, phone=phone, dark=dark)
                         for d in ("teacher", "zoe", "leo"))
    _close_sessions(live_site)  # a class left open by an earlier test would lock practice
    zoe_practises_alone(zoe, live_site, bank)
    code, join_url = teacher_visits_the_public_pages_and_opens_a_session(teacher, live_site, bank, language)
    two_students_wait_then_the_session_opens(teacher, {"Zoé": zoe, "Léo": leo}, join_url)
    one_answer_then_the_results_and_both_dashboards(teacher, zoe, leo, bank)
    audits = [a for driver in (teacher, zoe, leo) for a in driver.audits]
    seen: dict[str, int] = {}
    for audit in audits:
        kind = _kind(re.sub(r"^https?://[^/]+|[?#].*$", "", audit.url), bank.id, code)
        seen[kind] = seen.get(kind, 0) + 1
    missing = {name for name, path in PAGES.items() if path not in seen}
    assert not missing, f"pages never audited: {sorted(missing)} (audited: {seen})"
    # Each question and its feedback.
    assert seen["/p/token/n"] >= 2 * len(bank.questions)
    if phone:
        assert {a.context.split(", ")[1] for a in audits} == {"390 px"}
    assert {a.context.split(", ")[0] for a in audits} == {language}
    assert {a.context.split(", ")[2] for a in audits} == {"dark" if dark else "light"}


# -- the steps of test_every_page_passes_the_audit, in order (every page opened is audited)


def zoe_practises_alone(zoe: Any, live_site: LiveSite, bank: Bank) -> None:
    """Practice on one's own (before a class makes the bank busy): every question, answers
    right, wrong and partly right, up to the end page that reviews every one."""
    zoe.get(f"{live_site.url}/b/{bank.id}")
    navigate(zoe, _by(zoe, "#start"))
    take_quiz(zoe, bank, {t: r for t, (r, _credit) in PARTLY_WRONG.items()})


def teacher_visits_the_public_pages_and_opens_a_session(teacher: Any, live_site: LiveSite, bank: Bank,
                                                        language: str) -> tuple[str, str]:
    """Home, bank, join and a missing page; the login; a session students wait
    for; its projector view. (join code, join link)"""
    site = live_site.url
    teacher.get(site + "/")
    assert teacher.find_element("tag name", "html").get_attribute("lang") == language
    teacher.get(f"{site}/b/{bank.id}")
    teacher.get(site + "/j")
    teacher.get(site + "/no-such-page")
    teacher.get(site + "/teacher/")
    _by(teacher, "#name").send_keys(TEACHER)
    _by(teacher, "#password").send_keys(PASSWORD)
    navigate(teacher, _by(teacher, "#login"))
    navigate(teacher, _by(teacher, f"#new-{bank.id}"))
    _by(teacher, "#open_now").click()  # students wait until the teacher opens the session
    navigate(teacher, _by(teacher, "#create"))
    code = _by(teacher, "#join-code").text.strip()
    join_url = _by(teacher, "#join-url").get_attribute("href")
    teacher.get(f"{site}/teacher/s/{code}/show")
    teacher.back()
    return code, join_url


def two_students_wait_then_the_session_opens(teacher: Any, students: dict[str, Any], join_url: str) -> None:
    """One with scripts (the page polls), one without (a link to check again)."""
    for nickname, student in students.items():
        student.get(join_url)
        _by(student, "#nickname").send_keys(nickname)
        navigate(student, _by(student, "#join"))
        assert _all(student, "#waiting"), f"{nickname} should be in the waiting room"
    zoe, leo = students["Zoé"], students["Léo"]
    assert not _all(zoe, "meta[http-equiv='refresh']"), "the waiting room must not reload itself"
    navigate(teacher, _by(teacher, "#open-session"))
    wait_until(lambda: _all(zoe, "#question"), timeout=15,
               message="the waiting room to open the first question by itself")
    navigate(leo, _by(leo, "#check-again"))
    assert _all(leo, "#question"), "checking again after the opening leads to the first question"


def one_answer_then_the_results_and_both_dashboards(teacher: Any, zoe: Any, leo: Any, bank: Bank) -> None:
    """One answer, then the results page with questions left (whole class quizzes are taken
    in test_class_session, with and without scripts, and below with the keyboard); the
    dashboard with and without scripts."""
    q = next(q for q in bank.questions if f"q-{q.type}" in _by(zoe, "#question").get_attribute("class"))
    answer(zoe, q, ALL_RIGHT[q.type])
    navigate(zoe, _by(zoe, "#to-end"))
    assert _all(zoe, "#continue"), "the results page offers the remaining questions"
    teacher.get(teacher.current_url)  # the dashboard with results, as the teacher reopens it
    assert len(_all(teacher, "#students tbody tr")) == 2
    # The dashboard without scripts (the teacher's login in Léo's browser): a link to
    # refresh it, never a reload by itself.
    leo.delete_all_cookies()
    for cookie in teacher.get_cookies():
        leo.add_cookie({"name": cookie["name"], "value": cookie["value"], "path": cookie.get("path", "/")})
    leo.get(teacher.current_url)
    assert _all(leo, "#refresh") and not _all(leo, "meta[http-equiv='refresh']")


# -- the keyboard only: Tab, Space, Enter, arrows and typing; never a click

def _keys(driver: Any, *keys: str) -> None:
    """Keys typed into whatever has the focus."""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def _focused(driver: Any) -> str:
    return driver.execute_script("const e = document.activeElement; return e && e.id ? e.id : ''")


def tab_to(driver: Any, element_id: str, limit: int = 60) -> None:
    """Press Tab until the control `element_id` has the focus (it must be reachable by Tab)."""
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        if _focused(driver) == element_id:
            return
        _keys(driver, Keys.TAB)
    raise AssertionError(f"#{element_id} never got the focus with Tab on {driver.current_url}")


def activate(driver: Any, element_id: str) -> None:
    """Tab to a link or button, press Enter, and wait for the page it opens."""
    from selenium.webdriver.common.keys import Keys

    tab_to(driver, element_id)
    driver.execute_script("window.__quizgenLeaving = true")  # gone with this page
    _keys(driver, Keys.ENTER)
    wait_until(lambda: driver.execute_script(
        "return !window.__quizgenLeaving && document.readyState === 'complete'"),
        message=f"the page opened by #{element_id}")


def _arrow_to(driver: Any, select_id: str, wanted: str) -> None:
    """On a (closed) select, move with the arrow keys to the option that reads `wanted`."""
    from selenium.webdriver.common.keys import Keys

    tab_to(driver, select_id)
    texts = [" ".join(o.text.split()) for o in _all(driver, f"#{select_id} option")]
    current = [o.is_selected() for o in _all(driver, f"#{select_id} option")].index(True)
    steps = texts.index(wanted) - current
    _keys(driver, *([Keys.ARROW_DOWN] * steps if steps > 0 else [Keys.ARROW_UP] * -steps))


def keyboard_answer(driver: Any, q: Any, response: Any) -> None:
    """Fill the question's form with keys only, then send it with Enter."""
    from selenium.webdriver.common.keys import Keys

    def label(control: Any) -> str:
        return " ".join(_by(driver, f"label[for='{control.get_attribute('id')}']").text.split())

    match q.type:
        case "single" | "quote":  # Tab enters the group on its first option; Space picks, arrows move
            radios = _all(driver, "#answer-form input[name='choice']")
            tab_to(driver, radios[0].get_attribute("id"))
            _keys(driver, Keys.SPACE, *[Keys.ARROW_DOWN] * [label(r) for r in radios].index(response))
        case "true_false":
            tab_to(driver, "choice-true")
            _keys(driver, Keys.SPACE, *([] if response else [Keys.ARROW_RIGHT]))
        case "multi":
            for box in _all(driver, "#answer-form input[name='choice']"):
                tab_to(driver, box.get_attribute("id"))
                if label(box) in response:
                    _keys(driver, Keys.SPACE)
        case "numeric" | "short":
            tab_to(driver, "number" if q.type == "numeric" else "text")
            _keys(driver, response)
        case "match":
            for select in _all(driver, "#answer-form select[name^='pair-']"):
                _arrow_to(driver, select.get_attribute("id"), response[label(select)])
        case "order":
            for select in _all(driver, "#answer-form select[name^='position-']"):
                _arrow_to(driver, select.get_attribute("id"), str(response.index(label(select)) + 1))
        case "cloze":
            for i, text in enumerate(response):
                tab_to(driver, f"gap-{i}")
                _keys(driver, text)
    activate(driver, "submit-answer")


def test_a_class_quiz_with_the_keyboard_only(drivers: dict[str, Any], live_site: LiveSite,
                                             bank: Bank) -> None:
    _close_sessions(live_site)
    teacher, student = fresh(drivers["teacher"], language="en"), fresh(drivers["zoe"], language="en")
    teacher.get(live_site.url + "/teacher/")
    tab_to(teacher, "name")
    _keys(teacher, TEACHER)
    tab_to(teacher, "password")
    _keys(teacher, PASSWORD)
    activate(teacher, "login")
    activate(teacher, f"new-{bank.id}")
    activate(teacher, "create")  # all questions, feedback after each answer, open now
    join_url = _by(teacher, "#join-url").get_attribute("href")

    student.get(join_url)  # the link the teacher gave (or its QR code)
    tab_to(student, "nickname")
    _keys(student, "Zoé")
    activate(student, "join")
    by_type = {q.type: q for q in bank.questions}
    seen = []
    while _all(student, "#question"):
        q = by_type[next(c[2:] for c in _by(student, "#question").get_attribute("class").split()
                         if c.startswith("q-"))]
        keyboard_answer(student, q, ALL_RIGHT[q.type])
        verdict = _by(student, "#verdict")
        assert "right" in verdict.get_attribute("class").split(), \
            f"{q.id}: the answer given with the keyboard is not the one meant: {verdict.text}"
        seen.append(q.id)
        activate(student, "next" if _all(student, "#next") else "to-end")
    assert sorted(seen) == sorted(q.id for q in bank.questions)
    assert f"{len(bank.questions)} out of {len(bank.questions)}" in _by(student, "#score").text
