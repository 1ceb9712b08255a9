"""Findings: each kind fires when it should and stays silent when it should."""

import json

from collingwood.analyse.findings import finding_record, findings
from collingwood.resolve import resolve


def _kinds(data, kind):
    return [f for f in findings(data, resolve(data)) if f.type == kind]


def test_findings_date_conflict_fires_and_names_both_sides(build):
    build.source("markson", "Markson's note", authors=["Markson"], written="2025",
                 reports_on={"witness": "Cairncross", "date": "1964"})
    build.source("am", "Andrew & Mitrokhin's note", authors=["Andrew", "Mitrokhin"], written="1999")
    data = build.case([
        build.claim("Klugmann", "recruited", "Cairncross", "1936", "markson", asserted_by="Cairncross"),
        build.claim("Klugmann", "recruited", "Cairncross", "1937", "am")])
    (f,) = _kinds(data, "date_conflict")
    assert "Markson's note (Cairncross, 1964) dates the recruitment of Cairncross by Klugmann to 1936" \
        in f.explanation
    assert "Andrew & Mitrokhin's note (1999) dates it to 1937" in f.explanation
    assert f.severity == "high"


def test_findings_date_conflict_silent_on_compatible_dates(build):
    data = build.case([build.claim("Cairncross", "defected_to", "USA", "1943 or 1944", "a"),
                       build.claim("Cairncross", "defected_to", "USA", "1944", "b")])
    assert _kinds(data, "date_conflict") == []


def test_findings_two_values_different_places(build):
    data = build.case([build.claim("Cairncross", "born", "Glasgow", "1913", "a"),
                       build.claim("Cairncross", "born", "Lesmahagow", "1913", "b")])
    (f,) = _kinds(data, "two_values")
    assert "Glasgow" in f.explanation and "Lesmahagow" in f.explanation
    assert "only one can hold" in f.explanation


def test_findings_two_destinations_are_a_question(build):
    data = build.case([build.claim("Cairncross", "defected_to", "France", "1937", "a"),
                       build.claim("Cairncross", "defected_to", "the USA", "1937", "b")])
    assert _kinds(data, "two_values") == []
    (f,) = _kinds(data, "two_accounts")
    assert "first stop" in f.explanation and "only one can hold" not in f.explanation


def test_findings_two_values_silent_on_nested_places(build):
    data = build.case([build.claim("Cairncross", "born", "Glasgow", "1913", "a"),
                       build.claim("Cairncross", "born", "Glasgow, Scotland", "1913", "b")])
    assert _kinds(data, "two_values") == []


def test_findings_two_recruiters(build):
    data = build.case([build.claim("James Klugmann", "recruited", "John Cairncross", "1936", "a"),
                       build.claim("Arnold Deutsch", "recruited", "John Cairncross", "1936", "b")])
    assert _kinds(data, "two_values") == []
    (f,) = _kinds(data, "two_accounts")       # a question, worded as such
    assert "an intermediary and a recruiter" in f.explanation and f.severity == "medium"


def test_findings_affirmed_vs_denied(build):
    data = build.case([
        build.claim("Cairncross", "knew", "Burgess", "1935", "a"),
        build.claim("Cairncross", "knew", "Burgess", "1934 to 1936", "b", polarity="denied",
                    asserted_by="Cairncross")])
    (f,) = _kinds(data, "affirmed_vs_denied")
    assert "denies it" in f.explanation and f.severity == "high"   # the denier is a participant


def test_findings_affirmed_vs_denied_silent_at_other_times(build):
    data = build.case([build.claim("Cairncross", "knew", "Burgess", "1950", "a"),
                       build.claim("Cairncross", "knew", "Burgess", "1935", "b", polarity="denied")])
    assert _kinds(data, "affirmed_vs_denied") == []


def test_findings_anachronism_act_after_death(build):
    data = build.case([build.claim("Guy Burgess", "died", "Moscow", "30 August 1963", "a"),
                       build.claim("Guy Burgess", "met", "Kim Philby", "1965", "b"),
                       build.claim("Guy Burgess", "met", "Kim Philby", "1963", "c")])
    (f,) = _kinds(data, "anachronism")
    assert data.claims[1].id in f.claim_ids and "after the death of Guy Burgess" in f.explanation


