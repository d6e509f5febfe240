"""Class sessions: teachers create and follow them, students join and answer."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import insert, select, update

from quizgen import Bank
from tests.web.conftest import PASSWORD, create_session, join, login, refused
from tests.web.pages import asks, form_data, parse, without_csrf, wrong_response
from web.accounts import add_teacher
from web.config import configure
from web.db import answer, attempt, get_engine, quiz_session


def questions_in_order(app: Flask, student: FlaskClient, code: str, bank: Bank) -> list:
    """The questions as this student sees them, page by page."""
    out = []
    n = 1
    while True:
        response = student.get(f"/j/{code}/{n}")
        if response.status_code == 404:
            return out
        page = response.get_data(as_text=True)
        for q in bank.questions:
            if asks(page, q):
                out.append(q)
                break
        else:
            raise AssertionError(f"question {n}: unknown")
        n += 1


def answer_all(student: FlaskClient, code: str, questions: list, wrong: set[str] = frozenset()) -> None:
    for n, q in enumerate(questions, start=1):
        page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
        response = wrong_response(q) if q.id in wrong else None
        r = student.post(f"/j/{code}/{n}", data=form_data(q, page, response))
        assert r.status_code == 303, r.get_data(as_text=True)


# -- teachers


def test_teacher_pages_need_login(app: Flask, client: FlaskClient) -> None:
    for url in ("/teacher/", "/teacher/new/sommet-classe", "/teacher/s/ABCDEF", "/teacher/s/ABCDEF/live",
                "/teacher/s/ABCDEF/results.csv", "/teacher/s/ABCDEF/results.json", "/teacher/s/ABCDEF/show"):
        response = client.get(url)
        assert response.status_code == 303, url
        assert response.headers["Location"].startswith("/teacher/login")
    for url in ("/teacher/new/sommet-classe", "/teacher/s/ABCDEF/close", "/teacher/s/ABCDEF/open"):
        assert client.post(url, data={}).status_code == 303
    with app.app_context():
        assert get_engine().connect().execute(select(quiz_session)).first() is None


def test_login_logout(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        add_teacher("prof", PASSWORD)
    bad = client.post("/teacher/login", data={"name": "prof", "password": "wrong password"})
    page = refused(client, bad, 401)
    assert 'value="prof"' in page and "wrong password" not in page  # the name kept, never the password
    refused(client, client.post("/teacher/login", data={"name": "nobody", "password": PASSWORD}), 401)
    assert client.get("/teacher/").status_code == 303
    login(client)
    assert client.get("/teacher/").status_code == 200
    assert client.post("/teacher/logout").status_code == 303
    assert client.get("/teacher/").status_code == 303


def test_login_redirects_back_only_to_this_site(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        add_teacher("prof", PASSWORD)
    r = client.post("/teacher/login?next=/teacher/new/sommet-classe",
                    data={"name": "prof", "password": PASSWORD})
    assert r.headers["Location"] == "/teacher/new/sommet-classe"
    for evil in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        r = client.post(f"/teacher/login?next={evil}", data={"name": "prof", "password": PASSWORD})
        assert r.headers["Location"] == "/teacher/", evil


def test_passwords_are_hashed(app: Flask) -> None:
    with app.app_context():
        add_teacher("prof", PASSWORD)
        stored = get_engine().connect().execute(select(web_teacher_table().c.password_hash)).scalar_one()
    assert PASSWORD not in stored
    assert stored.startswith("pbkdf2:sha256:1$")  # the tests' cheap QUIZGEN_PASSWORD_METHOD


def test_the_site_hashes_with_scrypt_by_default(make_app: Callable[..., Flask], bank_dir: Path,
                                                tmp_path: Path) -> None:
    bare = Flask("defaults", instance_path=str(tmp_path / "bare"))
    configure(bare, None)
    assert bare.config["QUIZGEN_PASSWORD_METHOD"] == "scrypt"
    app = make_app(bank_dir, QUIZGEN_PASSWORD_METHOD="scrypt")
    with app.app_context():
        add_teacher("prof", PASSWORD)
        stored = get_engine().connect().execute(select(web_teacher_table().c.password_hash)).scalar_one()
    assert stored.startswith("scrypt:")
    login(app.test_client())


def web_teacher_table():
    from web.db import teacher
    return teacher


def test_teachers_only_see_their_own_sessions(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    with app.app_context():
        add_teacher("other", PASSWORD)
    other = app.test_client()
    login(other, "other")
    assert code not in other.get("/teacher/").get_data(as_text=True)
    for url in (f"/teacher/s/{code}", f"/teacher/s/{code}/results.csv", f"/teacher/s/{code}/results.json"):
        assert other.get(url).status_code == 404
    assert other.post(f"/teacher/s/{code}/close").status_code == 404
    assert code in teacher.get("/teacher/").get_data(as_text=True)


def test_create_session_options(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher, tags=["chiffres"], feedback="deferred", time_limit="20")
    with app.app_context():
        row = get_engine().connect().execute(select(quiz_session).where(quiz_session.c.code == code)).one()
    assert sorted(json.loads(row.question_ids)) == ["chars", "duree"]
    assert (row.feedback, row.time_limit, row.status) == ("deferred", 20, "open")
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", code)

    code = create_session(teacher, count="4", open_now="")
    with app.app_context():
        row = get_engine().connect().execute(select(quiz_session).where(quiz_session.c.code == code)).one()
    assert len(json.loads(row.question_ids)) == 4
    assert row.status == "waiting"


def test_create_session_rejects_bad_values(teacher: FlaskClient) -> None:
    for data in ({"count": "0"}, {"count": "x"}, {"time_limit": "-5"}, {"tags": ["nope"]},
                 {"feedback": "sometimes"}):
        r = teacher.post("/teacher/new/sommet-classe", data={"feedback": "immediate", **data})
        page = refused(teacher, r)
        assert 'class="error"' in page, data
    assert teacher.get("/teacher/new/nope").status_code == 404


def test_dashboard_shows_join_code_url_and_local_qr(teacher: FlaskClient) -> None:
    code = create_session(teacher)
    page = teacher.get(f"/teacher/s/{code}").get_data(as_text=True)
    assert f'<strong class="big-code" id="join-code">{code}</strong>' in page
    assert f"http://localhost/j/{code}" in page
    assert '<svg viewBox="0 0' in page and 'class="qr"' in page
    assert 'id="loopback-warning"' in page
    assert "http" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]  # drawn here, not fetched


def test_public_url_is_used_for_join_link(make_app, bank_dir) -> None:
    app = make_app(bank_dir, QUIZGEN_PUBLIC_URL="http://192.168.1.20:8000/")
    with app.app_context():
        add_teacher("prof", PASSWORD)
    t = app.test_client()
    login(t)
    code = create_session(t)
    page = t.get(f"/teacher/s/{code}").get_data(as_text=True)
    assert f"http://192.168.1.20:8000/j/{code}" in page
    assert 'id="loopback-warning"' not in page


# -- students


def test_join_by_link_code_form_and_lowercase(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    student = app.test_client()
    page = student.get(f"/j/{code}").get_data(as_text=True)
    assert 'name="nickname"' in page
    r = student.post("/j", data={"code": f" {code.lower()[:3]} {code.lower()[3:]} "})
    assert r.status_code == 303 and r.headers["Location"] == f"/j/{code}"
    assert student.get(f"/j/{code.lower()}").headers["Location"] == f"/j/{code}"
    r = student.post("/j", data={"code": "ZZZZZZ"})
    page = refused(student, r, 404)
    assert 'id="code-error"' in page and 'value="ZZZZZZ"' in page  # what was typed, kept
    assert student.get("/j/ZZZZZZ").status_code == 404
    assert student.get("/j/not-a-code!").status_code == 404


def test_nickname_unique_per_session(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    join(app, code, "Zoé")
    for taken in ("Zoé", "zoe", " ZOÉ "):
        c = app.test_client()
        assert 'id="nickname-error"' in refused(c, c.post(f"/j/{code}", data={"nickname": taken})), taken
    for bad in ("", "x" * 31, "\x00\x01"):
        c = app.test_client()
        assert 'id="nickname-error"' in refused(c, c.post(f"/j/{code}", data={"nickname": bad})), bad
    other = create_session(teacher)
    join(app, other, "Zoé")  # another session: free


def test_nickname_uniqueness_is_a_database_constraint(app: Flask, teacher: FlaskClient) -> None:
    from sqlalchemy.exc import IntegrityError

    code = create_session(teacher)
    join(app, code, "Léa")
    with app.app_context(), get_engine().begin() as conn:
        row = conn.execute(select(attempt).where(attempt.c.nickname == "Léa")).one()
        with pytest.raises(IntegrityError):
            conn.execute(insert(attempt).values(
                token="another", bank_id=row.bank_id, question_ids="[]", session_id=row.session_id,
                nickname="Lea", nickname_key=row.nickname_key, created_at=row.created_at))


def test_refresh_and_return_keep_progress(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    questions = questions_in_order(app, student, code, bank)
    answer_all(student, code, questions[:3])
    # Coming back by the join link (a refresh, a closed tab) resumes where she was.
    assert student.get(f"/j/{code}").headers["Location"] == f"/j/{code}/go"
    assert student.get(f"/j/{code}/go").headers["Location"] == f"/j/{code}/4"
    # The same questions, in the same order, choices in the same places.
    assert questions_in_order(app, student, code, bank) == questions
    first = without_csrf(student.get(f"/j/{code}/4").get_data(as_text=True))
    again = without_csrf(student.get(f"/j/{code}/4").get_data(as_text=True))
    assert again.split("<main")[1] == first.split("<main")[1]


def test_shuffles_differ_between_students(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    orders = {tuple(q.id for q in questions_in_order(app, join(app, code, f"s{i}"), code, bank))
              for i in range(6)}
    assert len(orders) > 1
    assert all(sorted(o) == sorted(q.id for q in bank.questions) for o in orders)


def test_unjoined_visitor_is_sent_to_join(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    visitor = app.test_client()
    for url in (f"/j/{code}/1", f"/j/{code}/end", f"/j/{code}/go"):
        r = visitor.get(url)
        assert r.status_code == 303 and r.headers["Location"] == f"/j/{code}"
    assert visitor.post(f"/j/{code}/1", data={"choice": "0"}).status_code == 303


def test_leave_lets_another_student_join_on_the_same_device(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    device = join(app, code, "Léa")
    assert device.post(f"/j/{code}/leave").status_code == 303
    assert 'name="nickname"' in device.get(f"/j/{code}").get_data(as_text=True)
    assert device.post(f"/j/{code}", data={"nickname": "Tom"}).status_code == 303


def test_waiting_session_then_open(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher, open_now="")
    student = join(app, code, "Léa")
    page = student.get(f"/j/{code}/go").get_data(as_text=True)
    # It asks by script whether the session has opened, or by a link without scripts; it never
    # reloads itself (a timed refresh is an accessibility failure, WCAG 2.2.1).
    assert 'id="waiting"' in page and 'src="/static/waiting.js"' in page
    assert 'http-equiv="refresh"' not in page
    assert f'href="/j/{code}/go" id="check-again"' in page and f'data-poll="/j/{code}/go"' in page
    assert student.post(f"/j/{code}/1", data={"choice": "0"}).status_code == 403
    teacher.post(f"/teacher/s/{code}/open")
    assert student.get(f"/j/{code}/go").headers["Location"] == f"/j/{code}/1"


def test_closed_session_refuses_answers_and_new_students(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    teacher.post(f"/teacher/s/{code}/close", data={"confirm": "yes"})
    page = student.get(f"/j/{code}/1").get_data(as_text=True)
    assert 'id="answer-form"' not in page
    assert 'class="verdict none"' in page  # not answered; the correction is shown now
    late = student.post(f"/j/{code}/1", data={"choice": "0", "text": "x", "number": "1"})
    assert late.status_code == 303 and late.headers["Location"] == f"/j/{code}/too-late"
    # To anyone else, as if it never was (no hint which codes exist).
    assert app.test_client().get(f"/j/{code}").status_code == 404
    # Closed is final.
    teacher.post(f"/teacher/s/{code}/open")
    with app.app_context():
        status = get_engine().connect().execute(
            select(quiz_session.c.status).where(quiz_session.c.code == code)).scalar_one()
    assert status == "closed"


def test_time_limit(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher, time_limit="10")
    student = join(app, code, "Léa")
    questions = questions_in_order(app, student, code, bank)
    page = student.get(f"/j/{code}/1").get_data(as_text=True)
    assert 'id="deadline"' in page
    assert student.post(f"/j/{code}/1", data=form_data(questions[0], page)).status_code == 303
    right_form = form_data(questions[1], student.get(f"/j/{code}/2").get_data(as_text=True))
    with app.app_context(), get_engine().begin() as conn:  # as if 11 minutes had passed
        joined = conn.execute(select(attempt.c.created_at)).scalar_one()
        conn.execute(update(attempt).values(created_at=joined - timedelta(minutes=11)))
        conn.execute(update(quiz_session).values(opened_at=joined - timedelta(minutes=11)))
    page = student.get(f"/j/{code}/2").get_data(as_text=True)
    assert 'id="answer-form"' not in page and 'id="locked"' in page
    late = student.post(f"/j/{code}/2", data=right_form)
    assert late.status_code == 303 and late.headers["Location"] == f"/j/{code}/too-late"
    # The answer given in time still counts; the late one does not exist.
    data = teacher.get(f"/teacher/s/{code}/results.json").get_json()
    assert data["students"][0]["answered"] == 1


def test_double_submit_counts_once(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    q = questions_in_order(app, student, code, bank)[0]
    page = student.get(f"/j/{code}/1").get_data(as_text=True)
    first = student.post(f"/j/{code}/1", data=form_data(q, page))
    replay = student.post(f"/j/{code}/1", data=form_data(q, page, wrong_response(q)))
    assert first.status_code == replay.status_code == 303
    assert replay.headers["Location"] == f"/j/{code}/1"
    feedback = student.get(f"/j/{code}/1").get_data(as_text=True)
    assert 'class="verdict right"' in feedback  # the first answer's feedback
    with app.app_context():
        rows = get_engine().connect().execute(select(answer.c.score)).all()
    assert [r.score for r in rows] == [1.0]


def test_one_answer_per_question_is_a_database_constraint(app: Flask, teacher: FlaskClient,
                                                           bank: Bank) -> None:
    from sqlalchemy.exc import IntegrityError

    code = create_session(teacher)
    student = join(app, code, "Léa")
    q = questions_in_order(app, student, code, bank)[0]
    student.post(f"/j/{code}/1", data=form_data(q, student.get(f"/j/{code}/1").get_data(as_text=True)))
    with app.app_context(), get_engine().begin() as conn:
        row = conn.execute(select(answer)).one()
        with pytest.raises(IntegrityError):
            conn.execute(insert(answer).values(
                attempt_id=row.attempt_id, question_id=row.question_id, response="0", label="x", score=0,
                created_at=row.created_at))


#: The questions Tom answers wrong in the dashboard test.
TOM_WRONG = {"agence", "duree", "pays"}


def json_scores_and_items(teacher: FlaskClient, code: str, zoe_first: str) -> dict[str, dict]:
    """results.json: scores, and per question answers, right ones, distribution (returned by id)."""
    data = teacher.get(f"/teacher/s/{code}/results.json").get_json()
    students = {s["nickname"]: s for s in data["students"]}
    assert students["Léa"]["score"] == 9 and students["Léa"]["answered"] == 9
    assert students["=Tom"]["score"] == 6 and students["=Tom"]["answered"] == 9
    assert students["Zoé"]["answered"] == 1
    items = {i["question_id"]: i for i in data["items"]}
    for qid, item in items.items():
        expected_answers = 2 + (qid == zoe_first)
        assert item["answers"] == expected_answers
        expected_right = (1 if qid in TOM_WRONG else 2) + (qid == zoe_first)
        assert item["correct"] == expected_right, qid
        assert item["share_correct"] == round(expected_right / expected_answers, 4)
    agence = items["agence"]["distribution"]
    assert {d["answer"]: (d["count"], d["right"]) for d in agence} == {
        "RIA": (1 + (zoe_first == "agence"), True), "Reuters": (1, False)}
    return items


def dashboard_page(teacher: FlaskClient, code: str) -> None:
    page = html.unescape(teacher.get(f"/teacher/s/{code}", headers={"Accept-Language": "en"})
                         .get_data(as_text=True))
    assert "Léa" in page and "9 / 9" in page and "6 / 9" in page and "1 / 9" in page
    # It refreshes by script, or by a link without scripts: never a timed reload (WCAG 2.2.1).
    assert 'src="/static/dashboard.js"' in page and f'href="/teacher/s/{code}" id="refresh"' in page
    assert 'http-equiv="refresh"' not in page


def item_analysis_pages(teacher: FlaskClient, code: str, items: dict[str, dict]) -> None:
    # The item analysis, with the key, is a page of its own (the dashboard may be projected).
    page = html.unescape(teacher.get(f"/teacher/s/{code}/analysis", headers={"Accept-Language": "en"})
                         .get_data(as_text=True))
    assert "50% right" in page  # agence, duree, pays: one of two right
    # French writes a percentage with a no-break space before the sign.
    page_fr = html.unescape(teacher.get(f"/teacher/s/{code}/analysis", headers={"Accept-Language": "fr"})
                            .get_data(as_text=True))
    assert "50\u00a0% de bonnes réponses" in page_fr and "50%" not in page_fr
    assert "(100\u00a0%)" in page_fr  # Léa's score
    # The right answer as the bank spells it, not folded as typed answers are grouped.
    assert items["conseiller"]["right_answer"] == "Ouchakov"
    assert items["chars"]["right_answer"] == "Tadjikistan | 30"
    for qid, right in (("conseiller", "Ouchakov"), ("chars", "Tadjikistan | 30")):
        item = re.search(rf'id="item-\d+">.*?{qid}.*?class="right-answer">(.*?)</p>', page, re.S)
        assert item and re.sub(r"<[^>]+>", "", item[1]).split() == ["Right", "answer", *right.split()], qid
    live = teacher.get(f"/teacher/s/{code}/live?part=analysis").get_data(as_text=True)
    assert "<html" not in live and "item-1" in live


def csv_in_english_and_french(teacher: FlaskClient, code: str) -> None:
    # CSV, English: comma and decimal point.
    r = teacher.get(f"/teacher/s/{code}/results.csv", headers={"Accept-Language": "en"})
    assert r.mimetype == "text/csv" and "attachment" in r.headers["Content-Disposition"]
    text = r.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:5] == ["Nickname", "Answered", "Score", "Out of", "Percent"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Léa"][1:5] == ["9", "9", "9", "100"]
    assert by_name["'=Tom"][1:5] == ["9", "6", "9", "66.67"]  # formula-safe
    assert by_name["Zoé"][1] == "1"
    header = rows[0]
    tom_scores = {h: v for h, v in zip(header[5:], by_name["'=Tom"][5:], strict=True) if h.endswith(" score")}
    assert {k.split()[1]: v for k, v in tom_scores.items() if v == "0"}.keys() == TOM_WRONG
    # French: semicolons and decimal commas, as a French spreadsheet expects.
    fr = teacher.get(f"/teacher/s/{code}/results.csv",
                     headers={"Accept-Language": "fr"}).get_data(as_text=True)
    fr_rows = list(csv.reader(io.StringIO(fr.lstrip("\ufeff")), delimiter=";"))
    assert {row[0]: row for row in fr_rows[1:]}["'=Tom"][4] == "66,67"


def test_dashboard_scores_item_analysis_csv_and_json(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    """Léa answers all right, Tom three wrong, Zoé one question: the teacher's results, step by step."""
    code = create_session(teacher)
    lea, tom, zoe = (join(app, code, nickname) for nickname in ("Léa", "=Tom", "Zoé"))
    answer_all(lea, code, questions_in_order(app, lea, code, bank))
    answer_all(tom, code, questions_in_order(app, tom, code, bank), wrong=TOM_WRONG)
    zoe_questions = questions_in_order(app, zoe, code, bank)
    answer_all(zoe, code, [q for q in zoe_questions[:1]])  # only her first question

    items = json_scores_and_items(teacher, code, zoe_questions[0].id)
    dashboard_page(teacher, code)
    item_analysis_pages(teacher, code, items)
    csv_in_english_and_french(teacher, code)


