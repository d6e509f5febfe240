"""Accessibility that the markup and the stylesheet decide, checked without a browser
(tests/e2e runs axe-core on every page in Chromium).

- Text colours: every pair of text and background colours the stylesheet
  defines has a WCAG contrast ratio of at least 4.5:1, in the light and the
  dark scheme.
- Each page has one h1; ids are unique; the corrections of a results page
  are landmarks with distinct names.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from quizgen import Bank
from tests.web.pages import form_data, wrong_response
from tests.web.test_practice import question_of, start

STYLE = Path(__file__).parents[2] / "web" / "static" / "style.css"
AA_TEXT = 4.5
#: Text of one colour shown inside a box of another, where the stylesheet alone does not
#: say so (the colour and the background are set by different rules).
NESTED = [
    ("right", "right-bg"),  # the ✓ of a right answer in the dashboard's row of right answers
]
#: Every element not inside a box of its own stands on the page or on a card.
PAGE_BACKGROUNDS = ("bg", "card")
#: What must stand out at 3:1 without being text (WCAG 1.4.11): the focus ring (drawn
#: 2 px outside the control, on the page or a card) and the border of a text field.
AA_NON_TEXT = 3.0
NON_TEXT = [("focus", "bg"), ("focus", "card"), ("field-line", "bg"), ("field-line", "card")]


def contrast(fg: str, bg: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours."""
    def luminance(color: str) -> float:
        channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _palettes(css: str) -> dict[str, dict[str, str]]:
    """The custom properties of :root, and the dark scheme's over them."""
    def props(block: str) -> dict[str, str]:
        return dict(re.findall(r"--([\w-]+):\s*([^;]+?)\s*;", block))
    light = props(re.search(r"^:root\s*\{([^}]*)\}", css, re.M)[1])
    dark_block = re.search(r"@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}", css)
    return {"light": light, "dark": {**light, **props(dark_block[1])}}


def _pairs(css: str) -> set[tuple[str, str, str]]:
    """(foreground, background, where) for every text colour the stylesheet sets."""
    pairs = set()
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        fg = re.search(r"(?:^|;)\s*color:\s*var\(--([\w-]+)\)", body)
        bg = re.search(r"background(?:-color)?:\s*var\(--([\w-]+)\)", body)
        where = " ".join(selector.split())
        if fg and bg:
            pairs.add((fg[1], bg[1], where))
        elif fg:
            pairs.update((fg[1], page, where) for page in PAGE_BACKGROUNDS)
        elif bg:  # the inherited text colour on this box
            pairs.add(("text", bg[1], where))
    pairs.update((fg, bg, "nested") for fg, bg in NESTED)
    return pairs


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#1a7f37", "#e6f4ea") == pytest.approx(4.47, abs=0.01)  # the old "✓ Right"


def test_every_text_colour_pair_has_aa_contrast() -> None:
    css = STYLE.read_text(encoding="utf-8")
    pairs = _pairs(css)
    # The parse found the pairs that matter: the verdicts, buttons, muted text.
    assert {("right", "right-bg"), ("wrong", "wrong-bg"), ("partial", "partial-bg"),
            ("accent-text", "accent"), ("muted", "card"), ("text", "bg")} <= {p[:2] for p in pairs}
    failures = []
    for scheme, palette in _palettes(css).items():
        for fg, bg, where in sorted(pairs):
            ratio = contrast(palette[fg], palette[bg])
            if ratio < AA_TEXT:
                failures.append(f"{scheme}: --{fg} {palette[fg]} on --{bg} {palette[bg]}"
                                f" = {ratio:.2f}:1 ({where})")
    assert not failures, "text below 4.5:1:\n" + "\n".join(failures)


def test_focus_ring_and_field_borders_stand_out() -> None:
    css = STYLE.read_text(encoding="utf-8")
    assert "outline: 3px solid var(--focus)" in css and "border: 1px solid var(--field-line)" in css
    failures = [f"{scheme}: --{a} {p[a]} on --{b} {p[b]} = {contrast(p[a], p[b]):.2f}:1"
                for scheme, p in _palettes(css).items() for a, b in NON_TEXT
                if contrast(p[a], p[b]) < AA_NON_TEXT]
    assert not failures, "below 3:1:\n" + "\n".join(failures)


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.h1 = 0
        self.section_labels: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] += 1
        self.h1 += tag == "h1"
        if tag == "section" and a.get("aria-label"):
            self.section_labels.append(a["aria-label"] or "")


def outline(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    return parser


def test_question_feedback_and_results_pages_are_well_formed(client: FlaskClient, bank: Bank) -> None:
    base = start(client)
    for n in range(1, 10):
        page = client.get(f"{base}/{n}").get_data(as_text=True)
        assert outline(page).h1 == 1, f"question {n}: one h1"
        q = question_of(page, bank)
        response = wrong_response(q) if n % 2 else None  # some right, some wrong
        client.post(f"{base}/{n}", data=form_data(q, page, response))
        feedback = outline(client.get(f"{base}/{n}").get_data(as_text=True))
        assert feedback.h1 == 1 and feedback.ids["verdict"] == 1, f"feedback {n}"
    for language, label in (("fr", "Correction de la question {}"), ("en", "Correction of question {}")):
        end = outline(client.get(f"{base}/end", headers={"Accept-Language": language}).get_data(as_text=True))
        assert end.h1 == 1
        assert [k for k, count in end.ids.items() if count > 1] == []
        assert {f"verdict-{n}" for n in range(1, 10)} <= set(end.ids)
        assert end.section_labels == [label.format(n) for n in range(1, 10)]
