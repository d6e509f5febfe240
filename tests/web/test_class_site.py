"""What a class hits (issue 9, items 13–21): the projector never shows the key,
closing asks first, a lost cookie is not the end, time limits, second
answers, Post/Redirect/Get, the CSV, and smaller rough edges."""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from quizgen import Bank
from tests.web.conftest import create_session, join, refused
from tests.web.pages import form_data, wrong_response
from tests.web.test_sessions import answer_all, questions_in_order
from web import classroom
from web.db import attempt, get_engine, quiz_session, resume_code

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


# -- 15. a student who lost her cookie comes back


def test_return_code_brings_a_student_back_on_a_new_device(app: Flask, teacher: FlaskClient,
                                                            bank: Bank) -> None:
    code = create_session(teacher)
    phone = join(app, code, "Zoé")
    page = text(phone.get(f"/j/{code}/1", headers=EN))
    shown = re.search(r'id="resume-code"[^>]*>([A-Z0-9]{6})<', page)
    assert shown, "the return code is shown on her pages"
    resume = shown[1]
    q = questions_in_order(app, phone, code, bank)[0]
    phone.post(f"/j/{code}/1", data=form_data(q, phone.get(f"/j/{code}/1").get_data(as_text=True)))

    laptop = app.test_client()  # no cookie: the nickname is taken…
    taken = refused(laptop, laptop.post(f"/j/{code}", data={"nickname": "Zoé"}), 400)
    assert 'id="come-back-form"' in taken
    # …a wrong code does not open it, and says so, her nickname kept in the form
    wrong = "".join("A" if c != "A" else "B" for c in resume)
    page = refused(laptop, laptop.post(f"/j/{code}/back", data={"nickname": "zoe", "resume": wrong}), 400)
    assert 'id="back-error"' in page and 'value="zoe"' in page
    assert laptop.get(f"/j/{code}/1").status_code == 303  # still not in
    # …the right one does (typed in lower case with a space), with her answers.
    typed = f"{resume[:3].lower()} {resume[3:]}"
    r = laptop.post(f"/j/{code}/back", data={"nickname": "zoe", "resume": typed})
    assert r.status_code == 303 and r.headers["Location"] == f"/j/{code}/go"
    with app.app_context():  # the wrong try no longer counts against her
        assert get_engine().connect().execute(select(resume_code.c.failures)).scalar_one() == 0
    assert laptop.get(f"/j/{code}/go").headers["Location"] == f"/j/{code}/2"
    assert 'class="verdict right"' in laptop.get(f"/j/{code}/1").get_data(as_text=True)
    data = teacher.get(f"/teacher/s/{code}/results.json").get_json()
    assert [(s["nickname"], s["answered"]) for s in data["students"]] == [("Zoé", 1)]


def test_return_codes_cannot_be_guessed(app: Flask, teacher: FlaskClient) -> None:
    from web.classroom import MAX_RESUME_FAILURES

    code = create_session(teacher)
    join(app, code, "Zoé")
    with app.app_context():
        token = get_engine().connect().execute(select(attempt.c.token)).scalar_one()
        stored = get_engine().connect().execute(select(resume_code.c.code_hash)).scalar_one()
    assert len(stored) == 64 and token not in stored  # a hash, not the code
    guesser = app.test_client()
    for _ in range(MAX_RESUME_FAILURES):
        refused(guesser, guesser.post(f"/j/{code}/back", data={"nickname": "Zoé", "resume": "ZZZZZZ"}))
    # Locked now, even for the right code: the teacher gives her a new one.
    page = refused(guesser, guesser.post(f"/j/{code}/back", data={"nickname": "Zoé", "resume": "ZZZZZZ"}))
    assert "Trop de codes" in page
    with app.app_context():
        new = classroom.new_resume_code(
            get_engine().connect().execute(select(quiz_session.c.id)).scalar_one(), "zoé")
    assert new is not None
    assert guesser.post(f"/j/{code}/back", data={"nickname": "Zoé", "resume": new}).status_code == 303
    assert guesser.get(f"/j/{code}/1").status_code == 200
    # Unknown nickname: the same answer as a wrong code.
    other = app.test_client()
    assert 'id="back-error"' in refused(
        other, other.post(f"/j/{code}/back", data={"nickname": "Nobody", "resume": "ABCDEF"}))


# -- 18. Post/Redirect/Get everywhere, what was typed kept


def test_refused_answer_redirects_and_keeps_what_was_typed(app: Flask, teacher: FlaskClient,
                                                           bank: Bank) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    questions = questions_in_order(app, student, code, bank)
    n = next(i for i, q in enumerate(questions, 1) if q.type == "numeric")
    r = student.post(f"/j/{code}/{n}", data={"number": "douze"})
    page = refused(student, r)
    assert 'id="answer-error"' in page and 'value="douze"' in page
    again = student.get(f"/j/{code}/{n}")  # a refresh: the message was said once
    assert again.status_code == 200 and 'id="answer-error"' not in again.get_data(as_text=True)
    # Half-typed text survives a refresh where the browser allows: a small script keeps it.
    assert 'src="/static/keep-typed.js"' in again.get_data(as_text=True)