def test_item_analysis_marks_every_answer_that_earned_full_marks(app: Flask, teacher: FlaskClient,
                                                                 bank: Bank) -> None:
    code = create_session(teacher, tags=["chiffres"])
    for nickname, minutes in (("a", "125"), ("b", "128"), ("c", "131")):
        student = join(app, code, nickname)
        for n, q in enumerate(questions_in_order(app, student, code, bank), start=1):
            page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
            data = {"number": minutes} if q.type == "numeric" else form_data(q, page)
            student.post(f"/j/{code}/{n}", data=data)
    items = {i["question_id"]: i for i in teacher.get(f"/teacher/s/{code}/results.json").get_json()["items"]}
    rows = {d["answer"]: d["right"] for d in items["duree"]["distribution"]}
    assert rows == {"125": True, "128": True, "131": False}  # tolerance 5
    assert items["duree"]["right_answer"] == "125"


def test_partial_credit_in_item_analysis(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher, tags=["diplomatie"])
    lea = join(app, code, "Léa")
    for n, q in enumerate(questions_in_order(app, lea, code, bank), start=1):
        page = lea.get(f"/j/{code}/{n}").get_data(as_text=True)
        response = (["Emmanuel Macron", "Angela Merkel", "Pedro Sánchez"] if q.type == "multi" else
                    {"Mario Draghi": "Italie", "Boris Johnson": "Allemagne", "Angela Merkel": "Royaume-Uni"})
        lea.post(f"/j/{code}/{n}", data=form_data(q, page, response))
    data = teacher.get(f"/teacher/s/{code}/results.json").get_json()
    items = {i["question_id"]: i for i in data["items"]}
    assert items["appels"]["mean_score"] == round(1 / 3, 4) and items["appels"]["correct"] == 0
    assert items["pays"]["mean_score"] == round(1 / 3, 4)
    assert items["appels"]["distribution"][0]["answer"] == "Emmanuel Macron; Angela Merkel; Pedro Sánchez"
    assert data["students"][0]["score"] == round(2 / 3, 4)


