"""Article boilerplate removal: what a web page adds around the story.

The cleaner never rewrites the article: it returns paragraphs as offsets into
the original text, so every sentence a question quotes as evidence is a
verbatim extract of the source file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .dates import parse_date

# Same-length replacements, so offsets in the plain view are offsets in the text.
_PLAIN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\ufeff": " ",
        "\u200b": " ",
        "\u2010": "-",  # hyphens typed as their Unicode forms ("Jean‑Claude", "ajoute‑t‑il")
        "\u2011": "-",
    }
)


# An inversion typed loose ("a-t- il", "rajoute -t-elle", "dit -il"): the space moved after the
# pronoun, so that the rules read "a-t-il", the text keeping its length.
_LOOSE_T = re.compile(
    r"(?<=\w)(?: -t-(?P<a>il|elle|on)|-t- (?P<b>il|elle|on)| -(?P<c>il|elle|ils|elles|on))(?![\w-])"
)


def plain(text: str) -> str:
    """`text` with typographic apostrophes and odd spaces made plain, same length."""
    text = text.translate(_PLAIN)
    if " -" in text or "- " in text:
        text = _LOOSE_T.sub(_tight, text)
    return text


def _tight(m: re.Match[str]) -> str:
    pronoun = m["a"] or m["b"] or m["c"]
    return ("-t-" if m["c"] is None else "-") + pronoun + " "


@dataclass(frozen=True)
class Paragraph:
    """A stretch [start, end) of the article text; headings are titles and subtitles."""

    start: int
    end: int
    heading: bool = False


@dataclass
class Article:
    text: str
    paragraphs: list[Paragraph]
    title: str | None = None
    published: date | None = None
    author: str | None = None
    #: "Source : X" lines: (index of the paragraph before the line, X).
    source_lines: list[tuple[int, str]] = field(default_factory=list)


_I = re.IGNORECASE
_COUNTER = re.compile(
    r"^\d{1,6}(?:\s*(?:partages?|commentaires?|vues|réactions|shares?|likes?|j'aime))?$", _I
)
_READ_ALSO = re.compile(
    r"^[\W_]*(?:(?:à|a)\s+)?(?:lire|voir|écouter|regarder|relire)\s+(?:aussi|également|la\s+suite|plus)\b"
    r"|^[\W_]*(?:sur\s+le\s+même\s+sujet|pour\s+aller\s+plus\s+loin|notre\s+dossier|en\s+savoir\s+plus)\b",
    _I,
)
_PREV_NEXT = re.compile(r"^(?:article|post|billet|sujet)\s+(?:précédent|suivant)", _I)
_SHARE = re.compile(
    r"^(?:partager|partagez|tweeter|facebook|twitter|linkedin|whatsapp|e-?mail|copier\s+le\s+lien|"
    r"imprimer|abonnez-vous|newsletter|s'abonner|commenter|réagir|écouter\s+cet\s+article|"
    r"crédit\s+photo|photo\s*:|©|tous\s+droits\s+réservés|publicité|menu|rechercher|"
    r"à\s+propos\s+de\s+l'auteur)\b[\s\W\w]{0,60}$",
    _I,
)
_BREADCRUMB = re.compile(r"^(?:accueil|home)\b", _I)
_SOURCE_LINE = re.compile(r"^sources?\s*(?::\s*(?P<name>.{1,80}))?$", _I)
_PUBLISHED = re.compile(
    r"^(?:publié|mis\s+en\s+ligne|mis\s+à\s+jour|actualisé|modifié)\s*(?:le\s+)?(?P<date>[^,]{4,40}?)"
    r"(?:\s+à\s+\d{1,2}\s*[h:]\s*\d{0,2})?(?:\s+par\s+(?P<by>.{1,60}))?\s*$",
    _I,
)
# "Rennes, le 12 février 2025" alone on its line: where and when the story was filed.
_DATELINE = re.compile(
    r"^[A-ZÀ-Ý][\w'’ -]{1,30},\s+(?:le\s+)?(?P<date>(?:\w+\s+)?\d{1,2}(?:er)?\s+\w+\s+\d{4})$"
)
_LIVE_MARKER = re.compile(
    r"^(?:UPDATE|MISE\s+[ÀA]\s+JOUR|MAJ|EN\s+DIRECT|DIRECT|ALERTE|FLASH|URGENT|BREAKING)\s*\d*\s*[:.\-–—]?\s*"
)
_TRAILING_LIVE_MARKER = re.compile(r"\s+(?:UPDATE|MISE\s+[ÀA]\s+JOUR|MAJ)\s*\d*\s*$")
# A label glued to the text by a web page ("Nouvelles originalesLe président…").
_GLUED_LABEL = re.compile(
    r"^(?P<label>[A-ZÀ-Ý][\w'-]*(?:\s+[\w'-]+){1,3}?[a-zà-ÿ])"
    r"(?=(?:Le|La|Les|L'|Un|Une|Des|Ce|Cette|Ces|Il|Elle|Ils|Elles|Selon|Après|Avant|En|Au|Aux|"
    r"Dans|Pour|Lors|Depuis|De|Du|D')\b)"
)
_BULLET = re.compile(r"^(?:[▪■□●•◦‣∙·*→►▶✔✅❌–—-]\ufe0f?\s+|\d{1,2}[.)]\s+(?=[A-ZÀ-Ý«\"“]))")
_BYLINE = re.compile(
    r"^(?:[Pp]ar|PAR|[Bb]y)\s+(?P<who>[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+){0,3}"
    r"(?:\s*(?:,|et|avec)\s*[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+){0,3})*)\s*$"
)
# A line holding only a name ("Thomas Montet"): the author, at the top or the bottom of a page.
_NAME_LINE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?:\s+[A-ZÀ-Ý][a-zà-ÿ'-]+){1,2}$")
_BIO_HINT = re.compile(
    r"\b(?:je|j'|mon|ma|mes|moi|journaliste|rédacteur|rédactrice|passionnée?|fan\s+de)\b", _I
)
_TERMINAL = '.!?…»"”):'  # a line ending with a colon introduces what follows


def _is_heading(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    # "… comme nouvel entraîneur (Officiel)": a label in brackets does not end a sentence.
    bare = re.sub(r"\s*\([^()]{1,20}\)\s*$", "", text.rstrip()) or text
    if bare.rstrip()[-1] not in _TERMINAL and len(words) <= 25:
        return True
    # 'Steinmeier se dit "très heureux"': a quotation closes the line, nothing ends the sentence
    # (a line that is all quotation is someone's words, not a heading).
    closes = re.search(r"[\w\s][»\"”]\s*$", bare) and not re.search(r"[.!?…]\s", bare)
    if len(words) <= 20 and closes and bare.lstrip()[:1] not in '«"“':
        return True
    # A shouted headline: "POUTINE A DÉCLARÉ QUE LES SANCTIONS…"
    letters = [c for c in text if c.isalpha()] if len(words) <= 40 else []
    return len(words) >= 2 and bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _line_spans(view: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in view.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _without_markers(view: str, start: int, end: int) -> tuple[int, int]:
    """The line without live-blog markers, bullets and glued labels (offsets stay exact)."""
    while True:
        m = _LIVE_MARKER.match(view[start:end]) or _BULLET.match(view[start:end])
        if not m or not m.end():
            break
        start += m.end()
    m = _GLUED_LABEL.match(view[start:end])
    if m and len(m["label"]) <= 40 and not re.search(r"[.,;:!?«»]", m["label"]):
        start += m.end("label")
    m = _TRAILING_LIVE_MARKER.search(view[start:end])
    if m:
        end = start + m.start()
    return start, end


def _without_footer(view: str, kept: list[Paragraph], last_nav: int) -> list[Paragraph]:
    """After the last "previous/next article" link comes the page footer (bio, tags, links);
    without navigation, a short first-person last paragraph is the author's bio."""
    if last_nav >= 0:
        tail = kept[last_nav:]
        if sum(len(view[p.start : p.end].split()) for p in tail) <= 120:
            kept = kept[:last_nav]
    if kept:
        last = view[kept[-1].start : kept[-1].end]
        if len(last.split()) <= 60 and len(_BIO_HINT.findall(last)) >= 2 and not re.search('[«»“”"]', last):
            kept = kept[:-1]
    return kept


