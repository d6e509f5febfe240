"""One article through every rule: cleaning, sentences, people, quotations, figures, lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from .attribution import Attribution, attribute
from .clean import Article, clean_article, plain
from .figures import Figure, find_figures
from .lists import PeopleList, RolePair, find_lists, find_roles
from .nlp import EntityFinder
from .quotes import QuoteSpan, Sentence, find_quotes, masked, split_sentences
from .speakers import Registry, collect_people


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


def analyse(text: str, entities: EntityFinder | None = None) -> Analysis:
    """Everything the draft can ask about in `text`.

    `entities` is the NER model (see nlp.load_entity_finder); without it the
    rules alone find people from titles, roles and speech verbs.
    """
    article = clean_article(text)
    view = plain(article.text)
    quotes = find_quotes(article)
    sentences = split_sentences(article, quotes)
    registry = Registry()
    ner: list[tuple[int, int, str]] = []
    if entities is not None and article.paragraphs:
        paras = article.paragraphs
        for p, spans in zip(paras, entities([view[p.start : p.end] for p in paras]), strict=True):
            ner.extend((p.start + a, p.start + b, label) for a, b, label in spans)
    masked_sentences = [(s.start, masked(view, s.start, s.end, quotes)) for s in sentences]
    collect_people(registry, article.text, masked_sentences, ner)
    attributions = attribute(article, quotes, sentences, registry)
    figures: list[tuple[Figure, int]] = []
    for si, s in enumerate(sentences):
        if s.heading:
            continue
        figures.extend((f, si) for f in find_figures(article.text, s.start, s.end))
    lists = find_lists(article, sentences, registry, ner)
    roles = find_roles(article, sentences, registry)
    return Analysis(article, quotes, sentences, registry, attributions, figures, lists, roles)
