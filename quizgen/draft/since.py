"""Who a description after someone's words may stand for: a person the story brought in since
("« … », dit X. ¶ Son collègue Paul Roy a équipé les ruches. « … », précise le chercheur.")."""

from __future__ import annotations

from .speakers import Person, Registry, Speaker


def opening_since(
    view: str,
    mentions: list[tuple[int, Person]],
    since: int | None,
    pos: int,
    sp: Speaker,
    registry: Registry,
    others: set[str],
) -> Person | None:
    """The one person named at the start of a sentence (its subject) between the last speaker's
    words (`since`) and the quotation at `pos`, who may be `sp`: the story brought them in."""
    if since is None:
        return None
    found = {
        p.key: p
        for at, p in mentions
        if since < at < pos
        and p.key not in others
        and (sp.gender is None or p.gender in (None, sp.gender))
        and not registry.role_conflicts(p, sp.name)
        and opens_sentence(view, at)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def opens_sentence(view: str, at: int) -> bool:
    """'Son collègue Paul Roy a …', 'Un riverain, Jacques Morel, …': a name within the first
    few words of its sentence."""
    start = max(view.rfind(mark, 0, at) for mark in (". ", "! ", "? ", "\n", "» ")) + 1
    return len(view[start:at].split()) <= 4
