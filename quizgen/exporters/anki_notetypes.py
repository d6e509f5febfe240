"""The Anki note types: one per question type and card language.

Templates hold the layout and the labels (in the bank's language); fields
hold the question's text, already escaped by the exporter. Field and card
names are part of each note type's identity in students' collections: never
rename them (see ids.NOTETYPE_GENERATION).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..ids import notetype_id, notetype_key
from ..present import N_, label, label_language, quoted, with_colon
from ..present.texts import WITHIN

#: Card labels: a name → its English message id; the translations are in the
#: library's catalogue (quizgen.present), which the site's pages share.
_LABELS = {
    "deck_root": N_("Current affairs"),
    "answer": N_("Answer"),
    "answers": N_("Answers"),
    "one_answer": N_("One right answer"),
    "all_answers": N_("Select all that apply"),
    "true_or_false": N_("True or false?"),
    "figure": N_("A figure"),
    "unit": N_("Answer in"),
    "tolerance": WITHIN,
    "short": N_("Short answer"),
    "also": N_("Also accepted"),
    "who_said": N_("Who said it?"),
    "what_said": N_("What did %(speaker)s say?"),
    "match": N_("Match"),
    "order": N_("Put in order"),
    "cloze": N_("Fill the gap"),
    "evidence": N_("In the article"),
    "evidence_many": N_("In the articles"),
    "source": N_("Source"),
    "retired": N_("Withdrawn: this question is no longer in the question bank. "
                  "You can delete this note (search tag:retired)."),
    "ref": N_("Ref."),
    # Card names are part of the note type's schema: never change them.
    "card": N_("Question"),
    "card_who": N_("Who said it"),
    "card_what": N_("What was said"),
}


def labels(language: str) -> dict[str, str]:
    """The card labels in `language` (English when the catalogue has not that language)."""
    return _labels(label_language(language))


@cache
def _labels(language: str) -> dict[str, str]:
    out = {name: label(message, language) for name, message in _LABELS.items()}
    out["colon"] = with_colon("", language)
    out["open_quote"], out["close_quote"] = quoted("\x00", language).split("\x00")
    return out


# Read on phones and desktops, light and dark: Anki marks night mode with
# .nightMode (desktop, iOS) or .night_mode (AnkiDroid) on the card's body.
CSS = """\
.card {
  --fg: #1f2328; --muted: #59636e; --accent: #0b57d0; --ok: #116329; --ok-bg: #dafbe1;
  --panel: #f6f8fa; --rule: #d1d9e0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  font-size: 20px; line-height: 1.45; color: var(--fg); background: #fff;
  text-align: left; margin: 0; padding: 0;
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  --fg: #e6edf3; --muted: #9198a1; --accent: #7aa7ff; --ok: #6fdd8b; --ok-bg: #12361f;
  --panel: #1c2128; --rule: #3d444d;
  background: #0d1117;
}
.qz { max-width: 38em; margin: 0 auto; padding: 0.5em 0.9em; overflow-wrap: anywhere; }
.qz-kind { font-size: 0.75em; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase;
  color: var(--muted); margin-bottom: 0.4em; }
.qz-prompt { font-size: 1.1em; font-weight: 600; }
.qz-quote { font-size: 1.15em; font-style: italic; margin: 0.2em 0 0.4em; }
.qz-context, .qz-hint { color: var(--muted); font-size: 0.9em; margin-top: 0.3em; }
.qz ol, .qz ul { margin: 0.5em 0; padding-left: 1.8em; }
.qz li { margin: 0.25em 0; padding: 0.1em 0.3em; border-radius: 0.3em; }
.qz ol.qz-abc { list-style: upper-alpha; }
.qz-columns { display: flex; flex-wrap: wrap; gap: 0 1.5em; }
.qz-columns > * { flex: 1 1 12em; }
.qz-pairs { border-collapse: collapse; margin: 0.5em 0; }
.qz-pairs td { padding: 0.25em 0.6em; border-bottom: 1px solid var(--rule); vertical-align: top;
  overflow-wrap: normal; }
.qz-pairs td:first-child { min-width: 10em; padding-left: 0; }
.qz-pairs td.qz-arrow { color: var(--muted); padding: 0.25em 0; }
hr#answer { border: 0; border-top: 1px solid var(--rule); margin: 0.6em 0 0.4em; }
.qz-answer { font-size: 1.1em; }
.qz-answer b, .qz-answer .qz-value { color: var(--ok); font-weight: 700; }
.qz-label { color: var(--muted); font-size: 0.8em; font-weight: 600; text-transform: uppercase;
  letter-spacing: 0.02em; }
