"""Regrading: the teacher accepts a typed answer the bank did not, every score
of that question is graded again at once (dashboard, CSV, students' pages),
and the acceptance can be withdrawn."""

from __future__ import annotations

import csv
import html
import io
from typing import Any

import lxml.html
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizgen import Bank
from quizgen.grading import gap_marks, score
from tests.web.conftest import PASSWORD, create_session, join, login
from tests.web.pages import form_data, parse
from tests.web.test_sessions import questions_in_order
from web import regrade
from web.accounts import add_teacher
from web.db import accepted_answer, answer, get_engine, quiz_session


def answer_as(app: Flask, student: FlaskClient, code: str, bank: Bank, responses: dict[str, Any]) -> None:
    """Answer the questions in `responses` (question id → response); the others right."""
    for n, q in enumerate(questions_in_order(app, student, code, bank), start=1):
        page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
        r = student.post(f"/j/{code}/{n}", data=form_data(q, page, responses.get(q.id)))
        assert r.status_code == 303, r.get_data(as_text=True)


def number_of(teacher: FlaskClient, code: str, qid: str) -> int:
    items = teacher.get(f"/teacher/s/{code}/results.json").get_json()["items"]
    return next(i["number"] for i in items if i["question_id"] == qid)


def scores(teacher: FlaskClient, code: str, qid: str) -> dict[str, float]:
    data = teacher.get(f"/teacher/s/{code}/results.json").get_json()
    return {s["nickname"]: s["scores"].get(qid) for s in data["students"]}


def post(teacher: FlaskClient, code: str, n: int, action: str, part: int, value: str):
    return teacher.post(f"/teacher/s/{code}/q/{n}/{action}", data={"part": str(part), "value": value},
                        headers={"Accept-Language": "en"})


# -- grading with the teacher's answers: the bank's own rules, nothing forked


def test_grading_counts_extra_answers_as_the_bank_accept_does(bank: Bank) -> None:
    short = bank.question("conseiller")
    assert score(short, "Peskov") == 0.0
    assert score(short, "Peskov", {0: ["peskov"]}) == 1.0
    assert score(short, "le Peskov", {0: ["peskov"]}) == 1.0  # an article in front, as for `accept`
    assert score(short, "Lavrov", {0: ["peskov"]}) == 0.0  # a wrong answer stays wrong
    figure = bank.question("duree")
    assert score(figure, 140) == 0.0 and score(figure, 140, {0: ["140"]}) == 1.0
    assert score(figure, 141, {0: ["140"]}) == 0.0  # one figure, not a new tolerance
    cloze = bank.question("chars")
    assert gap_marks(cloze, ["Kirghizistan", "30"]) == [False, True]
    assert gap_marks(cloze, ["Kirghizistan", "30"], {0: ["kirghizistan"]}) == [True, True]
    assert gap_marks(cloze, ["30", "Kirghizistan"], {0: ["kirghizistan"]}) == [False, False]  # per gap
    assert score(cloze, ["Kirghizistan", "12"], {0: ["kirghizistan"]}) == 0.5


# -- the site


