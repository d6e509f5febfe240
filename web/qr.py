"""Where students join a class session: its link, and the link as a QR code."""

from __future__ import annotations

from urllib.parse import urlsplit

import segno
from flask import current_app, url_for


def join_url(code: str) -> str:
    base = current_app.config.get("QUIZGEN_PUBLIC_URL")
    path = url_for("join.join", code=code)
    return base.rstrip("/") + path if base else url_for("join.join", code=code, _external=True)


def qr_svg(url: str) -> str:
    """The join URL as an inline SVG QR code, made here (no outside service)."""
    return segno.make(url, error="m").svg_inline(scale=4, light="#fff", omitsize=True, svgclass="qr")


def is_loopback(url: str) -> bool:
    """Whether the link names this computer only: students' phones could not open it."""
    host = urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")