.qz.qz-reply { padding-bottom: 0; }
/* Smaller text, same column as the answer above it. */
.qz.qz-more { font-size: 0.9em; max-width: 42.2em; padding-top: 0; padding-bottom: 1.2em; }
.qz-explanation { margin: 0.3em 0 0.6em; }
.qz-retired { font-weight: 600; color: var(--muted); border: 1px dashed var(--rule);
  padding: 0.3em 0.6em; margin-bottom: 0.5em; border-radius: 0.2em; }
.qz-passage + .qz-passage { margin-top: 0.6em; padding-top: 0.6em; border-top: 1px solid var(--rule); }
.qz-evidence { margin: 0.6em 0; padding: 0.5em 0.8em; background: var(--panel);
  border-left: 3px solid var(--accent); border-radius: 0.2em; }
.qz-source { color: var(--muted); font-size: 0.9em; }
.qz-source a { color: var(--accent); }
.qz-ref { color: var(--muted); font-size: 0.7em; margin-top: 0.8em; }
.cloze { font-weight: 700; color: var(--accent); }
@media (max-width: 480px) {
  .card { font-size: 18px; }
  .qz { padding: 0.4em 0.5em; }
  .qz.qz-more { padding-top: 0; }
  /* A pair per line, "left → right", rather than a squeezed three-column table. */
  .qz-pairs, .qz-pairs tbody, .qz-pairs tr { display: block; }
  .qz-pairs tr { padding: 0.3em 0; border-bottom: 1px solid var(--rule); }
  .qz-pairs td, .qz-pairs td:first-child, .qz-pairs td.qz-arrow { display: inline; padding: 0; border: 0;
    min-width: 0; }
  .qz-pairs td.qz-arrow { padding: 0 0.3em; }
  .qz ol, .qz ul { padding-left: 1.5em; }
  .qz li { margin: 0.1em 0; }
}
"""

#: Fields every note type ends with, shown on every back.
BACK_FIELDS = ("Explanation", "Evidence", "Source", "SourceUrl", "Ref")


@dataclass(frozen=True)
class NoteType:
    key: str
    id: int
    name: str
    fields: tuple[str, ...]
    #: (card name, front template, back template)
    templates: tuple[tuple[str, str, str], ...]
    css: str
    is_cloze: bool = False

    @property
    def digest(self) -> str:
        """Changes whenever what students' collections hold for this type would."""
        data = [self.id, self.name, self.fields, self.templates, self.css, self.is_cloze]
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]

    def genanki_args(self) -> dict[str, Any]:
        return {
            "model_id": self.id,
            "name": self.name,
            "fields": [{"name": f} for f in self.fields],
            "templates": [{"name": n, "qfmt": q, "afmt": a} for n, q, a in self.templates],
            "css": self.css,
        }


def _back(lb: dict[str, str]) -> str:
    # A question across several sources has no Source field: each passage in
    # Evidence carries its own source line.
    label = (f'{{{{#Source}}}}{lb["evidence"]}{{{{/Source}}}}'
             f'{{{{^Source}}}}{lb["evidence_many"]}{{{{/Source}}}}')
    return (
        '<div class="qz qz-more">'
        '<div class="qz-explanation">{{Explanation}}</div>'
        f'<div class="qz-evidence"><div class="qz-label">{label}</div>{{{{Evidence}}}}</div>'
        f'{{{{#Source}}}}<div class="qz-source">{lb["source"]}{lb["colon"]} '
        '{{#SourceUrl}}<a href="{{SourceUrl}}">{{/SourceUrl}}{{Source}}{{#SourceUrl}}</a>{{/SourceUrl}}</div>'
        '{{/Source}}'
        f'<div class="qz-ref">{lb["ref"]} {{{{Ref}}}}</div>'
        "</div>"
    )


def _card(front: str, answer: str, lb: dict[str, str], head: str | None = None) -> tuple[str, str]:
    """Front and back templates: the back repeats the front, or only `head` when
    the answer shows everything the front did (match, order: a shorter back)."""
    top = f'<div class="qz-back">{"{{FrontSide}}" if head is None else head}</div>'
    back = (f'{top}<hr id="answer">'
            f'<div class="qz qz-reply"><div class="qz-answer">{answer}</div></div>{_back(lb)}')
    return front, back


def _answer_line(label: str, lb: dict[str, str], body: str) -> str:
    return f'<span class="qz-label">{label}{lb["colon"]}</span> {body}'


Cards = tuple[tuple[str, str, str], ...]


