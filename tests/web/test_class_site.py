"""What a class hits (issue 9, items 13–21): the projector never shows the key,
closing asks first, a lost cookie is not the end, time limits, second
answers, Post/Redirect/Get, the CSV, and smaller rough edges."""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from quizgen import Bank
from tests.web.conftest import create_session, join
from tests.web.pages import form_data, wrong_response
from tests.web.test_sessions import answer_all, questions_in_order
from web.db import attempt, get_engine, quiz_session

FR = {"Accept-Language": "fr"}
EN = {"Accept-Language": "en"}


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


# -- 13. the key stays off the pages a teacher projects


def test_dashboard_and_projector_show_no_key_until_the_analysis(app: Flask, teacher: FlaskClient,
                                                                 bank: Bank) -> None:
    code = create_session(teacher)
    lea = join(app, code, "Léa")
    answer_all(lea, code, questions_in_order(app, lea, code, bank))
    keys = ["Ouchakov", "Tadjikistan | 30"]  # the right answers of two questions, as the analysis shows them
    for url in (f"/teacher/s/{code}", f"/teacher/s/{code}/show", f"/teacher/s/{code}/live",
                f"/teacher/s/{code}/live?part=count"):
        page = text(teacher.get(url, headers=FR))
        assert "Bonne réponse" not in page, url
        assert not any(k in page for k in keys), url
    dashboard = text(teacher.get(f"/teacher/s/{code}", headers=FR))
    assert f'href="/teacher/s/{code}/analysis"' in dashboard and "Léa" in dashboard
    show = text(teacher.get(f"/teacher/s/{code}/show", headers=FR))
    assert code in show and f"/j/{code}" in show and "<svg" in show
    assert "1 élève a rejoint la séance" in show
    assert bank.questions[0].prompt not in show  # no question either
    analysis = text(teacher.get(f"/teacher/s/{code}/analysis", headers=FR))
    assert "Bonne réponse" in analysis and all(k in analysis for k in keys)
    assert teacher.get(f"/teacher/s/{code}/live?part=nope").status_code == 404


# -- 14. closing asks first, without script


def test_closing_needs_the_confirmation_form(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)

    def status() -> str:
        with app.app_context():
            return get_engine().connect().execute(
                select(quiz_session.c.status).where(quiz_session.c.code == code)).scalar_one()

    dashboard = text(teacher.get(f"/teacher/s/{code}", headers=EN))
    assert f'href="/teacher/s/{code}/close"' in dashboard  # a link to the confirmation page, not a form
    assert f'action="/teacher/s/{code}/close"' not in dashboard
    # A POST without the confirmation (an old form, a double click) only leads to the question.
    r = teacher.post(f"/teacher/s/{code}/close")
    assert r.status_code == 303 and r.headers["Location"] == f"/teacher/s/{code}/close"
    assert status() == "open"
    page = text(teacher.get(f"/teacher/s/{code}/close", headers=EN))
    assert f'action="/teacher/s/{code}/close"' in page and 'name="confirm" value="yes"' in page
    assert "Closing is final" in page and f'href="/teacher/s/{code}"' in page  # the way back
    r = teacher.post(f"/teacher/s/{code}/close", data={"confirm": "yes"})
    assert r.status_code == 303 and r.headers["Location"] == f"/teacher/s/{code}"
    assert status() == "closed"
    # Closed: the confirmation page has nothing left to ask.
    assert teacher.get(f"/teacher/s/{code}/close").status_code == 303


# -- 20. the CSV


