"""One question, one presentation: what a student reads on the site's
correction and on the Anki card's back is the same text (quizgen.present),
and the correction marks each part as grading marked it."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from flask import Flask
from flask.testing import FlaskClient

from quizgen import Bank, load_bank, present
from quizgen.exporters.anki import render_note, source_record
from quizgen.exporters.anki_notetypes import note_type
from quizgen.model import AnyQuestion
from tests.web.conftest import create_session, join
from tests.web.pages import asks, form_data
from tests.web.test_practice import start
from tests.web.test_regrade import post

_SECTION = re.compile(r"\{\{([#^])(\w+)\}\}(.*?)\{\{/\2\}\}", re.DOTALL)
_FIELD = re.compile(r"\{\{(\w+)\}\}")


def card_fields(bank: Bank, q: AnyQuestion) -> dict[str, str]:
    note = render_note(bank.id, bank.language, q, {sid: source_record(bank.source(sid)) for sid in q.sources})
    return dict(zip(note.notetype.fields, note.fields, strict=True))


def card_back(bank: Bank, q: AnyQuestion) -> dict[str, str]:
    """The fields of `q`'s note put into its first card's back template, as Anki does (no cloze here)."""
    fields = card_fields(bank, q)
    _name, front, back = note_type(q.type, bank.language).templates[0]

    def fill(template: str) -> str:
        while _SECTION.search(template):
            template = _SECTION.sub(lambda m: m[3] if bool(fields.get(m[2])) == (m[1] == "#") else "",
                                    template)
        return _FIELD.sub(lambda m: fields.get(m[1], ""), template)

    fields["FrontSide"] = fill(front)
    return {"html": fill(back)}


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def card_answer(bank: Bank, q: AnyQuestion) -> str:
    """The answer line of the card's back, without its label ("Réponse :")."""
    back = card_back(bank, q)["html"]
    line = text_of(re.search(r'<div class="qz-answer">(.*?)</div></div>', back, re.DOTALL)[1])
    return line.split(":", 1)[1].strip()


def page_part(page: str, element_id: str) -> str:
    return re.search(rf'id="{element_id}"[^>]*>(.*?)</dd>', page, re.DOTALL)[1]


def answered_page(client: FlaskClient, qid: str, bank: Bank, response: Any = None,
                  language: str = "fr") -> str:
    """The practice page of question `qid` once answered with `response` (default: the key)."""
    q = bank.question(qid)
    base = start(client)
    for n in range(1, len(bank.questions) + 1):
        page = client.get(f"{base}/{n}").get_data(as_text=True)
        if asks(page, q):
            assert client.post(f"{base}/{n}", data=form_data(q, page, response)).status_code == 303
            return client.get(f"{base}/{n}", headers={"Accept-Language": language}).get_data(as_text=True)
    raise AssertionError(f"no page asks {qid}")


@pytest.fixture
def small_tolerance(bank_dir: Path) -> Path:
    """The class bank with a figure right within 0.005."""
    path = bank_dir / "classe.yaml"
    text = path.read_text(encoding="utf-8")
    figure = "    answer: 125\n    tolerance: 5\n    unit: minutes\n"
    assert figure in text
    path.write_text(text.replace(figure, "    answer: 2.125\n    tolerance: 0.005\n    unit: heures\n"),
                    encoding="utf-8")
    return bank_dir


def test_a_small_tolerance_reads_the_same_on_the_page_and_on_the_card(
        make_app: Callable[..., Flask], small_tolerance: Path) -> None:
    bank = load_bank(small_tolerance / "classe.yaml")
    page = answered_page(make_app(small_tolerance).test_client(), "duree", bank)
    shown = text_of(page_part(page, "right-answer"))
    assert shown == "2,125 heures (à 0,005 heures près)"
    assert shown == card_answer(bank, bank.question("duree"))
    assert "± 0" not in text_of(page)


@pytest.mark.parametrize("ui", ["fr", "en"])
def test_true_or_false_reads_in_the_questions_language_on_the_page_and_on_the_card(
        client: FlaskClient, bank: Bank, ui: str) -> None:
    q = next(q for q in bank.questions if q.type == "true_false")
    page = answered_page(client, q.id, bank, language=ui)
    assert text_of(page_part(page, "right-answer")) == card_answer(bank, q) == "Vrai"
    assert text_of(page_part(page, "your-answer")) == "Vrai"
    # The source under the evidence: its date in the question's language too.
    evidence = r'<figure class="evidence">.*?<figcaption[^>]*>(.*?)</figcaption>'
    caption = re.search(evidence, page, re.DOTALL)[1]
    assert text_of(caption) == text_of(card_fields(bank, q)["Source"])
    assert "décembre 2021" in text_of(caption)


