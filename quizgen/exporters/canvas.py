"""Canvas: a QTI 1.2 zip as Canvas's Import Content (QTI .zip file) reads it.

One assessment per bank (Canvas makes a quiz and a question bank of it), its
items tagged with Canvas's `question_type`: single and quote →
multiple_choice_question, multi → multiple_answers_question, true_false →
true_false_question, numeric → numerical_question (answer ± tolerance),
short → short_answer_question, match → matching_question, cloze →
fill_in_multiple_blanks_question. Canvas quizzes have no ordering question:
order questions are left out and reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from ..grading import format_number
from ..model import CLOZE_GAP, AnyQuestion, Bank, Cloze, Match, Multi, Numeric, Order, Quote, Short, Single
from ..present import boolean_text
from .base import Exporter, register
from .lms import Skips, feedback_parts, quote_prompt, xml_safe
from .moodle import to_html
from .qti21 import CP_NS, XSI, write_zip, xml_bytes

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
_LOCATION = f"{NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
_TYPES = {"single": "multiple_choice_question", "quote": "multiple_choice_question",
          "multi": "multiple_answers_question", "true_false": "true_false_question",
          "numeric": "numerical_question", "short": "short_answer_question", "match": "matching_question",
          "cloze": "fill_in_multiple_blanks_question"}


class _Skip(Exception):
    pass


def _el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    name = f"{{{NS}}}{tag}"
    el = etree.Element(name, attrs) if parent is None else etree.SubElement(parent, name, attrs)
    if text is not None:
        el.text = xml_safe(text)
    return el


def _material(parent: etree._Element, html: str) -> None:
    _el(_el(parent, "material"), "mattext", html, texttype="text/html")


def _metadata(parent: etree._Element, fields: dict[str, str]) -> None:
    meta = _el(parent, "qtimetadata")
    for label, entry in fields.items():
        field = _el(meta, "qtimetadatafield")
        _el(field, "fieldlabel", label)
        _el(field, "fieldentry", entry)


def _choices(parent: etree._Element, ident: str, texts: Sequence[str], *, multiple: bool) -> list[str]:
    lid = _el(parent, "response_lid", ident=ident, rcardinality="Multiple" if multiple else "Single")
    render = _el(lid, "render_choice")
    idents = [f"C{i}" for i in range(1, len(texts) + 1)]
    for label_id, text in zip(idents, texts, strict=True):
        _material(_el(render, "response_label", ident=label_id), to_html(text))
    return idents


def _condition(rp: etree._Element, points: str, *, action: str = "Set") -> etree._Element:
    """A respcondition setting SCORE; returns its conditionvar to fill."""
    cond = _el(rp, "respcondition", **{"continue": "No" if action == "Set" else "Yes"})
    var = _el(cond, "conditionvar")
    _el(cond, "setvar", points, action=action, varname="SCORE")
    return var


def _single(pres: etree._Element, rp: etree._Element, texts: Sequence[str], right: str) -> None:
    idents = _choices(pres, "response1", texts, multiple=False)
    _el(_condition(rp, "100"), "varequal", idents[texts.index(right)], respident="response1")


def _multi(pres: etree._Element, rp: etree._Element, q: Multi) -> None:
    idents = _choices(pres, "response1", q.choices, multiple=True)
    both = _el(_condition(rp, "100"), "and")
    for ident, choice in zip(idents, q.choices, strict=True):
        test = both if choice in q.answers else _el(both, "not")
        _el(test, "varequal", ident, respident="response1")


def _numeric(pres: etree._Element, rp: etree._Element, q: Numeric) -> None:
    _el(_el(pres, "response_str", ident="response1", rcardinality="Single"), "render_fib", fibtype="Decimal")
    either = _el(_condition(rp, "100"), "or")
    _el(either, "varequal", format_number(q.answer), respident="response1")
    both = _el(either, "and")
    _el(both, "vargte", format_number(q.answer - q.tolerance), respident="response1")
    _el(both, "varlte", format_number(q.answer + q.tolerance), respident="response1")


def _short(pres: etree._Element, rp: etree._Element, q: Short) -> None:
    _el(_el(pres, "response_str", ident="response1", rcardinality="Single"), "render_fib", fibtype="String")
    var = _condition(rp, "100")
    for text in dict.fromkeys(q.accepted):
        _el(var, "varequal", text, respident="response1")


def _match(pres: etree._Element, rp: etree._Element, q: Match) -> None:
    rights = list(dict.fromkeys(q.pairs.values()))
    share = format_number(100 / len(q.pairs))
    for n, (left, right) in enumerate(q.pairs.items(), 1):
        lid = _el(pres, "response_lid", ident=f"response_L{n}")
        _material(lid, to_html(left))
        render = _el(lid, "render_choice")
        for i, text in enumerate(rights, 1):
            _el(_el(_el(render, "response_label", ident=f"R{i}"), "material"), "mattext", text)
        _el(_condition(rp, share, action="Add"), "varequal", f"R{rights.index(right) + 1}",
            respident=f"response_L{n}")


def _cloze(pres: etree._Element, rp: etree._Element, q: Cloze) -> str:
    """The blanks' responses; returns the question HTML with [blankN] where the gaps are."""
    gaps = list(CLOZE_GAP.finditer(q.text))
    share = format_number(100 / len(gaps))
    out, pos = [], 0
    for n, m in enumerate(gaps, 1):
        hint = f" ({m[3]})" if m[3] is not None else ""
        out.append(to_html(q.text[pos:m.start()]) + f"[blank{n}]" + to_html(hint))
        pos = m.end()
        lid = _el(pres, "response_lid", ident=f"response_blank{n}")
        _el(_el(lid, "material"), "mattext", f"blank{n}")
        _el(_el(_el(_el(lid, "render_choice"), "response_label", ident=f"B{n}"), "material"), "mattext", m[2])
        _el(_condition(rp, share, action="Add"), "varequal", f"B{n}", respident=f"response_blank{n}")
    out.append(to_html(q.text[pos:]))
    return "".join(out)


