"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
"""
from collingwood.migrations import refuse_downgrade, run_migration

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_migration(${int(up_revision)})


def downgrade() -> None:
    refuse_downgrade()
