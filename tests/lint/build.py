"""Questions and banks built in code for the lint tests."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from quizgen.model import AnyQuestion, Bank, Question

_QUESTION: TypeAdapter[AnyQuestion] = TypeAdapter(Question)


def question(type_: str, **fields: Any) -> AnyQuestion:
    data = {"id": fields.pop("id", "q"), "type": type_, "source": "art",
            "evidence": "Le texte de l’article.", "explanation": "Parce que.", **fields}
    return _QUESTION.validate_python(data)


def single(prompt: str, choices: list[str], answer: str | None = None, **fields: Any) -> AnyQuestion:
    return question("single", prompt=prompt, choices=choices, answer=answer or choices[0], **fields)


def bank(*questions: AnyQuestion, title: str = "Une banque d’essai") -> Bank:
    return Bank.model_validate({
        "id": "essai", "title": title, "as_of": "2021-12-08",
        "sources": [{"id": "art", "title": "Article", "outlet": "Journal", "published": "2021-12-07",
                     "path": "art.txt", "summary": "Un article."}],
        "questions": [q.model_dump() for q in questions]})


def codes(findings: list[Any], code: str) -> list[Any]:
    return [f for f in findings if f.code == code]
