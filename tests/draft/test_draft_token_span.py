"""The parse's tokens between two offsets, found by binary search (nlp.token_span): the same
tokens as a scan of the whole article, which the rules did for every sentence and phrase."""

import random

from quizgen.draft.nlp import Token, starting_in, token_span, within


def tokens(n: int) -> list[Token]:
    out, at = [], 0
    rng = random.Random(7)
    for i in range(n):
        at += rng.randint(0, 3)  # tokens may touch ("l'" then "usine")
        size = rng.randint(1, 9)
        out.append(Token(at, at + size, "NOUN", "x", "dep", i))
        at += size
    return out


def test_the_tokens_between_two_offsets_are_those_a_scan_finds():
    toks = tokens(400)
    rng = random.Random(11)
    for _ in range(300):
        a = rng.randint(-5, toks[-1].end + 5)
        b = a + rng.randint(0, 60)
        assert starting_in(toks, a, b) == [t for t in toks if a <= t.start < b]
        assert within(toks, a, b) == [t for t in toks if a <= t.start and t.end <= b]
        assert list(token_span(toks, a, b)) == [i for i, t in enumerate(toks) if a <= t.start < b]


def test_no_tokens_no_span():
    assert starting_in([], 0, 10) == [] and within([], 0, 10) == []
