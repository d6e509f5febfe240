"""Post/Redirect/Get: every form answers with a redirect, even when it is refused.

The message, and what the user typed, ride along in the session cookie to the
page the redirect leads to, which shows them once. Back and refresh then never
resend a form ("Confirm form resubmission").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import Response, redirect, request, session
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

KEY = "kept"
#: What is kept of a form must fit in the cookie with the rest (browsers drop
#: a cookie over 4 KB, and with it the student's place in her sessions).
MAX_KEPT = 1500
_NEVER = frozenset({"csrf_token", "password", "resume"})  # secrets are typed again, never kept


@dataclass(frozen=True)
class Kept:
    error: str | None
    notice: str | None
    form: ImmutableMultiDict[str, str]


def keep(*, error: str | None = None, notice: str | None = None, form: MultiDict[str, Any] | None = None,
         to: str | None = None) -> None:
    """Remember a message (and the fields sent) for the next GET of `to` (a URL
    as url_for builds it; default: this address)."""
    path = request.path
    if to is not None:
        path = urlsplit(to).path
        path = path[len(request.script_root):] if path.startswith(request.script_root) else path
    fields: list[list[str]] = []
    size = 0
    for name, value in (form.items(multi=True) if form is not None else ()):
        if name in _NEVER or not isinstance(value, str):
            continue
        size += len(name) + len(value)
        if size > MAX_KEPT:
            break
        fields.append([name, value])
    session[KEY] = {"path": path, "error": error, "notice": notice, "form": fields}


def take() -> Kept | None:
    """What the last form left for this page, once; None if nothing."""
    if KEY not in session:
        return None
    kept = session.get(KEY)
    if not isinstance(kept, dict) or kept.get("path") != request.path:
        return None
    session.pop(KEY, None)
    fields = kept.get("form") or []
    return Kept(error=kept.get("error"), notice=kept.get("notice"),
                form=ImmutableMultiDict([(str(k), str(v)) for k, v in fields]))


def back(location: str | None = None) -> Response:
    """The redirect after a POST: to `location`, or to the address the form was sent to."""
    return redirect(location or request.script_root + request.path, code=303)


def refuse(error: str, *, form: MultiDict[str, Any] | None = None, notice: str | None = None,
           to: str | None = None) -> Response:
    """Back to the form's page (or `to`) with the error and what was typed."""
    keep(error=error, notice=notice, form=form, to=to)
    return back(to)