def test_csv_headers_in_the_interface_language_with_score_and_answer(app: Flask, teacher: FlaskClient,
                                                                     bank: Bank) -> None:
    code = create_session(teacher)
    lea = join(app, code, "Léa")
    answer_all(lea, code, questions_in_order(app, lea, code, bank), wrong={"agence"})
    fr = teacher.get(f"/teacher/s/{code}/results.csv", headers=FR)
    assert fr.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert fr.headers["Content-Type"].count("charset") == 1
    rows = list(csv.reader(io.StringIO(fr.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    header, lea_row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:5] == ["Pseudo", "Réponses données", "Score", "Sur", "Pourcentage"]
    number = {qid: i for i, qid in enumerate(json.loads(_question_ids(app, code)), 1)}  # the session's order
    agence = f"Q{number['agence']} agence"
    assert lea_row[f"{agence} score"] == "0" and lea_row[f"{agence} réponse"] == "Reuters"
    heure = f"Q{number['heure']} heure"
    assert lea_row[f"{heure} score"] == "1" and lea_row[f"{heure} réponse"] == "Vrai"
    en = teacher.get(f"/teacher/s/{code}/results.csv", headers=EN).get_data(as_text=True)
    en_header = next(csv.reader(io.StringIO(en.lstrip("\ufeff"))))
    assert en_header[:5] == ["Nickname", "Answered", "Score", "Out of", "Percent"]
    assert f"{heure} answer" in en_header


def _question_ids(app: Flask, code: str) -> str:
    with app.app_context():
        return get_engine().connect().execute(
            select(quiz_session.c.question_ids).where(quiz_session.c.code == code)).scalar_one()


# -- 21. the dashboard's live fragment: 304 when unchanged, gzip


def test_live_fragment_is_conditional_and_compressed(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    join(app, code, "Léa")
    url = f"/teacher/s/{code}/live?part=analysis"
    first = teacher.get(url, headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200 and first.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first.headers["Vary"]
    body = gzip.decompress(first.get_data()).decode()
    assert "Léa" in body and "item-1" in body
    etag = first.headers["ETag"]
    same = teacher.get(url, headers={"If-None-Match": etag, "Accept-Encoding": "gzip"})
    assert same.status_code == 304 and same.get_data() == b""
    plain = teacher.get(url, headers={"If-None-Match": '"other"'})
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    assert "Léa" in plain.get_data(as_text=True)
    join(app, code, "Tom")  # the fragment changes: sent again
    changed = teacher.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Tom" in changed.get_data(as_text=True)


# -- 16. time limit: countdown, a "time is up" page, a deadline that does not move


def test_time_limit_countdown_too_late_page_and_waiting_room(app: Flask, teacher: FlaskClient,
                                                             bank: Bank) -> None:
    code = create_session(teacher, time_limit="10", open_now="")
    student = join(app, code, "Léa")
    waiting = text(student.get(f"/j/{code}/go", headers=EN))
    # Not open: no clock time that would move when the session opens, but how long she will have.
    assert 'id="deadline"' not in waiting and "You will have 10 minutes" in waiting
    with app.app_context(), get_engine().begin() as conn:  # she joined 5 minutes before the opening
        joined = conn.execute(select(attempt.c.created_at)).scalar_one()
        conn.execute(update(attempt).values(created_at=joined - timedelta(minutes=5)))
    teacher.post(f"/teacher/s/{code}/open")
    with app.app_context():
        opened = get_engine().connect().execute(select(quiz_session.c.opened_at)).scalar_one()
    page = text(student.get(f"/j/{code}/1", headers=EN))
    deadline = (opened + timedelta(minutes=10)).isoformat(timespec="seconds") + "Z"
    assert f'data-deadline="{deadline}"' in page  # ten minutes from the opening
    assert "answers are accepted until" in page  # the text without script
    assert 'src="/static/countdown.js"' in page and 'id="countdown"' in page
    questions = questions_in_order(app, student, code, bank)
    form = form_data(questions[0], student.get(f"/j/{code}/1").get_data(as_text=True))
    with app.app_context(), get_engine().begin() as conn:  # eleven minutes later
        conn.execute(update(quiz_session).values(opened_at=opened - timedelta(minutes=11)))
        conn.execute(update(attempt).values(created_at=opened - timedelta(minutes=16)))
    late = student.post(f"/j/{code}/1", data=form)
    assert late.status_code == 303 and late.headers["Location"] == f"/j/{code}/too-late"
    landing = student.get(f"/j/{code}/too-late", headers=EN)
    assert landing.status_code == 200
    page = text(landing)
    assert "Time is up" in page and f'href="/j/{code}/end"' in page
    assert teacher.get(f"/teacher/s/{code}/results.json").get_json()["students"][0]["answered"] == 0
    assert student.get(f"/j/{code}/end").status_code == 200


# -- 17. a second answer from another tab


def test_second_answer_from_another_tab_says_the_first_stands(app: Flask, teacher: FlaskClient,
                                                              bank: Bank) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    q = questions_in_order(app, student, code, bank)[0]
    tab1 = student.get(f"/j/{code}/1").get_data(as_text=True)
    tab2 = tab1  # the same form, open in a second tab
    assert student.post(f"/j/{code}/1", data=form_data(q, tab1)).status_code == 303
    second = student.post(f"/j/{code}/1", data=form_data(q, tab2, wrong_response(q)))
    assert second.status_code == 303 and second.headers["Location"] == f"/j/{code}/1"
    page = text(student.get(f"/j/{code}/1", headers=EN))
    assert 'id="first-stands"' in page and "your first answer stands" in page
    assert 'class="verdict right"' in page  # the first answer's feedback
