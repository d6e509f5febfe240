"""The exporter interface and registry.

Built-in formats are named here and imported only when asked for (so
`quizgen validate` never loads genanki); plug-ins register through the
`quizgen.exporters` entry-point group the same way.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Sequence
from importlib.metadata import entry_points
from typing import ClassVar

from ..errors import QuizgenError
from ..model import Bank
from ..text import did_you_mean

_BUILTIN = {
    "json": "quizgen.exporters.json:JsonExporter",
    "anki": "quizgen.exporters.anki:AnkiExporter",
    "gift": "quizgen.exporters.gift:GiftExporter",
    "moodle": "quizgen.exporters.moodle:MoodleExporter",
    "qti21": "quizgen.exporters.qti21:Qti21Exporter",
    "canvas": "quizgen.exporters.canvas:CanvasExporter",
}
_registry: dict[str, type[Exporter]] = {}


class Exporter(ABC):
    """Turns banks into one file of some format."""

    name: ClassVar[str]
    file_extension: ClassVar[str]
    mimetype: ClassVar[str]
    description: ClassVar[str] = ""

    @abstractmethod
    def export(self, banks: Sequence[Bank]) -> bytes:
        """The whole output file for `banks`."""


def register(cls: type[Exporter]) -> type[Exporter]:
    """Class decorator: make a format available under `cls.name`."""
    _registry[cls.name] = cls
    return cls


def _targets() -> dict[str, str]:
    targets = dict(_BUILTIN)
    for ep in entry_points(group="quizgen.exporters"):
        targets.setdefault(ep.name, ep.value)
    return targets


def available() -> list[str]:
    return sorted(set(_targets()) | set(_registry))


def get_exporter(name: str) -> type[Exporter]:
    """The exporter class for format `name`; a QuizgenError with a suggestion if unknown."""
    if name in _registry:
        return _registry[name]
    target = _targets().get(name)
    if target is None:
        hint = did_you_mean(name, available())
        raise QuizgenError(f"unknown format '{name}'{hint}; formats: {', '.join(available())}")
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise QuizgenError(f"format '{name}' is not available: {exc}") from exc
    cls = getattr(module, attr)
    _registry.setdefault(name, cls)
    return cls
