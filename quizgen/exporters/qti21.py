"""IMS QTI 2.1 content package (.zip): one item per question, a test per bank, a manifest.

Every type is a standard interaction with its response processing written
out (no template to fetch), scoring as quizgen does (quizgen/grading.py):

==========  ===========================  ==========================================
single      choiceInteraction (1)        1 if the right choice, else 0
quote       choiceInteraction (1)        the speakers; 1 if the speaker
true_false  choiceInteraction (1)        true / false
multi       choiceInteraction (any)      mapResponse: ±1/n per choice, within [0, 1]
numeric     textEntryInteraction float   1 within answer ± tolerance
short       textEntryInteraction string  1 if one of the accepted spellings
match       matchInteraction             mapResponse: 1/n per right pair
order       orderInteraction             right positions / n
cloze       textEntryInteraction per gap right gaps / n
==========  ===========================  ==========================================

Typed answers are compared ignoring case (each spelling is also mapped
without accents); the explanation, evidence and source are a modal feedback.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from lxml import etree

from ..grading import format_number
from ..model import CLOZE_GAP, AnyQuestion, Bank, Cloze, Match, Multi, Numeric, Order, Quote, Short, Single
from ..present import boolean_text
from ..text import strip_accents
from .base import Exporter, register
from .lms import Skips, feedback_parts, quote_prompt, xml_safe

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LOCATION = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
_CP_LOCATION = f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, q(tag), {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        add_text(el, text)
    return el


def add_text(el: etree._Element, text: str) -> None:
    """Append plain text to `el`, line breaks as <br/>."""
    for i, line in enumerate(xml_safe(text).split("\n")):
        if i:
            br = etree.SubElement(el, q("br"))
            br.tail = ""
        last = el[-1] if len(el) else None
        if last is None:
            el.text = (el.text or "") + line
        else:
            last.tail = (last.tail or "") + line


def item_identifier(bank: Bank, question: AnyQuestion) -> str:
    # Slugs hold no '.', so the identifier is unambiguous; the prefix makes it an NCName.
    return f"Q.{bank.id}.{question.id}"


def item_href(bank: Bank, question: AnyQuestion) -> str:
    return f"items/{bank.id}/{question.id}.xml"


# --- declarations and response processing ---------------------------------


def _response(item: etree._Element, ident: str, cardinality: str, base_type: str,
              correct: Sequence[str]) -> etree._Element:
    decl = _el(item, "responseDeclaration", identifier=ident, cardinality=cardinality, baseType=base_type)
    values = _el(decl, "correctResponse")
    for value in correct:
        _el(values, "value", value)
    return decl


def _mapping(decl: etree._Element, entries: dict[str, float]) -> None:
    mapping = _el(decl, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
    for key, value in entries.items():
        _el(mapping, "mapEntry", mapKey=key, mappedValue=format_number(value))


def _outcomes(item: etree._Element) -> None:
    score = _el(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    _el(_el(score, "defaultValue"), "value", "0")
    maxscore = _el(item, "outcomeDeclaration", identifier="MAXSCORE", cardinality="single", baseType="float")
    _el(_el(maxscore, "defaultValue"), "value", "1")
    _el(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single", baseType="identifier")


def _set(parent: etree._Element, ident: str) -> etree._Element:
    return _el(parent, "setOutcomeValue", identifier=ident)


def _value(parent: etree._Element, base_type: str, value: str) -> None:
    _el(parent, "baseValue", value, baseType=base_type)


def _var(parent: etree._Element, ident: str) -> None:
    _el(parent, "variable", identifier=ident)


def _rp_match_correct(rp: etree._Element) -> None:
    cond = _el(rp, "responseCondition")
    match = _el(_el(cond, "responseIf"), "match")
    _var(match, "RESPONSE")
    _el(match, "correct", identifier="RESPONSE")
    _value(_set(cond[0], "SCORE"), "float", "1")
    _value(_set(_el(cond, "responseElse"), "SCORE"), "float", "0")


def _rp_map(rp: etree._Element) -> None:
    """SCORE = mapResponse(RESPONSE), 0 when nothing was given."""
    cond = _el(rp, "responseCondition")
    _var(_el(_el(_el(cond, "responseIf"), "not"), "isNull"), "RESPONSE")
    _el(_set(cond[0], "SCORE"), "mapResponse", identifier="RESPONSE")


def _rp_numeric(rp: etree._Element, question: Numeric) -> None:
    """SCORE = 1 when answer - tolerance <= RESPONSE <= answer + tolerance."""
    cond = _el(rp, "responseCondition")
    if_ = _el(cond, "responseIf")
    both = _el(if_, "and")
    _var(_el(_el(both, "not"), "isNull"), "RESPONSE")
    low, high = question.answer - question.tolerance, question.answer + question.tolerance
    for op, bound in (("gte", low), ("lte", high)):
        test = _el(both, op)
        _var(test, "RESPONSE")
        _value(test, "float", format_number(bound))
    _value(_set(if_, "SCORE"), "float", "1")


def _rp_count(rp: etree._Element, tests: Sequence[etree._Element], parts: int) -> None:
    """SCORE = (number of `tests` that hold) / parts."""
    for test in tests:
        cond = _el(rp, "responseCondition")
        if_ = _el(cond, "responseIf")
        if_.append(test)
        total = _el(_set(if_, "SCORE"), "sum")
        _var(total, "SCORE")
        _value(total, "float", "1")
    share = _el(_set(rp, "SCORE"), "divide")
    _var(share, "SCORE")
    _value(share, "float", str(parts))


def _rp_feedback(rp: etree._Element) -> None:
    _value(_set(rp, "FEEDBACK"), "identifier", "SOLUTION")


# --- interactions -----------------------------------------------------------


def _choice(item: etree._Element, body: etree._Element, prompt: str, choices: Sequence[str],
            right: Sequence[str], *, multiple: bool) -> None:
    ids = {c: f"C{i}" for i, c in enumerate(choices, 1)}
    decl = _response(item, "RESPONSE", "multiple" if multiple else "single", "identifier",
                     [ids[c] for c in right])
    if multiple:
        share = 1 / len(right)
        _mapping(decl, {ids[c]: (share if c in right else -share) for c in choices})
    inter = _el(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="true",
                maxChoices="0" if multiple else "1")
    _el(inter, "prompt", prompt)
    for c in choices:
        _el(inter, "simpleChoice", c, identifier=ids[c])


def _spellings(accepted: Sequence[str]) -> list[str]:
    """Each accepted spelling, also without accents, once (case is ignored)."""
    out: dict[str, str] = {}
    for text in accepted:
        for form in (text.strip(), strip_accents(text.strip())):
            out.setdefault(form.casefold(), xml_safe(form))
    return list(out.values())


def _text_entry(item: etree._Element, para: etree._Element, ident: str, accepted: Sequence[str]) -> None:
    _response(item, ident, "single", "string", [accepted[0]])
    _el(para, "textEntryInteraction", responseIdentifier=ident, expectedLength=str(max(12, len(accepted[0]))))


def _typed_test(ident: str, accepted: Sequence[str]) -> etree._Element:
    """A condition that holds when the typed text is one of the spellings, case ignored."""
    both = etree.Element(q("and"))
    _var(_el(_el(both, "not"), "isNull"), ident)
    any_of = _el(both, "or")
    for spelling in _spellings(accepted):
        test = _el(any_of, "stringMatch", caseSensitive="false")
        _var(test, ident)
        _value(test, "string", spelling)
    return both


def _match(item: etree._Element, body: etree._Element, question: Match) -> None:
    lefts = {left: f"L{i}" for i, left in enumerate(question.pairs, 1)}
    rights = {r: f"R{i}" for i, r in enumerate(dict.fromkeys(question.pairs.values()), 1)}
    pairs = [f"{lefts[left]} {rights[r]}" for left, r in question.pairs.items()]
    decl = _response(item, "RESPONSE", "multiple", "directedPair", pairs)
    _mapping(decl, dict.fromkeys(pairs, 1 / len(pairs)))
    inter = _el(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true",
                maxAssociations=str(len(pairs)))
    _el(inter, "prompt", question.prompt)
    left_set, right_set = _el(inter, "simpleMatchSet"), _el(inter, "simpleMatchSet")
    for left, ident in lefts.items():
        _el(left_set, "simpleAssociableChoice", left, identifier=ident, matchMax="1")
    counts = list(question.pairs.values())
    for right, ident in rights.items():
        _el(right_set, "simpleAssociableChoice", right, identifier=ident, matchMax=str(counts.count(right)))


def _order(item: etree._Element, body: etree._Element, rp: etree._Element, question: Order) -> None:
    ids = [f"O{i}" for i in range(1, len(question.items) + 1)]
    _response(item, "RESPONSE", "ordered", "identifier", ids)
    inter = _el(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
    _el(inter, "prompt", question.prompt)
    for ident, text in zip(ids, question.items, strict=True):
        _el(inter, "simpleChoice", text, identifier=ident)
    tests = []
    for n, ident in enumerate(ids, 1):
        test = etree.Element(q("match"))
        _var(_el(test, "index", n=str(n)), "RESPONSE")
        _value(test, "identifier", ident)
        tests.append(test)
    _rp_count(rp, tests, len(ids))


def _cloze(item: etree._Element, body: etree._Element, rp: etree._Element, question: Cloze) -> None:
    para = _el(body, "p")
    pos, tests = 0, []
    for n, m in enumerate(CLOZE_GAP.finditer(question.text), 1):
        add_text(para, question.text[pos:m.start()])
        _text_entry(item, para, f"RESPONSE_{n}", [m[2]])
        tests.append(_typed_test(f"RESPONSE_{n}", [m[2]]))
        if m[3] is not None:
            add_text(para, f" ({m[3]})")
        pos = m.end()
    add_text(para, question.text[pos:])
    _rp_count(rp, tests, len(tests))


def _interaction(item: etree._Element, body: etree._Element, rp: etree._Element,
                 question: AnyQuestion, language: str) -> None:
    match question:
        case Single():
            _choice(item, body, question.prompt, question.choices, [question.answer], multiple=False)
        case Quote():
            prompt, speakers = quote_prompt(question, language), [question.speaker, *question.distractors]
            _choice(item, body, prompt, speakers, [question.speaker], multiple=False)
        case Multi():
            _choice(item, body, question.prompt, question.choices, question.answers, multiple=True)
        case Numeric():
            _response(item, "RESPONSE", "single", "float", [format_number(question.answer)])
            _el(body, "p", question.prompt)
            para = _el(body, "p")
            _el(para, "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength="10")
            if question.unit:
                add_text(para, f" {question.unit}")
            _rp_numeric(rp, question)
        case Short():
            _el(body, "p", question.prompt)
            _text_entry(item, _el(body, "p"), "RESPONSE", question.accepted)
            _rp_count(rp, [_typed_test("RESPONSE", question.accepted)], 1)
        case Match():
            _match(item, body, question)
            _rp_map(rp)
        case Order():
            _order(item, body, rp, question)
        case Cloze():
            _cloze(item, body, rp, question)
        case _:  # true_false
            yes, no = boolean_text(True, language), boolean_text(False, language)
            right = yes if question.answer else no
            _choice(item, body, question.statement, [yes, no], [right], multiple=False)


def assessment_item(bank: Bank, question: AnyQuestion) -> etree._Element:
    item = etree.Element(q("assessmentItem"), nsmap={None: NS, "xsi": XSI})
    item.set(f"{{{XSI}}}schemaLocation", _LOCATION)
    for key, value in (("identifier", item_identifier(bank, question)), ("title", question.id),
                       ("adaptive", "false"), ("timeDependent", "false"), (XML_LANG, bank.language)):
        item.set(key, value)
    body = etree.Element(q("itemBody"))
    rp = etree.Element(q("responseProcessing"))
    _interaction(item, body, rp, question, bank.language)
    if question.type in ("single", "quote", "true_false"):
        _rp_match_correct(rp)
    elif question.type == "multi":
        _rp_map(rp)
    _rp_feedback(rp)
    _outcomes(item)
    item.extend([body, rp])
    modal = _el(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier="SOLUTION", showHide="show")
    for part in feedback_parts(bank, question):
        _el(modal, "p", part)
    return item


# --- the package ----------------------------------------------------------


def assessment_test(bank: Bank) -> etree._Element:
    """A linear test of the bank's questions, one section."""
    test = etree.Element(q("assessmentTest"), nsmap={None: NS, "xsi": XSI})
    test.set(f"{{{XSI}}}schemaLocation", _LOCATION)
    test.set("identifier", f"T.{bank.id}")
    test.set("title", xml_safe(bank.title))
    part = _el(test, "testPart", identifier="P1", navigationMode="linear", submissionMode="individual")
    section = _el(part, "assessmentSection", identifier="S1", title=xml_safe(bank.title), visible="true")
    for question in bank.questions:
        _el(section, "assessmentItemRef", identifier=item_identifier(bank, question),
            href=f"../../{item_href(bank, question)}")
    return test