def test_dashboard_of_unknown_session_is_404(teacher: FlaskClient) -> None:
    assert teacher.get("/teacher/s/ZZZZZZ").status_code == 404
    assert teacher.get("/teacher/s/bad!code").status_code == 404
    assert teacher.post("/teacher/s/ZZZZZZ/close").status_code == 404
    assert teacher.post("/teacher/s/ZZZZZZ/reopen").status_code in (404, 405)


def test_projector_page(teacher: FlaskClient) -> None:
    code = create_session(teacher)
    page = teacher.get(f"/teacher/s/{code}/show").get_data(as_text=True)
    assert code in page and "<svg" in page


def test_practice_is_locked_while_a_class_takes_the_bank(app: Flask, teacher: FlaskClient, client: FlaskClient
                                                          ) -> None:
    before = client.post("/b/sommet-classe/practice", data={}).headers["Location"]
    code = create_session(teacher)
    assert 'id="locked"' in client.get("/b/sommet-classe").get_data(as_text=True)
    assert client.post("/b/sommet-classe/practice", data={}).status_code == 403
    assert client.get(before).status_code == 403  # an older practice run too
    assert client.get("/b/sommet-classe/deck.apkg").status_code == 403
    teacher.post(f"/teacher/s/{code}/close", data={"confirm": "yes"})
    assert client.get(before).status_code == 200


def test_index_lists_sessions_with_student_counts(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    join(app, code, "a")
    join(app, code, "b")
    _forms, links = parse(teacher.get("/teacher/").get_data(as_text=True))
    assert f"/teacher/s/{code}" in links
    assert "/teacher/new/sommet-classe" in links
