"""The forms of a regular verb that news prose uses: the first group (-er), with French
spelling changes (lancer → lançait, rappeler → rappelle, répéter → répète), and the second
(-ir, -issons: renchérir → renchérit, renchérissent). The speech-verb lexicon conjugates its
regular verbs with this."""

from __future__ import annotations


def regular_forms(verb: str) -> list[str]:
    """The finite and participle forms of a regular -er or -ir verb that news prose uses."""
    # Reflexive verbs: the rules read "s'est", "se" before the form.
    verb = verb.replace("_", " ").removeprefix("se ").removeprefix("s'")
    if verb.endswith("ir"):
        stem = verb[:-1]  # "renchéri": renchérit, renchérissent, renchérissait, renchérira
        ends = ("", "e", "s", "es", "t", "ssent", "ssait", "ssaient", "ra", "ront", "rait")
        return [stem + e for e in ends]
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
