"""Where a redirect taken from the request may go: a path on this site, nothing else.

Browsers are lenient with a Location header: they drop tabs and newlines,
read a backslash as a slash, and take `//host` (or `/\\host`) as another
site. A target is accepted only if it is a plain path on this site in the
form given and once or twice percent-decoded; anything else gives the
default.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlsplit

#: Longer than any address of the site.
MAX_TARGET = 2000


def _unsafe(text: str) -> bool:
    """A form of the target that a browser could read as another site, or that breaks a header."""
    if not text.startswith("/") or text.startswith("//") or "\\" in text:
        return True
    return any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in text)


def safe_next(target: str | None, default: str = "/") -> str:
    """`target` if it is a path on this site (`/teacher/s/ABC234?x=1`), else `default`."""
    if not isinstance(target, str) or not target or len(target) > MAX_TARGET:
        return default
    once = unquote(target)
    if any(_unsafe(form) for form in (target, once, unquote(once))):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target
