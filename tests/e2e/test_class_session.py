"""A class session in real headless Chromium, from the teacher's login to the CSV.

A teacher (created with `quizgen teacher add`) logs in and opens a session
on the bank with one question of every type (all questions, feedback after
each answer). Zoé joins by the link on a phone-sized screen and answers
everything right; Léo, with JavaScript off, types the code and gets some
wrong or partly right. Before each answer the page must not hold the key,
the explanation or the evidence. The dashboard, refreshing by itself, then
shows both scores and the item analysis, and the CSV says the same.
Screenshots of the main pages go to test-artifacts/e2e/.
"""

from __future__ import annotations

import csv
import html
import io
import re
from typing import Any

import pytest
from click.testing import CliRunner

from quizgen.grading import FULL
from quizgen.model import Bank
from quizgen.text import normalize
from tests.e2e.browser import DESKTOP, LiveSite, emulate_phone, screenshot, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.browser]

TEACHER, PASSWORD = "Mme Dupont", "un mot de passe sûr"

#: What Zoé gives: the key, typed the way students type (case, accents).
ALL_RIGHT: dict[str, Any] = {
    "single": "RIA",
    "multi": ["Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson"],
    "true_false": True,
    "numeric": "125",
    "short": "POUTINE",
    "quote": "Vladimir Poutine",
    "match": {"Mario Draghi": "Italie", "Boris Johnson": "Royaume-Uni"},
    "order": ["Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson"],
    "cloze": ["tadjikistan", "30"],
}
#: What Léo gives, and the credit each answer is worth under the issue's rules.
PARTLY_WRONG: dict[str, tuple[Any, float]] = {
    "single": ("Reuters", 0.0),
    # Four right selections and one wrong: (4 − 1) / 4.
    "multi": (["Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson", "Pedro Sánchez"], 0.75),
    "true_false": (False, 0.0),
    "numeric": ("128", 1.0),  # within the tolerance of 5
    "short": ("Putin", 1.0),  # an accepted spelling
    "quote": ("Joe Biden", 0.0),
    "match": ({"Mario Draghi": "Italie", "Boris Johnson": "Italie"}, 0.5),
    "order": (["Emmanuel Macron", "Angela Merkel", "Boris Johnson", "Mario Draghi"], 0.5),
    "cloze": (["Tadjikistan", "31"], 0.5),
}


def _by(driver: Any, css: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, css)


def _all(driver: Any, css: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, css)


def navigate(driver: Any, element: Any) -> None:
    """Click a link or a submit button and wait for the next page to be loaded."""
    from selenium.common.exceptions import WebDriverException

    old = driver.find_element("tag name", "html")
    element.click()

    def left() -> bool:
        try:
            old.tag_name  # noqa: B018 (any call on an element of the old page)
        except WebDriverException:  # stale, or "does not belong to the document"
            return True
        return False

    wait_until(left, message=f"the page after {driver.current_url} to open")
    wait_until(lambda: driver.execute_script("return document.readyState") == "complete",
               message="the page to load")


def _label(driver: Any, element: Any) -> str:
    return " ".join(_by(driver, f"label[for='{element.get_attribute('id')}']").text.split())


def _number(text: str) -> float:
    """A figure as the French interface prints it: "4,25", "100 %"."""
    return float(re.search(r"\d+(?:[.,]\d+)?", text.replace("\u202f", "").replace("\xa0", ""))[0]
                 .replace(",", "."))


def _page_text(driver: Any) -> str:
    """The page's HTML as the browser holds it, unescaped and normalised."""
    source = html.unescape(driver.page_source)
    # The CSRF token is random: drop it so a short figure cannot match inside it.
    source = re.sub(r'name="csrf_token"[^>]*>', ">", source)
    return normalize(source)


def assert_nothing_revealed(driver: Any, q: Any) -> None:
    """Before answering: no key, explanation or evidence anywhere in the page,
    and choices that all look alike in the markup."""
    page = _page_text(driver)
    # What the question itself shows (a true/false statement may quote its evidence word for word).
    asked = normalize(" ".join(str(getattr(q, f, "")) for f in ("prompt", "statement", "quote", "text")))
    for name in ("explanation", "evidence"):
        text = normalize(getattr(q, name))
        assert text in asked or text not in page, f"{q.id}: the {name} is in the page before answering"
    typed: list[str] = []
    if q.type == "short":
        typed = q.accepted
    elif q.type == "numeric":
        typed = [f"{q.answer:g}"]
    elif q.type == "cloze":
        typed = [answer for _n, answer, _hint in q.gaps]
    for text in typed:
        pattern = rf"(?<![\w.,]){re.escape(normalize(text))}(?![\w.,])"
        assert not re.search(pattern, page), f"{q.id}: the answer {text!r} is in the page before answering"
    # Every option's markup is the same but for its id and value: nothing marks the right one.
    shapes = {re.sub(r'\s(id|value)="[^"]*"', "", el.get_attribute("outerHTML"))
              for el in _all(driver, "#answer-form input[name='choice']")}
    assert len(shapes) <= 1, f"{q.id}: options differ in their markup: {shapes}"
    for select in _all(driver, "#answer-form select"):
        # (An order question preselects each item's place on the page, itself a shuffle.)
        options = {re.sub(r'\s(value|selected)="[^"]*"', "", o.get_attribute("outerHTML")).split(">")[0]
                   for o in select.find_elements("css selector", "option[value]:not([value=''])")}
        assert len(options) <= 1, f"{q.id}: select options differ in their markup: {options}"