def _body(q: AnyQuestion, pres: etree._Element, rp: etree._Element, language: str) -> str:
    """Writes the responses and their processing; returns the question HTML."""
    match q:
        case Single():
            _single(pres, rp, q.choices, q.answer)
        case Quote():
            _single(pres, rp, [q.speaker, *q.distractors], q.speaker)
            return to_html(quote_prompt(q, language))
        case Multi():
            _multi(pres, rp, q)
        case Numeric():
            _numeric(pres, rp, q)
            return to_html(f"{q.prompt} ({q.unit})" if q.unit else q.prompt)
        case Short():
            _short(pres, rp, q)
        case Match():
            _match(pres, rp, q)
        case Cloze():
            return _cloze(pres, rp, q)
        case Order():
            raise _Skip("Canvas quizzes have no ordering question (use --format qti21 or moodle)")
        case _:  # true_false
            yes, no = boolean_text(True, language), boolean_text(False, language)
            _single(pres, rp, [yes, no], yes if q.answer else no)
            return to_html(q.statement)
    return to_html(q.prompt)  # type: ignore[union-attr]


def item_element(bank: Bank, q: AnyQuestion) -> etree._Element:
    """One <item>, or _Skip."""
    item = _el(None, "item", ident=f"{bank.id}.{q.id}", title=q.id)
    _metadata(_el(item, "itemmetadata"), {"question_type": _TYPES.get(q.type, q.type),
                                          "points_possible": "1.0"})
    pres = _el(item, "presentation")
    rp = etree.Element(f"{{{NS}}}resprocessing")
    _el(_el(rp, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    feedback = _el(rp, "respcondition", **{"continue": "Yes"})
    _el(_el(feedback, "conditionvar"), "other")
    _el(feedback, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    html = _body(q, pres, rp, bank.language)
    pres.insert(0, _el(None, "material"))
    _el(pres[0], "mattext", html, texttype="text/html")
    item.append(rp)
    flow = _el(_el(item, "itemfeedback", ident="general_fb"), "flow_mat")
    _material(flow, "".join(f"<p>{to_html(p)}</p>" for p in feedback_parts(bank, q)))
    return item


def questestinterop(bank: Bank, skips: Skips) -> etree._Element:
    root = etree.Element(f"{{{NS}}}questestinterop", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", _LOCATION)
    assessment = _el(root, "assessment", ident=bank.id, title=xml_safe(bank.title))
    _metadata(assessment, {"cc_maxattempts": "1"})
    section = _el(assessment, "section", ident="root_section")
    for q in bank.questions:
        try:
            section.append(item_element(bank, q))
        except _Skip as why:
            skips.skip(bank, q, str(why))
    return root


def manifest(banks: Sequence[Bank]) -> etree._Element:
    root = etree.Element(f"{{{CP_NS}}}manifest", nsmap={None: CP_NS, "xsi": XSI})
    root.set("identifier", "M.quizgen.canvas")
    root.set(f"{{{XSI}}}schemaLocation", f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd")
    meta = etree.SubElement(root, f"{{{CP_NS}}}metadata")
    etree.SubElement(meta, f"{{{CP_NS}}}schema").text = "IMS Content"
    etree.SubElement(meta, f"{{{CP_NS}}}schemaversion").text = "1.1.3"
    etree.SubElement(root, f"{{{CP_NS}}}organizations")
    resources = etree.SubElement(root, f"{{{CP_NS}}}resources")
    for bank in banks:
        res = etree.SubElement(resources, f"{{{CP_NS}}}resource", identifier=f"R.{bank.id}",
                               type="imsqti_xmlv1p2", href=assessment_href(bank))
        etree.SubElement(res, f"{{{CP_NS}}}file", href=assessment_href(bank))
    return root


def assessment_href(bank: Bank) -> str:
    return f"{bank.id}/{bank.id}.xml"


@register
class CanvasExporter(Exporter, Skips):
    name = "canvas"
    file_extension = ".zip"
    mimetype = "application/zip"
    description = "Canvas QTI 1.2 zip (Import Content → QTI .zip file), a quiz per bank"

    def __init__(self) -> None:
        Skips.__init__(self)

    def export(self, banks: Sequence[Bank]) -> bytes:
        entries = {"imsmanifest.xml": xml_bytes(manifest(banks))}
        for bank in banks:
            entries[assessment_href(bank)] = xml_bytes(questestinterop(bank, self))
        return write_zip(entries)