def marks_shown(page: str, element_id: str = "your-answer") -> list[bool]:
    return [m == "ok" for m in re.findall(r'class="mark (ok|ko)"', page_part(page, element_id))]


def parts_marked(page: str) -> dict[str, bool]:
    """Each part of the answer shown, right or wrong."""
    shown = re.findall(r"<li>(.*?) <span", page_part(page, "your-answer"), re.DOTALL)
    return dict(zip((text_of(li) for li in shown), marks_shown(page), strict=True))


def test_each_gap_is_marked_as_grading_marked_it(client: FlaskClient, bank: Bank) -> None:
    # A slip in a long name and a figure written in words: grading accepts both gaps
    # (quizgen.typed), so the correction marks both right, not only the verdict.
    page = answered_page(client, "chars", bank, ["Tadjikstan", "trente"])
    assert 'class="verdict right"' in page
    assert marks_shown(page) == [True, True]
    page = answered_page(client, "chars", bank, ["Tadjikstan", "12"])
    assert 'class="verdict partial"' in page
    assert marks_shown(page) == [True, False]


def test_each_choice_pair_and_place_is_marked(client: FlaskClient, bank: Bank) -> None:
    multi = next(q for q in bank.questions if q.type == "multi")
    wrong = next(c for c in multi.choices if c not in multi.answers)
    page = answered_page(client, multi.id, bank, [multi.answers[0], wrong])
    assert parts_marked(page) == {multi.answers[0]: True, wrong: False}
    match = next(q for q in bank.questions if q.type == "match")
    (a, right_a), (b, right_b), *rest = match.pairs.items()
    page = answered_page(client, match.id, bank, {a: right_b, b: right_a, **dict(rest)})
    assert parts_marked(page) == {f"{a} → {right_b}": False, f"{b} → {right_a}": False,
                                  **{f"{left} → {right}": True for left, right in rest}}
    order = next(q for q in bank.questions if q.type == "order")
    page = answered_page(client, order.id, bank, [order.items[1], order.items[0], *order.items[2:]])
    assert marks_shown(page) == [False, False, *[True] * (len(order.items) - 2)]


def test_a_gap_the_teacher_accepted_is_marked_right_on_the_students_page(
        app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher, tags=["chiffres"])
    student = join(app, code, "Léa")
    q = bank.question("chars")
    n = 1
    while True:
        page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
        if asks(page, q):
            break
        n += 1
    student.post(f"/j/{code}/{n}", data=form_data(q, page, ["Kirghizistan", "30"]))
    assert marks_shown(student.get(f"/j/{code}/{n}").get_data(as_text=True)) == [False, True]
    items = teacher.get(f"/teacher/s/{code}/results.json").get_json()["items"]
    number = next(i["number"] for i in items if i["question_id"] == "chars")
    assert post(teacher, code, number, "accept", 0, "kirghizistan").status_code == 303
    page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
    assert 'class="verdict right"' in page
    assert marks_shown(page) == [True, True]


def test_the_labels_the_pages_take_from_the_library_are_in_its_catalogue() -> None:
    web = str(Path(__file__).parents[2] / "web")
    found = extract_from_dir(web, [("**/templates/**.html", "jinja2")], keywords={"question_label": (1,)})
    used = {m[2] if isinstance(m[2], str) else m[2][0] for m in found}
    assert {"True", "False", "True or false?", "Who said it?"} <= used
    french = {message: present.label(message, "fr") for message in used}
    assert [m for m, fr in french.items() if fr == m] == []  # each one translated


def test_the_teachers_item_analysis_writes_a_figure_as_the_students_page_does(
        app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher, tags=["chiffres"])
    student = join(app, code, "Léa")
    q = bank.question("duree")
    for n in range(1, len(bank.questions) + 1):
        page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
        if asks(page, q):
            student.post(f"/j/{code}/{n}", data={"number": "127,5"})
            break
    seen = text_of(page_part(student.get(f"/j/{code}/{n}").get_data(as_text=True), "your-answer"))
    assert seen == "127,5 minutes"
    analysis = teacher.get(f"/teacher/s/{code}/analysis", headers={"Accept-Language": "fr"})
    shown = text_of(analysis.get_data(as_text=True))
    assert "127,5" in shown and "127.5" not in shown
