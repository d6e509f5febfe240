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

import pytest
from click.testing import CliRunner

from quizgen.model import Bank
from tests.e2e.browser import LiveSite, emulate_phone, wait_until
from tests.e2e.test_class_session import ALL_RIGHT, PARTLY_WRONG, _all, _by, navigate, take_quiz

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


@pytest.mark.parametrize(("language", "phone", "dark"), [("fr", False, False), ("en", True, True)],
                         ids=["fr-desktop", "en-phone-dark"])
def test_every_page_passes_the_audit(browser_factory: Any, live_site: LiveSite, bank: Bank,
                                     language: str, phone: bool, dark: bool) -> None:
    def browser(**options: Any) -> Any:
        driver = browser_factory(language=language, dark=dark, **options)
        if phone:
            emulate_phone(driver)
        return driver

    site = live_site.url
    _close_sessions(live_site)  # a class left open by an earlier test would lock practice
    # Practice on one's own (before a class makes the bank busy), up to the end page
    # that reviews every question.
    students = {"Zoé": browser(), "Léo": browser(javascript=False)}
    zoe, leo = students["Zoé"], students["Léo"]
    zoe.get(f"{site}/b/{bank.id}")
    navigate(zoe, _by(zoe, "#start"))
    take_quiz(zoe, bank, ALL_RIGHT)

    teacher = browser()
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

    # Two students wait: one with scripts (the page polls), one without (a link to check again).
    for nickname, student in students.items():
        student.get(join_url)
        _by(student, "#nickname").send_keys(nickname)
        navigate(student, _by(student, "#join"))
        assert _all(student, "#waiting"), f"{nickname} should be in the waiting room"
    assert not _all(zoe, "meta[http-equiv='refresh']"), "the waiting room must not reload itself"
    navigate(teacher, _by(teacher, "#open-session"))
    wait_until(lambda: _all(zoe, "#question"), timeout=15,
               message="the waiting room to open the first question by itself")
    navigate(leo, _by(leo, "#check-again"))
    take_quiz(zoe, bank, {t: r for t, (r, _credit) in PARTLY_WRONG.items()})  # right, wrong, partly right
    take_quiz(leo, bank, ALL_RIGHT)
    teacher.get(teacher.current_url)  # the dashboard with results, as the teacher reopens it
    assert len(_all(teacher, "#students tbody tr")) == 2

    audits = [a for driver in (teacher, zoe, leo) for a in driver.audits]
    seen: dict[str, int] = {}
    for audit in audits:
        kind = _kind(re.sub(r"^https?://[^/]+|[?#].*$", "", audit.url), bank.id, code)
        seen[kind] = seen.get(kind, 0) + 1
    missing = {name for name, path in PAGES.items() if path not in seen}
    assert not missing, f"pages never audited: {sorted(missing)} (audited: {seen})"
    # Each question and its feedback, in class (twice) and in practice.
    assert seen["/j/code/n"] >= 4 * len(bank.questions) and seen["/p/token/n"] >= 2 * len(bank.questions)
    if phone:
        assert {a.context.split(", ")[1] for a in audits} == {"390 px"}
    assert {a.context.split(", ")[0] for a in audits} == {language}
    assert {a.context.split(", ")[2] for a in audits} == {"dark" if dark else "light"}
