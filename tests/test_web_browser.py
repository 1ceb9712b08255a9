"""The workbench in a real browser: Debian's Chromium through Playwright against a real
`collingwood serve`, on SQLite and on PostgreSQL. Each curation flow is done on the page the way
an analyst does it and checked on the page and in the audit log."""

from __future__ import annotations

import pytest
from web_browser import api, chromium, served
from web_case import make_case

pytestmark = pytest.mark.browser


@pytest.fixture
def workbench(make_case_url, tmp_path):
    """A served case and a signed-in page: yields (page, base URL, token)."""
    path, case = make_case(tmp_path, url=make_case_url("vane"))
    case.store.dispose()
    with served(path) as (base, link, token), chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(link)
        assert page.url == base + "/", "the token is stripped from the address"
        yield page, base, token
        assert not errors, errors


def reloaded(page, action):
    """Do ``action`` (which makes the page reload itself after a change) and wait for the reload."""
    with page.expect_navigation():
        action()


def test_edit_a_claim(workbench):
    page, base, token = workbench
    claim = next(c for c in api(base, token, "/api/claims") if c["predicate"] == "met")
    page.goto(f"{base}/claims/{claim['id']}")
    page.fill("#edit-claim input[name=place]", "Prague")
    page.fill("#edit-claim input[name=time]", "spring 1936")
    reloaded(page, lambda: page.click("#edit-claim button[type=submit]"))
    assert page.locator("#claim-version").inner_text() == "2"
    assert page.input_value("#edit-claim input[name=place]") == "Prague"
    assert api(base, token, f"/api/claims/{claim['id']}")["place"] == "Prague"
    page.goto(base + "/audit")
    first = page.locator("#audit tbody tr").first
    assert first.get_attribute("data-action") == "edit_claim" and first.get_attribute("data-target") == claim["id"]
    assert "Prague" in first.inner_text()
    change = next(e for e in api(base, token, "/api/audit") if e["action"] != "analysis_run")
    assert change["after"]["claims"][0]["place"] == "Prague" and change["before"]["claims"][0]["place"] is None


def test_a_stale_edit_is_refused_on_the_page(workbench):
    page, base, token = workbench
    claim = next(c for c in api(base, token, "/api/claims") if c["predicate"] == "met")
    page.goto(f"{base}/claims/{claim['id']}")
    api(base, token, f"/api/claims/{claim['id']}", "PATCH", {"version": 1, "place": "Berlin"})   # someone else
    page.fill("#edit-claim input[name=place]", "Prague")
    page.click("#edit-claim button[type=submit]")
    page.wait_for_selector("#edit-claim .error:has-text('E409')")
    assert api(base, token, f"/api/claims/{claim['id']}")["place"] == "Berlin"


def test_add_a_claim_from_a_selected_passage(workbench):
    page, base, token = workbench
    report = next(s for s in api(base, token, "/api/sources") if s["title"].startswith("The report"))
    page.goto(f"{base}/sources/{report['id']}")
    assert page.is_hidden("#new-claim")
    words = "Lund left the Ministry"
    box = page.locator("#source-text span[data-s]", has_text="Lund left").first.bounding_box()
    assert box is not None
    # select the words with the mouse, as an analyst does: drag across them
    page.evaluate("""(words) => {
        const host = document.getElementById('source-text');
        const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const at = node.textContent.indexOf(words);
            if (at >= 0) {
                const r = document.createRange();
                r.setStart(node, at); r.setEnd(node, at + words.length);
                const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
                return;
            }
        }
        throw new Error('words not found');
    }""", words)
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    page.mouse.up()
    assert page.is_visible("#new-claim")
    assert page.locator("#selected-quote").inner_text() == words
    page.fill("#new-claim input[name=subject]", "Peter Lund")
    page.fill("#new-claim input[name=predicate]", "left")
    page.fill("#new-claim input[name=object]", "Ministry")
    page.fill("#new-claim input[name=time]", "1940")
    reloaded(page, lambda: page.click("#new-claim button[type=submit]"))
    made = [c for c in api(base, token, "/api/claims") if c["quote"] == words]
    assert len(made) == 1 and made[0]["status"] == "accepted" and made[0]["extracted_by"] == "analyst"
    text = page.locator("#source-text").inner_text()
    assert text[made[0]["span"][0]:made[0]["span"][1]] == words or words in text
    assert page.locator(f"#claim-{made[0]['id']}").count() == 1
    page.goto(base + "/audit")
    first = page.locator("#audit tbody tr").first
    assert first.get_attribute("data-action") == "add_claims" and first.get_attribute("data-target") == report["id"]
    change = next(e for e in api(base, token, "/api/audit") if e["action"] != "analysis_run")
    assert [r["id"] for r in change["after"]["claims"]] == [made[0]["id"]] and not change["before"]