def test_href(bank: Bank) -> str:
    return f"tests/{bank.id}/test.xml"


def manifest(banks: Sequence[Bank]) -> etree._Element:
    """imsmanifest.xml (IMS Content Packaging 1.1): a resource per item and per test."""
    root = etree.Element(f"{{{CP_NS}}}manifest", nsmap={None: CP_NS, "xsi": XSI})
    root.set("identifier", "M.quizgen." + ".".join(b.id for b in banks)[:200])
    root.set(f"{{{XSI}}}schemaLocation", _CP_LOCATION)
    meta = etree.SubElement(root, f"{{{CP_NS}}}metadata")
    etree.SubElement(meta, f"{{{CP_NS}}}schema").text = "QTIv2.1 Package"
    etree.SubElement(meta, f"{{{CP_NS}}}schemaversion").text = "1.0.0"
    etree.SubElement(root, f"{{{CP_NS}}}organizations")
    resources = etree.SubElement(root, f"{{{CP_NS}}}resources")

    def resource(ident: str, kind: str, href: str) -> etree._Element:
        res = etree.SubElement(resources, f"{{{CP_NS}}}resource", identifier=ident, type=kind, href=href)
        etree.SubElement(res, f"{{{CP_NS}}}file", href=href)
        return res

    for bank in banks:
        test = resource(f"T.{bank.id}", "imsqti_test_xmlv2p1", test_href(bank))
        for question in bank.questions:
            ident = item_identifier(bank, question)
            resource(ident, "imsqti_item_xmlv2p1", item_href(bank, question))
            etree.SubElement(test, f"{{{CP_NS}}}dependency", identifierref=ident)
    return root


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def write_zip(entries: dict[str, bytes]) -> bytes:
    """A zip of `entries`, fixed dates: the same banks give the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


@register
class Qti21Exporter(Exporter, Skips):
    name = "qti21"
    file_extension = ".zip"
    mimetype = "application/zip"
    description = "IMS QTI 2.1 content package: an item per question, a test per bank"

    def __init__(self) -> None:
        Skips.__init__(self)

    def export(self, banks: Sequence[Bank]) -> bytes:
        entries = {"imsmanifest.xml": xml_bytes(manifest(banks))}
        for bank in banks:
            for question in bank.questions:
                entries[item_href(bank, question)] = xml_bytes(assessment_item(bank, question))
            entries[test_href(bank)] = xml_bytes(assessment_test(bank))
        return write_zip(entries)
