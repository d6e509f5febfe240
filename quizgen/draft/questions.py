"""The drafted questions of one analysed article: who said what, figures, lists, roles.

One question per sentence (the first rule that asks about a sentence keeps it),
one per quotation; no trivia (clock times, ages, a figure beside a negation, a
role two people share). `review: true` comes with its reason (`why`), written
as a YAML comment beside it.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import Any

from ..text import fold_answer
from .dates import news_day
from .distractors import Candidate, named_in, pick
from .figures import Figure
from .nlp import starting_in
from .openings import Opening, opening
from .pipeline import Analysis
from .quotepicks import (
    answer_of,
    candidates_of,
)
from .readable import readable
from .textbits import (
    BLANK,
    WINDOW_WORDS,
    Ids,
    collapse,
    display,
    guillemets,
    join,
    stable_order,
    window,
    with_article,
)
from .trivia import (
    a_bound,
    between_events,
    clock_like,
    in_title,
    is_age,
    listed_after,
    past_year,
    scenery_figure,
    side_date,
    side_duration,
    to_come,
)

_NEGATION = re.compile(r"\b(?:et|mais)\s+non\b|\bnon\s+pas\b|\bet\s+pas\b|\(\s*et\s+non\b", re.IGNORECASE)


_PAIRED = re.compile(r"\d\s*(?:et|au|-|à)\s*$")  # "des 23 et [27 juin]"
LEAD_DATES = 3  # a dated day in the first sentences is the news; later, a side episode
MAX_LISTS = 2  # multi questions on lists of people, per article
HIDDEN_NAMES = "[noms masqués]"

class Builder:
    """Collects questions; `used` holds the sentences already asked about."""

    def __init__(self, analysis: Analysis, source_id: str):
        self.a = analysis
        self.text = analysis.article.text
        self.source_id = source_id
        self.ids = Ids()
        self.questions: list[dict[str, Any]] = []
        self.reasons: dict[str, str] = {}
        self.counts: Counter[str] = Counter()
        self.used: set[int] = set()
        self.made: Counter[str] = Counter()  # key-fact questions by kind
        self.figures_seen: set[tuple[str, str]] = set()
        self.cache: dict[str, Any] = {}  # what the key-fact rules compute once per article
        self.openings: dict[int, Opening | None] = {}
        self.rewritten: dict[int, str] = {}  # sentence → the guess its rewritten opening made
        self.kind_of: dict[str, tuple[str, int | None]] = {}  # question id → (kind, sentence)
        self.candidates = candidates_of(analysis)
        self.answers: set[str] = set()  # what the cloze, short and single questions ask, folded

    def add(
        self, kind: str, q: dict[str, Any], review: bool, why: str = "", sentence: int | None = None
    ) -> bool:
        checked = readable(q, self.a, sentence)  # the text reads alone, whole and fair (readable.py)
        answer = answer_of(q)
        if answer and answer in self.answers:
            checked = None  # "qui est l'échevin ?" after "qui a dit … ?", both "X": one fact asked twice
        if checked is None or (sentence is not None and sentence in self.used):
            self._release(q["id"])  # refused: the rule tries its next candidate, under this id
            return False
        q, guess = checked
        review, why = review or bool(guess), "; ".join(w for w in (why, guess) if w)
        if sentence is not None:
            self.used.add(sentence)
            guessed = self.rewritten.pop(sentence, "")
            review, why = review or bool(guessed), "; ".join(w for w in (why, guessed) if w)
        q = {**q, "draft": True}
        self._asked_people(q)
        if review:
            q["review"] = True
            self.reasons[q["id"]] = why or "à vérifier"
        self.questions.append(q)
        if answer:
            self.answers.add(answer)
        self.counts[kind] += 1
        self.kind_of[q["id"]] = (kind, sentence)
        return True

    def _asked_people(self, q: dict[str, Any]) -> None:
        """The people a role question asks about: no cloze hides them again, no "who" asks them."""
        if "fonctions" not in (q.get("tags") or ()):
            return
        for name in q.get("pairs") or [q.get("answer")]:
            person = self.a.registry.person(str(name))
            if person is not None:
                self.cache.setdefault("who", set()).add(person.key)

    def _release(self, qid: str) -> None:
        """Give back the id of a refused question ("chiffre-salaries", not "…-2" for the next)."""
        for base, n in self.ids.used.items():
            if qid == (base if n == 1 else f"{base}-{n}"):
                self.ids.used[base] -= 1
                return

    def drop(self, q: dict[str, Any]) -> None:
        """Take a drafted question back: its sentence may be asked about again."""
        kind, sentence = self.kind_of.pop(q["id"])
        self.questions.remove(q)
        self.answers.discard(answer_of(q))
        self.counts[kind] -= 1
        self.reasons.pop(q["id"], None)
        if sentence is not None:
            self.used.discard(sentence)

    def opening(self, si: int) -> Opening | None:
        """How sentence si opens in a question (None: it leans on the one before, not asked)."""
        if si not in self.openings:
            self.openings[si] = opening(self.a, si)
        return self.openings[si]

    def window(self, si: int, x: int, y: int, words: int = WINDOW_WORDS) -> tuple[str, str, str]:
        """textbits.window on sentence si, its opening made to read alone ("[Paul Durand] a…")."""
        start, end = self.sentence_span(si)
        pre, mid, post = window(self.text, start, end, x, y, words)
        fix = self.opening(si)
        if fix is not None and fix.cut and pre.startswith(fix.cut):
            pre = fix.apply(pre)
            if fix.why:
                self.rewritten[si] = fix.why
        elif (
            fix is not None and fix.cut and not fix.text and pre and fix.cut.rstrip(" ,") == pre.rstrip(" ,")
        ):
            pre = ""  # "Mais [Justine Triet] pense…": the opening cut right before the span
        elif fix is not None and fix.text.endswith("]") and fix.cut.startswith(pre.rstrip()):
            # The blank is before the pronoun ("Repérée en ___, elle a…"): the pronoun is replaced after it.
            pronoun = fix.cut.split()[-1]
            stand_in = fix.text[fix.text.rfind("[") :]
            found = re.search(rf"(?<![\w-]){re.escape(pronoun)}(?![\w-])", post)
            if found is None:
                return pre, mid, post
            post = post[: found.start()] + stand_in + post[found.end() :]
            if fix.why:
                self.rewritten[si] = fix.why
        return pre, mid, post

    def sentence_span(self, si: int) -> tuple[int, int]:
        s = self.a.sentences[si]
        return s.start, s.end

    def role_span(self, r: Any) -> tuple[int, int]:
        """The sentence of a role; for a guessed one, with the sentence next to it that names the
        person (the evidence shows both the title and the name)."""
        start, end = self.sentence_span(r.sentence)
        if not r.guess:
            return start, end
        last = r.person.split()[-1]
        for si in (r.sentence - 1, r.sentence + 1):
            if 0 <= si < len(self.a.sentences) and last in self.text[slice(*self.sentence_span(si))]:
                a, b = self.sentence_span(si)
                return min(a, start), max(b, end)
        return start, end

    def accepted(self, name: str) -> list[str]:
        person = self.a.registry.person(name)
        spellings = {name.split()[-1], *(person.surnames if person else ())}
        return sorted(s for s in spellings if fold_answer(s) != fold_answer(name))

    # ---------------------------------------------------------------- figures

    def figures(self, numeric: bool) -> None:
        """Numeric questions (`numeric`), or clozes of dates and durations written in words."""
        for fig, si in self.a.figures:
            key = (fig.kind, fold_answer(fig.text))
            hidden = {fold_answer(a) for a in self.cache.get("asked", ())}  # by a key-fact cloze
            if key in self.figures_seen or key[1] in hidden or self.trivia(fig):
                continue
            start, end = self.sentence_span(si)
            if self.opening(si) is None:
                continue  # "Elle est prévue le 3 juin": which one? The sentence leans on the one before
            countable = fig.value is not None and fig.kind in ("duration", "count", "percent", "money")
            if numeric and countable:
                asked = self._numeric(fig, si, start, end)
            elif not numeric and not countable and fig.kind in ("date", "duration"):
                asked = self._cloze(fig, si, start, end)
            else:
                continue
            if asked:  # asked once; refused (readable.py), it may be asked where the article writes it next
                self.figures_seen.add(key)

    def trivia(self, fig: Figure) -> bool:
        """A clock time, an age, a small count, a figure beside a negation: not worth asking."""
        view = self.text
        around = view[max(0, fig.start - 30) : fig.end + 30]
        if fig.kind == "time" or _NEGATION.search(around) or clock_like(view, fig):
            return True
        day_of_news = news_day(fig.text) and not to_come(view, fig)
        if fig.kind == "date" and (self.made["date"] >= 2 or day_of_news or past_year(view, fig)):
            return True  # two dates are enough; the day of the news, or "depuis [1994]", is no fact
        if fig.kind == "date" and _PAIRED.search(view[max(0, fig.start - 8) : fig.start]):
            return True  # "des 23 et 27 juin", "la nuit du 9 au 10 avril": the blank would split it
        if in_title(self.a.article.title, fig):
            return True  # "3 jours pour …": the headline, shown as the bank's title, says it
        scaled = (fig.unit or "").startswith(("million", "milliard"))  # "2 millions de personnes"
        if fig.kind == "count" and (fig.value or 0) < 3 and not scaled:
            return True
        if listed_after(view, fig) or self._in_a_question(fig.start):
            return True  # "Trois régions … : A, B et C"; "Q : À quoi ont ressemblé les deux heures ?"
        if not re.search(r"\d", fig.text) and any(q.open < fig.start < q.close for q in self.a.quotes):
            return True  # "jouer deux semaines en Grand Chelem", said in passing: a figure in words
        if "names" not in self.cache:  # every way the article writes a person ("Daniel", read once)
            names = [w for p in self.a.registry.persons() for w in (p.name, *p.surnames)]
            self.cache["names"] = names + [view[x:y] for x, y, label in self.a.ner if label == "PER"]
        if scenery_figure(view, fig, self.a.article.title or "", self.cache["names"]):
            return True  # "un village de 800 habitants", "Daniel … depuis 25 ans"
        return (
            is_age(view, fig) or side_duration(view, fig) or between_events(view, fig) or self._side_date(fig)
        )

    def _side_date(self, fig: Figure) -> bool:
        """trivia.side_date on the sentence of `fig` (the lead: its first three sentences)."""
        si = next((i for i, s in enumerate(self.a.sentences) if s.start <= fig.start < s.end), None)
        if si is None:
            return False
        start, end = self.sentence_span(si)
        dates = sum(1 for f, fsi in self.a.figures if fsi == si and f.kind == "date")
        body = [i for i, s in enumerate(self.a.sentences) if not s.heading]
        lead = si in body[:LEAD_DATES] or self.a.sentences[si].heading
        return side_date(fig, self.text[start:end], self.text[start : fig.start], dates, lead)

    def _in_a_question(self, pos: int) -> bool:
        s = next((s for s in self.a.sentences if s.start <= pos < s.end), None)
        return s is not None and self.text[s.start : s.end].rstrip(' »"”').endswith("?")

    def _numeric(self, fig: Figure, si: int, start: int, end: int) -> bool:
        pre, _mid, post = self.window(si, fig.start, fig.end)
        unit = self._unit(fig)
        if unit == "%":
            ask = "quel pourcentage ?"
        else:
            said = {"ans": "années", "an": "années"}.get(unit, unit)
            ask = f"combien d’{said} ?" if said[:1].lower() in "aâeéèêiîoôuh" else f"combien de {said} ?"
        value = fig.value
        written = collapse(fig.text)
        converted = f", soit {value} {unit}" if fig.kind == "duration" and " et " in written else ""
        q: dict[str, Any] = {
            "id": self.ids("chiffre", unit or fig.kind),
            "type": "numeric",
            "source": self.source_id,
            "prompt": f"D’après l’article : {guillemets(join(pre, BLANK, post))} — {ask}",
            "answer": value,
        }
        if fig.approx and value is not None and not a_bound(self.text, fig):  # "plus de 80": 72 is no answer
            tolerance = round(abs(float(value)) * 0.1, 2)
            q["tolerance"] = int(tolerance) if tolerance == int(tolerance) else tolerance
        if unit:
            q["unit"] = unit
        q.update(
            evidence=collapse(self.text[start:end]),
            explanation=f"L’article indique « {written} »{converted}.",
            tags=["chiffres"],
        )
        return self.add(
            "figure", q, review=fig.approx, why="chiffre approximatif (tolérance de 10 %)", sentence=si
        )

    def _unit(self, fig: Figure) -> str:
        """What a count counts: the noun after an adjective the figure rules took for it ("4
        immenses télescopes" → "télescopes"), read from the parse."""
        unit = fig.unit or ""
        toks = starting_in(self.a.tokens, fig.start, fig.end + 60)
        for t, nxt in pairwise(toks):
            if self.text[t.start : t.end].lower() == unit and t.pos == "ADJ" and nxt.pos == "NOUN":
                return self.text[nxt.start : nxt.end].lower()
        return unit

    def _cloze(self, fig: Figure, si: int, start: int, end: int) -> bool:
        pre, mid, post = self.window(si, fig.start, fig.end)
        if "{{" in pre + post or "}}" in pre + post or "::" in mid:
            return False
        tag = {"date": "dates", "duration": "durées"}[fig.kind]
        q = {
            "id": self.ids(tag, fig.text),
            "type": "cloze",
            "source": self.source_id,
            "text": join(pre, "{{c1::" + mid + "}}", post),
            "evidence": collapse(self.text[start:end]),
            "explanation": f"L’article précise : « {join(pre, mid, post)} »",
            "tags": [tag],
        }
        if not self.add("figure", q, review=False, sentence=si):
            return False
        if fig.kind == "date":
            self.made["date"] += 1
        return True

    # ---------------------------------------------------------------- lists and roles

    def lists(self) -> None:
        for lst in self.a.lists:
            if self.made["list"] >= MAX_LISTS:
                break  # "Gardiens : …", "Défenseurs : …": a team sheet is not four questions
            start, end = self.sentence_span(lst.sentence)
            whole = len(self.text[start:end].split())  # the list's whole sentence: cut, it opens mid-phrase
            pre, _mid, post = window(self.text, start, end, lst.start, lst.end, words=whole)
            pre, post = pre.removeprefix("… "), post.removesuffix(" …")  # no "…" a student reads as a blank
            members = [display(m) for m in lst.members]
            if any(len(m.split()) == 1 for m in members) and any(len(m.split()) >= 2 for m in members):
                continue  # "de la [Creuse], Paul Roy et …": one word beside full names, a place misread
            answer = Candidate(members[0], "person", "list")
            # Someone the passage shows is no wrong answer to "who is named in it?".
            shown = named_in(self.candidates, f"{pre} {post}")
            picked = pick(answer, self.candidates, n=3, exclude=members + shown)
            if not picked.names or picked.fallback:
                continue
            qid = self.ids("personnes", members[0])
            q = {
                "id": qid,
                "type": "multi",
                "source": self.source_id,
                "prompt": "D’après l’article, lesquelles de ces personnes sont nommées dans ce passage : "
                f"« {join(pre, HIDDEN_NAMES, post).strip()} » ?",
                "choices": stable_order(members + [display(d) for d in picked.names], qid),
                "answers": members,
                "evidence": collapse(self.text[start:end]),
                "explanation": f"La phrase cite {', '.join(members[:-1])} et {members[-1]}.",
                "tags": ["personnes"],
            }
            if self.add("list", q, review=False, sentence=lst.sentence):
                self.made["list"] += 1

    def roles(self, typed: bool = True) -> None:
        """Role questions: a match for three people or more, else one each (`typed`: also those
        with nobody else to offer, the name typed)."""
        if self.made["roles"]:
            return  # asked in the first round
        holders: dict[str, set[str]] = {}
        for r in self.a.roles:
            holders.setdefault(fold_answer(r.role), set()).add(r.person)
        shared = {r for r, keys in self.a.registry.roles.items() if len(keys) > 1}
        chosen: dict[str, Any] = {}
        for r in self.a.roles:
            said = " ".join(r.role.lower().replace("’", "'").split())
            if said in shared or len(holders[fold_answer(r.role)]) > 1 or self._word_shared(r):
                continue  # "a role shared by two": no single answer
            if r.person not in chosen and fold_answer(r.role) not in {
                fold_answer(x.role) for x in chosen.values()
            }:
                chosen[r.person] = r
        asked = self.cache.get("who", set())  # hidden in a cloze, asked "who?": not asked again
        pairs = [r for r in chosen.values() if self._key(r.person) not in asked]
        if len(pairs) >= 3 and self._match(pairs[:5]):
            self.made["roles"] += 1
            return
        for r in pairs:  # two or fewer, or the match refused (readable.py): one question each
            self._single_role(r, typed)  # asked in the first round: refused as the same answer

    def _key(self, name: str) -> str:
        person = self.a.registry.person(name)
        return person.key if person else name

    def _figure_in(self, si: int) -> bool:
        """A figure worth a numeric question in sentence si ("condamné à 3 mois")."""
        countable = ("duration", "count", "percent", "money")
        return any(fsi == si and f.kind in countable and not self.trivia(f) for f, fsi in self.a.figures)

    def _word_shared(self, r: Any) -> bool:
        """A one-word role ("entraîneur") whose word is in another person's role."""
        if len(r.role.split()) > 1:
            return False
        word = fold_answer(r.role)
        return any(o.person != r.person and word in fold_answer(o.role).split() for o in self.a.roles)

    def _match(self, pairs: list[Any]) -> bool:
        spans = [self.role_span(r) for r in pairs]
        q = {
            "id": self.ids("fonctions", pairs[0].person),
            "type": "match",
            "source": self.source_id,
            "prompt": "Associez chaque personne à la fonction que lui donne l’article.",
            "pairs": {display(r.person): r.role for r in pairs},
            "evidence": collapse(self.text[min(a for a, _ in spans) : max(b for _, b in spans)]),
            "explanation": "D’après l’article : "
            + " ; ".join(f"{display(r.person)}, {r.role}" for r in pairs)
            + ".",
            "tags": ["fonctions"],
        }
        guessed = [r.guess for r in pairs if r.guess]
        return self.add("role", q, review=bool(guessed), why="; ".join(guessed))

    def _single_role(self, r: Any, typed: bool = True) -> None:
        one_word = len(r.role.split()) < 2  # "qui est l'entraîneur ?": whose? The teacher says
        person = self.a.registry.person(r.person)
        answer = Candidate(display(r.person), "person", "p:" + (person.key if person else r.person), r.role)
        picked = pick(answer, self.candidates)
        if not typed and (not picked.names or self._figure_in(r.sentence)):
            return  # first round: no typed name, no sentence a figure question asks better
        start, end = self.role_span(r)
        qid = self.ids("fonction", r.person)
        q: dict[str, Any] = {"id": qid, "source": self.source_id}
        prompt = f"D’après l’article, qui est {with_article(r)} ?"
        why = ""
        if picked.names:
            choices = stable_order([answer.name, *(display(d) for d in picked.names)], qid)
            q.update(type="single", prompt=prompt, choices=choices, answer=answer.name)
        else:  # nobody else in the article to offer: the name is typed
            q.update(type="short", prompt=prompt, answer=answer.name)
            if self.accepted(answer.name):
                q["accept"] = self.accepted(answer.name)
            why = "aucune autre personne à proposer : question ouverte"
        reasons = [why, r.guess or "", "fonction d’un seul mot : préciser laquelle" if one_word else ""]
        why = " ; ".join(x for x in reasons if x)
        q.update(
            evidence=collapse(self.text[start:end]),
            explanation=f"L’article présente {answer.name} comme {with_article(r)}.",
            tags=["fonctions"],
        )
        self.add("role", q, review=bool(why), why=why, sentence=r.sentence)