def _templates(question_type: str, lb: dict[str, str]) -> tuple[tuple[str, ...], Cards]:
    """(fields before the back fields, cards) of a question type."""
    kind = '<div class="qz-kind">{}</div>'
    oq, cq = lb["open_quote"], lb["close_quote"]
    if question_type in ("single", "multi"):
        label = lb["one_answer"] if question_type == "single" else lb["all_answers"]
        answer_field = "Answer" if question_type == "single" else "Answers"
        answer_label = lb["answer"] if question_type == "single" else lb["answers"]
        front = (f'<div class="qz">{kind.format(label)}<div class="qz-prompt">{{{{Prompt}}}}</div>'
                 '{{Choices}}</div>')
        card = _card(front, _answer_line(answer_label, lb, f"<b>{{{{{answer_field}}}}}</b>"), lb)
        return ("Prompt", "Choices", answer_field), ((lb["card"], *card),)
    if question_type == "true_false":
        front = (f'<div class="qz">{kind.format(lb["true_or_false"])}'
                 '<div class="qz-prompt">{{Statement}}</div></div>')
        card = _card(front, _answer_line(lb["answer"], lb, "<b>{{Answer}}</b>"), lb)
        return ("Statement", "Answer"), ((lb["card"], *card),)
    if question_type == "numeric":
        front = (f'<div class="qz">{kind.format(lb["figure"])}<div class="qz-prompt">{{{{Prompt}}}}</div>'
                 f'{{{{#Unit}}}}<div class="qz-hint">{lb["unit"]} {{{{Unit}}}}</div>{{{{/Unit}}}}</div>')
        within = lb["tolerance"] % {"tolerance": "{{Tolerance}}"}
        body = f"<b>{{{{Answer}}}}</b>{{{{#Tolerance}}}} ({within}){{{{/Tolerance}}}}"
        card = _card(front, _answer_line(lb["answer"], lb, body), lb)
        return ("Prompt", "Answer", "Unit", "Tolerance"), ((lb["card"], *card),)
    if question_type == "short":
        front = (f'<div class="qz">{kind.format(lb["short"])}'
                 '<div class="qz-prompt">{{Prompt}}</div></div>')
        body = (_answer_line(lb["answer"], lb, "<b>{{Answer}}</b>")
                + f'{{{{#Accepted}}}}<div class="qz-hint">{lb["also"]}{lb["colon"]} {{{{Accepted}}}}</div>'
                  "{{/Accepted}}")
        card = _card(front, body, lb)
        return ("Prompt", "Answer", "Accepted"), ((lb["card"], *card),)
    if question_type == "quote":
        quote = f'<div class="qz-quote">{oq}{{{{Quote}}}}{cq}</div>'
        context = '{{#Context}}<div class="qz-context">{{Context}}</div>{{/Context}}'
        who = (f'<div class="qz">{kind.format(lb["who_said"])}{quote}{context}{{{{Candidates}}}}</div>')
        who_card = _card(who, _answer_line(lb["answer"], lb, "<b>{{Speaker}}</b>"), lb)
        # Asking for the words only makes sense when the context singles out
        # one quotation: without one, the card exists only one way.
        what = ("{{#Context}}"
                f'<div class="qz">{kind.format(lb["what_said"] % {"speaker": "{{Speaker}}"})}'
                '<div class="qz-context">{{Context}}</div></div>{{/Context}}')
        what_card = _card(what, f'<div class="qz-quote">{oq}<b>{{{{Quote}}}}</b>{cq}</div>', lb)
        return (("Quote", "Speaker", "Context", "Candidates"),
                ((lb["card_who"], *who_card), (lb["card_what"], *what_card)))
    if question_type == "match":
        head = f'<div class="qz">{kind.format(lb["match"])}<div class="qz-prompt">{{{{Prompt}}}}</div>'
        front = f'{head}<div class="qz-columns">{{{{Left}}}}{{{{Right}}}}</div></div>'
        card = _card(front, "{{Pairs}}", lb, f"{head}</div>")
        return ("Prompt", "Left", "Right", "Pairs"), ((lb["card"], *card),)
    if question_type == "order":
        head = f'<div class="qz">{kind.format(lb["order"])}<div class="qz-prompt">{{{{Prompt}}}}</div>'
        card = _card(f"{head}{{{{Shuffled}}}}</div>", "{{Ordered}}", lb, f"{head}</div>")
        return ("Prompt", "Shuffled", "Ordered"), ((lb["card"], *card),)
    if question_type == "cloze":
        front = (f'<div class="qz">{kind.format(lb["cloze"])}'
                 '<div class="qz-prompt">{{cloze:Text}}</div></div>')
        back = f'{front}<hr id="answer">{_back(lb)}'
        return ("Text",), ((lb["card"], front, back),)
    raise ValueError(f"no Anki note type for question type {question_type!r}")


@cache
def note_type(question_type: str, language: str) -> NoteType:
    """The note type for `question_type` with labels in `language`."""
    lang = label_language(language)
    lb = labels(lang)
    fields, templates = _templates(question_type, lb)
    key = notetype_key(question_type, lang)
    return NoteType(
        key=key,
        id=notetype_id(key),
        name=f"quizgen {question_type} ({lang})",
        fields=(*fields, *BACK_FIELDS),
        templates=templates,
        css=CSS,
        is_cloze=question_type == "cloze",
    )
