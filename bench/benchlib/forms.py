"""The answer form of a question page, read with an HTML parser, and a
plausible student's answer to it."""

from __future__ import annotations

import random
from html.parser import HTMLParser


class FormParser(HTMLParser):
    """The fields of one form of a page (by id), with the choices of each."""

    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.found = False
        self.action = ""
        self.hidden: dict[str, str] = {}
        self.radios: dict[str, list[str]] = {}
        self.checkboxes: dict[str, list[str]] = {}
        self.texts: list[str] = []
        self.selects: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and (self.form_id is None or a.get("id") == self.form_id) and not self.found:
            self.inside = self.found = True
            self.action = a.get("action", "")
        elif not self.inside:
            return
        elif tag == "input" and a.get("name"):
            kind, name = a.get("type", "text").lower(), a["name"]
            if kind == "hidden":
                self.hidden[name] = a.get("value", "")
            elif kind == "radio":
                self.radios.setdefault(name, []).append(a.get("value", "on"))
            elif kind == "checkbox":
                self.checkboxes.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "reset", "image"):
                self.texts.append(name)
        elif tag == "textarea" and a.get("name"):
            self.texts.append(a["name"])
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.selects[self._select] = []
        elif tag == "option" and self._select is not None and a.get("value", "") != "":
            self.selects[self._select].append(a["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self._select = None


def parse_form(html: str, form_id: str | None = None) -> FormParser:
    parser = FormParser(form_id)
    parser.feed(html)
    parser.close()
    return parser


def answer_fields(form: FormParser, rng: random.Random) -> list[tuple[str, str]]:
    """A plausible student's answer to the form: a random choice, a typed word or figure."""
    fields = list(form.hidden.items())
    for name, values in form.radios.items():
        fields.append((name, rng.choice(values)))
    for name, values in form.checkboxes.items():
        fields += [(name, v) for v in rng.sample(values, rng.randint(1, len(values)))]
    positions = sorted(n for n in form.selects if n.startswith("position-"))
    if positions:  # an order question: each place given once
        places = list(range(1, len(positions) + 1))
        rng.shuffle(places)
        fields += [(n, str(p)) for n, p in zip(positions, places, strict=True)]
    for name, values in form.selects.items():
        if name not in positions and values:
            fields.append((name, rng.choice(values)))
    for name in form.texts:
        if name == "number":
            fields.append((name, str(rng.randint(95, 130))))
        else:
            fields.append((name, rng.choice(("Poutine", "putin", "Tadjikistan", "je ne sais pas", "112"))))
    return fields

