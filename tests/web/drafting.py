"""A fake drafter for the fast tests of the teacher area's drafting (no spaCy):
it "drafts" the test bank's questions when given the test bank's article."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from quizgen import load_bank
from quizgen.errors import QuizgenError
from web.drafter import Drafted, SourceInfo

DATA = Path(__file__).parent / "data"
ARTICLE = (DATA / "sources" / "sommet.txt").read_text(encoding="utf-8")
#: The questions the fake marks `review: true` (the drafter was unsure).
UNSURE = ("bienvenue", "duree")


class FakeDrafter:
    def __init__(self, unavailable: str | None = None):
        self._unavailable = unavailable
        self.calls: list[tuple[str, SourceInfo]] = []

    def unavailable(self) -> str | None:
        return self._unavailable

    def draft(self, text: str, info: SourceInfo, today: date | None = None) -> Drafted:
        self.calls.append((text, info))
        if "sommet" not in text.casefold() and "Biden" not in text:
            raise QuizgenError("found nothing to ask about (no quotation with a speaker, figure, "
                               "list of people or role)")
        bank: dict[str, Any] = load_bank(DATA / "classe.yaml").to_data()
        for q in bank["questions"]:
            q["draft"] = True
            q["review"] = q["id"] in UNSURE
        source = bank["sources"][0]
        source["title"] = bank["title"] = info.title or text.strip().splitlines()[0][:80]
        source["outlet"] = info.outlet or "inconnu"
        if info.published:
            source["published"] = bank["as_of"] = info.published.isoformat()
        if info.url:
            source["url"] = info.url
        return Drafted(bank, text, ["résumé : extrait des premières phrases, à réécrire avec vos mots"])


def drafting_app(make_app: Any, bank_dir: Path, **config: Any) -> Any:
    """The site on the test bank's folder, drafting with a FakeDrafter (unless given another)."""
    config.setdefault("QUIZGEN_DRAFTER", FakeDrafter())
    return make_app(bank_dir, **config)


def teacher_client(app: Any, name: str = "prof") -> Any:
    from tests.web.conftest import PASSWORD, login
    from web.accounts import add_teacher

    with app.app_context():
        add_teacher(name, PASSWORD)
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # the tests read the English interface
    login(client, name)
    return client


def start_draft(client: Any, **fields: Any) -> str:
    """POST the article form; the review page's address."""
    data = {"article": ARTICLE, "outlet": "Le Direct", **fields}
    response = client.post("/teacher/drafts/new", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    return response.headers["Location"]


def form_values(html: str, form_id: str = "edit-form") -> dict[str, str]:
    """The named fields of a form on the page, as a browser would send them (first submit aside)."""
    import re
    from html import unescape

    start = html.index(f'id="{form_id}"')
    body = html[start: html.index("</form>", start)]
    values: dict[str, str] = {}
    for tag in re.findall(r"<input\b[^>]*>", body):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        if attrs.get("type", "text") in ("text", "hidden", "date", "url") and "name" in attrs:
            values[attrs["name"]] = unescape(attrs.get("value", ""))
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S):
        values[name] = unescape(value)
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S):
        chosen = (re.search(r'<option value="([^"]*)" selected', options)
                  or re.search(r'<option value="([^"]*)"', options))
        values[name] = unescape(chosen[1]) if chosen else ""
    return values
