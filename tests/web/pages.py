"""Reading the site's pages as a browser would: forms, labels, links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

from quizgen.grading import key
from quizgen.model import AnyQuestion
from quizgen.present import cloze_segments, prompt_text
from quizgen.text import normalize

CSRF_VALUE = re.compile(r'(<input[^>]*name="csrf_token"[^>]*value=")[^"]*"')


@dataclass
class Form:
    id: str = ""
    action: str | None = None
    hidden: dict[str, str] = field(default_factory=dict)
    #: radio/checkbox: name -> [(value, label text)]
    options: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: select: name -> (label text, [(value, option text)], selected value)
    selects: dict[str, tuple[str, list[tuple[str, str]], str | None]] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # text input names


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.labels: dict[str, str] = {}
        self._label_for: str | None = None
        self._label_text: list[str] = []
        self._inputs: list[tuple[Form, dict[str, str]]] = []
        self._select: tuple[Form, dict[str, str], list[tuple[str, str]]] | None = None
        self._option: dict[str, str] | None = None
        self._option_text: list[str] = []
        self._selected: str | None = None
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(id=a.get("id", ""), action=a.get("action")))
        elif tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "label" and "for" in a:
            self._label_for, self._label_text = a["for"], []
        elif tag == "input" and self.forms:
            self._inputs.append((self.forms[-1], a))
        elif tag == "select" and self.forms:
            self._select, self._selected = (self.forms[-1], a, []), None
        elif tag == "option" and self._select is not None:
            self._option, self._option_text = a, []
            if "selected" in a:
                self._selected = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._label_for:
            self.labels[self._label_for] = " ".join("".join(self._label_text).split())
            self._label_for = None
        elif tag == "option" and self._option is not None and self._select is not None:
            text = " ".join("".join(self._option_text).split())
            self._select[2].append((self._option.get("value", ""), text))
            self._option = None
        elif tag == "select" and self._select is not None:
            form, a, opts = self._select
            form.selects[a["name"]] = (a.get("id", ""), opts, self._selected)
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._label_for:
            self._label_text.append(data)
        if self._option is not None:
            self._option_text.append(data)


def parse(html: str) -> tuple[list[Form], list[str]]:
    p = _Parser()
    p.feed(html)
    for form, a in p._inputs:
        kind = a.get("type", "text")
        name = a.get("name", "")
        if kind == "hidden":
            form.hidden[name] = a.get("value", "")
        elif kind in ("radio", "checkbox"):
            form.options.setdefault(name, []).append((a.get("value", ""), p.labels.get(a.get("id", ""), "")))
        elif kind in ("text", "number", "password"):
            form.texts.append(name)
    for form in p.forms:
        form.selects = {name: (p.labels.get(label_id, ""), opts, sel)
                        for name, (label_id, opts, sel) in form.selects.items()}
    return p.forms, p.links


def answer_form(html: str) -> Form:
    forms, _links = parse(html)
    found = [f for f in forms if f.id == "answer-form"]
    assert found, "no answer form on the page"
    return found[0]


def _value_for(options: list[tuple[str, str]], text: str) -> str:
    for value, label in options:
        if normalize(label) == normalize(text):
            return value
    raise AssertionError(f"no option {text!r} in {options}")


def form_data(q: AnyQuestion, html: str, response: Any = None) -> dict[str, Any]:
    """The form a student fills in to give `response` (default: the right answer),
    found by reading labels on the page only."""
    response = key(q) if response is None else response
    form = answer_form(html)
    data: dict[str, Any] = {}
    match q.type:
        case "single" | "quote":
            data["choice"] = _value_for(form.options["choice"], response)
        case "multi":
            data["choice"] = [_value_for(form.options["choice"], t) for t in response]
        case "true_false":
            data["choice"] = "true" if response else "false"
        case "numeric":
            data["number"] = str(response).replace(".", ",")
        case "short":
            data["text"] = response
        case "match":
            for name, (label, opts, _sel) in form.selects.items():
                data[name] = _value_for(opts, response[label])
        case "order":
            for name, (label, _opts, _sel) in form.selects.items():
                item = label.removeprefix("Place of: ").removeprefix("Place de : ")
                place = next(i for i, t in enumerate(response, 1) if normalize(t) == normalize(item))
                data[name] = str(place)
        case "cloze":
            for i, text in enumerate(response):
                data[f"gap-{i}"] = text
    return data


def wrong_response(q: AnyQuestion) -> Any:
    """A response that scores 0."""
    match q.type:
        case "single":
            return next(c for c in q.choices if c != q.answer)
        case "multi":
            return [c for c in q.choices if c not in q.answers][:1]
        case "true_false":
            return not q.answer
        case "numeric":
            return q.answer + q.tolerance + 1000
        case "short":
            return "zzz"
        case "quote":
            return q.distractors[0]
        case "match":
            lefts, rights = list(q.pairs), list(q.pairs.values())
            return {left: rights[(i + 1) % len(rights)] for i, left in enumerate(lefts)}
        case "order":
            items = list(q.items)
            return items[1:] + items[:1]
        case "cloze":
            return ["zzz" for _ in q.gaps]
    raise AssertionError(q.type)


def asks(page: str, q: AnyQuestion) -> bool:
    """Does `page` ask question `q`? Its text as quizgen.present gives it (a
    cloze's longest run of text, its gaps being inputs or blanks)."""
    if q.type == "cloze":
        shown = max((s.text for s in cloze_segments(q.text) if s.gap is None), key=len)
    else:
        shown = prompt_text(q)
    return bool(shown) and shown in unescape(page)


def without_csrf(html: str) -> str:
    """The page with its CSRF tokens blanked (they differ on every request)."""
    return CSRF_VALUE.sub(r'\1"', html)
