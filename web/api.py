"""Machine endpoints: the deployment health check."""

from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text

from quizgen import __version__

from .catalog import catalog
from .db import get_engine

bp = Blueprint("api", __name__)


@bp.get("/healthz")
def healthz():
    try:
        with get_engine().connect() as conn:
            conn.execute(text("SELECT 1")).scalar_one()
    except Exception:  # any database failure means "not healthy", not a crash page
        return jsonify(status="error", database="unavailable"), 503
    return jsonify(status="ok", database="ok", banks=len(catalog()), version=__version__)
