from __future__ import annotations

from pathlib import Path

import pytest

from quizgen import BankError, load_bank, loader
from quizgen.loader import parse_text


def parse(text: str):
    doc, problems = parse_text(text, Path("x.yaml"), "x.yaml")
    assert not problems, problems
    return doc


def test_scalars_follow_yaml_1_2_not_1_1() -> None:
    doc = parse("a: Non\nb: no\nc: yes\nd: true\ne: 2021-12-08\nf: 125\ng: 2.5\nh: ~\ni: '12'\nj: 2,5\n")
    assert doc.data == {"a": "Non", "b": "no", "c": "yes", "d": True, "e": "2021-12-08",
                        "f": 125, "g": 2.5, "h": None, "i": "12", "j": "2,5"}


def test_positions_of_keys_and_values_are_one_based() -> None:
    doc = parse("id: x\nquestions:\n  - id: q1\n    answer: RIA\n")
    assert doc.positions.of(("questions", 0, "answer")) == (4, 13)
    assert doc.positions.of(("questions", 0, "answer"), key=True) == (4, 5)
    # A missing child points at its nearest ancestor.
    assert doc.positions.of(("questions", 0, "prompt")) == (3, 5)


def test_bom_is_accepted(bank_dir: Path) -> None:
    path = bank_dir / "sommet.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_bank(path).id == "sommet-test"


def test_merge_keys_and_anchors_work() -> None:
    doc = parse("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n")
    assert doc.data["other"] == {"x": 1, "y": 3}
    assert parse("a: &k {x: 1}\nb: &c {y: 2}\nd:\n  !!merge <<: [*k, *c]\n").data["d"] == {"x": 1, "y": 2}
    assert parse('"<<": 1\nk: &k <<\nm: {*k : 2}\n').data == {"<<": 1, "k": "<<", "m": {"<<": 2}}


def test_recursive_alias_is_an_error_not_a_hang() -> None:
    doc, problems = parse_text("a: &a [*a]\n", Path("x.yaml"), "x.yaml")
    assert doc is None
    assert "recursive" in problems[0].message


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    doc, problems = parse_text("a: " + "[" * 5000 + "]" * 5000 + "\n", Path("x.yaml"), "x.yaml")
    assert doc is None and problems


