"""Practice on your own: bank list, one question a page, feedback, results."""

from __future__ import annotations

import html
import re

from flask.testing import FlaskClient

from quizgen import Bank
from tests.web.conftest import refused
from tests.web.pages import asks, form_data, parse, wrong_response


def start(client: FlaskClient, bank_id: str = "sommet-classe", **form: object) -> str:
    response = client.post(f"/b/{bank_id}/practice", data=form)
    assert response.status_code == 303
    location = response.headers["Location"]
    assert re.fullmatch(r"/p/[\w-]+/1", location)
    return location.rsplit("/", 1)[0]


def question_of(page: str, bank: Bank):
    """Which question a page asks, found from the text shown."""
    for q in bank.questions:
        if asks(page, q):
            return q
    raise AssertionError("unknown question on page")


def test_home_lists_banks_with_outlets_date_and_count(client: FlaskClient) -> None:
    page = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Le sommet virtuel Biden–Poutine" in page
    assert "Le Direct" in page
    assert "8 décembre 2021" in page
    assert "9 questions" in page
    assert 'href="/b/sommet-classe"' in page


def test_bank_page_shows_sources_and_practice_form(client: FlaskClient) -> None:
    page = client.get("/b/sommet-classe").get_data(as_text=True)
    assert "La discussion cruciale entre Joe Biden et Vladimir Poutine est terminée" in page
    assert "Deux heures d’entretien virtuel" in page
    forms, _ = parse(page)
    practice = next(f for f in forms if f.action == "/b/sommet-classe/practice")
    assert {v for v, _label in practice.options["tag"]} == {
        "chiffres", "chronologie", "defense", "diplomatie", "medias"}