def answer(driver: Any, q: Any, response: Any) -> None:
    """Fill the question's form the way a student does, then submit it."""
    from selenium.webdriver.support.ui import Select

    def tick(texts: list[str]) -> None:
        options = {_label(driver, el): el for el in _all(driver, "#answer-form input[name='choice']")}
        for text in texts:
            assert text in options, f"{q.id}: no option {text!r} among {sorted(options)}"
            options[text].click()

    match q.type:
        case "single" | "quote":
            tick([response])
        case "multi":
            tick(response)
        case "true_false":
            _by(driver, "#choice-true" if response else "#choice-false").click()
        case "numeric":
            _by(driver, "#number").send_keys(response)
        case "short":
            _by(driver, "#text").send_keys(response)
        case "match":
            for select in _all(driver, "#answer-form select[name^='pair-']"):
                Select(select).select_by_visible_text(response[_label(driver, select)])
        case "order":
            for select in _all(driver, "#answer-form select[name^='position-']"):
                Select(select).select_by_visible_text(str(response.index(_label(driver, select)) + 1))
        case "cloze":
            for i, text in enumerate(response):
                _by(driver, f"#gap-{i}").send_keys(text)
    navigate(driver, _by(driver, "#submit-answer"))


def horizontal_overflow(driver: Any) -> int:
    """How many CSS pixels the page is wider than the screen (0: no sideways scrolling)."""
    return driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")


def take_quiz(driver: Any, bank: Bank, responses: dict[str, Any], *, shots: str | None = None,
              on_question: Any = None) -> list[str]:
    """Answer every question from the current page on; return the question ids in the order seen."""
    seen: list[str] = []
    by_type = {q.type: q for q in bank.questions}
    while _all(driver, "#question"):
        article = _by(driver, "#question")
        q = by_type[next(c[2:] for c in article.get_attribute("class").split() if c.startswith("q-"))]
        assert q.id not in seen, f"{q.id} asked twice"
        assert _all(driver, "#answer-form"), f"{q.id}: no form to answer"
        assert_nothing_revealed(driver, q)
        if on_question:
            on_question(q, len(seen))
        if shots and not seen:
            screenshot(driver, f"{shots}-question")
        answer(driver, q, responses[q.type])
        assert _all(driver, "#verdict"), f"{q.id}: no feedback after answering"
        page = _page_text(driver)
        assert normalize(q.explanation) in page and normalize(q.evidence) in page, \
            f"{q.id}: the feedback lacks the explanation or the evidence"
        if shots and not seen:
            screenshot(driver, f"{shots}-feedback")
        seen.append(q.id)
        # "Next" leads to the next unanswered question, or to the results after the last one.
        navigate(driver, (_all(driver, "#next") or _all(driver, "#to-end"))[0])
    assert _all(driver, "#score"), "the quiz did not end on the results page"
    return seen


def _cookies(driver: Any) -> dict[str, str]:
    return {c["name"]: c["value"] for c in driver.get_cookies()}


def test_class_session(browser_factory: Any, live_site: LiveSite) -> None:
    from quizgen import load_bank

    bank = load_bank(next((live_site.instance.parent / "banks").glob("*.yaml")))
    assert {q.type for q in bank.questions} == set(ALL_RIGHT), "the test bank has one question of every type"
    add_teacher_with_the_cli(live_site)
    teacher = browser_factory()
    code, join_url = teacher_logs_in_and_opens_a_session(teacher, live_site, bank)
    zoe_order = zoe_answers_everything_right_on_a_phone(browser_factory(), bank, join_url)
    leo = browser_factory(javascript=False)
    leo_order, credit = leo_types_the_code_without_javascript_and_gets_some_wrong(leo, live_site, bank, code)
    assert sorted(zoe_order) == sorted(leo_order) == sorted(q.id for q in bank.questions)
    shown = the_dashboard_catches_up_and_the_analysis_marks_every_answer(teacher, bank, credit)
    the_csv_says_the_same(live_site, teacher, code, bank, credit, shown)
    only_the_teacher_gets_the_results(live_site, leo, code)
    # The pages at desktop size are laid out without sideways scrolling either.
    for driver in (teacher, leo):
        driver.set_window_size(*DESKTOP)
        assert horizontal_overflow(driver) <= 0


