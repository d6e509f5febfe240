"""Precision and recall of the draft's findings against a labelled set.

A labelled set is a YAML file mapping article file names to their labels.
The value is either a list of quotation labels (the format of the seed gold)
or a mapping with any of `quotes`, `figures`, `lists`, `roles`:

    article.txt:
      quotes:   # every quotation of the article
        - {prefix: "Je pense", occ: 1, speakers: [biden], type: direct}
      figures:  # every figure worth a question
        - {text: "deux heures et cinq minutes", value: 125, unit: minutes}
      lists:    # every enumeration of three or more people
        - {members: [macron, merkel, draghi, johnson]}
      roles:    # every person introduced with a role
        - {person: sullivan, role: "conseiller à la sécurité nationale"}

Key facts (a separate file, `key_facts.yaml` beside the labels by default) list
what a teacher would ask about each article, each with its sentence as
`evidence`; a key fact counts as asked when a drafted question's evidence is
that sentence.

Quotation matching (the gold's rule): a gold item is the `occ`-th quotation
whose words start with `prefix`; it is found when the draft's speaker
contains one of `speakers` (lower case). `speakers: []` means no speaker can
be read from the text: any attribution there is a false positive, and so is
an attribution of a quotation the labels do not list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import QuizgenError
from ..text import normalize
from .pipeline import Analysis, analyse


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    wrong: int = 0  # attributions: a speaker named who did not say it
    unflagged: int = 0  # … of which without review: true (the teacher is not told to check)
    unfound: int = 0  # attributions: a labelled quotation the draft does not find as one
    unsaid: int = 0  # … found, with no speaker
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.wrong += other.wrong
        self.unflagged += other.unflagged
        self.unfound += other.unfound
        self.unsaid += other.unsaid
        return self


KINDS = ("quotes", "figures", "lists", "roles")


def _norm(s: Any) -> str:
    return normalize(str(s))


def score_quotes(analysis: Analysis, items: list[dict[str, Any]]) -> Score:
    score = Score()
    atts = [a for a in analysis.attributions if not a.name_or_title]
    used: set[int] = set()
    for item in items:
        prefix = _norm(item["prefix"])
        occ = int(item.get("occ", 1))
        matches = [i for i, a in enumerate(atts) if _norm(a.text).startswith(prefix)]
        aliases = [_norm(s) for s in item.get("speakers") or []]
        if len(matches) < occ:
            if aliases:
                score.fn += 1
                score.unfound += 1
                score.notes.append(f"missed quote «{item['prefix']}» (not found)")
            continue
        i = matches[occ - 1]
        used.add(i)
        sp = atts[i].speaker
        if sp is None:
            if aliases:
                score.fn += 1
                score.unsaid += 1
                score.notes.append(f"missed «{item['prefix']}» → {aliases[0]} (no speaker)")
            continue
        said = _norm(sp.name)
        if aliases and any(a in said for a in aliases):
            score.tp += 1
            continue
        score.fp += 1
        score.fn += bool(aliases)
        score.wrong += 1
        score.unflagged += not atts[i].review
        expected = f"expected {aliases[0]}" if aliases else "no speaker in the text"
        flag = "to review" if atts[i].review else "NOT flagged for review"
        score.notes.append(f"wrong «{item['prefix']}» → {sp.name} ({expected}; {flag})")
    for i, a in enumerate(atts):
        if i not in used and a.speaker is not None:
            score.fp += 1
            score.notes.append(f"unlabelled «{a.text[:40]}» → {a.speaker.name}")
    return score


def score_figures(analysis: Analysis, items: list[dict[str, Any]]) -> Score:
    score = Score()
    found = [f for f, _si in analysis.figures]
    used: set[int] = set()
    for item in items:
        want = _norm(item["text"])
        # The same phrase, give or take a word: "21h00" and "21h00 EST".
        hit = next(
            (
                i
                for i, f in enumerate(found)
                if i not in used
                and (want in _norm(f.text) or _norm(f.text) in want)
                and len(_norm(f.text)) * 2 > len(want)
            ),
            None,
        )
        if hit is None:
            score.fn += 1
            score.notes.append(f"missed figure '{item['text']}'")
            continue
        used.add(hit)
        f = found[hit]
        if "value" in item and f.value is not None and abs(float(item["value"]) - float(f.value)) > 1e-9:
            score.fp += 1
            score.fn += 1
            score.notes.append(f"wrong value for '{item['text']}': {f.value} (expected {item['value']})")
        else:
            score.tp += 1
    for i, f in enumerate(found):
        if i not in used:
            score.fp += 1
            score.notes.append(f"unlabelled figure '{f.text}'")
    return score


def _pair_up(
    found: list[Any],
    items: list[dict[str, Any]],
    matches: Callable[[dict[str, Any], Any], bool],
    missed: Callable[[dict[str, Any]], str],
    unlabelled: Callable[[Any], str],
) -> Score:
    """Each labelled item takes the first found one it matches, once; the
    rest of each side are misses and false alarms."""
    score = Score()
    used: set[int] = set()
    for item in items:
        hit = next((i for i, f in enumerate(found) if i not in used and matches(item, f)), None)
        if hit is None:
            score.fn += 1
            score.notes.append(missed(item))
        else:
            used.add(hit)
            score.tp += 1
    for i, f in enumerate(found):
        if i not in used:
            score.fp += 1
            score.notes.append(unlabelled(f))
    return score


def _same_list(item: dict[str, Any], lst: Any) -> bool:
    members = [_norm(m) for m in item["members"]]
    names = [_norm(m) for m in lst.members]
    return len(names) == len(members) and all(any(m in n for n in names) for m in members)


def score_lists(analysis: Analysis, items: list[dict[str, Any]]) -> Score:
    return _pair_up(
        list(analysis.lists),
        items,
        _same_list,
        lambda item: f"missed list {item['members']}",
        lambda lst: f"unlabelled list {list(lst.members)}",
    )


def score_roles(analysis: Analysis, items: list[dict[str, Any]]) -> Score:
    return _pair_up(
        list(analysis.roles),
        items,
        lambda item, r: _norm(item["person"]) in _norm(r.person) and _norm(item["role"]) in _norm(r.role),
        lambda item: f"missed role {item['person']}: {item['role']}",
        lambda r: f"unlabelled role {r.person}: {r.role}",
    )


_SCORERS: dict[str, Callable[[Analysis, list[dict[str, Any]]], Score]] = {
    "quotes": score_quotes,
    "figures": score_figures,
    "lists": score_lists,
    "roles": score_roles,
}


@dataclass
class ArticleResult:
    name: str
    scores: dict[str, Score]
    words: int
    types: Counter[str] = field(default_factory=Counter)  # drafted questions by type
    key_facts: Score | None = None  # tp: key facts the draft asks about, fn: those it does not


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", normalize(text)) if len(w) > 3}


def asks_about(evidence: str, fact: dict[str, Any]) -> bool:
    """A drafted question asks about a key fact when its evidence is the fact's sentence
    (one holds the other, or they share most of their words)."""
    a, b = normalize(evidence), normalize(str(fact.get("evidence", "")))
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def score_key_facts(evidences: list[str], facts: list[dict[str, Any]]) -> Score:
    score = Score()
    for fact in facts:
        if any(asks_about(e, fact) for e in evidences):
            score.tp += 1
        else:
            score.fn += 1
            score.notes.append(f"key fact not asked: {fact.get('question', '')}")
    return score


def load_key_facts(path: Path) -> dict[str, list[dict[str, Any]]]:
    """article file name → its key facts ({question, answer, evidence}), as labelled by a teacher."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise QuizgenError(f"{path}: cannot read the key facts: {exc}") from exc
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise QuizgenError(
            f"{path}: key facts map article file names to lists of {{question, answer, evidence}}"
        )
    return {str(k): [f for f in v if isinstance(f, dict)] for k, v in data.items()}


