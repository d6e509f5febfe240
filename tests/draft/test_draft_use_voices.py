"""Who said it? (invented sentences): an article with one voice asks it once, even when it names
other people who could be offered as wrong choices."""

from __future__ import annotations

from datetime import date

from quizgen.draft.bank import SourceInfo, build_bank
from quizgen.draft.pipeline import analyse


def questions(text: str) -> list[dict]:
    bank = build_bank(
        analyse(text), SourceInfo(), bank_id="t", source_path="t.txt", today=date(2024, 1, 1)
    ).bank
    return bank.model_dump()["questions"]


def test_one_voice_beside_other_named_people_is_asked_once():
    text = (
        "La ministre Hélène Vasseur a reçu le maire Paul Durand et le préfet Marc Olivier à Rodez. "
        "« Nous financerons la nouvelle gare routière dès cette année », a annoncé Hélène Vasseur. "
        "« Le chantier commencera au printemps avec les entreprises de la région », a-t-elle ajouté. "
        "« Les habitants seront consultés sur le tracé des nouvelles lignes », a assuré la ministre."
    )
    said = [q for q in questions(text) if "citation" in q["tags"]]
    assert len(said) == 1, said
