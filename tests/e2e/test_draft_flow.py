"""From an article to an open class session, in headless Chromium, timed.

A teacher logs in, pastes a real French article of about 600 words (the first
paragraphs of questions/sources/poutine-1-biden-0-2021-12-08.txt), lets the
server draft it with the French spaCy model, drops 2 questions, fixes one
speaker, accepts the others with the keyboard until 6 are accepted,
publishes, and starts a class session; a student joins and answers. The
published bank must pass quizgen's validator and the site must serve it.
The test prints the teacher's clicks, key presses and seconds.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from quizgen import load_bank
from tests.e2e.browser import ROOT, LiveSite, screenshot, serving, wait_until
from tests.e2e.test_class_session import navigate

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.nlp]

TEACHER, PASSWORD = "Mme Lefèvre", "un mot de passe sûr"
ARTICLE_FILE = ROOT / "questions" / "sources" / "poutine-1-biden-0-2021-12-08.txt"
WORDS = 600
# Of the 6 questions drafted on this excerpt (9 before quotation fragments and unmatched true
# statements were dropped), the teacher accepts 4 and drops 2.
ACCEPT, DROP = 4, 2


def article_of_600_words() -> str:
    """The article's first paragraphs, about 600 words."""
    paragraphs, words = [], 0
    for paragraph in ARTICLE_FILE.read_text(encoding="utf-8").split("\n\n"):
        paragraphs.append(paragraph)
        words += len(paragraph.split())
        if words >= WORDS:
            break
    return "\n\n".join(paragraphs) + "\n"


@dataclass
class Tally:
    """What the teacher did: clicks, keys pressed, fields typed in."""

    clicks: int = 0
    keys: int = 0
    fields: int = 0
    steps: list[str] = field(default_factory=list)

    def click(self, driver: Any, element: Any, what: str, *, page: bool = True) -> None:
        self.clicks += 1
        self.steps.append(f"click {what}")
        if page:
            navigate(driver, element)
        else:
            element.click()

    def type(self, element: Any, text: str, what: str) -> None:
        self.fields += 1
        self.steps.append(f"type {what}")
        element.clear()
        element.send_keys(text)


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """The site with an empty banks folder, drafting with the real model."""

    from web import create_app
    from web.accounts import add_teacher
    from web.drafter import SpacyDrafter

    reason = SpacyDrafter().unavailable()
    if reason:
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("draft-site")
    (base / "banks").mkdir()
    app = create_app({"INSTANCE_PATH": str(base / "instance"), "QUIZGEN_BANKS": [str(base / "banks")]})
    with app.app_context():
        add_teacher(TEACHER, PASSWORD)
    with serving(app, base / "instance", "e2e-draft-site") as site:
        yield site


def _by(driver: Any, css: str) -> Any:
    return driver.find_element("css selector", css)


def _all(driver: Any, css: str) -> list[Any]:
    return driver.find_elements("css selector", css)


def _key(driver: Any, tally: Tally, key: str) -> None:
    """Press a review shortcut on the page and wait for the next page."""
    from selenium.webdriver.common.action_chains import ActionChains

    old = _by(driver, "html")
    tally.keys += 1
    tally.steps.append(f"key {key}")
    ActionChains(driver).send_keys(key).perform()
    wait_until(lambda: _stale(old), message=f"the page after the key {key}")
    wait_until(lambda: driver.execute_script("return document.readyState") == "complete")


def _stale(element: Any) -> bool:
    from selenium.common.exceptions import WebDriverException

    try:
        element.tag_name  # noqa: B018
    except WebDriverException:
        return True
    return False


def _counts(driver: Any) -> tuple[int, int, int]:
    found = re.search(r"(\d+)\D+(\d+)\D+(\d+)", _by(driver, "#counts").text)
    assert found, "no counts on the review page"
    return int(found[1]), int(found[2]), int(found[3])


def review_draft(driver: Any, tally: Tally) -> str:
    """Drop 2, fix one speaker, accept until 6 are accepted; the fixed question's id."""
    fixed = ""
    while True:
        accepted, pending, dropped = _counts(driver)
        if accepted >= ACCEPT:
            return fixed
        assert pending, f"only {accepted} questions could be accepted"
        card = _by(driver, "#current")
        kind = card.get_attribute("data-qid")
        if dropped < DROP:
            _key(driver, tally, "d")
        elif not fixed and _all(driver, "#current #f-speaker"):
            speaker, distractors = _by(driver, "#f-speaker"), _by(driver, "#f-distractors")
            old, others = speaker.get_attribute("value"), distractors.get_attribute("value").split("\n")
            # The drafter's doubt was right: it was the first of the other speakers who said it.
            tally.type(speaker, others[0], "the right speaker")
            tally.type(distractors, "\n".join([old, *others[1:]]), "the other speakers")
            tally.click(driver, _by(driver, "#save-accept"), "Save and accept")
            fixed = kind or ""
        else:
            _key(driver, tally, "a")


