"""From an analysed article to a draft bank: questions, then the YAML a teacher edits.

Every question is marked `draft: true`, carries the sentence it comes from as
`evidence` (a verbatim extract, checked here before anything is written) and
`review: true` when the generator was unsure. The bank is validated with the
model before it is written, so the file passes `quizgen validate` as written.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import QuizgenError
from ..evidence import SourceText
from ..model import Bank
from ..text import fold_answer, strip_accents, word_count
from .clean import plain
from .distractors import pick
from .figures import Figure
from .pipeline import Analysis

MAX_SUMMARY_WORDS = 60  # the validator allows 80: leave the teacher room to rewrite
MIN_QUOTE_WORDS = 3  # « obsolète » alone makes a poor "who said it?"
MAX_QUOTE_WORDS = 45
WINDOW_WORDS = 28  # words of context shown around a figure or a list


@dataclass
class SourceInfo:
    """What the teacher told us about the article (or what we guessed)."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass
class Draft:
    bank: Bank
    counts: Counter[str] = field(default_factory=Counter)
    to_review: int = 0
    notes: list[str] = field(default_factory=list)  # what the teacher must check, for the file header


def slugify(text: str, max_words: int = 8, max_len: int = 60) -> str:
    words = re.findall(r"[a-z0-9]+", strip_accents(plain(text)).lower())
    small = {"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "a", "au", "aux", "en"}
    kept = [w for w in words if w not in small] or words
    slug = "-".join(kept[:max_words])[:max_len].strip("-")
    return slug or "article"


def _display(name: str) -> str:
    """A speaker as a choice: 'la Maison Blanche' → 'La Maison Blanche'."""
    name = " ".join(name.split())
    return name[:1].upper() + name[1:]


def _of(name: str) -> str:
    """'de' before a name, contracted as French writes it: du Kremlin, d’un internaute."""
    low = name[:1].lower() + name[1:]
    for det, out in (("le ", "du "), ("les ", "des ")):
        if low.startswith(det):
            return out + low[len(det) :]
    if low.startswith(("la ", "l’", "l'")):
        return "de " + low
    if low[:1] in "aâeéèêiîoôuh" or low.startswith(("un ", "une ")):
        return "d’" + (low if low.startswith(("un ", "une ")) else name)
    return "de " + name


def _with_article(r: Any) -> str:
    """'le conseiller à la sécurité nationale', or the role in guillemets when its gender is unknown."""
    det = (r.det or "").lower()
    if det in ("le", "la"):
        return f"{det} {r.role}"
    if det == "l'" or r.role[:1].lower() in "aâeéèêiîoôuh":
        return f"l’{r.role}"
    return f"« {r.role} »"


def _collapse(text: str) -> str:
    """An extract on one line (the evidence check ignores runs of white space)."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def _window(
    text: str, start: int, end: int, a: int, b: int, words: int = WINDOW_WORDS
) -> tuple[str, str, str]:
    """(before, middle, after) of the sentence text[start:end] around [a, b), cut to about
    `words` words with '…' where it was cut."""
    before = _collapse(text[start:a]).split(" ")
    after = _collapse(text[b:end]).split(" ")
    room = max(words - len(_collapse(text[a:b]).split()), 6)
    keep_before = min(len(before), room // 2 + max(0, room // 2 - len(after)))
    keep_after = min(len(after), room - keep_before)
    pre = " ".join(before[len(before) - keep_before :]) if keep_before else ""
    post = " ".join(after[:keep_after]) if keep_after else ""
    if keep_before < len(before) and pre:
        pre = "… " + pre
    if keep_after < len(after) and post:
        post = post + " …"
    return pre, _collapse(text[a:b]), post


def _join(before: str, middle: str, after: str) -> str:
    out = before
    if out and not out.endswith((" ", "'", "’", "(", "«\u00a0")):
        out += " "
    out += middle
    if after and not after.startswith((",", ".", " ", ")", "\u00a0»", ";", ":")):
        out += " "
    return (out + after).strip()


def _trim_quote(words: str) -> str:
    if word_count(words) <= MAX_QUOTE_WORDS:
        return words
    sentences = re.split(r"(?<=[.!?…])\s+", words)
    out = ""
    for s in sentences:
        if out and word_count(out + " " + s) > MAX_QUOTE_WORDS:
            break
        out = f"{out} {s}".strip()
    if word_count(out) > MAX_QUOTE_WORDS:
        out = " ".join(out.split()[:MAX_QUOTE_WORDS])
    return out + " […]"


def _stable_order(items: list[str], seed: str) -> list[str]:
    """Choices in an order that does not give the answer away, the same on every run."""
    return sorted(items, key=lambda x: hashlib.sha256(f"{seed}:{x}".encode()).hexdigest())


class _Ids:
    def __init__(self) -> None:
        self.used: Counter[str] = Counter()

    def __call__(self, *parts: str) -> str:
        base = "-".join(slugify(p, max_words=4, max_len=30) for p in parts if p)[:70].strip("-")
        self.used[base] += 1
        n = self.used[base]
        return base if n == 1 else f"{base}-{n}"


def _sentence_text(analysis: Analysis, si: int) -> tuple[int, int]:
    s = analysis.sentences[si]
    return s.start, s.end


class _Builder:
    def __init__(self, analysis: Analysis, source_id: str):
        self.a = analysis
        self.text = analysis.article.text
        self.source_id = source_id
        self.ids = _Ids()
        self.questions: list[dict[str, Any]] = []
        self.counts: Counter[str] = Counter()
        people = [(p.name, "person") for p in analysis.registry.persons()]
        speakers = []
        for att in analysis.attributions:
            if att.speaker is not None and not att.name_or_title:
                speakers.append((att.speaker.name, att.speaker.kind))
        # Speakers first (they are the article's voices), then everyone else it names.
        seen: set[str] = set()
        self.candidates: list[tuple[str, str]] = []
        for name, kind in [*speakers, *people]:
            if fold_answer(name) not in seen:
                seen.add(fold_answer(name))
                self.candidates.append((_display(name), kind))

    def add(self, kind: str, q: dict[str, Any], review: bool) -> None:
        q = {**q, "draft": True}
        if review:
            q["review"] = True
        self.questions.append(q)
        self.counts[kind] += 1

    # ---------------------------------------------------------------- quotes

    def quotes(self) -> None:
        seen: set[str] = set()
        for att in self.a.attributions:
            sp = att.speaker
            if sp is None or att.name_or_title or word_count(att.text) < MIN_QUOTE_WORDS:
                continue
            key = fold_answer(att.text)
            if key in seen:
                continue
            seen.add(key)
            speaker = _display(sp.name)
            distractors = [_display(d) for d in pick(speaker, sp.kind, self.candidates)]
            if not distractors:
                continue
            role = f" ({sp.role})" if sp.role and sp.kind == "person" else ""
            role += self._other_spellings(sp.name) if sp.kind == "person" else ""
            evidence = _collapse(self.text[att.evidence[0] : att.evidence[1]])
            self.add(
                "quote",
                {
                    "id": self.ids("citation", sp.name.split()[-1] if sp.kind == "person" else sp.name),
                    "type": "quote",
                    "source": self.source_id,
                    "quote": _trim_quote(_collapse(att.text)),
                    "speaker": speaker,
                    "distractors": distractors,
                    "evidence": evidence,
                    "explanation": f"D’après l’article, ces mots sont {_of(sp.name)}{role}.",
                    "tags": ["citation"],
                },
                review=att.review,
            )

    def _other_spellings(self, name: str) -> str:
        """', nom aussi écrit Ouchakov' when the article spells the surname several ways."""
        person = self.a.registry.person(name)
        if person is None:
            return ""
        shown = fold_answer(name.split()[-1])
        others = sorted({s for s in person.surnames if fold_answer(s) != shown})
        return f", nom aussi écrit {' ou '.join(others)} dans l’article" if others else ""

    # ---------------------------------------------------------------- figures

    def figures(self) -> None:
        seen: set[tuple[str, str]] = set()
        for fig, si in self.a.figures:
            key = (fig.kind, fold_answer(fig.text))
            if key in seen:
                continue
            seen.add(key)
            start, end = _sentence_text(self.a, si)
            if fig.value is not None and fig.kind in ("duration", "count", "percent", "money"):
                if fig.kind == "count" and fig.value < 3:
                    continue  # "deux sources": true, but not worth a question
                self._numeric(fig, start, end)
            elif fig.kind in ("date", "time", "duration"):
                self._cloze(fig, start, end)

    def _numeric(self, fig: Figure, start: int, end: int) -> None:
        pre, _mid, post = _window(self.text, start, end, fig.start, fig.end)
        unit = fig.unit or ""
        if unit == "%":
            ask = "quel pourcentage ?"
        else:
            ask = f"combien d’{unit} ?" if unit[:1].lower() in "aâeéèêiîoôuh" else f"combien de {unit} ?"
        value = fig.value
        tolerance: float = 0
        if fig.approx and value is not None:
            tolerance = round(abs(float(value)) * 0.1, 2)
            tolerance = int(tolerance) if tolerance == int(tolerance) else tolerance
        written = _collapse(fig.text)
        # "deux heures et cinq minutes", soit 125 minutes: say the conversion.
        converted = f", soit {value} {unit}" if fig.kind == "duration" and " et " in written else ""
        q: dict[str, Any] = {
            "id": self.ids("chiffre", unit or fig.kind),
            "type": "numeric",
            "source": self.source_id,
            "prompt": f"D’après l’article : « {_join(pre, '…', post)} » — {ask}",
            "answer": value,
        }
        if tolerance:
            q["tolerance"] = tolerance
        if unit and unit != "%":
            q["unit"] = unit
        elif unit == "%":
            q["unit"] = "%"
        q.update(
            {
                "evidence": _collapse(self.text[start:end]),
                "explanation": f"L’article indique « {written} »{converted}.",
                "tags": ["chiffres"],
            }
        )
        self.add("figure", q, review=fig.approx)

    def _cloze(self, fig: Figure, start: int, end: int) -> None:
        pre, mid, post = _window(self.text, start, end, fig.start, fig.end)
        if "{{" in pre + post or "}}" in pre + post or "::" in mid:
            return
        tag = {"date": "dates", "time": "horaires", "duration": "durées"}[fig.kind]
        self.add(
            "figure",
            {
                "id": self.ids(tag, fig.text),
                "type": "cloze",
                "source": self.source_id,
                "text": _join(pre, "{{c1::" + mid + "}}", post),
                "evidence": _collapse(self.text[start:end]),
                "explanation": f"L’article précise : « {_join(pre, mid, post)} »",
                "tags": [tag],
            },
            review=False,
        )

    # ---------------------------------------------------------------- lists and roles

    def lists(self) -> None:
        for lst in self.a.lists:
            start, end = _sentence_text(self.a, lst.sentence)
            pre, _mid, post = _window(self.text, start, end, lst.start, lst.end)
            members = [_display(m) for m in lst.members]
            distractors = [
                _display(d) for d in pick(members[0], "person", self.candidates, n=3, exclude=members)
            ]
            qid = self.ids("personnes", members[0])
            self.add(
                "list",
                {
                    "id": qid,
                    "type": "multi",
                    "source": self.source_id,
                    "prompt": f"D’après l’article, qui complète cette phrase : « {_join(pre, '…', post)} » ?",
                    "choices": _stable_order(members + distractors, qid),
                    "answers": members,
                    "evidence": _collapse(self.text[start:end]),
                    "explanation": f"La phrase cite {', '.join(members[:-1])} et {members[-1]}.",
                    "tags": ["personnes"],
                },
                review=False,
            )

    def roles(self) -> None:
        by_para: dict[int, list[Any]] = {}
        for r in self.a.roles:
            by_para.setdefault(self.a.sentences[r.sentence].para, []).append(r)
        for pairs in by_para.values():
            # One person, one role: the first the paragraph gives.
            uniq: dict[str, Any] = {}
            for r in pairs:
                if r.person not in uniq and fold_answer(r.role) not in {
                    fold_answer(x.role) for x in uniq.values()
                }:
                    uniq[r.person] = r
            chosen = list(uniq.values())
            if len(chosen) >= 2:
                first = min(r.sentence for r in chosen)
                last = max(r.sentence for r in chosen)
                start, end = self.a.sentences[first].start, self.a.sentences[last].end
                self.add(
                    "role",
                    {
                        "id": self.ids("fonctions", chosen[0].person),
                        "type": "match",
                        "source": self.source_id,
                        "prompt": "Associez chaque personne à la fonction que lui donne l’article.",
                        "pairs": {_display(r.person): r.role for r in chosen},
                        "evidence": _collapse(self.text[start:end]),
                        "explanation": "D’après l’article : "
                        + " ; ".join(f"{_display(r.person)}, {r.role}" for r in chosen)
                        + ".",
                        "tags": ["fonctions"],
                    },
                    review=False,
                )
                continue
            for r in chosen:
                if len(r.role.split()) < 2:
                    continue  # "qui est l'entraîneur ?": whose? Only a match question can ask it
                person = _display(r.person)
                distractors = [_display(d) for d in pick(person, "person", self.candidates)]
                if not distractors:
                    continue
                start, end = _sentence_text(self.a, r.sentence)
                qid = self.ids("fonction", r.person)
                self.add(
                    "role",
                    {
                        "id": qid,
                        "type": "single",
                        "source": self.source_id,
                        "prompt": f"D’après l’article, qui est {_with_article(r)} ?",
                        "choices": _stable_order([person, *distractors], qid),
                        "answer": person,
                        "evidence": _collapse(self.text[start:end]),
                        "explanation": f"L’article présente {person} comme {_with_article(r)}.",
                        "tags": ["fonctions"],
                    },
                    review=False,
                )


def summary_of(analysis: Analysis) -> str:
    """The first sentences of the story (headings and the title aside), within the word limit."""
    out = ""
    text = analysis.article.text
    for s in analysis.sentences:
        if s.heading or s.para == 0:
            continue
        sentence = _collapse(text[s.start : s.end])
        candidate = f"{out} {sentence}".strip()
        if word_count(candidate) > MAX_SUMMARY_WORDS:
            if not out:
                out = " ".join(sentence.split()[:MAX_SUMMARY_WORDS]) + " …"
            break
        out = candidate
    if not out:
        first = analysis.article.paragraphs[0] if analysis.article.paragraphs else None
        out = _collapse(text[first.start : first.end]) if first else "Article sans texte."
        out = " ".join(out.split()[:MAX_SUMMARY_WORDS])
    return out


def build_bank(
    analysis: Analysis, info: SourceInfo, *, bank_id: str, source_path: str, today: date | None = None
) -> Draft:
    """The draft bank of one analysed article, validated (raises QuizgenError if empty)."""
    today = today or date.today()
    article = analysis.article
    notes: list[str] = ["résumé : extrait des premières phrases, à réécrire avec vos mots"]
    title = info.title or article.title or "Article sans titre"
    if not info.title:
        notes.append("titre : première ligne de l’article")
    outlet = info.outlet or "inconnu"
    if not info.outlet:
        notes.append("média (outlet) inconnu : à compléter")
    published = info.published or article.published
    if published is None:
        published = today
        notes.append(f"date de publication inconnue : {today.isoformat()} (aujourd’hui) à corriger")
    source_id = "article"
    b = _Builder(analysis, source_id)
    b.quotes()
    b.figures()
    b.lists()
    b.roles()
    text = SourceText(article.text)
    questions = [q for q in b.questions if text.contains(q["evidence"])]
    if len(questions) != len(b.questions):  # pragma: no cover - a bug in the extracts, never the teacher's
        raise QuizgenError("internal error: a drafted evidence is not an extract of the article")
    if not questions:
        raise QuizgenError(
            "found nothing to ask about (no quotation with a speaker, figure, list of people or role)"
        )
    source: dict[str, Any] = {
        "id": source_id,
        "title": title,
        "outlet": outlet,
        "published": published,
        "path": source_path,
        "summary": summary_of(analysis),
    }
    if info.url:
        source["url"] = info.url
    if article.author:
        source["author"] = article.author
    data = {
        "id": bank_id,
        "title": title,
        "language": "fr",
        "as_of": published,
        "description": "Brouillon créé par quizgen draft : relisez, corrigez ou supprimez chaque question, "
        "puis retirez « draft: true ».",
        "sources": [source],
        "questions": questions,
    }
    try:
        bank = Bank.model_validate(data)
    except ValidationError as exc:  # pragma: no cover - the builder writes only valid fields
        raise QuizgenError(f"internal error: the draft does not fit the bank model: {exc}") from exc
    review = sum(1 for q in questions if q.get("review"))
    if review:
        notes.append(f"{review} question(s) marquée(s) review: true (locuteur ou chiffre incertain)")
    return Draft(bank, b.counts, review, notes)


# ---------------------------------------------------------------- YAML

_KEY_ORDER = (
    "id",
    "type",
    "source",
    "prompt",
    "statement",
    "text",
    "quote",
    "speaker",
    "context",
    "choices",
    "answer",
    "answers",
    "tolerance",
    "unit",
    "accept",
    "distractors",
    "pairs",
    "items",
    "evidence",
    "explanation",
    "tags",
    "draft",
    "review",
)


class _NoAliases(yaml.SafeDumper):
    """The same date twice is written twice, not as an &anchor a teacher would not recognise."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def to_yaml(draft: Draft, schema_path: str | None = None) -> str:
    """The bank as the YAML a teacher reads: keys in a sensible order, UTF-8, block style."""
    data = draft.bank.model_dump(mode="python", exclude_none=True)
    for q in data["questions"]:
        if not q.get("review"):
            q.pop("review", None)
        if q.get("type") == "numeric" and q.get("tolerance") == 0:
            q.pop("tolerance", None)
        if not q.get("tags"):
            q.pop("tags", None)
    data["questions"] = [{k: q[k] for k in _KEY_ORDER if k in q} for q in data["questions"]]
    body = yaml.dump(
        data,
        Dumper=_NoAliases,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    header = []
    if schema_path:
        header.append(f"# yaml-language-server: $schema={schema_path}")
    header.append("# Brouillon écrit par `quizgen draft` : chaque question porte draft: true.")
    header.append("# À vérifier :")
    header += [f"#  - {n}" for n in draft.notes]
    return "\n".join(header) + "\n" + body


def schema_reference(output: Path) -> str | None:
    """The relative path from the bank's folder to the packaged JSON Schema, if present."""
    package = Path(__file__).resolve().parent.parent
    schema = package / "schema" / "bank.schema.json"
    # Only inside the project that holds the schema: an installed package's path means nothing.
    try:
        output.resolve().relative_to(package.parent)
    except ValueError:
        return None
    if not schema.is_file():
        return None
    return Path(os.path.relpath(schema, output.resolve().parent)).as_posix()
