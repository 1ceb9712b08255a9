"""Alembic's environment for a case: always online, on the connection the store hands over
(``config.attributes["connection"]``), inside the store's write transaction."""

from alembic import context

from collingwood.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Collingwood's migrations run through Store.migrate(), on its connection.")
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