def load_labels(path: Path) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The labelled set at `path`, every article's value as {kind: items}."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise QuizgenError(f"{path}: cannot read the labelled set: {exc}") from exc
    if not isinstance(data, dict):
        raise QuizgenError(f"{path}: a labelled set maps article file names to their labels")
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name, value in data.items():
        if isinstance(value, list):
            value = {"quotes": value}
        if not isinstance(value, dict) or not set(value) <= set(KINDS):
            raise QuizgenError(
                f"{path}: labels of {name} must be a list of quotes or a mapping with {', '.join(KINDS)}"
            )
        out[str(name)] = {k: list(v or []) for k, v in value.items()}
    return out


def find_article(name: str, labels_path: Path, articles: Path | None) -> Path:
    folders = [articles] if articles else [labels_path.parent, labels_path.parent / "articles"]
    for folder in folders:
        if folder is not None and (folder / name).is_file():
            return folder / name
    raise QuizgenError(
        f"{labels_path}: article {name} not found in {', '.join(str(f) for f in folders if f)}"
    )


def evaluate(
    labels_path: Path, articles: Path | None = None, entities: Any = None, key_facts: Path | None = None
) -> list[ArticleResult]:
    """Score the draft on every article of a labelled set; with `key_facts`, also count the
    key facts its questions ask about."""
    from .bank import draft_questions  # the bank needs the whole pipeline: load it only here

    labels = load_labels(labels_path)
    facts = load_key_facts(key_facts) if key_facts else {}
    results: list[ArticleResult] = []
    for name, kinds in labels.items():
        path = find_article(name, labels_path, articles)
        text = path.read_text(encoding="utf-8")
        analysis = analyse(text, entities)
        scores = {kind: _SCORERS[kind](analysis, items) for kind, items in kinds.items()}
        questions = draft_questions(analysis, "article").questions
        result = ArticleResult(name, scores, len(text.split()), Counter(q["type"] for q in questions))
        if name in facts:
            result.key_facts = score_key_facts([q["evidence"] for q in questions], facts[name])
        results.append(result)
    return results


def totals(results: list[ArticleResult]) -> dict[str, Score]:
    out: dict[str, Score] = {}
    for r in results:
        for kind, s in r.scores.items():
            out.setdefault(kind, Score())
            out[kind] += s
    return out
