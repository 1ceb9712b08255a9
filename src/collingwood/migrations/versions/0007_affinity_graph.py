"""stored analysis: the affinity graph (tables.MIGRATIONS version 7)"""
from collingwood.migrations import refuse_downgrade, run_migration

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_migration(7)


def downgrade() -> None:
    refuse_downgrade()
