"""How a question is presented: one place for the site, the cards and the exports.

- `grade` (quizgen.grading) scores a response and marks each of its parts
  right or wrong: the site's correction shows those marks.
- `prompt_text`, `response_parts`, `answer_text`, `key_text`: the text of what
  was asked and of an answer (true/false, figures with their unit, the tolerance);
  `source_text`: how a question cites its article.
- `figure`, `long_date`, `quoted`, `with_colon`: figures, dates and
  punctuation as the language writes them (Babel).
- `label`: the library's gettext catalogue (quizgen/translations), the
  labels of cards, exports and the question's own texts on the site.

Everything here is plain text; escaping belongs to the exporters and templates.
"""

from ..grading import Grade, grade, marks
from .catalog import N_, label, label_language, languages, translations
from .formats import figure, locale_for, long_date, quoted, with_colon
from .texts import (
    Segment,
    answer_text,
    boolean_text,
    cloze_segments,
    key_parts,
    key_text,
    prompt_text,
    response_parts,
    source_text,
    tolerance_text,
    with_unit,
)

__all__ = [
    "N_",
    "Grade",
    "Segment",
    "answer_text",
    "boolean_text",
    "cloze_segments",
    "figure",
    "grade",
    "key_parts",
    "key_text",
    "label",
    "label_language",
    "languages",
    "locale_for",
    "long_date",
    "marks",
    "prompt_text",
    "quoted",
    "response_parts",
    "source_text",
    "tolerance_text",
    "translations",
    "with_colon",
    "with_unit",
]
