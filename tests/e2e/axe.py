"""Accessibility audits of the pages the browser tests visit.

axe-core (installed from npm by `.ci/run` into node_modules, read from disk:
no network) is injected into each page and run with the WCAG 2.0/2.1 A and
AA rules plus axe's best practices. Besides axe, every control and link must
have a name a screen reader can say, as Chromium's accessibility tree
computes it.

`audited_driver_class()` gives a Chrome driver that audits every page of this
site it is on before the test touches it (whether the page came from `get`, a
click, a key press or a redirect), so a page added later is checked too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tests.e2e.browser import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
#: Roles a user operates or follows: each needs an accessible name.
NAMED_ROLES = {"button", "link", "textbox", "checkbox", "radio", "combobox", "listbox",
               "spinbutton", "searchbox", "slider", "switch", "menuitem", "tab"}
#: WebDriver commands that read or act on the current page: before them, a new page is audited.
PAGE_COMMANDS = {"get", "findElement", "findElements", "clickElement", "sendKeysToElement",
                 "getPageSource", "actions", "getActiveElement", "w3cExecuteScript",
                 "w3cExecuteScriptAsync", "goBack", "goForward", "refresh"}

_STATE = """return [location.href, document.readyState, window.__quizgenAudit === location.href];"""
_TIMERS = """
window.setTimeout = function (fn) {
  var args = [].slice.call(arguments, 2);
  Promise.resolve().then(function () { fn.apply(null, args); });
  return 0;
};
window.clearTimeout = function () {};
"""
_RUN = """
return window.axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(r => JSON.stringify(r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))}))))
  .catch(e => JSON.stringify({error: String(e)}));
"""


def missing_axe() -> str | None:
    if not AXE_JS.is_file():
        return (f"{AXE_JS.relative_to(ROOT)} not found: run `npm ci` at the repository root "
                "(.ci/run does) to run the browser tests with their accessibility audits")
    return None


@dataclass
class Audit:
    """One page's audit: its address, what the page looked like, what failed."""

    url: str
    context: str
    violations: list[dict[str, Any]] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.violations or self.unnamed or self.duplicate_ids)

    def report(self) -> str:
        lines = [f"{self.url} ({self.context}):"]
        for v in self.violations:
            lines.append(f"  {v['id']} ({v['impact']}): {v['help']}")
            for node in v["nodes"][:5]:
                summary = " ".join(str(node["summary"]).split())[:300]
                lines.append(f"    {node['target']}: {summary}")
            if len(v["nodes"]) > 5:
                lines.append(f"    … and {len(v['nodes']) - 5} more")
        lines.extend(f"  no accessible name: {what}" for what in self.unnamed)
        if self.duplicate_ids:
            lines.append(f"  ids used more than once: {', '.join(self.duplicate_ids)}")
        return "\n".join(lines)


def unnamed_controls(driver: Any) -> list[str]:
    """Controls and links in Chromium's accessibility tree that have no name to say."""
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    missing = []
    for node in tree["nodes"]:
        role = node.get("role", {}).get("value")
        if node.get("ignored") or role not in NAMED_ROLES:
            continue
        if not str(node.get("name", {}).get("value", "")).strip():
            missing.append(f"a {role}: {_describe(driver, node.get('backendDOMNodeId'))}")
    return missing


def _describe(driver: Any, backend_id: int | None) -> str:
    """An element as a tag with its id, name and type, to find it in the template."""
    if backend_id is None:
        return "(no element)"
    node = driver.execute_cdp_cmd("DOM.describeNode", {"backendNodeId": backend_id})["node"]
    attrs = dict(zip(node.get("attributes", [])[::2], node.get("attributes", [])[1::2], strict=True))
    shown = " ".join(f'{k}="{v}"' for k, v in attrs.items() if k in ("id", "name", "type", "href", "class"))
    return f"<{node['nodeName'].lower()}{' ' + shown if shown else ''}>"


def audit_page(driver: Any, *, scripts_off: bool = False) -> Audit:
    """Run axe-core and the name check on the current page.

    With the browser's JavaScript off, WebDriver's own scripts still run and so do
    promise callbacks, but timers never fire, and axe-core waits on them: they are
    replaced by promise callbacks (the page has no script of its own running to mind)."""
    url, lang, width, dark = driver.execute_script(
        "return [location.href, document.documentElement.lang, window.innerWidth,"
        " matchMedia('(prefers-color-scheme: dark)').matches]")
    context = f"{lang or 'no lang'}, {width} px, {'dark' if dark else 'light'}"
    if scripts_off:
        driver.execute_script(_TIMERS)
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    raw = json.loads(driver.execute_script(_RUN, list(TAGS)))
    if isinstance(raw, dict):
        raise AssertionError(f"axe-core failed on {url}: {raw['error']}")
    # (axe 4.7+ no longer checks that ids are unique; labels and aria-* references rely on it.)
    duplicates = driver.execute_script(
        "const seen = new Set(), twice = new Set();"
        "for (const e of document.querySelectorAll('[id]')) { (seen.has(e.id) ? twice : seen).add(e.id); }"
        "return [...twice];")
    audit = Audit(url, context, raw, unnamed_controls(driver), sorted(duplicates))
    driver.execute_script("window.__quizgenAudit = location.href")
    return audit


def audited_driver_class(base: type) -> type:
    """A subclass of the Selenium driver `base` that audits each new page of the site."""

    class AuditedDriver(base):  # type: ignore[valid-type,misc]
        #: Only this site's pages are audited (not about:blank or data: pages a test makes).
        site_prefix = "http://127.0.0.1:"
        #: Page scripts are off: timers never fire, so axe-core runs on a stand-in for them.
        scripts_off = False
        audits: list[Audit]
        _auditing = False

        def execute(self, driver_command: str, params: dict | None = None) -> Any:
            if driver_command in PAGE_COMMANDS and not self._auditing and hasattr(self, "audits"):
                self.audit_if_new()
            return super().execute(driver_command, params)

        def audit_if_new(self) -> None:
            """Audit the current page unless it was audited already; fail on any violation."""
            from tests.e2e.browser import wait_until

            self._auditing = True
            try:
                url, state, seen = self.execute_script(_STATE)
                if seen or not url.startswith(self.site_prefix):
                    return
                if state != "complete":
                    wait_until(lambda: self.execute_script(_STATE)[1] == "complete",
                               message=f"{url} to load before its audit")
                self.audit()
            finally:
                self._auditing = False

        def audit(self) -> Audit:
            """Audit the page as it is now (e.g. after a script changed it); fail on any violation."""
            auditing, self._auditing = self._auditing, True
            try:
                result = audit_page(self, scripts_off=self.scripts_off)
            finally:
                self._auditing = auditing
            self.audits.append(result)
            if result.failed:
                raise AssertionError("accessibility audit failed:\n" + result.report())
            return result

    return AuditedDriver
