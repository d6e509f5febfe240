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
    assert "the limit is" in str(info.value)


def test_folder_means_its_yaml_files_in_order(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", "c.txt"):
        (tmp_path / name).write_text("x: 1\n")
    files, problems = loader.find_bank_files([tmp_path])
    assert [p.name for p, _ in files] == ["a.yml", "b.yaml"]
    assert not problems
