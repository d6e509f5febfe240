"""QTI: every file of the QTI 2.1 package and of the Canvas QTI 1.2 zip valid
against the IMS XSDs, and every QTI 2.1 item scored by an independent engine
(pyslet) exactly as quizgen grades the same responses, right and wrong."""

from __future__ import annotations

import io
import itertools
import warnings
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from quizgen.grading import key, score
from quizgen.model import AnyQuestion, Bank
from quizgen.text import strip_accents

from .conftest import export

QTI21 = "qti21/model/qti/data"


@cache
def _schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def _zip(format_name: str, banks: list[Bank]) -> tuple[dict[str, bytes], list[str]]:
    data, warned = export(format_name, banks)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}, warned


def _assert_valid(schema: etree.XMLSchema, name: str, data: bytes) -> None:
    doc = etree.fromstring(data).getroottree()
    assert schema.validate(doc), f"{name}: {schema.error_log}"


# --- QTI 2.1 package ----------------------------------------------------------


def test_qti21_package_is_valid_against_the_ims_schemas(banks: list[Bank], reference: Path) -> None:
    files, warned = _zip("qti21", banks)
    assert warned == []
    items = _schema(reference / "schemas" / QTI21 / "qtiv2p1" / "imsqti_v2p1_ims_original.xsd")
    manifest = _schema(reference / "schemas" / QTI21 / "imscp_v1p1.xsd")
    _assert_valid(manifest, "imsmanifest.xml", files.pop("imsmanifest.xml"))
    assert len(files) == sum(len(b.questions) + 1 for b in banks)  # an item per question, a test per bank
    for name, data in files.items():
        _assert_valid(items, name, data)


def test_the_shared_bank_makes_a_valid_package(reference: Path, shared_bank: Bank) -> None:
    files, warned = _zip("qti21", [shared_bank])
    assert warned == []
    items = _schema(reference / "schemas" / QTI21 / "qtiv2p1" / "imsqti_v2p1_ims_original.xsd")
    files.pop("imsmanifest.xml")
    for name, data in files.items():
        _assert_valid(items, name, data)


def test_the_manifest_lists_every_file(banks: list[Bank]) -> None:
    files, _ = _zip("qti21", banks)
    root = etree.fromstring(files["imsmanifest.xml"])
    ns = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
    hrefs = root.xpath("//cp:resource/cp:file/@href", namespaces=ns)
    assert sorted(hrefs) == sorted(n for n in files if n != "imsmanifest.xml")
    kinds = root.xpath("//cp:resource/@type", namespaces=ns)
    assert kinds.count("imsqti_test_xmlv2p1") == len(banks)
    assert kinds.count("imsqti_item_xmlv2p1") == sum(len(b.questions) for b in banks)


def _responses(q: AnyQuestion) -> list[Any]:
    """Right, partly right and wrong responses, in quizgen's terms (quizgen/grading.py)."""
    match q.type:
        case "single":
            return list(q.choices)
        case "quote":
            return [q.speaker, *q.distractors]
        case "true_false":
            return [True, False]
        case "multi":
            return [list(c) for n in range(len(q.choices) + 1) for c in itertools.combinations(q.choices, n)]
        case "numeric":
            t = q.tolerance
            return [q.answer + d for d in (0, t, -t, t / 2, t + 1, -t - 1, 1000)]
        case "short":
            return [*q.accepted, *(a.upper() for a in q.accepted), *(strip_accents(a) for a in q.accepted),
                    "Biden", "réponse fausse"]
        case "match":
            rights = list(q.pairs.values())
            return [dict(zip(q.pairs, combo, strict=True))
                    for combo in itertools.product(rights, repeat=len(rights))]
        case "order":
            return [list(p) for p in itertools.permutations(q.items)]
    answers = [a for _n, a, _h in q.gaps]
    return [list(c) for c in itertools.product(*([a, a.lower(), "faux"] for a in answers))]


def _qti_values(q: AnyQuestion, response: Any, language: str) -> dict[str, Any]:
    """The same response as QTI variable values of the exported item."""
    match q.type:
        case "single" | "quote":
            texts = q.choices if q.type == "single" else [q.speaker, *q.distractors]
            return {"RESPONSE": f"C{texts.index(response) + 1}"}
        case "true_false":
            return {"RESPONSE": "C1" if response else "C2"}
        case "multi":
            return {"RESPONSE": [f"C{q.choices.index(c) + 1}" for c in response]}
        case "numeric":
            return {"RESPONSE": float(response)}
        case "short":
            return {"RESPONSE": response}
        case "match":
            rights = list(dict.fromkeys(q.pairs.values()))
            return {"RESPONSE": [(f"L{i}", f"R{rights.index(response[left]) + 1}")
                                 for i, left in enumerate(q.pairs, 1)]}
        case "order":
            return {"RESPONSE": [f"O{q.items.index(item) + 1}" for item in response]}
    return {f"RESPONSE_{n}": text for n, text in enumerate(response, 1)}


