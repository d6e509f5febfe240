"""The forms of a regular -er verb that news prose uses, with French spelling changes
(lancer → lançait, rappeler → rappelle, répéter → répète): the speech-verb lexicon conjugates
its regular verbs with this."""

from __future__ import annotations


def er_forms(verb: str) -> list[str]:
    """The finite and participle forms of a regular -er verb that news prose uses."""
    # Reflexive verbs: the rules read "s'est", "se" before the form.
    verb = verb.replace("_", " ").removeprefix("se ").removeprefix("s'")
    stem = verb[:-2]
    forms = [
        stem + e
        for e in ("é", "ée", "és", "ées", "e", "ent", "ait", "aient", "a", "èrent", "era", "eront", "erait")
    ]
    # Spelling changes: lancer → lançait, rappeler → rappelle, répéter → répète.
    if stem.endswith("c"):
        forms += [stem[:-1] + "ç" + e for e in ("ait", "aient", "a")]
    if stem.endswith("g"):
        forms += [stem + "e" + e for e in ("ait", "aient", "a")]
    if stem.endswith("el"):  # rappeler → rappelle, marteler → martèle
        forms += [stem + "le", stem + "lent", stem[:-2] + "èle", stem[:-2] + "èlent"]
    if "é" in stem[-3:]:
        i = stem.rfind("é")
        grave = stem[:i] + "è" + stem[i + 1 :]
        forms += [grave + "e", grave + "ent"]
    if stem.endswith("et"):
        forms += [stem[:-2] + "ète", stem[:-2] + "ètent"]
    return forms
