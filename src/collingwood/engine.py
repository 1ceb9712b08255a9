"""Where a case lives and how to connect to it: a SQLite file or a PostgreSQL database.

``case_url`` turns what a user types as CASE (a file name, or ``postgresql://user@host:port/db``)
into a SQLAlchemy URL; ``postgresql://`` and ``postgres://`` map to the psycopg (v3) driver.
``make_engine`` sets SQLite's pragmas and transaction handling, and on PostgreSQL turns the
server's refusals (down, wrong login, no such database) into a coded
:class:`~collingwood.errors.CaseUnreachable` before any traceback can reach a user.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import orjson
from sqlalchemy import create_engine, event, exc, text
from sqlalchemy.engine import URL, Engine, make_url

from .errors import CaseError, CaseUnreachable, ConfigError
from .locking import busy_timeout

SERVER_SCHEMES = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg",
                  "postgresql+psycopg": "postgresql+psycopg"}

# SQLite releases before 3.51.3 carry the WAL-reset bug: two connections that write or
# checkpoint at the same moment can, rarely, corrupt the database. SQLite's advice for those
# versions is not to let writers (and so the checkpoints their commits run) overlap; every
# write here takes the case's lock file first (see locking.py), so they never do.
WAL_RESET_FIXED = (3, 51, 3)


def sqlite_version() -> tuple[int, ...]:
    return tuple(int(p) for p in sqlite3.sqlite_version.split(".")[:3])


def wal_reset_bug_possible() -> bool:
    """Whether this process's SQLite is in the WAL-reset bug range (3.7.0 to 3.51.2)."""
    return sqlite_version() < WAL_RESET_FIXED


def is_url(case: Path | str) -> bool:
    """Whether CASE names a database URL rather than a file."""
    return "://" in str(case)


def case_url(case: Path | str) -> str:
    """The SQLAlchemy URL of a case: a file becomes ``sqlite:///abs/path``; a PostgreSQL URL
    gets the psycopg driver. Any other kind of URL is a coded ConfigError."""
    case = str(case)
    if not is_url(case):
        return f"sqlite:///{Path(case).resolve()}"
    scheme, rest = case.split("://", 1)
    if scheme.lower() == "sqlite":
        return case
    driver = SERVER_SCHEMES.get(scheme.lower())
    if driver is None:
        raise ConfigError(f"Can't open a case at {shown_url(case)}: a case is a file or a "
                          "postgresql://user@host:port/database URL.")
    try:
        url = make_url(f"{driver}://{rest}")
    except exc.ArgumentError as e:
        raise ConfigError(f"{shown_url(case)} is not a valid database URL: {e}.") from e
    if not url.database:
        raise ConfigError(f"{shown_url(case)} names no database; add one: postgresql://user@host:5432/mycase.")
    return url.render_as_string(hide_password=False)


def shown_url(url: str) -> str:
    """A URL as printed in messages: the password hidden."""
    if not is_url(url):
        return url
    try:
        return make_url(url).render_as_string(hide_password=True).replace("+psycopg", "")
    except exc.ArgumentError:
        return url.split("://", 1)[0] + "://..."


def dialect_of(url: str) -> str:
    return make_url(url).get_backend_name()


def lock_path(url: str) -> Path | None:
    """The lock file beside a SQLite case file (None for a server database or memory)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url[len(prefix):] in ("", ":memory:"):
        return None
    return Path(url[len(prefix):] + "-lock")


SQLITE_CACHE_KIB = 64 * 1024     # per connection; SQLite allocates it only as pages are read


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # Transactions are begun by _sqlite_begin (BEGIN, or BEGIN IMMEDIATE for a write), not by
    # the driver's own guesswork, so a write holds its lock from its first statement.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={int(busy_timeout() * 1000)}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")   # the default 2 MB cache rereads a large case's pages
    cur.close()


def _sqlite_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("collingwood_write")
                         else "BEGIN")


def _json_loads(text_: str):
    """JSON columns read with orjson (several times faster on a case's many small values);
    anything it refuses that the standard module writes (NaN) is read by the standard one."""
    try:
        return orjson.loads(text_)
    except orjson.JSONDecodeError:
        return json.loads(text_)


def make_engine(url: str) -> Engine:
    if dialect_of(url) == "sqlite":
        engine = create_engine(url, json_deserializer=_json_loads)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = create_engine(url, json_deserializer=_json_loads,
                           connect_args={"connect_timeout": 10, "application_name": "collingwood"},
                           pool_pre_ping=False)
    label = shown_url(url)

    @event.listens_for(engine, "handle_error")
    def _server_errors(ctx) -> None:
        coded = server_error(label, ctx.original_exception)
        if coded is not None:
            raise coded from ctx.original_exception

    return engine


def sqlstate(e: BaseException) -> str | None:
    """The SQLSTATE of a driver error (or of the driver error inside a SQLAlchemy one)."""
    orig = getattr(e, "orig", e)
    return getattr(orig, "sqlstate", None)


def server_error(case: str, e: BaseException) -> CaseUnreachable | None:
    """A coded error for a PostgreSQL server that cannot serve the case; None for any other
    error (a conflict, a bad statement), which the write path handles."""
    import psycopg

    if not isinstance(e, psycopg.Error):
        return None
    state = getattr(e, "sqlstate", None) or ""
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    low = str(e).lower()
    if state == "3D000" or ("database" in low and "does not exist" in low):
        return CaseUnreachable(case, "no-database",
                               f"No case at {case}: the database does not exist on the server. "
                               f"Create it with `collingwood init {case}`.")
    if state.startswith("28") or "password authentication failed" in low or "no pg_hba.conf entry" in low \
            or ("role" in low and "does not exist" in low):
        return CaseUnreachable(case, "auth", f"The PostgreSQL server of {case} refused the login: {msg}. "
                                             "Check the user name and password in the URL (or ~/.pgpass).")
    if state.startswith("08") or state in ("57P01", "57P02", "57P03") or (
            isinstance(e, psycopg.OperationalError) and not state):
        return CaseUnreachable(case, "server-down",
                               f"Can't reach the PostgreSQL server of {case}: {msg}. "
                               "Is the server running, and are host and port right?")
    return None


def database_exists(url: str) -> bool:
    """Whether the server of a PostgreSQL URL has its database (False: the server answers but
    the database is missing; a server that does not answer raises CaseUnreachable)."""
    engine = make_engine(url)
    try:
        with engine.connect():
            return True
    except CaseUnreachable as e:
        if e.reason == "no-database":
            return False
        raise
    finally:
        engine.dispose()


def create_database(url: str) -> None:
    """Create the database a PostgreSQL URL names, through the server's `postgres` database.
    A user without the right to create databases gets a coded error saying so."""
    target: URL = make_url(url)
    admin = make_engine(target.set(database="postgres").render_as_string(hide_password=False))
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            name = target.database.replace('"', '""')
            try:
                conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
            except exc.DBAPIError as e:
                if sqlstate(e) in ("42P04", "23505"):    # created meanwhile by another process
                    return
                if sqlstate(e) == "42501":
                    raise CaseError(f"Can't create the database of {shown_url(url)}: the user may not "
                                    "create databases. Ask the server's administrator to create it "
                                    "(CREATE DATABASE), then run `collingwood init` again.") from e
                raise CaseError(f"Can't create the database of {shown_url(url)}: {e.orig}.") from e
    finally:
        admin.dispose()
