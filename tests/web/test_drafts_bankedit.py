"""Fixing a bank already on the site (issue 12, point 4): the file changed in
place with its comments and layout, ids stable, every text checked by
quizgen's validator first, and a file changed on disk meanwhile never
overwritten."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask import Flask

from quizgen import BankError, Problem, load_bank
from tests.web.drafting import drafting_app, form_values, teacher_client
from web import bankfiles
from web.bankedit import RoundTrip
from web.catalog import catalog

EDIT = "/teacher/banks/sommet-classe"
COMMENT = "# Relu en classe le 8 décembre : la citation d’ouverture.\n"


@pytest.fixture
def bank_file(bank_dir: Path) -> Path:
    path = bank_dir / "classe.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - id: bienvenue\n", COMMENT + "  - id: bienvenue\n", 1)
    text = text.replace("    type: order\n", "    type: order\n    draft: true\n    review: true\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def editor(make_app: Callable[..., Flask], bank_dir: Path, bank_file: Path):
    app = drafting_app(make_app, bank_dir)
    return app, teacher_client(app)


def _diff(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_a_fix_changes_only_its_line_and_keeps_comments_and_ids(editor, bank_file: Path) -> None:
    app, client = editor
    before = bank_file.read_text(encoding="utf-8")
    html = client.get(f"{EDIT}/edit?q=bienvenue").get_data(as_text=True)
    values = form_values(html)
    assert values["sha256"] == hashlib.sha256(before.encode()).hexdigest()
    assert values["distractors"] == "Joe Biden\nJake Sullivan"
    values.update(speaker="Vladimir Vladimirovitch Poutine", then="save")
    response = client.post(f"{EDIT}/q/bienvenue", data=values)
    assert response.status_code == 303, response.get_data(as_text=True)
    after = bank_file.read_text(encoding="utf-8")
    assert _diff(before, after) == ["-    speaker: Vladimir Poutine",
                                    "+    speaker: Vladimir Vladimirovitch Poutine"]
    assert COMMENT in after
    with app.app_context():  # the site serves the fix at once, under the same id
        served = catalog().get("sommet-classe").bank.question("bienvenue")
        assert served.speaker == "Vladimir Vladimirovitch Poutine"


def test_accept_and_drop_in_a_bank(editor, bank_file: Path) -> None:
    app, client = editor
    html = client.get(f"{EDIT}/edit").get_data(as_text=True)
    assert 'id="current" data-qid="ordre"' in html  # the draft to check comes first
    sha = form_values(html)["sha256"]
    assert client.post(f"{EDIT}/q/ordre/accept", data={"sha256": sha}).status_code == 303
    text = bank_file.read_text(encoding="utf-8")
    assert "draft: true" not in text and "review: true" not in text
    with app.app_context():
        assert "ordre" in catalog().get("sommet-classe").by_id  # now asked in class
    sha = hashlib.sha256(text.encode()).hexdigest()
    assert client.post(f"{EDIT}/q/chars/drop", data={"sha256": sha}).status_code == 303
    assert [q.id for q in load_bank(bank_file).questions if q.id == "chars"] == []


def test_a_file_changed_on_disk_since_the_page_was_opened_is_a_conflict(editor, bank_file: Path) -> None:
    _app, client = editor
    values = form_values(client.get(f"{EDIT}/edit?q=bienvenue").get_data(as_text=True))
    edited_by_hand = bank_file.read_text(encoding="utf-8").replace("Jake Sullivan", "Antony Blinken")
    bank_file.write_text(edited_by_hand, encoding="utf-8")
    values.update(speaker="Quelqu’un d’autre")
    response = client.post(f"{EDIT}/q/bienvenue", data=values)
    assert response.status_code == 409
    assert "The file changed on disk since you opened this page" in response.get_data(as_text=True)
    assert bank_file.read_text(encoding="utf-8") == edited_by_hand
    # The page now shows the file as it is, with its new fingerprint.
    assert "Antony Blinken" in response.get_data(as_text=True)
    for url in (f"{EDIT}/q/chars/drop", f"{EDIT}/q/ordre/accept"):
        assert client.post(url, data={"sha256": values["sha256"]}).status_code == 409
    assert bank_file.read_text(encoding="utf-8") == edited_by_hand


def test_an_invalid_fix_is_refused_with_the_message_beside_the_field(editor, bank_file: Path) -> None:
    _app, client = editor
    before = bank_file.read_text(encoding="utf-8")
    values = form_values(client.get(f"{EDIT}/edit?q=agence").get_data(as_text=True))
    values.update(answer="Interfax")
    response = client.post(f"{EDIT}/q/agence", data=values)
    assert response.status_code == 400
    assert 'id="f-answer-errors"' in response.get_data(as_text=True)
    assert bank_file.read_text(encoding="utf-8") == before
    assert not [p for p in bank_file.parent.iterdir() if p.name.startswith(".")]  # no staged file left


def test_a_new_question_in_a_bank(editor, bank_file: Path) -> None:
    _app, client = editor
    html = client.get(f"{EDIT}/edit", query_string={"type": "true_false", "evidence": "30 nouveaux chars"})
    values = form_values(html.get_data(as_text=True))
    values.update(statement="La Russie renforce sa base au Tadjikistan.", answer="true",
                  explanation="Avec 30 nouveaux chars.")
    response = client.post(f"{EDIT}/new-question", data=values)
    assert response.status_code == 303, response.get_data(as_text=True)
    bank = load_bank(bank_file)
    assert bank.questions[-1].id == "russie-renforce-sa-base"
    assert bank.questions[-1].answer is True
    assert COMMENT in bank_file.read_text(encoding="utf-8")
    # Written in a teacher's key order, the one `quizgen draft` writes (model.in_key_order).
    written = yaml.safe_load(bank_file.read_text(encoding="utf-8"))["questions"][-1]
    assert list(written) == ["id", "type", "source", "statement", "answer", "evidence", "explanation"]


def test_a_written_file_that_does_not_load_is_put_back(bank_file: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = bank_file.read_bytes()
    doc = RoundTrip(before.decode())
    doc.update("bienvenue", {"speaker": "X"}, {"speaker"})

    def broken(_path: Any) -> Any:
        raise BankError([Problem(str(bank_file), 1, 1, "a source changed meanwhile")])

    monkeypatch.setattr(bankfiles, "load_bank", broken)
    checked = bankfiles.replace_bank(bank_file, doc.dump(), hashlib.sha256(before).hexdigest())
    assert checked.bank is None and checked.problems[0].message == "a source changed meanwhile"
    assert bank_file.read_bytes() == before


def test_round_trip_leaves_a_hand_written_file_as_it_was() -> None:
    root = Path(__file__).resolve().parents[2]
    for path in (root / "questions" / "sommet-biden-poutine-2021.yaml",
                 root / "tests" / "web" / "data" / "classe.yaml"):
        text = path.read_text(encoding="utf-8")
        assert RoundTrip(text).dump() == text


@pytest.mark.parametrize("url", ["/teacher/banks/..%2F..%2Fetc/edit", "/teacher/banks/inconnu/edit",
                                 "/teacher/banks/Sommet-Classe/edit"])
def test_only_banks_on_the_site_can_be_opened(editor, url: str) -> None:
    _app, client = editor
    assert client.get(url).status_code == 404


def test_a_question_across_articles_is_shown_but_edited_in_its_file(make_app: Callable[..., Flask],
                                                                    tmp_path: Path) -> None:
    """The form edits one source and one passage: a question citing several
    articles is shown (its first passage marked) and never rewritten from it."""
    import shutil

    root = Path(__file__).resolve().parents[2] / "questions"
    banks = tmp_path / "summit"
    shutil.copytree(root, banks)
    path = banks / "sommet-biden-poutine-2021.yaml"
    qid = next(q.id for q in load_bank(path).questions if len(q.sources) > 1)
    app = drafting_app(make_app, banks)
    client = teacher_client(app)
    page = client.get(f"/teacher/banks/sommet-biden-poutine-2021/edit?q={qid}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'id="several-sources"' in html and 'id="edit-form"' not in html
    before = path.read_bytes()
    sha = hashlib.sha256(before).hexdigest()
    refused = client.post(f"/teacher/banks/sommet-biden-poutine-2021/q/{qid}",
                          data={"sha256": sha, "prompt": "x", "then": "save"})
    assert refused.status_code == 409
    assert path.read_bytes() == before
