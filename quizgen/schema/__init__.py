"""The JSON Schema of a bank, generated from the model (never written by hand).

bank.schema.json beside this file is the same schema, shipped so editors
with the YAML language server can complete and check banks; a test keeps it
equal to what the model generates.
"""

from __future__ import annotations

from typing import Any

from ..model import Bank

SCHEMA_ID = "https://quizgen.invalid/schema/bank.schema.json"


def bank_schema() -> dict[str, Any]:
    schema = Bank.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "quizgen question bank",
    }
