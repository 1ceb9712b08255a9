"""core tables (tables.MIGRATIONS version 1)"""
from collingwood.migrations import refuse_downgrade, run_migration

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_migration(1)


def downgrade() -> None:
    refuse_downgrade()