def student_answers(driver: Any, url: str) -> None:
    driver.get(url)
    _by(driver, "#nickname").send_keys("Zoé")
    navigate(driver, _by(driver, "form button[type='submit']"))
    wait_until(lambda: _all(driver, "#answer-form"), message="the first question")
    choices = _all(driver, "#answer-form input[name='choice']")
    if choices:
        choices[0].click()
    for css in ("#number", "#text", "#answer-form input[id^='gap-']"):
        for box in _all(driver, css):
            box.send_keys("1")
    navigate(driver, _by(driver, "#submit-answer"))
    assert _all(driver, "#verdict"), "no feedback after the student's answer"


def test_article_to_class_session(draft_site: LiveSite, browser_factory: Any) -> None:
    site = draft_site
    article = article_of_600_words()
    teacher, tally = browser_factory(language="fr"), Tally()
    started = time.monotonic()
    teacher.get(site.url + "/teacher/login")
    tally.type(_by(teacher, "#name"), TEACHER, "name")
    tally.type(_by(teacher, "#password"), PASSWORD, "password")
    tally.click(teacher, _by(teacher, "button[type='submit']"), "Log in")
    tally.click(teacher, _by(teacher, "#drafts-link"), "New bank from an article")
    tally.click(teacher, _by(teacher, "#new-draft"), "New bank from an article")
    # Pasting is one action: the text is put in the box as a paste would.
    box = _by(teacher, "#article")
    teacher.execute_script("arguments[0].value = arguments[1];", box, article)
    tally.fields += 1
    tally.steps.append("paste the article")
    tally.type(_by(teacher, "#outlet"), "Site de revue de presse francophone", "outlet")
    drafting = time.monotonic()
    teacher.set_page_load_timeout(180)  # the first draft loads the model; a busy machine is slow
    tally.click(teacher, _by(teacher, "#draft-button"), "Draft the questions")
    teacher.set_page_load_timeout(60)
    drafting = time.monotonic() - drafting
    assert _all(teacher, "#review"), _by(teacher, "main").text
    screenshot(teacher, "draft-review")
    total = sum(_counts(teacher))
    assert total >= ACCEPT + DROP, f"the draft has only {total} questions"
    fixed = review_draft(teacher, tally)
    assert fixed, "no quote question to fix"
    assert _counts(teacher)[0] == ACCEPT and _counts(teacher)[2] == DROP
    bank_id = _by(teacher, "#bank_id").get_attribute("value")
    tally.click(teacher, _by(teacher, "#publish"), "Publish")
    assert _all(teacher, "#start-session"), _by(teacher, "main").text
    tally.click(teacher, _by(teacher, "#start-session"), "Start a class session")
    code = re.search(r"/teacher/s/([A-Z0-9]+)$", teacher.current_url)
    assert code, teacher.current_url
    seconds = time.monotonic() - started

    student = browser_factory(language="fr")
    student_answers(student, f"{site.url}/j/{code[1]}")
    teacher.refresh()
    wait_until(lambda: "Zoé" in _by(teacher, "main").text, message="the student on the dashboard")

    banks = Path(site.app.config["QUIZGEN_BANKS"][0])
    bank = load_bank(banks / f"{bank_id}.yaml")  # passes quizgen's validator
    served = [q for q in bank.questions if not q.draft]
    assert len(served) == ACCEPT and len(bank.questions) == total - DROP
    fixed_q = bank.question(fixed)
    assert not fixed_q.draft
    status, _headers, body = site.get(f"/b/{bank_id}", {})
    assert status == 200 and bank.title.split()[0] in body.decode()
    print(f"\narticle to open class session: {len(article.split())} words, {total} questions drafted, "
          f"{ACCEPT} accepted (1 speaker fixed), {DROP} dropped")
    print(f"teacher: {tally.clicks} clicks, {tally.keys} key presses, {tally.fields} fields typed or pasted; "
          f"{seconds:.1f} s in all, of which {drafting:.1f} s drafting on the server (model load included)")
    print("steps: " + ", ".join(tally.steps))
    with contextlib.suppress(Exception):
        screenshot(teacher, "draft-session")
