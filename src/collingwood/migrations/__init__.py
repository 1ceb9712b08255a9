"""The case's migrations under Alembic, run from code (no alembic.ini on the user's side).

Each entry of ``tables.MIGRATIONS`` is one Alembic revision in ``versions/`` (revision id
``0003`` for version 3), a small file whose ``upgrade()`` calls :func:`run_migration`.
Alembic's own table ``alembic_version`` says where a case stands; ``schema_migrations`` (the
bookkeeping before Alembic) keeps a row per applied version as well, so an older Collingwood
opening a newer case still sees that it is newer and refuses it.

A case written before Alembic has ``schema_migrations`` rows and no ``alembic_version``:
:func:`upgrade` stamps the revision of the longest run of versions 1..k it has, then upgrades
from there. Everything runs on the caller's connection, inside its transaction (the case's
write lock held), on SQLite and on PostgreSQL alike. docs/store.md says how to add one.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, inspect, select, text

from ..tables import MIGRATIONS, migrations_table

if TYPE_CHECKING:      # Alembic itself is imported only to migrate: a command on a current case
    from alembic.config import Config       # never needs it, and it costs a process 0.1 s
    from alembic.script import ScriptDirectory

HERE = Path(__file__).resolve().parent


def revision_id(version: int) -> str:
    return f"{version:04d}"


def version_of(revision: str | None) -> int | None:
    """The schema version of an Alembic revision id; None for an unknown one (a newer case)."""
    if revision is None:
        return 0
    return int(revision) if revision.isdigit() and int(revision) in _known() else None


def _known() -> set[int]:
    return {v for v, _, _ in MIGRATIONS}


def _config(conn: Connection | None = None) -> Config:
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = conn
    return cfg


def script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(_config())


def revisions() -> list[str]:
    """The revision ids, oldest first."""
    return [r.revision for r in reversed(list(script().walk_revisions()))]


def alembic_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def legacy_versions(conn: Connection) -> set[int]:
    if not inspect(conn).has_table(migrations_table.name):
        return set()
    return set(conn.execute(select(migrations_table.c.version)).scalars())


def current_version(conn: Connection) -> int | None:
    """Where the case stands: its Alembic revision's version, or (a case from before Alembic)
    the highest version in schema_migrations; the larger of both; None: a revision this
    Collingwood does not know (a newer case)."""
    rev = alembic_revision(conn)
    v = version_of(rev)
    if v is None:
        return None
    return max([v, *legacy_versions(conn)])


def upgrade(conn: Connection) -> list[int]:
    """Bring the case on ``conn`` to the newest schema; the versions newly applied."""
    from alembic import command
    before = legacy_versions(conn)
    cfg = _config(conn)
    if alembic_revision(conn) is None and before:
        k = 0
        while k + 1 in before:                      # the longest run 1..k the old code applied
            k += 1
        if k:
            command.stamp(cfg, revision_id(k))
    command.upgrade(cfg, "head")
    return sorted(legacy_versions(conn) - before)


def run_migration(version: int) -> None:
    """The body of a revision: apply ``tables.MIGRATIONS`` entry ``version`` on Alembic's
    connection, and record it in schema_migrations (once)."""
    from alembic import op

    conn = op.get_bind()
    description, apply = next((d, f) for v, d, f in MIGRATIONS if v == version)
    migrations_table.create(conn, checkfirst=True)
    apply(conn)
    if version not in legacy_versions(conn):
        conn.execute(insert(migrations_table).values(
            version=version, description=description,
            applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))


def refuse_downgrade() -> None:
    from ..errors import CaseError
    raise CaseError("A case is never migrated down; restore a copy made before the upgrade instead.")