def test_every_refused_form_redirects(app: Flask, teacher: FlaskClient, client: FlaskClient) -> None:
    practice = client.post("/b/sommet-classe/practice", data={"count": "12"})  # before a class takes the bank
    assert 'class="error"' in refused(client, practice)
    code = create_session(teacher)
    cases = [
        (client, "/j", {"code": "NOPE99"}),
        (client, f"/j/{code}", {"nickname": ""}),
        (client, f"/j/{code}/back", {"nickname": "x", "resume": "ABCDEF"}),
        (app.test_client(), "/teacher/login", {"name": "prof", "password": "nope"}),
        (teacher, "/teacher/new/sommet-classe", {"feedback": "immediate", "count": "0"}),
    ]
    for c, url, data in cases:
        r = c.post(url, data=data)
        assert r.status_code == 303, url
        assert 'class="error"' in refused(c, r, 404 if url == "/j" else 401 if "login" in url else 400), url


# -- 21. smaller edges


def test_practice_count_above_the_bank_says_so(client: FlaskClient) -> None:
    page = refused(client, client.post("/b/sommet-classe/practice", data={"count": "12"}, headers=EN))
    assert "Only 9 questions match: ask for 9 at most" in html.unescape(page) and 'value="12"' in page
    page = refused(client, client.post("/b/sommet-classe/practice", data={"count": "3", "tag": "chiffres"},
                                       headers=EN))
    assert "Only 2 questions match" in html.unescape(page)


def test_review_heading_only_once_a_correction_is_shown(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher, feedback="deferred")
    student = join(app, code, "Léa")
    page = text(student.get(f"/j/{code}/end", headers=FR))
    assert "Corrigé" not in page and "Vos réponses" in page
    teacher.post(f"/teacher/s/{code}/close", data={"confirm": "yes"})
    assert "Corrigé" in text(student.get(f"/j/{code}/end", headers=FR))


def test_end_of_practice_links_the_deck(client: FlaskClient) -> None:
    from web.decks import anki_exporter

    base = client.post("/b/sommet-classe/practice", data={}).headers["Location"].rsplit("/", 1)[0]
    page = client.get(f"{base}/end").get_data(as_text=True)
    assert ('href="/b/sommet-classe/deck.apkg"' in page) == (anki_exporter() is not None)


def test_favicon_ico(client: FlaskClient) -> None:
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.mimetype == "image/svg+xml" and b"<svg" in r.get_data()


def test_tags_in_french_dictionary_order(make_app, bank_dir) -> None:
    from web.catalog import collation_key

    assert sorted(["otan", "Europe", "économie", "eau", "zone", "Élysée"], key=collation_key) == \
        ["eau", "économie", "Élysée", "Europe", "otan", "zone"]
    path = bank_dir / "classe.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("tags: [medias]", "tags: [otan, économie]"),
                    encoding="utf-8")
    page = make_app(bank_dir).test_client().get("/b/sommet-classe").get_data(as_text=True)
    tags = re.findall(r'name="tag" value="([^"]+)"', page)
    assert tags.index("économie") < tags.index("otan")
    assert tags == sorted(tags, key=collation_key)


def test_teacher_gives_a_new_return_code_off_the_dashboard(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    join(app, code, "Zoé")
    dashboard = teacher.get(f"/teacher/s/{code}").get_data(as_text=True)
    assert f'href="/teacher/s/{code}/return-code"' in dashboard
    r = teacher.post(f"/teacher/s/{code}/return-code", data={"nickname": "Zoé"})
    assert r.status_code == 303
    page = text(teacher.get(f"/teacher/s/{code}/return-code", headers=EN))
    new = re.search(r'class="big-code">([A-Z0-9]{6})<', page)
    assert new and "New return code for Zoé" in page
    assert new[1] not in text(teacher.get(f"/teacher/s/{code}/return-code"))  # shown once
    assert new[1] not in text(teacher.get(f"/teacher/s/{code}"))
    laptop = app.test_client()
    assert laptop.post(f"/j/{code}/back", data={"nickname": "Zoé", "resume": new[1]}).status_code == 303
    assert laptop.get(f"/j/{code}/go").status_code == 303 and laptop.get(f"/j/{code}/1").status_code == 200
    page = refused(teacher, teacher.post(f"/teacher/s/{code}/return-code", data={"nickname": "Nobody"}))
    assert 'id="return-code-error"' in page
