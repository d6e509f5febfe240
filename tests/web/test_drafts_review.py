"""Reviewing a draft beside its article (issue 12, point 2): every key of every
type editable, the validator's messages beside the field, accept / drop / edit
as plain forms, a new question from a passage, questions to check first."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from quizgen.model import QUESTION_TYPES
from tests.web.drafting import UNSURE, drafting_app, form_values, start_draft, teacher_client
from web.qforms import fields_of
from web.review import highlight


@pytest.fixture
def drafted(make_app: Callable[..., Flask], bank_dir: Path):
    client = teacher_client(drafting_app(make_app, bank_dir))
    return client, start_draft(client)


def _current(html: str) -> str:
    found = re.search(r'id="current" data-qid="([^"]+)"', html)
    assert found, "no current question on the page"
    return found[1]


def test_the_article_is_beside_the_questions_with_the_evidence_marked(drafted) -> None:
    client, review = drafted
    html = client.get(review + "?q=agence").get_data(as_text=True)
    assert html.index('id="article"') < html.index('id="qcards"')
    assert '<mark id="evidence">a rapporté l’agence de presse russe RIA</mark>' in html
    html = client.get(review + "?q=heure").get_data(as_text=True)
    assert '<mark id="evidence">Les discussions ont commencé à 18h00, heure russe.</mark>' in html


def test_the_evidence_is_found_as_the_validator_finds_it() -> None:
    # Case, typographic quotes, apostrophes and spaces aside; marked in the article's own words.
    found = highlight("Il a dit : « Bonjour,\u00a0l’ami » hier.", '"bonjour, l\'AMI"')
    assert (found.before, found.marked, found.after) == ("Il a dit : ", "« Bonjour,\u00a0l’ami »", " hier.")
    assert highlight("Rien.", "autre chose").marked == ""


def test_questions_to_check_come_first(drafted) -> None:
    client, review = drafted
    html = client.get(review).get_data(as_text=True)
    order = re.findall(r'data-qid="([^"]+)"', html)
    assert set(order[: len(UNSURE)]) == set(UNSURE)
    assert _current(html) == order[0]  # the page opens on the first question to check
    assert html.count("check this one") == len(UNSURE)


@pytest.mark.parametrize("qtype", sorted(QUESTION_TYPES))
def test_every_key_of_every_type_is_a_field(qtype: str) -> None:
    keys = {k for k, _kind in fields_of(qtype)}
    model = set(QUESTION_TYPES[qtype].model_fields) - {"id", "type", "draft", "review"}
    assert keys == model


def test_each_question_s_form_holds_its_values(drafted) -> None:
    client, review = drafted
    for qid, expected in (("agence", {"choices": "RIA\nReuters\nAFP\nTASS", "answer": "RIA"}),
                          ("heure", {"answer": "true"}), ("duree", {"answer": "125", "tolerance": "5"}),
                          ("pays", {"pairs": "Mario Draghi: Italie\nBoris Johnson: Royaume-Uni\n"
                                             "Angela Merkel: Allemagne"})):
        values = form_values(client.get(f"{review}?q={qid}").get_data(as_text=True))
        for key, value in expected.items():
            assert values[key] == value, (qid, key)
        assert values["source"] == "direct" and values["evidence"]


def test_accept_and_drop_are_plain_forms_that_move_on(drafted) -> None:
    client, review = drafted
    html = client.get(review).get_data(as_text=True)
    first = _current(html)
    response = client.post(f"{review}/q/{first}/accept")
    assert response.status_code == 303
    nxt = re.search(r"\?q=([^#]+)#current$", response.headers["Location"])
    assert nxt and nxt[1] != first
    response = client.post(f"{review}/q/{nxt[1]}/drop")
    assert response.status_code == 303
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 accepted, 7 to review, 1 dropped" in html
    assert client.post(f"{review}/q/{nxt[1]}/restore").status_code == 303
    assert "1 accepted, 8 to review, 0 dropped" in client.get(review).get_data(as_text=True)
    assert client.post(f"{review}/q/nope/accept").status_code == 404


def test_an_edit_is_saved_and_accepted(drafted) -> None:
    client, review = drafted
    values = form_values(client.get(f"{review}?q=bienvenue").get_data(as_text=True))
    values.update(speaker="Vladimir Poutine", distractors="Joe Biden\nIouri Ouchakov", then="accept")
    response = client.post(f"{review}/q/bienvenue", data=values)
    assert response.status_code == 303
    html = client.get(f"{review}?q=bienvenue").get_data(as_text=True)
    again = form_values(html)
    assert again["speaker"] == "Vladimir Poutine" and again["distractors"] == "Joe Biden\nIouri Ouchakov"
    assert re.search(r'class="qcard state-accepted current" id="current" data-qid="bienvenue"', html)


def test_the_validator_s_messages_stand_beside_their_field(drafted) -> None:
    client, review = drafted
    values = form_values(client.get(f"{review}?q=agence").get_data(as_text=True))
    values.update(answer="Interfax", then="accept")
    response = client.post(f"{review}/q/agence", data=values)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    answer_error = re.search(r'<span class="error" id="f-answer-errors">([^<]*)</span>', html)
    assert answer_error and "Interfax" in answer_error[1]  # quizgen.validate's message
    assert form_values(html)["answer"] == "Interfax"  # what the teacher typed stays
    # Evidence not in the article: the validator quotes the closest passage.
    values.update(answer="RIA", evidence="a rapporté l’agence américaine AP")
    html = client.post(f"{review}/q/agence", data=values).get_data(as_text=True)
    evidence_error = re.search(r'id="f-evidence-errors">([^<]*)<', html)
    assert evidence_error and "evidence not found in source" in evidence_error[1]
    # A figure that is not one is caught before the validator.
    values = form_values(client.get(f"{review}?q=duree").get_data(as_text=True))
    values["answer"] = "cent vingt-cinq"
    html = client.post(f"{review}/q/duree", data=values).get_data(as_text=True)
    assert re.search(r'id="f-answer-errors">Not a number', html)
    # Nothing was saved.
    assert form_values(client.get(f"{review}?q=agence").get_data(as_text=True))["answer"] == "RIA"


def test_a_new_question_from_a_passage(drafted) -> None:
    client, review = drafted
    passage = "la chancelière allemande Angela Merkel"
    html = client.get(review, query_string={"type": "short", "evidence": passage}).get_data(as_text=True)
    assert f'<mark id="evidence">{passage}</mark>' in html
    values = form_values(html, "edit-form")
    assert values["evidence"] == passage and values["type"] == "short"
    values.update(prompt="Qui est la chancelière allemande citée ?", answer="Angela Merkel",
                  explanation="L’article la nomme.")
    response = client.post(f"{review}/new-question", data=values)
    assert response.status_code == 303
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert _current(html) == "chanceliere-allemande-citee"
    assert "1 accepted, 9 to review" in html
    values["answer"] = ""
    response = client.post(f"{review}/new-question", data=values)
    assert response.status_code == 400 and 'id="f-answer-errors"' in response.get_data(as_text=True)


def test_keyboard_shortcuts_are_a_small_script_and_the_page_works_without_it(drafted) -> None:
    client, review = drafted
    html = client.get(review).get_data(as_text=True)
    assert '<script src="/static/drafts.js" defer></script>' in html
    assert "<script>" not in html  # no inline script (the CSP forbids it)
    script = client.get("/static/drafts.js").get_data(as_text=True)
    for key in ("a:", "d:", "j:", "k:", "e:"):
        assert key in script
    # Each action the keys trigger is a link or a form on the page.
    for needle in ('id="next-question"', 'class="inline js-accept"', 'class="inline js-drop"'):
        assert needle in html