def test_oversized_file_is_refused_before_parsing(bank_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    with pytest.raises(BankError) as info:
        load_bank(bank_dir / "sommet.yaml")
    assert "over the limit of 100 bytes" in str(info.value)


def test_folder_means_its_yaml_files_in_order(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", "c.txt"):
        (tmp_path / name).write_text("x: 1\n")
    files, problems = loader.find_bank_files([tmp_path])
    assert [p.name for p, _ in files] == ["a.yml", "b.yaml"]
    assert not problems


def problems(text: str) -> list[str]:
    doc, found = parse_text(text, Path("x.yaml"), "x.yaml")
    assert doc is None
    return [str(p) for p in found]


@pytest.mark.parametrize("opening", ["[", "{a: ", "- "])
def test_nesting_is_bounded_at_its_line(opening: str) -> None:
    depth = loader.MAX_DEPTH + 1
    if opening == "- ":
        text = "".join(f"{'  ' * i}-\n" for i in range(depth)) + "  " * depth + "x\n"
    else:
        text = "a:\n  " + opening * depth + "x" + ("]" if opening == "[" else "}") * depth + "\n"
    found = problems(text)
    assert len(found) == 1 and found[0].startswith("x.yaml:")
    assert f"YAML nested more than {loader.MAX_DEPTH} levels deep" in found[0]


def test_pure_python_parser_is_bounded_too(monkeypatch) -> None:
    import yaml

    monkeypatch.setattr(loader, "_Parser", yaml.SafeLoader)
    assert "nested more than" in problems("a: " + "[" * 30_000 + "]" * 30_000 + "\n")[0]
    assert parse("a: [1, {b: c}]\n").data == {"a": [1, {"b": "c"}]}


def test_a_number_past_the_digit_limit_is_a_problem_at_its_line() -> None:
    assert problems("a: 1\nb: " + "9" * 5000 + "\n") == [
        "x.yaml:2:4: a number of 5,000 digits; the limit is 1,000 "
        "(put it in quotes if it is text)"]
    assert parse("a: " + "9" * 1000 + "\n").data["a"] == int("9" * 1000)


@pytest.mark.parametrize("text, where, tag", [
    ("questions: !!python/object/apply:os.system [ls]\n", "1:12",
     "tag:yaml.org,2002:python/object/apply:os.system"),
    ("a:\n  b: !custom {x: 1}\n", "2:6", "!custom"),
    ("a: !!map [1]\n", "1:4", "tag:yaml.org,2002:map"),
    ("a: !!python/name:os.system x\n", "1:4", "tag:yaml.org,2002:python/name:os.system"),
])
def test_tags_are_refused_on_lists_and_mappings_as_on_text(text: str, where: str, tag: str) -> None:
    assert problems(text) == [f"x.yaml:{where}: unsupported YAML tag '{tag}'"]


def test_standard_tags_still_work() -> None:
    assert parse("a: !!str 12\nb: !!seq [1]\nc: !!map {x: 1}\n").data == {"a": "12", "b": [1], "c": {"x": 1}}


def test_lists_mappings_and_values_are_bounded(monkeypatch) -> None:
    monkeypatch.setattr(loader, "MAX_ITEMS", 3)
    assert problems("a: 1\nb:\n  - 1\n  - 2\n  - 3\n  - 4\n") == [
        "x.yaml:3:3: more than 3 items in one list; refusing"]
    assert problems("a: 1\nb: {w: 1, x: 2, y: 3, z: 4}\n") == [
        "x.yaml:2:4: more than 3 keys in one mapping; refusing"]
    monkeypatch.setattr(loader, "MAX_VALUES", 4)
    assert "more than 4 values" in problems("a: [1, 2]\nb: [3, 4]\n")[0]


def test_aliases_keep_positions_and_unknown_ones_are_named() -> None:
    doc = parse("base: &b {x: 1}\nother: *b\n")
    assert doc.data == {"base": {"x": 1}, "other": {"x": 1}}
    assert doc.positions.of(("other", "x")) == (1, 14)
    assert problems("a: *nowhere\n") == [
        "x.yaml:1:4: unknown alias '*nowhere': write '&nowhere' on a value above it"]


def test_a_second_document_is_refused_where_it_starts() -> None:
    assert problems("a: 1\n---\nb: 2\n")[0].startswith("x.yaml:2:1: YAML syntax error: a second document")


def test_non_text_keys_are_refused_and_skipped() -> None:
    assert problems("? [a, b]\n: c\nd: 1\n") == ["x.yaml:1:3: a key must be plain text"]


@pytest.mark.parametrize("text, expected", [
    ('a: 1\nb: "abc\nc: 2\n', '2:4: YAML syntax error: the quote " that opens here is never closed'),
    ("a:\n  b: 1\n    c: 2\n", "3:5: YAML syntax error: bad indentation: this key is indented more than"),
    ("a:\n    b: 1\n  c: 2\n",
     "3:3: YAML syntax error: bad indentation: this line does not line up with the keys"),
    ("q:\n  - a: 1\n    b: 2\n   c: 3\n",
     "4:4: YAML syntax error: bad indentation: this line does not line up"),
    ("a: Note: ceci\n", "1:8: YAML syntax error: a ': ' inside a text without quotes"),
    ("a:\n\tb: 1\n", "2:1: YAML syntax error: a tab: indent with spaces"),
    ("a: [1, 2\nb: 3\n", "1:4: YAML syntax error: the '[' that opens here is never closed"),
    ("a: *gras* texte\n", "1:4: YAML syntax error: a text starting with '*' is read as a YAML alias"),
    ('a: "x" y\n', "1:8: YAML syntax error: unexpected text after the value"),
    ("q:\n  - 1\n  b: 2\n", "3:3: YAML syntax error: a key among list items"),
])
@pytest.mark.parametrize("parser", ["libyaml", "python"])
def test_syntax_errors_in_plain_words_where_to_fix(text: str, expected: str, parser: str,
                                                   monkeypatch) -> None:
    import yaml

    if parser == "python":
        monkeypatch.setattr(loader, "_Parser", yaml.SafeLoader)
    found = problems(text)
    assert len(found) == 1 and found[0].startswith(f"x.yaml:{expected}")
    assert "while parsing" not in found[0] and "while scanning" not in found[0]
