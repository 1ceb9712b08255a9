import pytest

from collingwood.errors import CaseError, SpanError
from collingwood.model import Claim, Source
from collingwood.store import SCHEMA_VERSION, Store, case_url


@pytest.fixture
def case_url_(case_url):
    """This test's case location (SQLite file or PostgreSQL URL): case_url is the store's function."""
    return case_url

TEXT = "Cairncross tells Martin that he was recruited by Klugmann in 1936."


def _source(text=TEXT, sid="s-1"):
    return Source(id=sid, title="Notes", kind="note", text=text, content_hash="h" + sid)


def _store(location):
    store = Store(case_url(location))
    store.migrate()
    with store.transaction() as conn:
        store.add_source(_source(), conn)
    return store


def test_store_migrates_an_empty_file_to_the_current_schema(case_url_):
    store = Store(case_url(case_url_))
    assert store.version() == 0
    assert store.migrate() == [v for v in range(1, SCHEMA_VERSION + 1)]
    assert store.version() == SCHEMA_VERSION
    assert store.migrate() == []
    assert store.counts()["claims"] == 0


def test_store_refuses_a_file_that_is_not_a_case(tmp_path):
    with pytest.raises(CaseError, match="not a Collingwood case"):
        Store(case_url(tmp_path / "empty.case")).check_version()


def test_store_refuses_a_case_from_a_newer_version(case_url_):
    store = _store(case_url_)
    from sqlalchemy import insert
    from collingwood.tables import migrations_table
    with store.transaction() as conn:
        conn.execute(insert(migrations_table).values(version=SCHEMA_VERSION + 1, description="x", applied_at="now"))
    with pytest.raises(CaseError, match="newer Collingwood"):
        store.check_version()


def test_store_uses_wal_and_foreign_keys(tmp_path):
    store = _store(tmp_path / "t.case")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -64 * 1024    # 64 MiB, not 2 MB


def _claim(**kw):
    base = dict(source_id="s-1", start=29, end=65, quote="he was recruited by Klugmann in 1936",
                subject="Klugmann", predicate="recruited", object="Cairncross")
    base.update(kw)
    return Claim(**base)


def test_store_accepts_a_claim_whose_quote_matches_its_span(case_url_):
    store = _store(case_url_)
    assert store.add_claim(_claim())
    assert [c.quote for c in store.claims()] == ["he was recruited by Klugmann in 1936"]
    assert not store.add_claim(_claim()), "the same claim twice is stored once"


@pytest.mark.parametrize("bad, reason", [
    (dict(quote=""), "needs a source span"),
    (dict(start=60, end=200), "outside source"),
    (dict(quote="he was recruited by Deutsch in 1937"), "does not match"),
    (dict(source_id="s-missing"), "not in this case"),
])
def test_store_refuses_a_claim_without_a_true_span(case_url_, bad, reason):
    store = _store(case_url_)
    with pytest.raises(SpanError, match=reason):
        store.add_claim(_claim(**bad))
    assert store.claims() == []


def test_store_refuses_an_unknown_predicate(case_url_):
    from collingwood.errors import SchemaError
    store = _store(case_url_)
    with pytest.raises(SchemaError, match="Unknown predicate"):
        store.add_claim(_claim(predicate="bamboozled"))


def test_store_full_text_search_finds_words_in_sources(case_url_):
    store = _store(case_url_)
    hits = store.search("recruited")
    assert [h["source_id"] for h in hits] == ["s-1"]
    assert "[recruited]" in hits[0]["snippet"]
    assert store.search("Deutsch") == []


def test_store_audits_every_write(case_url_):
    store = _store(case_url_)
    store.add_claim(_claim())
    store.set_verdict("f-1", "explained", "a typo in the note")
    actions = [a["action"] for a in store.audit_log()]
    assert actions == ["add_source", "add_claims", "set_verdict"]



def test_store_extraction_runs_remember_the_rules(case_url_):
    store = _store(case_url_)
    store.replace_extracted("s-1", "x@1", [], [], [], rules="old")
    assert store.extracted_sources("x@1") == {"s-1"}
    assert store.extracted_sources("x@1", "old") == {"s-1"}
    assert store.extracted_sources("x@1", "new") == set()


def test_store_migration_3_adds_the_rules_column_to_an_older_case(case_url_):
    from legacy_schema import build_legacy_case

    store = build_legacy_case(case_url(case_url_), 2)     # a case written before migration 3
    assert store.migrate() == list(range(3, SCHEMA_VERSION + 1))
    with store.transaction() as conn:
        store.add_source(_source(), conn)
    store.replace_extracted("s-1", "x@1", [], [], [], rules="r")
    assert store.extracted_sources("x@1", "r") == {"s-1"}


def test_store_reads_a_claim_back_whole_from_every_read(case_url_):
    """Every field a claim was stored with comes back the same from claims(), claims_of() and
    claim(): the reads build claims from a chosen list of columns, by position."""
    from collingwood.timespan import TimeSpan
    store = _store(case_url_)
    stored = _claim(time=TimeSpan.year(1936, "in 1936"), place="Cambridge", modality="hedged",
                    asserted_by="Cairncross", reported_by="Martin", extracted_by="rules-spacy@1",
                    status="accepted", confidence=0.75, page=2, note="as told",
                    subject_id="e-klugmann", object_id="e-cairncross")
    store.add_claim(stored)
    for got in (store.claims(), store.claims_of("s-1"), [store.claim(stored.id)]):
        assert got == [stored]