def test_findings_anachronism_name_before_it_existed(build):
    archer = build.entity("Jane Archer", aliases=[("Jane Archer", "married_name", "1939", None),
                                                  ("Jane Sissmore", "maiden_name", None, "1939")])
    build.source("memo", "MI5 memo", written="1935", kind="memorandum")
    build.source("book", "History", written="1990")
    data = build.case([build.claim("Jane Archer", "worked_at", "MI5", "1935", "memo"),
                       build.claim("Jane Sissmore", "worked_at", "MI5", "1935", "memo"),
                       build.claim("Jane Archer", "worked_at", "MI5", "1936", "book")],
                      entities=[archer])
    found = {f.claim_ids[0]: f.severity for f in _kinds(data, "anachronism")}
    assert found == {data.claims[0].id: "high", data.claims[2].id: "low"}


def test_findings_anachronism_post_before_appointment(build):
    data = build.case([build.claim("Roger Hollis", "appointed", "MI5", "1938", "a"),
                       build.claim("Roger Hollis", "worked_at", "MI5", "1936", "b")])
    assert len(_kinds(data, "anachronism")) == 1


def test_findings_impossible_presence(build):
    data = build.case([
        build.claim("Kim Philby", "visited", "Beirut", "23 January 1963", "a"),
        build.claim("Kim Philby", "arrived_in", "Moscow", "23 January 1963", "b"),
        build.claim("Kim Philby", "visited", "Beirut, Lebanon", "23 January 1963", "c"),
        build.claim("Kim Philby", "visited", "Paris", "1963", "d")])
    found = _kinds(data, "impossible_presence")
    assert len(found) == 2                        # Moscow against each Beirut; Beirut is in "Beirut, Lebanon"
    for f in found:
        assert data.claims[1].id in f.claim_ids and f.severity == "high"
        assert data.claims[3].id not in f.claim_ids   # a year is too wide to place anyone


def test_findings_impossible_presence_silent_days_apart(build):
    data = build.case([build.claim("Kim Philby", "visited", "Beirut", "20 January 1963", "a"),
                       build.claim("Kim Philby", "arrived_in", "Moscow", "27 January 1963", "b")])
    assert _kinds(data, "impossible_presence") == []


def test_findings_narrates_after_written_uses_testimony_date(build):
    build.source("note", "Note", authors=["Markson"], written="2025",
                 reports_on={"witness": "John Cairncross", "date": "1964"})
    data = build.case([
        build.claim("John Cairncross", "lived_in", "Rome", "1970", "note", asserted_by="John Cairncross"),
        build.claim("John Cairncross", "lived_in", "Rome", "1970", "note", asserted_by="Markson")])
    # The note's own narration is Cairncross's 1964 account; only Markson's own words date from 2025.
    (f,) = _kinds(data, "narrates_after_written")
    assert f.claim_ids == [data.claims[0].id]


def test_findings_omission_names_missing_event(build):
    build.source("conf", "Cairncross's confession", kind="confession", written="1964",
                 authors=["John Cairncross"])
    build.source("book", "Andrew", written="1990")
    data = build.case([
        build.claim("John Cairncross", "passed_information_to", "Otto", "1937", "conf"),
        build.claim("John Cairncross", "passed_information_to", "Otto", "1951", "conf"),
        build.claim("John Cairncross", "passed_information_to", "Yuri Modin", "1944", "book"),
        build.claim("John Cairncross", "born", "Glasgow", "1940", "book")])
    (f,) = _kinds(data, "omission")
    assert "Yuri Modin" in f.explanation and f.claim_ids == [data.claims[2].id]


def test_findings_interested_witness(build):
    build.source("memoir", "Memoir", authors=["John Cairncross"], kind="memoir", written="1995")
    data = build.case([build.claim("John Cairncross", "warned", "Kim Philby", "1951", "memoir"),
                       build.claim("John Cairncross", "met", "Kim Philby", "1940", "memoir"),
                       build.claim("John Cairncross", "met", "Kim Philby", "1940", "other")])
    (f,) = _kinds(data, "interested_witness")
    assert f.claim_ids == [data.claims[0].id]


