"""claim versions and their history; the extractor's entity links; curation by entity id (tables.MIGRATIONS version 5)"""
from collingwood.migrations import refuse_downgrade, run_migration

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_migration(5)


def downgrade() -> None:
    refuse_downgrade()
