"""The shipped question bank on the Biden–Putin video summit (issue 3).

These tests read the real files in questions/ and check what a teacher and
their students rely on: the bank validates, covers every question type and
both articles, and gets the key facts of the story right.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from quizgen import QUESTION_TYPES, Bank, load_banks
from quizgen.grading import score
from quizgen.model import Multi, Numeric, Quote, Short
from quizgen.text import fold_answer, normalize, word_count

QUESTIONS = Path(__file__).resolve().parent.parent / "questions"
BANK_ID = "sommet-biden-poutine-2021"


@pytest.fixture(scope="module")
def bank() -> Bank:
    banks = load_banks([QUESTIONS])  # raises BankError, with every problem, if anything is invalid
    by_id = {b.id: b for b in banks}
    assert BANK_ID in by_id, f"no bank '{BANK_ID}' in {QUESTIONS}"
    return by_id[BANK_ID]


def of_type(bank: Bank, cls: type) -> list:
    return [q for q in bank.questions if isinstance(q, cls)]


def test_bank_uses_both_articles_and_every_type(bank: Bank) -> None:
    assert {s.id for s in bank.sources} == {"direct", "poutine-1-biden-0"}
    assert len(bank.questions) >= 45
    per_source = Counter(sid for q in bank.questions for sid in q.sources)
    for source in bank.sources:
        assert per_source[source.id] >= 18, f"only {per_source[source.id]} questions on '{source.id}'"
    assert {q.type for q in bank.questions} == set(QUESTION_TYPES)


def test_sources_are_the_verbatim_seed_articles(bank: Bank) -> None:
    """The README records each article's sha256: a source edited by hand would no
    longer be the text the evidence was checked against."""
    readme = (QUESTIONS / "sources" / "README.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"`([\w.-]+\.txt)` \| `[^`]+` \| `([0-9a-f]{64})`", readme))
    assert len(recorded) == len(bank.sources)
    for source in bank.sources:
        path = QUESTIONS / source.path
        assert path.name in recorded, f"{path.name} has no origin in sources/README.md"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded[path.name]
        assert source.text.startswith(path.read_text(encoding="utf-8")[:40])


def test_summaries_fit_the_word_limit(bank: Bank) -> None:
    for source in bank.sources:
        assert 30 <= word_count(source.summary) <= 80, source.id


def test_call_list_after_the_summit(bank: Bank) -> None:
    calls = [q for q in of_type(bank, Multi) if "Emmanuel Macron" in q.answers]
    assert len(calls) == 1
    q = calls[0]
    assert sorted(q.answers) == ["Angela Merkel", "Boris Johnson", "Emmanuel Macron", "Mario Draghi"]
    assert len(q.choices) >= 6, "needs plausible wrong leaders beside the four right ones"
    # The article's heading spells her "Markel"; students must see the right name.
    assert not any("markel" in fold_answer(c) for c in q.choices)
    assert score(q, list(q.answers)) == 1.0
    assert score(q, ["Emmanuel Macron", "Angela Merkel", "Mario Draghi"]) < 1.0


def test_duration_of_the_summit(bank: Bank) -> None:
    durations = [q for q in of_type(bank, Numeric) if q.answer == 125]
    assert len(durations) == 1
    q = durations[0]
    assert q.unit == "minutes"
    assert q.accepts(125) and q.accepts(124)
    # Two hours (a rough memory) and three hours (the forecast) are wrong.
    assert not q.accepts(120)
    assert not q.accepts(180)
    assert normalize("deux heures et cinq minutes") in normalize(q.evidence)
    assert "RIA" in q.evidence


def test_other_figures(bank: Bank) -> None:
    figures = {(q.source, q.answer, q.unit) for q in of_type(bank, Numeric)}
    assert ("direct", 18, "h (heure russe)") in figures  # start of the talks
    assert ("direct", 3, "heures") in figures  # the expected length
    assert ("direct", 21, "h (EST)") in figures  # Jake Sullivan's press conference
    assert ("poutine-1-biden-0", 35, "personnes") in figures  # removed from the draft sanctions
    assert ("poutine-1-biden-0", 30, "chars") in figures  # tanks sent to Tajikistan


def test_questions_compare_the_two_articles(bank: Bank) -> None:
    """Questions across both articles: on invasion plans, sanctions and Moscow's demands,
    each with one extract per article."""
    across = [q for q in bank.questions if len(q.sources) > 1]
    assert len(across) >= 3
    themes = {"ukraine", "sanctions", "otan"}
    assert themes <= {t for q in across for t in q.tags}
    for q in across:
        assert q.sources == ["direct", "poutine-1-biden-0"], q.id
        assert set(q.evidence_by_source) == set(q.sources), q.id
        for sid, passage in q.evidence_by_source.items():
            assert normalize(passage) in normalize(bank.source(sid).text), f"{q.id}: {sid}"
        # Each claim is attributed to its article.
        assert "premier" in fold_answer(q.explanation) or "suivi en direct" in fold_answer(q.explanation)


# A sample of who said what, checked against both articles.
SPEAKERS = {
    "Bonjour, Monsieur le Président, bienvenue": "Vladimir Poutine",
    "Bon après-midi. C’est bon de vous revoir": "Joe Biden",
    "Le président Biden a exprimé la profonde inquiétude": "La Maison Blanche",
    "Poutine a dû penser": "Un internaute sur Twitter",
    "obsolète": "Donald Trump",
    "veut que la diplomatie se poursuive": "Ian Bremmer",
    "Ils ont intensifié la désinformation": "Un haut responsable de l’administration Biden",
    "aucune allusion à une « invasion russe »": "Le Kremlin",
    "On ne sait pas pourquoi ces sanctions": "Iouri Ouchakov",
    "une conséquence de la politique des autorités américaines": "Vladimir Poutine",
    "La possibilité que des militants islamistes": "L’agence Reuters",
}


@pytest.mark.parametrize("start", SPEAKERS)
def test_quote_speakers(bank: Bank, start: str) -> None:
    found = [q for q in of_type(bank, Quote) if normalize(q.quote).startswith(normalize(start))]
    assert len(found) == 1, f"no single quote question starting {start!r}"
    assert normalize(found[0].speaker).startswith(normalize(SPEAKERS[start]))


def test_quotes_are_faithful_and_fair(bank: Bank) -> None:
    quotes = of_type(bank, Quote)
    assert len(quotes) >= 15
    for q in quotes:
        article = normalize(bank.source(q.source).text)
        assert normalize(q.quote) in article, f"{q.id}: the quote is not word for word in the article"
        speaker = fold_answer(q.speaker)
        assert speaker not in {fold_answer(d) for d in q.distractors}, q.id
        assert len(q.distractors) >= 3, f"{q.id}: too few distractors"
        # The prompt must not name the speaker.
        surname = speaker.split()[-1]
        assert surname not in fold_answer(f"{q.quote} {q.context or ''}").split(), q.id


def test_match_pairs_quotes_with_their_speakers(bank: Bank) -> None:
    match = bank.question("qui-a-dit-quoi-second")
    assert match.type == "match"
    assert len(match.pairs) >= 4
    assert "Iouri Ouchakov" in match.pairs.values()
    assert "Le Kremlin" in match.pairs.values()


@pytest.mark.parametrize(("answer_part", "typed"), [
    ("poutine", ["Poutine", "poutine", "POUTINE", "Putin", "Vladimir Putin", "vladimir poutine"]),
    ("ouchakov", ["Ouchakov", "Ushakov", "Iouri Ouchakov", "Yuri Ushakov", "ouchakov"]),
    ("geneve", ["Genève", "Geneve", "GENEVE", "Geneva"]),
    ("minsk", ["Minsk", "accords de Minsk", "l'accord de Minsk"]),
    ("nord stream", ["Nord Stream 2", "nord stream 2", "Nordstream 2"]),
])
def test_short_answers_accept_usual_spellings(bank: Bank, answer_part: str, typed: list[str]) -> None:
    found = [q for q in of_type(bank, Short) if answer_part in fold_answer(q.answer)]
    assert found, f"no short question whose answer is {answer_part!r}"
    for q in found:
        accepted = {fold_answer(a) for a in q.accepted}
        for text in typed:
            assert fold_answer(text) in accepted, f"{q.id}: {text!r} should be accepted"
            assert score(q, text) == 1.0
        assert score(q, "Biden") == 0.0


def test_short_prompts_do_not_give_the_answer(bank: Bank) -> None:
    for q in of_type(bank, Short):
        prompt = f" {fold_answer(q.prompt)} "
        for accepted in q.accepted:
            assert f" {fold_answer(accepted)} " not in prompt, f"{q.id}: the prompt contains {accepted!r}"


STUDENT_FIELDS = re.compile(r"^(prompt|statement|quote|context|explanation|text|choices|answers?|"
                            r"speaker|distractors|items|pairs)\b")


def test_french_typography(bank: Bank) -> None:
    """What students read uses ’ and « » with non-breaking spaces, never typed ' or "."""
    for q in bank.questions:
        for name, value in q.text_fields.items():
            if not STUDENT_FIELDS.match(name):
                continue  # evidence mirrors the article as it is
            where = f"{q.id}.{name}: {value[:60]!r}"
            assert "'" not in value and '"' not in value, where
            assert not re.search(r"«(?!\u00a0)|(?<!\u00a0)»", value), where
            assert not re.search(r" [?!;:](?:\s|$)", value), where


def test_contested_claims_are_attributed(bank: Bank) -> None:
    """Claims from one side (Kremlin, White House, anonymous sources) say whose they are."""
    by_id = {q.id: q for q in bank.questions}
    attributed = {
        "cibles-sanctions": "selon une source",
        "kremlin-garantie-otan": "selon le kremlin",
        "inquietude-russophones": "selon le compte rendu du kremlin",
        "renseignement-decision": "d apres le haut responsable americain",
        "motif-expulsions-2016": "selon le second article",
        "congres-personnes": "d apres le second article",
        "main-tendue-saisie": "d apres l article de rt",
    }
    for qid, phrase in attributed.items():
        q = by_id[qid]
        shown = q.statement if q.type == "true_false" else q.prompt
        assert fold_answer(shown).startswith(phrase), qid
