"""The JSON interchange format: a list with one object per bank.

Keys are those of the bank format (quizgen/model.py); dates are ISO strings.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import Bank
from .base import Exporter, register


@register
class JsonExporter(Exporter):
    name = "json"
    file_extension = ".json"
    mimetype = "application/json"
    description = "normalised banks, the documented interchange format"

    def export(self, banks: Sequence[Bank]) -> bytes:
        data = [bank.to_data() for bank in banks]
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
