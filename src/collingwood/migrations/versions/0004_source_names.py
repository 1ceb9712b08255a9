"""every name a source was ingested under; who added each alias (tables.MIGRATIONS version 4)"""
from collingwood.migrations import refuse_downgrade, run_migration

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_migration(4)


def downgrade() -> None:
    refuse_downgrade()
