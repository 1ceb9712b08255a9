"""The workbench's REST API through FastAPI's TestClient: the guard (token, cookie, Host, Origin,
CSRF), each endpoint, a stale edit's 409, undo from the audit log, and errors as coded JSON."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from web_case import make_case

from collingwood.case import Case
from collingwood.web import Guard, create_app

BASE = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path, case = make_case(tmp_path_factory.mktemp("web"))
    case.store.dispose()
    return path


@pytest.fixture
def case(built, tmp_path):
    """A fresh copy of the built case for each test."""
    dest = tmp_path / "copy.case"
    with sqlite3.connect(built) as src, sqlite3.connect(dest) as dst:
        src.backup(dst)
    c = Case.open(dest)
    yield c
    c.store.dispose()


@pytest.fixture
def guard():
    return Guard(host="127.0.0.1", port=8765)


@pytest.fixture
def api(case, guard):
    """A client that sends the bearer token."""
    return TestClient(create_app(case, guard), base_url=BASE,
                      headers={"Authorization": f"Bearer {guard.token}"})


@pytest.fixture
def browser(case, guard):
    """A client signed in the way a browser is: the link's token exchanged for the cookie."""
    client = TestClient(create_app(case, guard), base_url=BASE)
    r = client.get(f"/?token={guard.token}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    return client


def csrf(client) -> str:
    page = client.get("/").text
    marker = '<meta name="csrf-token" content="'
    return page.split(marker, 1)[1].split('"', 1)[0]


# --- the guard --------------------------------------------------------------------------

def test_without_token_or_cookie_everything_is_401(case, guard):
    client = TestClient(create_app(case, guard), base_url=BASE)
    for url in ("/", "/api/claims", "/openapi.json", "/static/app.js", "/chronology"):
        r = client.get(url)
        assert r.status_code == 401, url
        assert r.json()["code"] == "unauthorised"
    assert client.get("/api/claims", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/?token=wrong", follow_redirects=False).status_code == 401


def test_the_link_works_once(case, guard):
    first = TestClient(create_app(case, guard), base_url=BASE)
    app = first.app
    assert first.get(f"/?token={guard.token}", follow_redirects=False).status_code == 303
    assert first.get("/").status_code == 200
    second = TestClient(app, base_url=BASE)
    r = second.get(f"/?token={guard.token}", follow_redirects=False)
    assert r.status_code == 401 and r.json()["code"] == "bad-token"


def test_wrong_host_is_refused(api):
    for host in ("evil.example", "127.0.0.1:9999", "localhost.evil.example:8765"):
        r = api.get("/api/claims", headers={"Host": host})
        assert r.status_code == 400 and r.json()["code"] == "bad-host", host
    assert api.get("/api/claims", headers={"Host": "localhost:8765"}).status_code == 200


def test_foreign_origin_is_refused(browser):
    token = csrf(browser)
    for origin in ("http://evil.example", "http://127.0.0.1:9999", "null"):
        r = browser.put("/api/hypotheses/rating", headers={"Origin": origin, "X-CSRF-Token": token},
                        json={"hypothesis": "H1", "evidence": "x", "rating": "C"})
        assert r.status_code == 403 and r.json()["code"] == "bad-origin", origin
        assert browser.get("/api/claims", headers={"Origin": origin}).status_code == 403
    assert browser.get("/api/claims", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert browser.get("/api/claims", headers={"Origin": BASE}).status_code == 200


def test_a_change_without_the_csrf_token_is_refused(browser):
    claim = browser.get("/api/claims").json()[0]
    body = {"status": "rejected", "version": claim["version"]}
    for headers in ({}, {"X-CSRF-Token": "forged"}):
        r = browser.patch(f"/api/claims/{claim['id']}", json=body, headers=headers)
        assert r.status_code == 403 and r.json()["code"] == "csrf"
    assert browser.get(f"/api/claims/{claim['id']}").json()["status"] == claim["status"]
    r = browser.patch(f"/api/claims/{claim['id']}", json=body, headers={"X-CSRF-Token": csrf(browser)})
    assert r.status_code == 200 and r.json()["status"] == "rejected"


def test_every_response_carries_the_strict_csp(api):
    for url in ("/", "/api/claims", "/static/app.js", "/nowhere"):
        csp = api.get(url).headers["content-security-policy"]
        for part in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
                     "frame-ancestors 'none'"):
            assert part in csp
        assert "unsafe-inline" not in csp


# --- claims -------------------------------------------------------------------------------

def test_claims_have_ids_versions_and_the_cli_fields(api, case):
    rows = api.get("/api/claims").json()
    cli = {c.id: c.as_json() for c in case.claims(include_rejected=True)}
    assert {r["id"] for r in rows} == set(cli)
    for r in rows:
        assert r["version"] == 1
        assert {k: r[k] for k in cli[r["id"]]} == cli[r["id"]]
    one = api.get(f"/api/claims/{rows[0]['id']}").json()
    assert one == rows[0]
    r = api.get("/api/claims/c-nothing")
    assert r.status_code == 404 and r.json()["code"] == "E404"


def test_edit_makes_a_new_version_and_a_stale_edit_gets_409(api):
    claim = next(c for c in api.get("/api/claims").json() if c["predicate"] == "recruited")
    url = f"/api/claims/{claim['id']}"
    r = api.patch(url, json={"version": 1, "object": "Peter Lund", "time": "1937"})
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2 and r.json()["object"] == "Peter Lund"
    assert r.json()["time"]["earliest"] == "1937-01-01"
    stale = api.patch(url, json={"version": 1, "object": "Clara Oster"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "E409" and "at version 2" in stale.json()["error"]
    assert api.get(url).json()["object"] == "Peter Lund"
    change = next(e for e in api.get("/api/audit").json() if e["action"] != "analysis_run")
    assert change["action"] == "edit_claim" and change["target"] == claim["id"]
    assert change["before"]["claims"][0]["object"] == "Clara Oster"
    assert change["after"]["claims"][0]["object"] == "Peter Lund"


def test_bad_edits_are_coded_errors(api):
    claim = api.get("/api/claims").json()[0]
    url = f"/api/claims/{claim['id']}"
    for body, code in (({"version": 1, "predicate": "flew_over"}, "E501"),
                       ({"version": 1, "time": "the day after never"}, "E501"),
                       ({"version": 1, "quote": "other words"}, "bad-request"),
                       ({"object": "x"}, "bad-request"),
                       ({"version": 1, "status": "maybe"}, "bad-request"),
                       ({"version": 1, "subject": ""}, "bad-request")):
        r = api.patch(url, json=body)
        assert 400 <= r.status_code < 500 and r.json()["code"] == code, (body, r.text)
    r = api.patch(url, content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["ok"] is False


def test_add_a_claim_from_a_passage(api):
    src = api.get("/api/sources").json()
    report = next(s for s in src if s["title"].startswith("The report"))
    text = "".join(p["text"] for p in api.get(f"/api/sources/{report['id']}").json()["pieces"])
    start = text.index("Lund left")
    r = api.post("/api/claims", json={"source_id": report["id"], "start": start, "end": start + 9,
                                      "subject": "Peter Lund", "predicate": "left", "object": "Ministry",
                                      "time": "1940"})
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["quote"] == "Lund left" and made["status"] == "accepted" and made["extracted_by"] == "analyst"
    assert made["id"] in {c["id"] for c in api.get("/api/claims").json()}
    outside = api.post("/api/claims", json={"source_id": report["id"], "start": 0, "end": 10 ** 6,
                                            "subject": "X", "predicate": "met"})
    assert outside.status_code == 400 and outside.json()["code"] == "E501"
    nosrc = api.post("/api/claims", json={"source_id": "s-none", "start": 0, "end": 3, "subject": "X",
                                          "predicate": "met"})
    assert nosrc.status_code == 404


# --- analysis and curation ------------------------------------------------------------------

def test_findings_and_a_verdict(api):
    found = api.get("/api/findings").json()
    assert found and found[0]["verdict"] == "open"
    fid = found[0]["id"]
    r = api.put(f"/api/findings/{fid}/verdict", json={"verdict": "explained", "note": "memoir misdates"})
    assert r.status_code == 200
    assert next(f for f in api.get("/api/findings").json() if f["id"] == fid)["verdict"] == "explained"
    assert api.put("/api/findings/f-none/verdict", json={"verdict": "open"}).status_code == 404
    assert api.put(f"/api/findings/{fid}/verdict", json={"verdict": "maybe"}).status_code == 422


def test_merge_and_split_reresolve(api):
    names = {e["name"] for e in api.get("/api/entities").json()}
    assert {"Peter Lund", "Harold Vane"} <= names
    r = api.post("/api/entities/merge", json={"name": "Peter Lund", "other": "Harold Vane"})
    assert r.status_code == 200
    after = {e["name"] for e in api.get("/api/entities").json()}
    assert len([n for n in after if n in ("Peter Lund", "Harold Vane")]) == 1
    assert api.post("/api/entities/merge", json={"name": "Nobody", "other": "Harold Vane"}).status_code == 404
    assert api.post("/api/entities/split", json={"name": "Clara Oster", "other": "Ministry"}).status_code == 200


def test_witness_grade_override(api):
    w = api.get("/api/witnesses").json()[0]
    r = api.put(f"/api/witnesses/{w['witness']}/judgment", json={"value": "A", "note": "checked"})
    assert r.status_code == 200, r.text
    again = next(x for x in api.get("/api/witnesses").json() if x["witness"] == w["witness"])
    assert again["grade"] == "A" and again["grade_by"] != "machine"
    assert api.put(f"/api/witnesses/{w['witness']}/judgment", json={"value": "Z"}).status_code == 400
    assert api.put("/api/witnesses/Nobody/judgment", json={"value": "A"}).status_code == 404


def test_rating_changes_the_matrix(api):
    m = api.get("/api/hypotheses").json()[0]
    ev = m["evidence"][0]["id"]
    r = api.put("/api/hypotheses/rating", json={"hypothesis": "H2", "evidence": ev, "rating": "CC"})
    assert r.status_code == 200, r.text
    cell = next(c for c in api.get("/api/hypotheses").json()[0]["cells"]
                if c["hypothesis"] == "H2" and c["evidence"] == ev)
    assert cell["rating"] == "CC" and cell["proposed_by"] == "analyst", cell
    assert api.put("/api/hypotheses/rating", json={"hypothesis": "H9", "evidence": ev,
                                                   "rating": "C"}).status_code == 404


def test_reads_chronology_graph_questions_profile(api):
    events = api.get("/api/chronology").json()
    assert events and all("versions" in e for e in events)
    assert api.get("/api/chronology", params={"actor": "Harold Vane"}).json()
    assert api.get("/api/chronology", params={"track": "nonsense"}).status_code == 400
    assert api.get("/api/chronology", params={"from": "the day after never"}).status_code == 400
    g = api.get("/api/graph").json()
    assert g["nodes"] and g["edges"] and g["years"] == [1936, 1941]
    assert all(len(e["sources"]) == len(e["source_titles"]) for e in g["edges"])
    assert isinstance(api.get("/api/graph", params={"at": "1936"}).json()["edges"], list)
    assert isinstance(api.get("/api/questions").json(), list)
    p = api.get("/api/entities/Harold Vane/profile").json()
    assert p["name"] == "Harold Vane" and p["claims_about"]
    assert api.get("/api/entities/Nobody/profile").status_code == 404


def test_undo_restores_the_before(api):
    claim = next(c for c in api.get("/api/claims").json() if c["predicate"] == "met")
    api.patch(f"/api/claims/{claim['id']}", json={"version": 1, "place": "Prague"})
    fid = api.get("/api/findings").json()[0]["id"]
    api.put(f"/api/findings/{fid}/verdict", json={"verdict": "dismissed"})
    api.post("/api/entities/merge", json={"name": "Peter Lund", "other": "Harold Vane"})
    log = [e for e in api.get("/api/audit").json() if e["action"] != "analysis_run"]
    merge, verdict, edit = log[0], log[1], log[2]
    assert (merge["action"], verdict["action"], edit["action"]) == ("merge", "set_verdict", "edit_claim")
    for change in (merge, verdict, edit):
        r = api.post(f"/api/audit/{change['id']}/undo")
        assert r.status_code == 200, r.text
    assert {"Peter Lund", "Harold Vane"} <= {e["name"] for e in api.get("/api/entities").json()}
    assert next(f for f in api.get("/api/findings").json() if f["id"] == fid)["verdict"] == "open"
    now = api.get(f"/api/claims/{claim['id']}").json()
    assert now["place"] == claim["place"]
    again = api.post(f"/api/audit/{edit['id']}/undo")
    assert again.status_code == 409 and again.json()["code"] == "undo-refused"
    undone = {r["id"]: r for r in api.get("/api/audit").json()}
    assert undone[edit["id"]]["undone"] and not undone[edit["id"]]["undoable"]
    assert api.post("/api/audit/999999/undo").status_code == 404


def test_openapi_lists_the_contract(api):
    spec = api.get("/openapi.json").json()
    paths = spec["paths"]
    for path, method in (("/api/claims", "get"), ("/api/claims/{claim_id}", "get"),
                         ("/api/claims/{claim_id}", "patch"), ("/api/findings", "get"),
                         ("/api/findings/{finding_id}/verdict", "put"), ("/api/audit", "get")):
        assert method in paths[path], (path, method)


def test_pages_render(browser):
    for url in ("/", "/sources", "/claims", "/chronology", "/entities", "/graph", "/findings", "/witnesses",
                "/questions", "/hypotheses", "/audit", "/entities/Harold Vane"):
        r = browser.get(url)
        assert r.status_code == 200, url
        assert "text/html" in r.headers["content-type"]
        assert "<script>" not in r.text and "onload=" not in r.text
    sid = browser.get("/api/sources").json()[0]["id"]
    assert browser.get(f"/sources/{sid}").status_code == 200
    missing = browser.get("/sources/s-none")
    assert missing.status_code == 404 and "E404" in missing.text