def _pyslet_score(item: Any, values: dict[str, Any]) -> float:
    from pyslet.qtiv2 import variables

    state = variables.ItemSessionState(item)
    state.begin_session()
    # begin_attempt() would also render the item as HTML, which pyslet cannot
    # do on Python 3 for a multiple response; an attempt is only this counter.
    state["numAttempts"].set_value(1)
    for ident, value in values.items():
        state[ident].set_value(value)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # pyslet calls its own deprecated name
        state.end_attempt()
    assert state["FEEDBACK"].value == "SOLUTION"
    return state["SCORE"].value


def _score_with_pyslet(banks: list[Bank], *, per_question: int | None = None) -> int:
    """Score each item with pyslet on right and wrong responses (all of `_responses`,
    or its first and last `per_question`); returns how many were compared."""
    qtixml = pytest.importorskip("pyslet.qtiv2.xml", reason="pyslet is not installed")
    files, _ = _zip("qti21", banks)
    checked = 0
    for bank in banks:
        for q in bank.questions:
            doc = qtixml.QTIDocument()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                doc.read(src=io.BytesIO(files[f"items/{bank.id}/{q.id}.xml"]))
            every = _responses(q)
            responses = [key(q), *every] if per_question is None else [
                key(q), *every[:per_question], *every[-per_question:]]
            scores = set()
            for response in responses:
                expected = score(q, response)
                got = _pyslet_score(doc.root, _qti_values(q, response, bank.language))
                assert got == pytest.approx(expected, abs=1e-9), (q.id, response)
                scores.add(round(expected, 6))
                checked += 1
            assert 1.0 in scores and min(scores) < 1.0, q.id  # right and wrong responses were both tried
    return checked


def test_pyslet_scores_every_item_as_quizgen_grades(banks: list[Bank]) -> None:
    assert _score_with_pyslet(banks) > 150


def test_pyslet_scores_the_shared_bank_as_quizgen_grades(shared_bank: Bank) -> None:
    assert _score_with_pyslet([shared_bank], per_question=2) >= 3 * len(shared_bank.questions)


# --- Canvas QTI 1.2 zip ---------------------------------------------------------


def test_canvas_zip_is_valid_qti_1_2_and_ims_cp(banks: list[Bank], reference: Path) -> None:
    files, warned = _zip("canvas", banks)
    why = "left out: Canvas quizzes have no ordering question (use --format qti21 or moodle)"
    assert warned == [f"sommet-test/q-order: {why}", f"tricky/ordre: {why}"]
    qti = _schema(reference / "schemas" / "qti12" / "domainProfile_4" / "ims_qtiasiv1p2.xsd")
    manifest = _schema(reference / "schemas" / QTI21 / "imscp_v1p1.xsd")
    _assert_valid(manifest, "imsmanifest.xml", files.pop("imsmanifest.xml"))
    assert sorted(files) == sorted(f"{b.id}/{b.id}.xml" for b in banks)
    for name, data in files.items():
        _assert_valid(qti, name, data)


def test_canvas_items_carry_canvas_question_types(banks: list[Bank]) -> None:
    files, _ = _zip("canvas", banks)
    ns = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    root = etree.fromstring(files["sommet-test/sommet-test.xml"])
    found = {item.get("title"): item.xpath(".//q:fieldlabel[.='question_type']/../q:fieldentry/text()",
                                           namespaces=ns)[0]
             for item in root.xpath("//q:item", namespaces=ns)}
    assert found == {"q-single": "multiple_choice_question", "q-multi": "multiple_answers_question",
                     "q-tf": "true_false_question", "q-num": "numerical_question",
                     "q-short": "short_answer_question", "q-quote": "multiple_choice_question",
                     "q-match": "matching_question", "q-cloze": "fill_in_multiple_blanks_question"}
    cloze = root.xpath("//q:item[@title='q-cloze']/q:presentation/q:material/q:mattext/text()",
                       namespaces=ns)[0]
    assert cloze == "La Russie renforce sa base au [blank1] avec [blank2] (nombre) nouveaux chars."
    num = root.xpath("//q:item[@title='q-num']//q:respcondition[q:setvar]/q:conditionvar", namespaces=ns)[0]
    assert [(el.tag.split("}")[1], el.text) for el in num.iter() if el.text and el.text.strip()] == [
        ("varequal", "125"), ("vargte", "120"), ("varlte", "130")]