def test_merge_two_entities(workbench):
    page, base, token = workbench
    page.goto(base + "/entities")
    before = page.locator("table.entities tbody tr").count()
    page.fill("#merge input[name=name]", "Peter Lund")
    page.fill("#merge input[name=other]", "Harold Vane")
    reloaded(page, lambda: page.click("#merge button[type=submit]"))
    assert page.locator("table.entities tbody tr").count() == before - 1
    names = {e["name"] for e in api(base, token, "/api/entities")}
    assert len(names & {"Peter Lund", "Harold Vane"}) == 1
    page.goto(base + "/audit")
    first = page.locator("#audit tbody tr").first
    assert first.get_attribute("data-action") == "merge" and first.get_attribute("data-target") == "Peter Lund"


def test_set_a_verdict(workbench):
    page, base, token = workbench
    finding = api(base, token, "/api/findings")[0]
    page.goto(base + "/findings")
    item = page.locator(f"#finding-{finding['id']}")
    assert item.locator(".verdict").inner_text() == "open"
    item.locator("select[name=verdict]").select_option("explained")
    item.locator("input[name=note]").fill("the memoir misremembers")
    reloaded(page, lambda: item.locator("button[type=submit]").click())
    assert page.locator(f"#finding-{finding['id']} .verdict").inner_text() == "explained"
    assert api(base, token, "/api/findings")[0]["verdict"] == "explained"
    page.goto(base + "/audit")
    first = page.locator("#audit tbody tr").first
    assert first.get_attribute("data-action") == "set_verdict" and first.get_attribute("data-target") == finding["id"]


def test_undo_from_the_audit_log(workbench):
    page, base, token = workbench
    claim = next(c for c in api(base, token, "/api/claims") if c["predicate"] == "recruited")
    page.goto(f"{base}/claims?status=")
    row = page.locator(f"#claim-{claim['id']}")
    reloaded(page, lambda: row.locator("button", has_text="reject").click())
    assert page.locator(f"#claim-{claim['id']} .status-cell").inner_text() == "rejected"
    page.goto(base + "/audit")
    first = page.locator("#audit tbody tr").first
    assert first.get_attribute("data-action") == "set_claim_status"
    change_id = first.locator("td").first.inner_text()
    reloaded(page, lambda: first.locator("button.undo").click())
    assert page.locator(f"#audit-{change_id}").get_attribute("class") == "undone"
    assert page.locator("#audit tbody tr").first.get_attribute("data-action") == "undo"
    assert api(base, token, f"/api/claims/{claim['id']}")["status"] == claim["status"]
    page.goto(f"{base}/claims?status=")
    assert page.locator(f"#claim-{claim['id']} .status-cell").inner_text() == claim["status"]


def test_the_chart_opens_an_edge_s_sources(workbench):
    page, base, token = workbench
    page.goto(base + "/graph")
    page.wait_for_selector("#chart[data-shown='all']")
    links = page.locator("#chart line.link")
    assert links.count() > 0
    assert page.locator("#chart line.link.documented").count() > 0
    links.first.dispatch_event("click")
    assert page.locator("#edge-panel .edge-sources a").count() > 0
    href = page.locator("#edge-panel .edge-sources a").first.get_attribute("href")
    assert href.startswith("/sources/s-")
    page.uncheck("#all-years")
    page.wait_for_selector("#chart[data-shown='1936']")      # the slider starts at the first year
    page.locator("#year").fill("1940")
    page.locator("#year").dispatch_event("change")
    page.wait_for_selector("#chart[data-shown='1940']")
    assert page.locator("#year-shown").inner_text() == "1940"
    in_1940 = api(base, token, "/api/graph?at=1940")["edges"]
    assert page.locator("#chart line.link").count() == min(len(in_1940), page.locator("#chart line.link").count())
    assert (page.locator("#chart line.link").count() > 0) == bool(in_1940)
