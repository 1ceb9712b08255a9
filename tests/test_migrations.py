"""Migrations under Alembic, on SQLite and on a real PostgreSQL: from an empty case, and from
a case left by every earlier schema (the bookkeeping before Alembic), to one same schema."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text

from collingwood import migrations
from collingwood.case import Case
from collingwood.errors import CaseError
from collingwood.store import SCHEMA_VERSION, Store, case_url
from collingwood.tables import MIGRATIONS, aliases, entities, extraction_runs, source_names, sources
from legacy_schema import build_legacy_case, schema_of


def test_every_migration_is_one_alembic_revision_in_order():
    assert migrations.revisions() == [migrations.revision_id(v) for v, _, _ in MIGRATIONS], (
        "each tables.MIGRATIONS entry needs its revision file in src/collingwood/migrations/versions/ "
        "(docs/store.md: adding a migration)")
    assert [v for v, _, _ in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


def test_an_empty_case_migrates_to_the_newest_revision(case_url):
    store = Store(_url(case_url))
    assert store.version() == 0
    assert store.migrate() == list(range(1, SCHEMA_VERSION + 1))
    assert store.version() == SCHEMA_VERSION
    assert store.migrate() == []
    with store.engine.connect() as conn:
        assert migrations.alembic_revision(conn) == migrations.revision_id(SCHEMA_VERSION)
    store.dispose()


def _url(case: str) -> str:
    return case_url(case)


def _with_data(store: Store, version: int) -> None:
    """A source, an entity with an analyst's alias and an extractor's, an extraction run."""
    with store.write() as conn:
        conn.execute(insert(sources).values(
            id="s-1", title="Notes", kind="note", authors=[], format="txt", content_hash="h1",
            text="Klugmann recruited Cairncross.", pages=[], extra={}, path="/in/notes.txt",
            ingested_at="2026-01-01T00:00:00+00:00"))
        if version >= 4:
            conn.execute(insert(source_names).values(source_id="s-1", path="/in/notes.txt", seen_at="2026"))
        if version >= 2 and conn.dialect.name == "sqlite":      # as add_source wrote it then
            conn.execute(text("INSERT INTO source_fts (source_id, title, body) "
                              "SELECT id, title, text FROM sources"))
        conn.execute(insert(entities).values(id="e-1", name="James Klugmann", kind="person", notes="",
                                             origin="analyst"))
        cols = {"entity_id": "e-1", "kind": "surname"}
        conn.execute(insert(aliases.c.entity_id.table).values(name="Klugmann", **cols)
                     if version >= 4 else text("INSERT INTO aliases (entity_id, name, kind) "
                                               "VALUES ('e-1', 'Klugmann', 'surname')"))
        conn.execute(text("INSERT INTO aliases (entity_id, name, kind, source_id) "
                          "VALUES ('e-1', 'K.', 'initial', 's-1')"))
        row = {"source_id": "s-1", "extractor": "x@1", "at": "2026-01-01", "claims": 0}
        if version >= 3:
            row["rules"] = "r1"
        conn.execute(insert(extraction_runs).values(**row) if version >= 3 else text(
            "INSERT INTO extraction_runs (source_id, extractor, at, claims) VALUES ('s-1', 'x@1', '2026-01-01', 0)"))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_a_case_from_every_earlier_schema_is_upgraded_to_the_new_one(make_case_url, version):
    fresh = Store(_url(make_case_url("fresh")))
    fresh.migrate()
    old = build_legacy_case(_url(make_case_url(f"v{version}")), version)
    _with_data(old, version)
    assert old.version() == version
    with old.engine.connect() as conn:
        assert migrations.alembic_revision(conn) is None       # the bookkeeping before Alembic
    assert old.migrate() == list(range(version + 1, SCHEMA_VERSION + 1))
    assert old.version() == SCHEMA_VERSION
    assert schema_of(old) == schema_of(fresh)
    with old.engine.connect() as conn:
        assert migrations.alembic_revision(conn) == migrations.revision_id(SCHEMA_VERSION)
        assert conn.execute(select(source_names.c.path)).scalars().all() == ["/in/notes.txt"]
        assert conn.execute(select(extraction_runs.c.rules)).scalars().all() == (["r1"] if version >= 3 else [None])
    assert {e.name for e in old.entities(origin="analyst")} == {"James Klugmann"}
    assert [a.name for a in old.entities(origin="analyst")[0].aliases] == ["Klugmann"]
    assert old.search("recruited")[0]["source_id"] == "s-1"
    assert old.migrate() == []
    old.dispose()
    fresh.dispose()


def test_an_older_case_opened_through_the_case_api_is_upgraded(make_case_url):
    location = make_case_url("old")
    build_legacy_case(_url(location), 2).dispose()
    case = Case.open(location)
    assert case.store.version() == SCHEMA_VERSION
    case.store.dispose()


def test_a_case_with_an_unknown_revision_is_refused_as_newer(case_url):
    store = Store(_url(case_url))
    store.migrate()
    with store.write() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    with pytest.raises(CaseError, match="newer Collingwood"):
        store.check_version()
    store.dispose()


def test_migrations_run_in_one_transaction_with_the_write(case_url):
    """A failure inside the write that migrates leaves no revision behind."""
    store = Store(_url(case_url))
    with pytest.raises(RuntimeError):
        with store.write() as conn:
            migrations.upgrade(conn)
            raise RuntimeError("killed half-way")
    assert store.version() == 0
    assert store.is_empty() or store.version() == 0
    store.dispose()
