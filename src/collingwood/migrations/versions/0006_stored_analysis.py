"""stored analysis: analysis runs, resolution, gradings, open questions (tables.MIGRATIONS version 6)"""
from collingwood.migrations import refuse_downgrade, run_migration

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_migration(6)


def downgrade() -> None:
    refuse_downgrade()
