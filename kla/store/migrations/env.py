"""Alembic environment of the data store, configured in code (``kla.store.engine``), no alembic.ini.

``kla.store.engine.upgrade`` passes its open connection (already inside the transaction that holds
the upgrade lock) as ``config.attributes["connection"]``. Without it (the ``alembic`` command with
``-x url=...``) an engine is made from that URL.
"""

from __future__ import annotations

from alembic import context

from kla.store.models import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    from kla.store.engine import create_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("migrasi tanpa basis data: jalankan alembic dengan -x url=URL_BASIS_DATA")
    engine = create_engine(url)
    with engine.connect() as conn:
        _migrate(conn)
        conn.commit()
    engine.dispose()


def _migrate(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite", transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("migrasi kla.store hanya dijalankan pada basis data yang tersambung")
run()
