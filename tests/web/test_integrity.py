"""Nothing a student's browser receives before answering reveals the answer.

Two kinds of proof:
- a differential test: two banks identical except for every key, explanation
  and evidence serve byte-identical pages (CSRF tokens aside) to the same
  student before they answer, so no page depends on the key in any way
  (hidden fields, values, order of choices, sizes, scripts, JSON…);
- a scan of every page served before answering (practice and class, both
  feedback modes) for the explanation, evidence and typed answers of every
  question, in any case and escaped form.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient

from quizgen import Bank, load_bank
from quizgen.text import normalize
from tests.web.conftest import PASSWORD, create_session, join, login
from tests.web.pages import asks, form_data, without_csrf, wrong_response
from web.accounts import add_teacher


@pytest.fixture
def variant_dir(tmp_path: Path, bank_dir: Path) -> Path:
    """The test bank with every key, explanation and evidence changed."""
    target = tmp_path / "variant"
    shutil.copytree(bank_dir, target)
    data = yaml.safe_load((bank_dir / "classe.yaml").read_text(encoding="utf-8"))
    extra = []
    for q in data["questions"]:
        q["explanation"] = f"Explication de variante pour {q['id']}."
        q["evidence"] = f"Passage de variante numéro {len(extra)} pour {q['id']}."
        extra.append(q["evidence"])
        match q["type"]:
            case "single":
                q["answer"] = q["choices"][1]
            case "multi":
                q["answers"] = [c for c in q["choices"] if c not in q["answers"]]
            case "true_false":
                q["answer"] = not q["answer"]
            case "numeric":
                q["answer"], q["tolerance"] = 90, 0
            case "short":
                q["answer"], q["accept"] = "Peskov", ["Dmitri Peskov"]
            case "quote":
                q["speaker"], q["distractors"][0] = q["distractors"][0], q["speaker"]
            case "match":
                lefts, rights = list(q["pairs"]), list(q["pairs"].values())
                q["pairs"] = {left: rights[(i + 1) % len(rights)] for i, left in enumerate(lefts)}
            case "order":
                q["items"] = list(reversed(q["items"]))
            case "cloze":
                q["text"] = q["text"].replace("Tadjikistan", "Kirghizistan").replace("::30::", "::45::")
    (target / "classe.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    source = target / "sources" / "sommet.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n" + "\n".join(extra) + "\n", encoding="utf-8")
    return target


@pytest.fixture
def twins(make_app: Callable[..., Flask], bank_dir: Path, variant_dir: Path) -> tuple[Flask, Flask]:
    """The real bank and its variant, served from one database with one secret."""
    a, b = make_app(bank_dir), make_app(variant_dir)
    variant = load_bank(variant_dir / "classe.yaml")
    real = load_bank(bank_dir / "classe.yaml")
    for qa, qb in zip(real.questions, variant.questions, strict=True):
        assert qa.model_dump() != qb.model_dump()
    return a, b


def same_student(app: Flask, client: FlaskClient) -> FlaskClient:
    """A client of `app` carrying `client`'s cookies (the same student)."""
    twin = app.test_client()
    cookie = client.get_cookie("quizgen")
    if cookie is not None:
        twin.set_cookie("quizgen", cookie.value)
    return twin


def assert_same(a: FlaskClient, b: FlaskClient, url: str, method: str = "GET", **kw) -> str:
    ra, rb = a.open(url, method=method, **kw), b.open(url, method=method, **kw)
    assert ra.status_code == rb.status_code, url
    pa, pb = without_csrf(ra.get_data(as_text=True)), without_csrf(rb.get_data(as_text=True))
    assert pa == pb, f"{url} depends on the answer key"
    return pa


def test_practice_pages_do_not_depend_on_the_key(twins: tuple[Flask, Flask], bank: Bank) -> None:
    app_a, app_b = twins
    a = app_a.test_client()
    base = a.post("/b/sommet-classe/practice", data={}).headers["Location"].rsplit("/", 1)[0]
    b = same_student(app_b, a)
    for url in ("/", "/b/sommet-classe", f"{base}/end"):
        assert_same(a, b, url)
    for n in range(1, 10):
        assert_same(a, b, f"{base}/{n}")
        # A form sent back with an error shows the form again: still nothing.
        assert_same(a, b, f"{base}/{n}", method="POST", data={"choice": "9999"})