def _without_name_lines(view: str, kept: list[Paragraph]) -> tuple[list[Paragraph], str | None]:
    """ "Thomas Montet" alone on the first or the last line, "Par Anne Morel" or "Anne Morel, à
    Bordeaux" on the last: the byline, not the story."""
    author = None
    for end in (0, -1):
        line = view[kept[end].start : kept[end].end] if kept else ""
        signed = (_BYLINE.match(line) or _NAME_TAIL.match(line)) if end == -1 else None
        if kept and (_NAME_LINE.match(line) or signed):
            author = author or (signed.group("who") if signed else line)
            kept = kept[1:] if end == 0 else kept[:-1]
    last = kept[-1] if kept else None
    glued = _GLUED_NAME.search(view, last.start, last.end) if last else None
    if last and glued and glued.end() == last.end:
        # "… devant le rectorat.Guillaume Frouin": the byline glued to the last sentence.
        kept = [*kept[:-1], Paragraph(last.start, glued.start(1), last.heading)]
        author = author or glued[1]
    return kept, author


# A name and where it signs from, with no sentence: "Anne Morel, à Bordeaux", "Léa Roy - AFP".
_NAME_TAIL = re.compile(r"^(?P<who>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3})\s*[,/–—-][^\n.!?«»]{0,40}$")
_GLUED_NAME = re.compile(r"(?<=\w[.!?»])([A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){1,3})\s*$")