# -- the steps of test_class_session, in order


def add_teacher_with_the_cli(live_site: LiveSite) -> None:
    from web.cli import teacher as teacher_command  # `quizgen teacher`

    created = CliRunner().invoke(teacher_command, ["add", TEACHER], input=PASSWORD + "\n",
                                 env={"QUIZGEN_INSTANCE": str(live_site.instance)})
    assert created.exit_code == 0, created.output


def teacher_logs_in_and_opens_a_session(teacher: Any, live_site: LiveSite, bank: Bank) -> tuple[str, str]:
    """All questions, feedback after each answer; (join code, join link)."""
    teacher.get(live_site.url + "/")
    assert bank.title in _by(teacher, "main").text  # "<test> & « essai »" shown as typed
    screenshot(teacher, "01-home")
    teacher.get(live_site.url + "/teacher/")  # a protected page sends to the login
    _by(teacher, "#name").send_keys(TEACHER)
    _by(teacher, "#password").send_keys(PASSWORD)
    screenshot(teacher, "02-teacher-login")
    navigate(teacher, _by(teacher, "#login"))
    navigate(teacher, _by(teacher, f"#new-{bank.id}"))
    assert _by(teacher, "input[name='feedback'][value='immediate']").is_selected()
    assert _by(teacher, "#open_now").is_selected()
    navigate(teacher, _by(teacher, "#create"))
    code = _by(teacher, "#join-code").text.strip()
    join_url = _by(teacher, "#join-url").get_attribute("href")
    assert join_url == f"{live_site.url}/j/{code}"
    assert _all(teacher, ".qr-box svg"), "the dashboard shows the QR code"
    screenshot(teacher, "03-dashboard-empty")
    return code, join_url


def zoe_answers_everything_right_on_a_phone(zoe: Any, bank: Bank, join_url: str) -> list[str]:
    """Zoé opens the link on a phone, rejoins halfway (her place is kept) and
    answers everything right; the question ids in the order she saw them."""
    emulate_phone(zoe)
    zoe.get(join_url)
    screenshot(zoe, "04-join-phone")
    _by(zoe, "#nickname").send_keys("Zoé")
    navigate(zoe, _by(zoe, "#join"))
    overflow: dict[str, int] = {}

    def on_zoe_question(q: Any, answered: int) -> None:
        overflow[q.id] = horizontal_overflow(zoe)
        if answered == 3:  # the join link opened again (a new tab, a dropped connection) resumes here
            here = zoe.current_url
            zoe.get(join_url)
            assert zoe.current_url == here and _all(zoe, "#answer-form"), "rejoining lost her place"
            assert _by(zoe, "#nickname").text == "Zoé"

    order = take_quiz(zoe, bank, ALL_RIGHT, shots="05-phone", on_question=on_zoe_question)
    assert not {k: v for k, v in overflow.items() if v > 0}, f"pages wider than a phone: {overflow}"
    assert _number(_by(zoe, "#score").text) == len(bank.questions)
    screenshot(zoe, "06-phone-results")
    return order


def leo_types_the_code_without_javascript_and_gets_some_wrong(
        leo: Any, live_site: LiveSite, bank: Bank, code: str) -> tuple[list[str], dict[str, float]]:
    """Léo types the code (lower case, with a space); (the order he saw, his credit by question id)."""
    leo.get("data:text/html,<p id=js>off</p><script>document.getElementById('js').textContent='on'</script>")
    assert _by(leo, "#js").text == "off", "JavaScript should be disabled in this browser"
    leo.get(live_site.url + "/j")
    _by(leo, "#code").send_keys(f"{code[:3].lower()} {code[3:].lower()}")
    navigate(leo, _by(leo, "#join-code"))
    _by(leo, "#nickname").send_keys("Léo")
    screenshot(leo, "07-join")
    navigate(leo, _by(leo, "#join"))
    order = take_quiz(leo, bank, {t: r for t, (r, _credit) in PARTLY_WRONG.items()}, shots="08-desktop")
    credit = {bank.questions[[q.type for q in bank.questions].index(t)].id: c
              for t, (_r, c) in PARTLY_WRONG.items()}
    assert _number(_by(leo, "#score").text) == pytest.approx(sum(credit.values()))
    return order, credit


