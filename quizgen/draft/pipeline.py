"""One article through every rule: cleaning, sentences, people, quotations, figures, lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .attribution import Attribution, attribute
from .clean import Article, clean_article, plain
from .figures import Figure, find_figures
from .lists import PeopleList, find_lists
from .nlp import Parsed, Token
from .people import collect_people
from .quotes import QuoteSpan, Sentence, find_quotes, masked, split_sentences
from .resolve import resolve_speakers
from .roles import RolePair, find_roles
from .speakers import Registry


@dataclass
class Analysis:
    article: Article
    quotes: list[QuoteSpan]
    sentences: list[Sentence]
    registry: Registry
    attributions: list[Attribution]
    figures: list[tuple[Figure, int]] = field(default_factory=list)  # (figure, sentence index)
    lists: list[PeopleList] = field(default_factory=list)
    roles: list[RolePair] = field(default_factory=list)
    ner: list[tuple[int, int, str]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)  # the parse of every paragraph (with a model)

    @cached_property
    def view(self) -> str:
        """The article's text with plain apostrophes and spaces (clean.plain), same offsets."""
        return plain(self.article.text)


def _parse(article: Article, entities: Any) -> Parsed:
    """The model's reading of every paragraph, in article offsets (empty without a model): the
    roles, the people and the attribution rules all read this one parse."""
    out = Parsed()
    if entities is None or not article.paragraphs:
        return out
    view = plain(article.text)
    texts = [view[p.start : p.end] for p in article.paragraphs]
    if hasattr(entities, "parse"):
        parsed = entities.parse(texts)
    else:  # an entity finder alone
        parsed = [Parsed(spans) for spans in entities(texts)]
    for p, doc in zip(article.paragraphs, parsed, strict=True):
        out.ents.extend((p.start + a, p.start + b, label) for a, b, label in doc.ents)
        base = len(out.tokens)
        out.tokens.extend(
            Token(p.start + t.start, p.start + t.end, t.pos, t.lemma, t.dep, base + t.head)
            for t in doc.tokens
        )
    return out


def analyse(text: str, entities: Any = None) -> Analysis:
    """Everything the draft can ask about in `text`.

    `entities` is the model (see nlp.load_entity_finder); without it the rules
    alone find people from titles, roles and speech verbs.
    """
    article = clean_article(text)
    view = plain(article.text)
    quotes = find_quotes(article)
    sentences = split_sentences(article, quotes)
    registry = Registry()
    parsed = _parse(article, entities)
    masked_sentences = [(s.start, masked(view, s.start, s.end, quotes)) for s in sentences]
    collect_people(registry, article.text, masked_sentences, parsed.ents)
    attributions = attribute(article, quotes, sentences, registry, parsed.tokens)
    resolve_speakers(attributions, registry, article, parsed.ents)
    figures: list[tuple[Figure, int]] = []
    for si, s in enumerate(sentences):
        if s.heading:
            continue
        figures.extend((f, si) for f in find_figures(article.text, s.start, s.end))
    lists = find_lists(article, sentences, registry, parsed.ents)
    quoted = [(q.open, q.close) for q in quotes]
    roles = find_roles(article, sentences, registry, parsed.tokens, parsed.ents, quoted)
    return Analysis(
        article, quotes, sentences, registry, attributions, figures, lists, roles, parsed.ents, parsed.tokens
    )
