"""`collingwood search`: every query either finds sources or gets a coded message with an
example of the syntax; none ends in a traceback."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from collingwood.cli import app
from collingwood.store import fts_problem

runner = CliRunner()

GOOD = {                                   # query -> the titles it must find
    "Klugmann": {"Recruitment"},
    "recruit*": {"Recruitment"},
    '"Cambridge spy ring"': {"Ring"},
    "Klugmann OR Philby": {"Recruitment", "Ring"},
    "Philby NOT Klugmann": {"Ring"},
    "NEAR(Klugmann Cairncross, 5)": {"Recruitment"},
    "title:Ring": {"Ring"},
    "body:Philby": {"Ring"},
    "{title body}:Recruitment": {"Recruitment"},
    "Ümlaut": {"Ring"},
    "Блант": {"Ring"},
    "a" * 1500: set(),
    "MATCH": set(),
    "^Klugmann": {"Recruitment"},
}
BAD = ['"unterminated', "*", "nosuchcol:x", "rank:1", "AND", "NEAR(", '"', "-x", "", "   ",
       "a" * 3000, "(", ")", "a AND", "OR OR", "Klugmann:", "x\"y", "NEAR(a b, x)", "\x00", "%",
       "-", "a NOT", '"""', "(" * 30 + "a" + ")" * 31, "'", "\\", ".", "@#$", "[/bold]\"", "\x1b[31m\""]


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search")
    src = tmp / "src"
    src.mkdir()
    (src / "recruitment.md").write_text("Klugmann recruited Cairncross in 1936.\n", encoding="utf-8")
    (src / "ring.md").write_text("Blunt was part of the Cambridge spy ring, with Kim Philby. "
                                 "Блант. Ümlaut.\n", encoding="utf-8")
    case = tmp / "x.case"
    result = runner.invoke(app, ["ingest", str(case), str(src)])
    assert result.exit_code == 0, result.output
    return case


@pytest.mark.parametrize("query", sorted(GOOD))
def test_good_queries_find_their_sources(case, query):
    result = runner.invoke(app, ["search", str(case), query, "--json"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["title"] for line in result.output.splitlines()} == GOOD[query]


@pytest.mark.parametrize("query", BAD)
def test_a_bad_query_gets_a_coded_message_with_an_example(case, query):
    result = runner.invoke(app, ["search", str(case), "--", query])     # "--": "-x" is a query, not an option
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)          # no traceback: a clean exit
    text = " ".join(result.output.split())
    assert "Error search-syntax:" in text
    assert 'Try: "exact phrase", word*, a OR b' in text
    assert "\x1b[31m" not in result.output                   # the query is shown escaped


def test_a_bad_query_as_json_is_one_object(case):
    result = runner.invoke(app, ["search", str(case), "nosuchcol:x", "--json"])
    assert result.exit_code == 2
    err = json.loads(result.output.strip().splitlines()[-1])
    assert err["code"] == "search-syntax" and "title and body" in err["error"]


def test_each_fts5_message_is_explained_in_the_searchers_words():
    assert "double quote" in fts_problem("unterminated string")
    assert "'nosuchcol'" in fts_problem("no such column: nosuchcol")
    assert "word*" in fts_problem("unknown special query: ")
    assert "whole number" in fts_problem('expected integer, got "x"')
    assert "ends too soon" in fts_problem('fts5: syntax error near ""')
    assert 'near "AND"' in fts_problem('fts5: syntax error near "AND"')


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.sampled_from(list('ab "*:()-^{}+.,\'\\') + ["OR", "AND", "NOT", "NEAR", "title",
                                                                     "rank", "é", "Ж", " "]),
                     max_size=20).map("".join))
def test_any_query_finds_sources_or_gets_a_search_syntax_error(case, query):
    from collingwood.errors import SearchSyntaxError
    from collingwood.store import Store, case_url
    store = _STORES.setdefault(case, Store(case_url(case)))
    try:
        hits = store.search(query)
    except SearchSyntaxError as e:
        assert e.code == "search-syntax" and "Try:" in e.message
    else:
        assert all(h["source_id"].startswith("s-") for h in hits)


_STORES: dict = {}


# --- on PostgreSQL: web-search syntax over a GIN index ---
PG_GOOD = {
    "Klugmann": {"Recruitment"},
    "recruit": {"Recruitment"},                  # English stemming: recruited
    '"Cambridge spy ring"': {"Ring"},
    "Klugmann or Philby": {"Recruitment", "Ring"},
    "Philby -Klugmann": {"Ring"},
    "Блант": {"Ring"},
    "Deutsch": set(),
}


@pytest.fixture(scope="module")
def pg_case(pg_server, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pgsearch")
    src = tmp / "src"
    src.mkdir()
    (src / "recruitment.md").write_text("Klugmann recruited Cairncross in 1936.\n", encoding="utf-8")
    (src / "ring.md").write_text("Blunt was part of the Cambridge spy ring, with Kim Philby. "
                                 "Блант. Ümlaut.\n", encoding="utf-8")
    url = pg_server.create_database("search")
    result = runner.invoke(app, ["ingest", url, str(src)])
    assert result.exit_code == 0, result.output
    return url


@pytest.mark.parametrize("query", sorted(PG_GOOD))
def test_postgresql_queries_find_their_sources(pg_case, query):
    result = runner.invoke(app, ["search", pg_case, query, "--json"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["title"] for line in result.output.splitlines()} == PG_GOOD[query]


def test_postgresql_marks_the_words_found(pg_case):
    result = runner.invoke(app, ["search", pg_case, "recruited", "--json"])
    assert "[recruited]" in json.loads(result.output.splitlines()[0])["snippet"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.sampled_from(list('ab "*:()-^{}+.,\'\\&|!<>') + ["OR", "or", "AND", "NOT", "\x00",
                                                                          "é", "Ж", " "]),
                     max_size=20).map("".join))
def test_any_query_on_postgresql_finds_sources_or_gets_a_search_syntax_error(pg_case, query):
    from collingwood.errors import SearchSyntaxError
    from collingwood.store import Store, case_url
    store = _STORES.setdefault(pg_case, Store(case_url(pg_case)))
    try:
        hits = store.search(query)
    except SearchSyntaxError as e:
        assert e.code == "search-syntax" and "Try:" in e.message
    else:
        assert all(h["source_id"].startswith("s-") for h in hits)