def the_dashboard_catches_up_and_the_analysis_marks_every_answer(
        teacher: Any, bank: Bank, credit: dict[str, float]) -> dict[str, str]:
    """The dashboard, left open, refreshes by itself; the item analysis (a page
    of its own, off the projected dashboard) shows the right answers. The
    scores shown, by nickname."""
    total = len(bank.questions)

    def students_shown() -> dict[str, str]:
        from selenium.common.exceptions import StaleElementReferenceException

        try:
            rows = _all(teacher, "#students tbody tr")
            done = [r for r in rows if _by(r, ".progress-cell").text.split() == [str(total), "/", str(total)]]
            if len(done) != 2:
                return {}
            return {_by(r, ".nickname").text: _by(r, ".score-cell").text for r in rows}
        except StaleElementReferenceException:  # replaced by a refresh while being read
            return {}

    wait_until(students_shown, timeout=15,
               message="both students' finished quizzes on the dashboard (it refreshes by itself)")
    navigate(teacher, _by(teacher, "#analysis"))
    wait_until(students_shown, message="the students on the analysis page")
    # Stop the page's refresh timer so the figures hold still while they are read.
    teacher.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    shown = students_shown()
    assert _number(shown["Zoé"]) == total and f"/ {total}" in shown["Zoé"]
    assert _number(shown["Léo"]) == pytest.approx(sum(credit.values()))
    each_item_marks_full_credit_right(teacher, bank, credit)
    screenshot(teacher, "09-dashboard")
    return shown


def each_item_marks_full_credit_right(teacher: Any, bank: Bank, credit: dict[str, float]) -> None:
    """Per question: the share right, the answers given (two), and every answer
    that earned full credit marked right, whichever accepted spelling it used."""

    def item(q_id: str) -> Any:
        return next(li for li in _all(teacher, "#items-section li.item")
                    if _by(li, "h3 .hint").text.strip() == q_id)

    distribution = "table.distribution:not(.wrong-choices) tbody tr"
    for q in bank.questions:
        li = item(q.id)
        expected_share = (1 + (credit[q.id] >= FULL)) / 2
        share = _number(_by(li, ".share").text) / 100
        assert share == pytest.approx(expected_share), f"{q.id}: share right {share} != {expected_share}"
        rows = [(r.find_element("css selector", "td").text, r.get_attribute("class") or "",
                 _number(r.find_elements("css selector", "td")[1].text))
                for r in li.find_elements("css selector", distribution)]
        assert sum(n for _label, _cls, n in rows) == 2, f"{q.id}: distribution {rows}"
        marked_right = sum(n for _label, cls, n in rows if "right" in cls.split())
        assert marked_right == 1 + (credit[q.id] >= FULL), f"{q.id}: answers marked right {rows}"
        if credit[q.id] < FULL:
            assert len(rows) == 2, f"{q.id}: a wrong answer must show apart from the right one: {rows}"
    multi = next(q for q in bank.questions if q.type == "multi")
    given = [r.text for r in item(multi.id).find_elements("css selector", distribution)]
    assert any("Pedro Sánchez" in r for r in given), f"Léo's wrong selection is not shown: {given}"


def the_csv_says_the_same(live_site: LiveSite, teacher: Any, code: str, bank: Bank,
                          credit: dict[str, float], shown: dict[str, str]) -> None:
    """The CSV, downloaded with the teacher's cookie: headers in the interface's
    language, each student's score and each question's credit."""
    status, headers, body = live_site.get(f"/teacher/s/{code}/results.csv", _cookies(teacher),
                                          {"Accept-Language": "fr"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    header, rows = table[0], {r[0]: r for r in table[1:]}
    assert set(rows) == {"Zoé", "Léo"}
    column = {h.split(" ")[1]: i for i, h in enumerate(header) if h.startswith("Q") and h.endswith(" score")}
    assert set(column) == {q.id for q in bank.questions}
    for nickname, expected in (("Zoé", dict.fromkeys(credit, 1.0)), ("Léo", credit)):
        row = rows[nickname]
        assert row[header.index("Réponses données")] == str(len(bank.questions))
        assert _number(row[header.index("Score")]) == pytest.approx(sum(expected.values()))
        assert _number(row[header.index("Score")]) == pytest.approx(_number(shown[nickname]))
        for q_id, i in column.items():
            assert _number(row[i]) == pytest.approx(expected[q_id]), f"{nickname} {q_id}: {row[i]}"


def only_the_teacher_gets_the_results(live_site: LiveSite, leo: Any, code: str) -> None:
    """Someone without the teacher's cookie (Léo's) does not get the CSV."""
    _status, headers, body = live_site.get(f"/teacher/s/{code}/results.csv", _cookies(leo))
    assert b"Zo\xc3\xa9" not in body and not headers.get("Content-Type", "").startswith("text/csv")
