"""the full-text index over source text (FTS5 on SQLite, a GIN index on PostgreSQL) (tables.MIGRATIONS version 2)"""
from collingwood.migrations import refuse_downgrade, run_migration

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_migration(2)


def downgrade() -> None:
    refuse_downgrade()
