"""Moodle XML export checked against Moodle's own rules: the element names its
importer reads (qformat_xml vocabulary), its fixed grade fractions, and the
shape of its own exports (fixtures)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from quizgen.exporters.lms import MOODLE_FRACTIONS, feedback_parts
from quizgen.model import Bank

from .conftest import export

# Which importer functions read each question type (qformat_xml::readquestions).
_READERS = {
    "multichoice": ["import_headers", "import_question_tags", "import_multichoice", "import_answer",
                    "import_combined_feedback", "import_hints", "import_hint"],
    "truefalse": ["import_headers", "import_question_tags", "import_truefalse", "import_answer"],
    "shortanswer": ["import_headers", "import_question_tags", "import_shortanswer", "import_answer"],
    "numerical": ["import_headers", "import_question_tags", "import_numerical", "import_answer"],
    "matching": ["import_headers", "import_question_tags", "import_match", "import_answer"],
    "cloze": ["import_multianswer", "import_question_tags", "import_hints"],
    "category": ["import_category"],
}
# import_numerical reads `units/unit/unit_name`; the vocabulary lists the
# names it reads in a flat list, without the `unit` wrapper between them.
_WRAPPERS = {"numerical": {"unit"}}
_FIXTURES = {"multichoice": "multichoice.xml", "truefalse": "truefalse.xml", "shortanswer": "shortanswer.xml",
             "numerical": "numerical.xml", "matching": "match.xml", "ordering": "ordering.xml",
             "cloze": "format_multianswer.xml"}


@pytest.fixture(scope="module")
def quiz(banks: list[Bank]) -> etree._Element:
    data, warned = export("moodle", banks)
    assert warned == []  # Moodle XML carries all nine types
    return etree.fromstring(data)


@pytest.fixture(scope="module")
def raw(banks: list[Bank]) -> str:
    return export("moodle", banks)[0].decode("utf-8")


def _q(quiz: etree._Element, name: str) -> etree._Element:
    return quiz.xpath("question[name/text=$n]", n=name)[0]


def _names(question: etree._Element) -> set[str]:
    return {el.tag for el in question.iter() if isinstance(el.tag, str)} - {"question"}


def _paths(question: etree._Element) -> set[str]:
    tree = question.getroottree()
    return {re.sub(r"\[\d+\]", "", tree.getpath(el)).split("/question", 1)[1]
            for el in question.iter() if isinstance(el.tag, str) and el is not question}


def test_every_type_and_one_category_per_bank(quiz: etree._Element, banks: list[Bank]) -> None:
    types = [q.get("type") for q in quiz.findall("question")]
    assert types.count("category") == len(banks)
    assert {"multichoice", "truefalse", "shortanswer", "numerical", "matching", "ordering",
            "cloze"} <= set(types)
    categories = [q.findtext("category/text") for q in quiz.findall("question[@type='category']")]
    assert categories == [f"$course$/top/{b.title.replace('/', '//')}" for b in banks]
    names = [q.findtext("name/text") for q in quiz.findall("question") if q.get("type") != "category"]
    assert names == [q.id for b in banks for q in b.questions]


def test_element_names_are_those_moodles_importer_reads(quiz: etree._Element, reference: Path) -> None:
    vocab = json.loads((reference / "moodle_qformat_xml_import_vocab.json").read_text("utf-8"))
    checked = set()
    for question in quiz.findall("question"):
        kind = question.get("type")
        if kind == "ordering":  # a plugin (qtype_ordering): checked against its fixture below
            continue
        allowed = {name for reader in _READERS[kind] for name in vocab[reader]} | _WRAPPERS.get(kind, set())
        assert _names(question) - allowed == set(), (kind, question.findtext("name/text"))
        checked.add(kind)
    assert checked == set(_READERS)


def test_element_paths_are_those_of_moodles_own_exports(quiz: etree._Element, reference: Path) -> None:
    for kind, fixture in _FIXTURES.items():
        own = etree.parse(str(reference / "moodle-fixtures" / fixture)).getroot()
        theirs = set().union(*(_paths(q) for q in own.findall(f"question[@type='{kind}']")))
        assert theirs, fixture
        for question in quiz.findall(f"question[@type='{kind}']"):
            # Tags and units are absent from these fixtures; the vocabulary test covers them.
            ours = {p for p in _paths(question) if not p.startswith(("/tags", "/unit", "/showunits"))}
            assert ours - theirs == set(), (kind, question.findtext("name/text"))


def test_grades_are_moodles_fixed_fractions(quiz: etree._Element, reference: Path) -> None:
    allowed = set(MOODLE_FRACTIONS) | {f"-{f}" for f in MOODLE_FRACTIONS}
    for question in quiz.iterfind("question"):
        kind = question.get("type")
        for answer in question.iterfind("answer"):
            if kind != "ordering":  # ordering's "fraction" is the item's position
                assert answer.get("fraction") in allowed
    multi = _q(quiz, "trois-pays")
    assert [a.get("fraction") for a in multi.iterfind("answer")] == [
        "33.33333", "33.33333", "33.33333", "-33.33333", "-33.33333"]
    # The fixtures' own grades are written the same way.
    for fixture in ("multichoice.xml", "shortanswer.xml", "truefalse.xml", "format_multichoice.xml"):
        own = etree.parse(str(reference / "moodle-fixtures" / fixture)).getroot()
        for answer in own.iter("answer"):
            if answer.get("fraction") is not None:
                assert answer.get("fraction") in allowed, fixture


def test_html_goes_in_cdata_escaped(raw: str, banks: list[Bank]) -> None:
    texts = re.findall(r"<questiontext format=\"html\">\s*<text>(.*?)</text>", raw, re.DOTALL)
    assert texts and all(t.startswith("<![CDATA[") for t in texts)
    feedback = re.findall(r"<generalfeedback format=\"html\">\s*<text>(.*?)</text>", raw, re.DOTALL)
    assert len(feedback) == sum(len(b.questions) for b in banks)
    bank = banks[1]
    q = bank.question("prix-baril")
    expected = "".join(f"<p>{p}</p>" for p in feedback_parts(bank, q)).replace("'", "&#x27;")
    assert f"<![CDATA[{expected}]]>" in raw
    assert "<![CDATA[Quel prix le baril {Brent} a-t-il atteint ? (a = b # c ~ d : e \\ f)]]>" in raw


def test_quote_is_a_single_choice_on_the_speakers(quiz: etree._Element) -> None:
    q = _q(quiz, "q-quote")
    assert q.get("type") == "multichoice" and q.findtext("single") == "true"
    assert [(a.findtext("text"), a.get("fraction")) for a in q.iterfind("answer")] == [
        ("Vladimir Poutine", "100"), ("Joe Biden", "0"), ("Emmanuel Macron", "0")]
    assert "Bonjour, Monsieur le Président, bienvenue" in q.findtext("questiontext/text")


def test_cloze_order_numeric_and_tags(quiz: etree._Element) -> None:
    cloze = _q(quiz, "q-cloze")
    assert cloze.get("type") == "cloze"
    assert cloze.findtext("questiontext/text") == (
        "La Russie renforce sa base au {1:SHORTANSWER:=Tadjikistan} avec {1:SHORTANSWER:=30} "
        '<span class="quizgen-hint">(nombre)</span> nouveaux chars.')
    assert [t.text for t in cloze.iterfind("tags/tag/text")] == ["defense", "chiffres"]
    order = _q(quiz, "q-order")
    assert order.findtext("gradingtype") == "ABSOLUTE_POSITION"
    ranked = sorted(order.iterfind("answer"), key=lambda a: float(a.get("fraction")))
    assert [a.findtext("text") for a in ranked] == ["Emmanuel Macron", "Angela Merkel", "Mario Draghi",
                                                    "Boris Johnson"]
    short = _q(quiz, "chemin")  # `*` is Moodle's short-answer wildcard: a star is written `\*`
    assert [a.findtext("text") for a in short.iterfind("answer")] == [
        "C:\\temp\\rapport", "C:/temp/rapport", "rapport\\*"]
    num = _q(quiz, "prix-baril")
    assert (num.findtext("answer/text"), num.findtext("answer/tolerance")) == ("71.5", "0.25")
    assert num.findtext("units/unit/unit_name") == "dollars"
