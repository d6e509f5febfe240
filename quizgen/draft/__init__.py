"""Drafting a question bank from a French news article (`quizgen draft`).

clean (page furniture) → quotes (quotation marks, sentences) → speakers (people, roles,
one name per person) → attribution (who said each quotation) → figures, lists → bank
(questions, YAML) → writer (files). spaCy is imported only by nlp, and only when a
draft runs, so the rest of quizgen never needs it.
"""