def test_findings_verdicts_survive_rerun(build):
    claims = [build.claim("Cairncross", "born", "Glasgow", "1913", "a"),
              build.claim("Cairncross", "born", "Lesmahagow", "1913", "b")]
    (f,) = _kinds(build.case(claims), "two_values")
    again = build.case(claims[::-1], verdicts={f.id: ("explained", "a misprint")})
    (g,) = _kinds(again, "two_values")
    assert (g.id, g.verdict, g.note) == (f.id, "explained", "a misprint")


def test_findings_record_json_shape(build):
    data = build.case([build.claim("Cairncross", "defected_to", "France", "1937", "a"),
                       build.claim("Cairncross", "defected_to", "the USA", "1937", "b")])
    res = resolve(data)
    record = finding_record(findings(data, res)[0], data)
    json.dumps(record)
    assert set(record) >= {"id", "type", "severity", "explanation", "verdict", "claims"}
    assert set(record["claims"][0]) == {"claim_id", "source_id", "source_title", "quote", "span"}


# ---- posts with one holder at a time (analyse/tenures.py)

def test_findings_overlapping_tenures_of_one_head(build):
    data = build.case([build.claim("Pavel Orlin", "headed", "Northern Bureau", "June 1931 to November 1933", "a"),
                       build.claim("Ivo Marek", "headed", "Northern Bureau", "September 1933 to January 1935", "a")])
    (f,) = _kinds(data, "two_values")
    assert "Pavel Orlin" in f.explanation and "Ivo Marek" in f.explanation
    assert "1933-09-30" in f.explanation and "1933-11-01" in f.explanation   # surely both, those weeks
    assert f.severity == "medium"


def test_findings_tenures_meeting_in_one_month_or_year_are_successive(build):
    data = build.case([
        build.claim("Pavel Orlin", "headed", "Northern Bureau", "June 1931 to November 1933", "a"),
        build.claim("Ivo Marek", "headed", "Northern Bureau", "November 1933 to January 1935", "a"),
        build.claim("Lena Voss", "headed", "Northern Bureau", "1935 to 1937", "a"),
        build.claim("Artur Kell", "headed", "Northern Bureau", "1937 to 1940", "a"),
        build.claim("Nils Brand", "headed", "Northern Bureau", "1940 to June 1941", "a"),   # from some month of 1940
        build.claim("Otto Rask", "headed", "Northern Bureau", "1941 to 1944", "a")])        # from some month of 1941
    assert _kinds(data, "two_values") == []


def test_findings_tenure_checks_only_spans_of_one_post_and_two_people(build):
    data = build.case([
        build.claim("Pavel Orlin", "headed", "Northern Bureau", "1931 to 1935", "a"),
        build.claim("Ivo Marek", "headed", "Northern Bureau", "1933", "a"),            # a moment, not the tenure
        build.claim("Ivo Marek", "headed", "Southern Bureau", "1932 to 1936", "a"),    # another body
        build.claim("Pavel Orlin", "headed", "Northern Bureau", "1932 to 1934", "b"),  # the same man again
        build.claim("Lena Voss", "worked_at", "Northern Bureau", "1932 to 1934", "a")])  # many may work there
    assert _kinds(data, "two_values") == []


def test_findings_overlapping_tenures_found_in_a_long_list(build):
    """Each tenure is compared with the longest before it: an overlap behind a short tenure
    is still found, and a list of successive heads gives no finding."""
    rows = [(f"Head{i:02d} Person", f"{1900 + 2 * i} to {1901 + 2 * i}") for i in range(30)]
    rows.append(("Long Holder", "1904 to 1930"))
    claims = [build.claim(who, "headed", "Central Office", when, "a") for who, when in rows]
    found = _kinds(build.case(claims), "two_values")
    assert found and all("Long Holder" in f.explanation for f in found)