def test_full_practice_all_right(client: FlaskClient, bank: Bank) -> None:
    base = start(client)
    seen = set()
    for n in range(1, 10):
        page = client.get(f"{base}/{n}").get_data(as_text=True)
        assert f"Question {n} " in page
        q = question_of(page, bank)
        seen.add(q.id)
        response = client.post(f"{base}/{n}", data=form_data(q, page))
        assert response.status_code == 303
        assert response.headers["Location"] == f"{base}/{n}"
        feedback = html.unescape(client.get(f"{base}/{n}").get_data(as_text=True))
        assert 'id="verdict"' in feedback and "right" in feedback.split('id="verdict"')[0][-40:]
        assert q.explanation in feedback
        assert q.evidence in feedback
        assert "La discussion cruciale entre Joe Biden et Vladimir Poutine est terminée" in feedback
        assert "Le Direct" in feedback
    assert seen == {q.id for q in bank.questions}
    end = client.get(f"{base}/end", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Score: 9 out of 9" in end
    assert "9 of 9 questions answered" in end
    for q in bank.questions:  # the review shows every question's correction
        assert html.escape(q.explanation, quote=False) in end


def test_full_practice_all_wrong(client: FlaskClient, bank: Bank) -> None:
    base = start(client)
    for n in range(1, 10):
        page = client.get(f"{base}/{n}").get_data(as_text=True)
        q = question_of(page, bank)
        client.post(f"{base}/{n}", data=form_data(q, page, wrong_response(q)))
        feedback = client.get(f"{base}/{n}").get_data(as_text=True)
        assert 'class="verdict wrong"' in feedback, q.id
    end = client.get(f"{base}/end", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Score: 0 out of 9" in end


def test_partial_credit_is_shown(client: FlaskClient, bank: Bank) -> None:
    base = start(client)
    for n in range(1, 10):
        page = client.get(f"{base}/{n}").get_data(as_text=True)
        q = question_of(page, bank)
        if q.type == "multi":
            client.post(f"{base}/{n}", data=form_data(q, page, ["Emmanuel Macron", "Angela Merkel"]))
            feedback = client.get(f"{base}/{n}", headers={"Accept-Language": "en"}).get_data(as_text=True)
            assert 'class="verdict partial"' in feedback
            assert "Partly right: 67%" in feedback
            feedback = client.get(f"{base}/{n}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
            assert "En partie juste\u00a0: 67\u00a0%" in html.unescape(feedback)
            return
    raise AssertionError("no multi question")


def test_practice_by_tag_and_count(client: FlaskClient, bank: Bank) -> None:
    base = start(client, tag=["chiffres"])
    pages = [client.get(f"{base}/{n}") for n in (1, 2, 3)]
    assert [p.status_code for p in pages] == [200, 200, 404]
    asked = {question_of(p.get_data(as_text=True), bank).id for p in pages[:2]}
    assert asked == {"duree", "chars"}
    base = start(client, count="3")
    assert client.get(f"{base}/3").status_code == 200
    assert client.get(f"{base}/4").status_code == 404


def test_practice_form_errors_are_4xx_pages(client: FlaskClient) -> None:
    assert client.post("/b/sommet-classe/practice", data={"tag": "nope"}).status_code == 400
    response = client.post("/b/sommet-classe/practice", data={"count": "abc"})
    page = refused(client, response)
    assert 'id="form-error"' in page and 'value="abc"' in page
    refused(client, client.post("/b/sommet-classe/practice", data={"count": "0"}))
    assert client.post("/b/nope/practice", data={}).status_code == 404


def test_unanswered_form_is_redisplayed_with_message(client: FlaskClient) -> None:
    base = start(client)
    response = client.post(f"{base}/1", data={})
    assert response.status_code == 303 and response.headers["Location"] == f"{base}/1"  # Post/Redirect/Get
    page = client.get(f"{base}/1").get_data(as_text=True)
    assert 'role="alert"' in page and 'id="answer-form"' in page
    assert 'role="alert"' not in client.get(f"{base}/1").get_data(as_text=True)  # said once


def test_malformed_values_are_400_never_500(client: FlaskClient, bank: Bank) -> None:
    base = start(client)
    bad_positions = ["-1", "99", "abc", "１", "1e3", "", "0x1", "9" * 50]
    bad_numbers = ["abc", "", "1e3", "0x1", "12 minutes", "nan", "inf", "1" * 300]
    for n in range(1, 10):
        page = client.get(f"{base}/{n}").get_data(as_text=True)
        q = question_of(page, bank)
        for bad in bad_numbers if q.type == "numeric" else bad_positions:
            data = {"choice": bad, "number": bad, "text": "x" * 500,
                    **{f"pair-{i}": bad for i in range(3)}, **{f"position-{i}": bad for i in range(3)},
                    **{f"gap-{i}": "y" * 500 for i in range(2)}}
            response = client.post(f"{base}/{n}", data=data)
            assert response.status_code == 303, (q.id, bad)
            shown = client.get(f"{base}/{n}")
            assert shown.status_code == 400 and 'role="alert"' in shown.get_data(as_text=True), (q.id, bad)
        # Nothing was recorded: the question still asks.
        assert 'id="answer-form"' in client.get(f"{base}/{n}").get_data(as_text=True)


def test_numbers_are_read_as_students_type_them(client: FlaskClient, bank: Bank) -> None:
    for typed, right in (("125", True), ("125,0", True), ("1 2 4", True), ("−3", False), ("129.9", True)):
        base = start(client, tag=["chiffres"])
        for n in (1, 2):
            page = client.get(f"{base}/{n}").get_data(as_text=True)
            if question_of(page, bank).type == "numeric":
                assert client.post(f"{base}/{n}", data={"number": typed}).status_code == 303
                feedback = client.get(f"{base}/{n}").get_data(as_text=True)
                assert ('class="verdict right"' in feedback) == right, typed


def test_unknown_run_bank_and_question_are_404(client: FlaskClient) -> None:
    assert client.get("/b/nope").status_code == 404
    assert client.get("/p/nope/1").status_code == 404
    assert client.get("/p/nope/end").status_code == 404
    base = start(client)
    assert client.get(f"{base}/0").status_code == 404
    assert client.get(f"{base}/10").status_code == 404
    assert client.get(f"{base}/x").status_code == 404
    assert client.post(f"{base}/10", data={}).status_code == 404
    page = client.get("/nowhere").get_data(as_text=True)
    assert "<html" in page  # a page of the site, not a bare error


def test_resume_goes_to_first_unanswered(client: FlaskClient, bank: Bank) -> None:
    base = start(client)
    page = client.get(f"{base}/1").get_data(as_text=True)
    client.post(f"{base}/1", data=form_data(question_of(page, bank), page))
    assert client.get(base).headers["Location"] == f"{base}/2"


def test_end_page_hides_keys_of_unanswered_questions(client: FlaskClient, bank: Bank) -> None:
    base = start(client)
    end = html.unescape(client.get(f"{base}/end").get_data(as_text=True))
    for q in bank.questions:
        assert q.explanation not in end
        assert q.evidence not in end
