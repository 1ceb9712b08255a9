"""64 hostile payloads planted in a case's source text, file names, metadata, entity names and
hypotheses execute nothing in the served pages: checked in Debian's Chromium, where a payload
that ran would call ``__xss`` or log ``XSS``. No payload may even become markup: the page sees
no CSP violation (which would mean the CSP caught markup the escaping let through)."""

from __future__ import annotations

import urllib.parse

import pytest
from web_browser import api, chromium, served
from web_case import make_case
from xss_payloads import payloads

pytestmark = pytest.mark.browser

WATCH = """
window.__fired = [];
window.__xss = (n) => window.__fired.push(n);
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_planted_payloads_execute_nothing(tmp_path):
    planted = payloads(64)
    assert len(planted) >= 60
    path, case = make_case(tmp_path, payloads=planted)
    titles = [s.title for s in case.sources()]
    assert any(planted[0] in t for t in titles), "the payloads reached the metadata"
    assert sum(p in s.text for s in case.sources() for p in planted) == len(planted)
    assert any(planted[0][:16] in (s.path or "") for s in case.sources()), "and the file names"
    case.store.dispose()
    with served(path) as (base, link, token), chromium() as browser:
        context = browser.new_context()
        context.add_init_script(WATCH)
        page = context.new_page()
        logged: list[str] = []
        dialogs: list[str] = []
        page.on("console", lambda m: logged.append(m.text))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
        page.goto(link)
        sources = api(base, token, "/api/sources")
        entities = api(base, token, "/api/entities")
        claim = api(base, token, "/api/claims")[0]
        urls = ["/", "/sources", "/claims", "/chronology", "/entities", "/graph", "/findings", "/witnesses",
                "/questions", "/hypotheses", "/audit", f"/claims/{claim['id']}"]
        urls += [f"/sources/{urllib.parse.quote(s['id'])}" for s in sources]
        urls += [f"/entities/{urllib.parse.quote(e['id'])}" for e in entities if e["name"].startswith("Agent")][:8]
        urls += ["/chronology?actor=" + urllib.parse.quote(planted[1]), "/sources/" + urllib.parse.quote(planted[2])]
        shown_text = ""
        for url in urls:
            response = page.goto(base + url)
            assert response is not None
            csp = response.headers["content-security-policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
            if url == "/graph":
                page.wait_for_selector("#chart[data-loaded]")
                page.locator("#chart line.link").first.dispatch_event("click")
            page.mouse.move(200, 300)            # mouseover / focus handlers get their chance
            page.keyboard.press("Tab")
            page.wait_for_timeout(100)
            fired = page.evaluate("window.__fired")
            violations = page.evaluate("window.__violations")
            assert fired == [], (url, fired)
            assert violations == [], (url, violations)
            shown_text += page.locator("body").inner_text()
        assert not [m for m in logged if "XSS" in m], logged
        assert dialogs == [] and outside == [], (dialogs, outside)
        # rendered as text: the payloads are on the pages, word for word
        on_pages = [p for p in planted if p in shown_text]
        assert len(on_pages) >= 60, f"only {len(on_pages)} payloads are shown as text"
