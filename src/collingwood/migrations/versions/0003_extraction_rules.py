"""extraction runs record the extractor's rules fingerprint (tables.MIGRATIONS version 3)"""
from collingwood.migrations import refuse_downgrade, run_migration

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_migration(3)


def downgrade() -> None:
    refuse_downgrade()
