"""Cases as Collingwood wrote them before its migrations moved to Alembic, at each schema
version 1..4: the old code path (each `tables.MIGRATIONS` function, then a `schema_migrations`
row), with what later versions added taken away again, since version 1 creates today's
tables. Upgrading one of these must end in exactly the schema of a new case."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import insert, inspect, text

from collingwood.store import Store
from collingwood.tables import MIGRATIONS, migrations_table


def build_legacy_case(url: str, version: int) -> Store:
    """A case at schema `version` as the pre-Alembic code left it (no alembic_version)."""
    store = Store(url)
    with store.write() as conn:
        migrations_table.create(conn)
        for v, description, apply in MIGRATIONS[:version]:
            apply(conn)
            conn.execute(insert(migrations_table).values(
                version=v, description=description,
                applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))
        _take_away(conn, version)
    return store


def _take_away(conn, version: int) -> None:
    """Drop what the versions after `version` added to the tables version 1 creates today."""
    if version < 6:                  # stored analysis came with 6
        for table in ("open_questions", "gradings", "name_keys", "claim_links", "resolved_entities",
                      "analysis_runs"):
            conn.execute(text(f"DROP TABLE {table}"))
        for table, columns in (("events", ("run_id", "ord", "disputed")), ("findings", ("run_id", "ord"))):
            for column in columns:
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
    if version < 5:                  # claim versions, entity links and curation ids came with version 5
        conn.execute(text("DROP TABLE claim_versions"))
        for col in ("version", "subject_id", "object_id", "edited_by", "changed_at", "changed_by", "change"):
            conn.execute(text(f'ALTER TABLE claims DROP COLUMN "{col}"'))
        for col in ("a_id", "b_id"):
            conn.execute(text(f"ALTER TABLE curation DROP COLUMN {col}"))
    if version < 4:                  # source_names and aliases.origin came with version 4
        conn.execute(text("DROP TABLE source_names"))
        conn.execute(text("ALTER TABLE aliases DROP COLUMN origin"))
    if version < 3:                  # extraction_runs.rules came with version 3
        conn.execute(text("ALTER TABLE extraction_runs DROP COLUMN rules"))


def strip_to(store: Store, version: int) -> None:
    """Make a current case with data into one the pre-Alembic code left at `version`."""
    with store.write() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(text(f"DELETE FROM schema_migrations WHERE version > {int(version)}"))
        _take_away(conn, version)


def schema_of(store: Store) -> dict:
    """Tables -> (columns, indexes), as the database reports them (for comparing two cases)."""
    with store.engine.connect() as conn:
        insp = inspect(conn)
        out = {}
        for t in sorted(insp.get_table_names()):
            if t.startswith("source_fts_"):           # FTS5's own shadow tables
                continue
            cols = sorted((c["name"], str(c["type"]).split("(")[0], bool(c["nullable"]))
                          for c in insp.get_columns(t))
            idx = sorted(i["name"] for i in insp.get_indexes(t))
            out[t] = (cols, idx)
        return out