def _title(text: str, kept: list[Paragraph]) -> str | None:
    """The headline: a heading of four words or more among the first two paragraphs. A paste
    without one has no title (its first paragraph is the lead, not a headline to truncate)."""
    for n, p in enumerate(kept[:2]):
        if n == 1 and not kept[0].heading:
            break  # after a first paragraph of story, a heading is an intertitle, not the headline
        words = " ".join(text[p.start : p.end].split())
        several = re.search(r"[.!?]\s+[«\"“A-ZÀ-Ý]", words)  # sentences, not a headline
        if p.heading and len(words.split()) >= 4 and not several:
            return words
    return None


def clean_article(raw: str) -> Article:
    """Split `raw` into story paragraphs, dropping page furniture.

    `raw` should already be NFC (the draft writes the NFC text as the source).
    """
    text = unicodedata.normalize("NFC", raw)
    view = plain(text)
    lines = _line_spans(view)
    kept: list[Paragraph] = []
    source_lines: list[tuple[int, str]] = []
    published: date | None = None
    author: str | None = None
    last_nav = -1
    seen_body = 0
    for i, (start, end) in enumerate(lines):
        line = view[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        end = start + len(stripped)
        if seen_body < 3 and _BREADCRUMB.match(stripped) and i < 3:
            continue
        if _COUNTER.match(stripped) or _READ_ALSO.match(stripped):
            continue
        if _SHARE.match(stripped) and len(stripped.split()) <= 6 and not stripped.endswith("."):
            continue
        if _PREV_NEXT.match(stripped):
            last_nav = len(kept)
            continue
        m = _SOURCE_LINE.match(stripped)
        if m and len(stripped.split()) <= 10:
            if m["name"]:
                source_lines.append((len(kept) - 1, m["name"].strip()))
            continue
        m = _BYLINE.match(stripped)
        if m and seen_body < 4:
            author = author or m["who"]
            continue
        m = _PUBLISHED.match(stripped) or _DATELINE.match(stripped)
        if m:
            published = published or parse_date(m["date"])
            continue
        start, end = _without_markers(view, start, end)
        if end <= start:
            continue
        seen_body += 1
        kept.append(Paragraph(start, end, _is_heading(view[start:end])))

    kept, byline = _without_name_lines(view, _without_footer(view, kept, last_nav))
    author = author or byline
    title = _title(text, kept)
    return Article(
        text=text, paragraphs=kept, title=title, published=published, author=author, source_lines=source_lines
    )