@pytest.mark.parametrize("feedback", ["immediate", "deferred"])
def test_session_pages_do_not_depend_on_the_key(twins: tuple[Flask, Flask], bank: Bank,
                                                feedback: str) -> None:
    app_a, app_b = twins
    with app_a.app_context():
        add_teacher("prof", PASSWORD)
    teacher = app_a.test_client()
    login(teacher)
    code = create_session(teacher, feedback=feedback, open_now="")
    visitor_a = app_a.test_client()
    assert_same(visitor_a, same_student(app_b, visitor_a), f"/j/{code}")
    a = join(app_a, code, "Léa")
    b = same_student(app_b, a)
    assert_same(a, b, f"/j/{code}/go")  # waiting
    teacher.post(f"/teacher/s/{code}/open")
    for n in range(1, 10):
        page = assert_same(a, b, f"/j/{code}/{n}")
        if feedback == "deferred":
            q = next(q for q in bank.questions if asks(page, q))
            a.post(f"/j/{code}/{n}", data=form_data(q, page))
            assert_same(a, b, f"/j/{code}/{n}")  # answered, but not revealed
    assert_same(a, b, f"/j/{code}/end")
    if feedback == "deferred":
        teacher.post(f"/teacher/s/{code}/close", data={"confirm": "yes"})
        ra, rb = a.get(f"/j/{code}/end"), b.get(f"/j/{code}/end")
        assert ra.get_data() != rb.get_data()  # now the corrections are shown
        assert "Explication de variante" in rb.get_data(as_text=True)


# -- the scan


def secrets_of(bank: Bank, skip: frozenset[str] = frozenset()) -> list[str]:
    """Texts that must not reach a student before answering (questions not in `skip`)."""
    out = []
    for q in bank.questions:
        if q.id in skip:
            continue
        out += [q.explanation, q.evidence]
        match q.type:
            case "short":
                out += q.accepted
            case "numeric":
                out.append(f"{q.answer} {q.unit}")
            case "cloze":
                out += [answer for _n, answer, _hint in q.gaps]
    # Very short answers ("30") occur anywhere; the differential tests cover them.
    return [s for s in out if len(s) >= 4]


def leaks(page: str, bank: Bank, answered: frozenset[str] = frozenset()) -> list[str]:
    page = re.sub(r"/p/[\w-]+/", "/p/TOKEN/", without_csrf(page))
    views = [page.casefold(), html.unescape(page).casefold(), normalize(html.unescape(page))]
    return [s for s in secrets_of(bank, answered)
            if any(s.casefold() in v or html.escape(s).casefold() in v or normalize(s) in v for v in views)]


class Recorder:
    """Every page a student is served, with the questions they had answered
    (whose corrections may show, in immediate feedback only)."""

    def __init__(self) -> None:
        self.pages: list[tuple[str, str, frozenset[str]]] = []

    def get(self, client: FlaskClient, url: str, answered: set[str] | frozenset[str] = frozenset()) -> str:
        page = client.get(url).get_data(as_text=True)
        self.pages.append((url, page, frozenset(answered)))
        return page


def test_no_page_before_answering_contains_an_answer(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    assert leaks(f"<p>{html.escape(bank.questions[0].explanation)}</p>", bank)  # the scan works
    seen = Recorder()
    visitor = app.test_client()
    for url in ("/", "/b/sommet-classe", "/j", "/healthz", "/static/style.css", "/static/dashboard.js",
                "/teacher/login", "/nowhere"):
        seen.get(visitor, url)

    base = visitor.post("/b/sommet-classe/practice", data={}).headers["Location"].rsplit("/", 1)[0]
    done: set[str] = set()
    for n in range(1, 10):
        page = seen.get(visitor, f"{base}/{n}", done)
        seen.get(visitor, f"{base}/end", done)
        error_page = visitor.post(f"{base}/{n}", data={"choice": "77"}).get_data(as_text=True)
        seen.pages.append((f"{base}/{n} (error)", error_page, frozenset(done)))
        q = next(q for q in bank.questions if asks(page, q))
        visitor.post(f"{base}/{n}", data=form_data(q, page))
        done.add(q.id)
        # Answered: its correction is there, and only its own.
        feedback = visitor.get(f"{base}/{n}").get_data(as_text=True)
        assert html.escape(q.explanation, quote=False) in feedback
        assert leaks(feedback, bank, frozenset(done)) == []

    for feedback_mode in ("immediate", "deferred"):
        code = create_session(teacher, feedback=feedback_mode)
        student = app.test_client()
        seen.get(student, f"/j/{code}")
        student.post(f"/j/{code}", data={"nickname": f"élève-{feedback_mode}"})
        done: set[str] = set()
        nothing: frozenset[str] = frozenset()
        for n in range(1, 10):
            page = seen.get(student, f"/j/{code}/{n}", (done if feedback_mode == "immediate" else nothing))
            q = next(q for q in bank.questions if asks(page, q))
            seen.get(student, f"/j/{code}/end", (done if feedback_mode == "immediate" else nothing))
            # Deferred: a wrong answer, so the page shows it and must not show the right one.
            given = wrong_response(q) if feedback_mode == "deferred" else None
            student.post(f"/j/{code}/{n}", data=form_data(q, page, given))
            done.add(q.id)
            seen.get(student, f"/j/{code}/{n}", (done if feedback_mode == "immediate" else nothing))
        seen.get(student, f"/j/{code}/end", (done if feedback_mode == "immediate" else nothing))

    assert len(seen.pages) > 80
    for url, page, answered in seen.pages:
        assert leaks(page, bank, answered) == [], url
        if not answered:
            assert 'class="verdict' not in page, url
