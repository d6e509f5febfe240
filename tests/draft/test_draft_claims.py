"""True/false statements are claims about the article, never set in « » as if it wrote them
(blind readers marked a false sentence in quotation marks as misleading). Invented sentences."""

import pytest

from quizgen.draft.claims import as_claim, claims

ARTICLE = (
    "Mme Berthier a ouvert la séance. Le maire de Villebrune, Paul Roux, a présenté le budget. "
    "Selon la CGT, trois élus ont voté contre. L’opposition a quitté la salle."
)


def quoted(said: str) -> str:
    return f"D’après l’article : « {said} »"


@pytest.mark.parametrize(
    ("said", "claim"),
    [
        ("Les élus ont voté le budget.", "D’après l’article, les élus ont voté le budget."),
        ("Trois élus ont voté contre.", "D’après l’article, trois élus ont voté contre."),
        ("L’opposition a quitté la salle.", "D’après l’article, l’opposition a quitté la salle."),
        ("[Trois] élus ont voté contre.", "D’après l’article, [trois] élus ont voté contre."),
        # A name, a title, an acronym keep their capital.
        ("Paul Roux a présenté le budget.", "D’après l’article, Paul Roux a présenté le budget."),
        ("Villebrune a voté le budget.", "D’après l’article, Villebrune a voté le budget."),
        ("Mme Berthier a ouvert la séance.", "D’après l’article, Mme Berthier a ouvert la séance."),
        ("CGT et élus ont voté contre.", "D’après l’article, CGT et élus ont voté contre."),
    ],
)
def test_a_statement_is_written_as_a_claim(said, claim):
    assert as_claim(quoted(said), ARTICLE, {"Paul"}) == claim


def test_a_word_that_opens_sentences_only_is_no_name():
    # "Bonnets" is capitalised only where it opens a sentence of the article: an everyday word.
    text = "Bonnets rouges sur la tête, les salariés défilent. Ils réclament un repreneur."
    said = "Bonnets rouges sur la tête, les salariés défilent."
    claim = "D’après l’article, bonnets rouges sur la tête, les salariés défilent."
    assert as_claim(quoted(said), text, set()) == claim


def test_what_is_no_whole_sentence_stays_as_written():
    cut = quoted("… ont voté contre le budget.")
    assert as_claim(cut, ARTICLE, set()) == cut  # cut at its start: no sentence to write as a claim
    other = "Le budget a été voté."
    assert as_claim(other, ARTICLE, set()) == other


def test_claims_leave_other_questions_alone():
    qs = [
        {"type": "true_false", "statement": quoted("Les élus ont voté.")},
        {"type": "numeric", "prompt": quoted("Les élus ont voté _____ fois.") + " — combien de fois ?"},
    ]
    claims(qs, ARTICLE, [])
    assert qs[0]["statement"] == "D’après l’article, les élus ont voté."
    assert qs[1]["prompt"].startswith("D’après l’article : « Les élus")  # the article's words, a blank