def test_accepting_an_answer_regrades_every_score_and_undo_restores_them(
        app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    lea, tom, zoe = (join(app, code, name) for name in ("Léa", "Tom", "Zoé"))
    answer_as(app, lea, code, bank, {"conseiller": "Peskov"})
    answer_as(app, tom, code, bank, {"conseiller": "  PESKOV. "})
    answer_as(app, zoe, code, bank, {"conseiller": "Lavrov"})
    n = number_of(teacher, code, "conseiller")
    assert scores(teacher, code, "conseiller") == {"Léa": 0, "Tom": 0, "Zoé": 0}

    page = html.unescape(teacher.get(f"/teacher/s/{code}/q/{n}", headers={"Accept-Language": "en"})
                         .get_data(as_text=True))
    assert "peskov" in page and "lavrov" in page and "Right answer" in page
    forms, _links = parse(page)
    accepts = {f.hidden["value"]: f for f in forms if f.action and f.action.endswith("/accept")}
    assert set(accepts) == {"peskov", "lavrov"}  # one per distinct answer, as grading folds them

    r = post(teacher, code, n, "accept", 0, "peskov")
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/teacher/s/{code}/q/{n}?changed=2")
    assert scores(teacher, code, "conseiller") == {"Léa": 1, "Tom": 1, "Zoé": 0}
    # The CSV and the students' own pages read the same scores.
    rows = list(csv.reader(io.StringIO(teacher.get(f"/teacher/s/{code}/results.csv",
                                                   headers={"Accept-Language": "en"})
                                       .get_data(as_text=True).lstrip("\ufeff"))))
    assert {row[0]: row[2] for row in rows[1:]} == {"Léa": "9", "Tom": "9", "Zoé": "8"}
    end = html.unescape(tom.get(f"/j/{code}/end", headers={"Accept-Language": "en"}).get_data(as_text=True))
    assert "Score: 9 out of 9" in end
    # The page after the redirect: what changed, what is accepted, the bank's line.
    page = html.unescape(teacher.get(r.headers["Location"], headers={"Accept-Language": "en"})
                         .get_data(as_text=True))
    assert "2 answers changed" in page and "accepted by you" in page
    assert "accept: [Ushakov, Iouri Ouchakov, PESKOV.]" in page or \
        "accept: [Ushakov, Iouri Ouchakov, Peskov]" in page
    # A second click changes nothing.
    assert post(teacher, code, n, "accept", 0, "peskov").headers["Location"].endswith("changed=0")

    r = post(teacher, code, n, "undo", 0, "peskov")
    assert r.status_code == 303 and r.headers["Location"].endswith("changed=2")
    assert scores(teacher, code, "conseiller") == {"Léa": 0, "Tom": 0, "Zoé": 0}
    with app.app_context(), get_engine().connect() as conn:
        assert conn.execute(select(accepted_answer)).all() == []


def test_the_spelling_typed_most_often_goes_to_the_bank(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    for name, typed in (("a", "Peskov"), ("b", "Peskov"), ("c", "PESKOV")):
        answer_as(app, join(app, code, name), code, bank, {"conseiller": typed})
    n = number_of(teacher, code, "conseiller")
    post(teacher, code, n, "accept", 0, "peskov")
    page = html.unescape(teacher.get(f"/teacher/s/{code}/q/{n}").get_data(as_text=True))
    assert '<code id="yaml-hint">accept: [Ushakov, Iouri Ouchakov, Peskov]</code>' in page


def test_an_answer_sent_after_the_acceptance_is_graded_with_it(app: Flask, teacher: FlaskClient,
                                                               bank: Bank) -> None:
    code = create_session(teacher)
    answer_as(app, join(app, code, "Léa"), code, bank, {"conseiller": "Peskov"})
    post(teacher, code, number_of(teacher, code, "conseiller"), "accept", 0, "peskov")
    answer_as(app, join(app, code, "Tom"), code, bank, {"conseiller": "peskov !"})
    answer_as(app, join(app, code, "Zoé"), code, bank, {"conseiller": "Lavrov"})
    assert scores(teacher, code, "conseiller") == {"Léa": 1, "Tom": 1, "Zoé": 0}


def test_a_cloze_gap_is_regraded_alone(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher, tags=["chiffres"])
    answer_as(app, join(app, code, "a"), code, bank, {"chars": ["Kirghizistan", "30"]})
    answer_as(app, join(app, code, "b"), code, bank, {"chars": ["Kirghizistan", "12"]})
    answer_as(app, join(app, code, "c"), code, bank, {"chars": ["Ouzbékistan", "30"]})
    n = number_of(teacher, code, "chars")
    assert scores(teacher, code, "chars") == {"a": 0.5, "b": 0, "c": 0.5}
    page = html.unescape(teacher.get(f"/teacher/s/{code}/q/{n}", headers={"Accept-Language": "en"})
                         .get_data(as_text=True))
    assert "Gap 1" in page and "Gap 2" in page and "kirghizistan" in page
    assert post(teacher, code, n, "accept", 0, "kirghizistan").status_code == 303
    assert scores(teacher, code, "chars") == {"a": 1, "b": 0.5, "c": 0.5}
    # The answer belongs to gap 1: the same text in gap 2 is not an answer given there.
    assert post(teacher, code, n, "accept", 1, "kirghizistan").status_code == 400
    page = html.unescape(teacher.get(f"/teacher/s/{code}/q/{n}", headers={"Accept-Language": "en"})
                         .get_data(as_text=True))
    assert "A gap takes a single answer in the bank" in page


def test_a_figure_is_accepted_alone_and_the_bank_hint_is_a_tolerance(app: Flask, teacher: FlaskClient,
                                                                     bank: Bank) -> None:
    code = create_session(teacher, tags=["chiffres"])
    answer_as(app, join(app, code, "a"), code, bank, {"duree": 140})
    answer_as(app, join(app, code, "b"), code, bank, {"duree": 150})
    n = number_of(teacher, code, "duree")
    post(teacher, code, n, "accept", 0, "140")
    assert scores(teacher, code, "duree") == {"a": 1, "b": 0}
    page = html.unescape(teacher.get(f"/teacher/s/{code}/q/{n}").get_data(as_text=True))
    assert '<code id="yaml-hint">tolerance: 15</code>' in page


def test_bad_requests_change_nothing(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    answer_as(app, join(app, code, "Léa"), code, bank, {"conseiller": "Peskov"})
    n = number_of(teacher, code, "conseiller")
    refused = post(teacher, code, n, "accept", 0, "lavrov")  # nobody gave it
    assert refused.status_code == 400 and "nothing was changed" in refused.get_data(as_text=True)
    assert post(teacher, code, n, "accept", 3, "peskov").status_code == 400  # no such part
    url = f"/teacher/s/{code}/q/{n}/accept"
    assert teacher.post(url, data={"part": "x", "value": "peskov"}).status_code == 400
    assert teacher.post(url, data={"part": "0"}).status_code == 400
    assert post(teacher, code, 99, "accept", 0, "peskov").status_code == 404
    agence = number_of(teacher, code, "agence")  # a choice question: nothing typed to accept
    assert teacher.get(f"/teacher/s/{code}/q/{agence}").status_code == 404
    assert post(teacher, code, agence, "accept", 0, "Reuters").status_code == 404
    assert scores(teacher, code, "conseiller") == {"Léa": 0}


def test_only_the_sessions_teacher_may_regrade(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    answer_as(app, join(app, code, "Léa"), code, bank, {"conseiller": "Peskov"})
    n = number_of(teacher, code, "conseiller")
    anonymous = app.test_client()
    r = post(anonymous, code, n, "accept", 0, "peskov")
    assert r.status_code == 303 and "/teacher/login" in r.headers["Location"]
    assert anonymous.get(f"/teacher/s/{code}/q/{n}").status_code == 303
    with app.app_context():
        add_teacher("autre", PASSWORD)
    other = app.test_client()
    login(other, "autre")
    assert post(other, code, n, "accept", 0, "peskov").status_code == 404
    assert other.get(f"/teacher/s/{code}/q/{n}").status_code == 404
    assert scores(teacher, code, "conseiller") == {"Léa": 0}


@pytest.mark.parametrize("with_token", [False, True])
def test_accept_needs_the_forms_csrf_token(make_app, bank_dir, bank: Bank, with_token: bool) -> None:
    app = make_app(bank_dir, WTF_CSRF_ENABLED=True)
    with app.app_context():
        add_teacher("prof", PASSWORD)
    teacher = app.test_client()
    page = teacher.get("/teacher/login").get_data(as_text=True)
    token = parse(page)[0][0].hidden["csrf_token"]
    teacher.post("/teacher/login", data={"name": "prof", "password": PASSWORD, "csrf_token": token})
    new = teacher.get("/teacher/new/sommet-classe").get_data(as_text=True)
    token = next(f.hidden["csrf_token"] for f in parse(new)[0] if "csrf_token" in f.hidden)
    r = teacher.post("/teacher/new/sommet-classe",
                     data={"feedback": "immediate", "open_now": "y", "csrf_token": token})
    code = r.headers["Location"].rsplit("/", 1)[1]
    student = app.test_client()
    join_page = student.get(f"/j/{code}").get_data(as_text=True)
    join_token = parse(join_page)[0][-1].hidden["csrf_token"]
    student.post(f"/j/{code}", data={"nickname": "Léa", "csrf_token": join_token})
    for n, q in enumerate(questions_in_order(app, student, code, bank), start=1):
        if q.id == "conseiller":
            page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
            data = form_data(q, page, "Peskov") | {"csrf_token": parse(page)[0][-1].hidden["csrf_token"]}
            assert student.post(f"/j/{code}/{n}", data=data).status_code == 303
    n = number_of(teacher, code, "conseiller")
    regrade_page = teacher.get(f"/teacher/s/{code}/q/{n}").get_data(as_text=True)
    accept_form = next(f for f in parse(regrade_page)[0] if f.action and f.action.endswith("/accept"))
    data = dict(accept_form.hidden)
    if not with_token:
        del data["csrf_token"]
    r = teacher.post(f"/teacher/s/{code}/q/{n}/accept", data=data)
    assert r.status_code == (303 if with_token else 400)
    with app.app_context(), get_engine().connect() as conn:
        stored = conn.execute(select(answer.c.score).where(answer.c.question_id == "conseiller")).scalar_one()
    assert stored == (1.0 if with_token else 0.0)


def test_a_regrade_is_one_transaction(app: Flask, teacher: FlaskClient, bank: Bank,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while scores are rewritten leaves every score and the list of
    accepted answers as they were: no half-regraded class."""
    code = create_session(teacher)
    for name in ("Léa", "Tom"):
        answer_as(app, join(app, code, name), code, bank, {"conseiller": "Peskov"})
    graded = []

    def failing_score(*args: Any, **kwargs: Any) -> float:
        if graded:
            raise RuntimeError("the server stops half-way")
        graded.append(args)
        return score(*args, **kwargs)

    monkeypatch.setattr(regrade, "score", failing_score)
    with app.app_context(), get_engine().connect() as conn:
        sid = conn.execute(select(quiz_session.c.id).where(quiz_session.c.code == code)).scalar_one()
    with app.test_request_context(), pytest.raises(RuntimeError):
        regrade.accept(sid, bank.question("conseiller"), 0, "peskov", teacher_id=1)
    assert graded  # the first answer was regraded before the failure…
    assert scores(teacher, code, "conseiller") == {"Léa": 0, "Tom": 0}  # …and rolled back
    with app.app_context(), get_engine().connect() as conn:
        assert conn.execute(select(accepted_answer)).all() == []


def test_figures_on_the_regrade_page_are_written_as_the_banks_language_does(
        app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    # The bank is French: 140.5 typed is shown "140,5", as on the student's page
    # and the card; the accept button still sends the figure grading reads.
    code = create_session(teacher, tags=["chiffres"])
    answer_as(app, join(app, code, "a"), code, bank, {"duree": 140.5})
    n = number_of(teacher, code, "duree")
    page = teacher.get(f"/teacher/s/{code}/q/{n}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    doc = lxml.html.fromstring(page)
    cells = [td.text_content().strip() for td in doc.xpath("//table//tbody/tr/td[1]")]
    assert cells == ["140,5"]
    assert doc.xpath("//input[@name='value'][@value='140.5']")
    assert doc.xpath("//p[@class='right-answer']/span[@lang='fr']")[0].text_content() == "125"
