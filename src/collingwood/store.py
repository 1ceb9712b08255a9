"""The case store: the one write path over the tables of ``tables.py``, and the audit log.

One case is one SQLite file by default (WAL journal, foreign keys on). All SQL
goes through SQLAlchemy Core, so pointing ``url`` at PostgreSQL is a
configuration change; the only SQLite-specific piece is full-text search, which
falls back to ``LIKE`` elsewhere.

Every write goes through :class:`Store` methods, inside a transaction, and
leaves a row in ``audit``. A claim whose span does not exist in its source, or
whose quote is not exactly the text at that span, is refused.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import orjson
from sqlalchemy import (
    Connection,
    create_engine,
    delete,
    event,
    exc,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine

from .errors import CaseBusy, CaseError, SearchSyntaxError, SpanError
from .locking import WriteLock, busy_timeout
from .model import EXTRACTORS_HUMAN, Alias, Claim, Entity, Mention, Source, schema
from .tables import (
    MIGRATIONS,
    SCHEMA_VERSION,
    STORED_ANALYSIS,
    aliases,
    analysis_runs,
    audit,
    claims,
    curation,
    entities,
    events,
    extraction_runs,
    findings,
    hypotheses,
    judgments,
    mentions,
    meta_table,
    migrations_table,
    ratings,
    source_names,
    sources,
    verdicts,
)
from .timespan import TimeSpan


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


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


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # Transactions are begun by _sqlite_begin (BEGIN, or BEGIN IMMEDIATE for a write), not by
    # the driver's own guesswork, so a write holds its lock from its first statement.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={int(busy_timeout() * 1000)}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
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
    engine = create_engine(url, json_deserializer=_json_loads)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def case_url(path: Path | str) -> str:
    path = str(path)
    if "://" in path:
        return path
    return f"sqlite:///{Path(path).resolve()}"


def _lock_path(url: str) -> Path | None:
    """The lock file beside a SQLite case file (None for a server database or memory)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url[len(prefix):] in ("", ":memory:"):
        return None
    return Path(url[len(prefix):] + "-lock")


def _is_busy(e: exc.OperationalError) -> bool:
    msg = str(e.orig).lower()
    return "locked" in msg or "busy" in msg


class Store:
    """All reads and the single write path of one case."""

    def __init__(self, url: str, actor: str = "analyst"):
        self.url = url
        self.actor = actor
        self.engine = make_engine(url)
        lock = _lock_path(url)
        self._lock = WriteLock(lock, self.url) if lock else None
        self._local = threading.local()

    # --- writing ---------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: the case's lock, then BEGIN IMMEDIATE (SQLite) or an advisory
        lock (PostgreSQL), so concurrent writers wait their turn instead of failing. A writer
        that waits longer than COLLINGWOOD_BUSY_TIMEOUT seconds gets CaseBusy."""
        if getattr(self._local, "conn", None) is not None:     # nested: the same transaction
            yield self._local.conn
            return
        with self._lock.held() if self._lock else _nothing():
            try:
                with self.engine.connect() as conn:
                    conn.execution_options(collingwood_write=True)
                    with conn.begin():
                        if conn.dialect.name == "postgresql":
                            conn.execute(text("SELECT pg_advisory_xact_lock(7411)"))
                        self._local.conn = conn
                        try:
                            yield conn
                        finally:
                            self._local.conn = None
            except exc.OperationalError as e:
                if _is_busy(e):
                    raise CaseBusy(self.url, busy_timeout()) from e
                raise

    # --- lifecycle -----------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply pending migrations, once, under the write lock; returns the versions applied."""
        applied: list[int] = []
        with self.write() as conn:
            migrations_table.create(conn, checkfirst=True)
            done = set(conn.execute(select(migrations_table.c.version)).scalars())
            for version, description, apply in MIGRATIONS:
                if version in done:
                    continue
                apply(conn)
                conn.execute(insert(migrations_table).values(
                    version=version, description=description, applied_at=_now()))
                applied.append(version)
        return applied

    def dispose(self) -> None:
        self.engine.dispose()

    def version(self) -> int:
        try:
            with self.engine.connect() as conn:
                if not self.engine.dialect.has_table(conn, "schema_migrations"):
                    return 0
                return conn.execute(select(func.max(migrations_table.c.version))).scalar() or 0
        except exc.OperationalError as e:
            if _is_busy(e):
                raise CaseBusy(self.url, busy_timeout()) from e
            raise CaseError(f"{self.url} cannot be opened as a case: {str(e.orig)}.") from e
        except exc.DatabaseError as e:
            raise CaseError(f"{self.url} is not a Collingwood case (not a database: {e.orig}).") from e

    def is_empty(self) -> bool:
        """No table at all: a new file, or one a crash left before its first migration."""
        with self.engine.connect() as conn:
            return not inspect(conn).get_table_names()

    def check_version(self) -> None:
        v = self.version()
        if v == 0 and self._lock:           # another process may be creating it: wait for it
            ours = self._lock.path.exists()     # Collingwood locks before it creates a case file
            with self._lock.held():
                v = self.version()
                if v == 0 and ours and self.is_empty():      # killed during `init`: finish it
                    self.migrate()
                    v = self.version()
        if v == 0:
            raise CaseError(f"{self.url} is not a Collingwood case (no schema).")
        if v > SCHEMA_VERSION:
            raise CaseError(
                f"This case was written by a newer Collingwood (schema {v}, this one knows "
                f"{SCHEMA_VERSION}); upgrade Collingwood to open it.")
        if v < SCHEMA_VERSION:
            self.migrate()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.write() as conn:
            yield conn

    def _audit(self, conn: Connection, action: str, target: str, **detail) -> None:
        conn.execute(insert(audit).values(
            at=_now(), actor=self.actor, action=action, target=target, detail=detail))

    # --- meta -----------------------------------------------------------------
    def set_meta(self, key: str, value, conn: Connection | None = None) -> None:
        def write(c: Connection) -> None:
            now = c.execute(select(meta_table.c.value).where(meta_table.c.key == key)).first()
            if now is not None and now[0] == value:
                return                  # unchanged (perhaps set by a concurrent run): no write
            c.execute(delete(meta_table).where(meta_table.c.key == key))
            c.execute(insert(meta_table).values(key=key, value=value))
            self._audit(c, "set_meta", key, value=value)
        self._with(conn, write)

    def get_meta(self, key: str, default=None):
        with self.engine.connect() as conn:
            row = conn.execute(select(meta_table.c.value).where(meta_table.c.key == key)).first()
        return row[0] if row else default

    def _with(self, conn: Connection | None, fn: Callable[[Connection], object]):
        if conn is not None:
            return fn(conn)
        with self.write() as c:
            return fn(c)

    # --- sources ----------------------------------------------------------------
    def source_by_hash(self, content_hash: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(sources.c.id).where(sources.c.content_hash == content_hash)).scalar()

    def add_source(self, src: Source, conn: Connection) -> None:
        conn.execute(insert(sources).values(
            id=src.id, title=src.title, kind=src.kind, authors=src.authors, date=src.date,
            written=src.written.to_dict() if src.written else None,
            archive_ref=src.archive_ref, url=src.url, licence=src.licence,
            citation=src.citation, path=src.path, format=src.format,
            content_hash=src.content_hash, text=src.text, pages=[list(p) for p in src.pages],
            extra=src.extra, ingested_at=_now(),
        ))
        if conn.dialect.name == "sqlite":
            conn.execute(text("INSERT INTO source_fts(source_id, title, body) VALUES (:i, :t, :b)"),
                         {"i": src.id, "t": src.title, "b": src.text})
        if src.path:
            conn.execute(insert(source_names).values(source_id=src.id, path=src.path, seen_at=_now()))
        self._audit(conn, "add_source", src.id, title=src.title, path=src.path)

    METADATA_FIELDS = ("title", "kind", "authors", "date", "archive_ref", "url", "licence",
                       "citation", "extra")

    def ingest_source(self, src: Source, path_exists: Callable[[str], bool] | None = None) -> str:
        """Store a read document, idempotently, in one write transaction. Returns what happened:

        * ``added``: new bytes, a new source;
        * ``named``: bytes already in the case under another name: this name is recorded
          beside the first (the source, its title and metadata stay those of the first name);
        * ``moved``: the file the source was first read from is gone (renamed or moved): this
          path becomes the source's path, and its metadata applies;
        * ``updated``: same bytes, same path, corrected metadata (a sidecar, a manifest);
        * ``unchanged``: nothing to do (and nothing written, not even an audit row).

        Two processes ingesting the same bytes at once get one source: the second waits for
        the write lock and then finds the first's row.
        """
        path_exists = path_exists or _still_there
        try:
            with self.write() as conn:
                return self._ingest_source(conn, src, path_exists)
        except exc.IntegrityError:          # a server database without our lock: re-read
            with self.write() as conn:
                return self._ingest_source(conn, src, path_exists)

    def _ingest_source(self, conn: Connection, src: Source, path_exists: Callable[[str], bool]) -> str:
        row = conn.execute(select(sources).where(
            sources.c.content_hash == src.content_hash)).mappings().first()
        if row is None:
            self.add_source(src, conn)
            return "added"
        outcome = "unchanged"
        if src.path and src.path != row["path"]:
            known = set(conn.execute(select(source_names.c.path).where(
                source_names.c.source_id == row["id"])).scalars())
            if src.path not in known:
                conn.execute(insert(source_names).values(source_id=row["id"], path=src.path, seen_at=_now()))
                self._audit(conn, "add_source_name", row["id"], path=src.path)
                outcome = "named"
            if row["path"] and not path_exists(row["path"]):
                conn.execute(update(sources).where(sources.c.id == row["id"]).values(path=src.path))
                self._audit(conn, "move_source", row["id"], before=row["path"], path=src.path)
                outcome = "moved"
            else:
                return outcome              # a second name: the first name's metadata governs
        if self._update_metadata(conn, row, src) and outcome == "unchanged":
            outcome = "updated"
        return outcome

    def _update_metadata(self, conn: Connection, row, src: Source) -> bool:
        new = {f: getattr(src, f) for f in self.METADATA_FIELDS}
        new["written"] = src.written.to_dict() if src.written else None
        changed = {k: v for k, v in new.items() if row[k] != v}
        if not changed:
            return False
        conn.execute(update(sources).where(sources.c.id == row["id"]).values(**changed))
        if "title" in changed and conn.dialect.name == "sqlite":
            conn.execute(text("UPDATE source_fts SET title = :t WHERE source_id = :i"),
                         {"t": changed["title"], "i": row["id"]})
        self._audit(conn, "update_source_metadata", row["id"],
                    fields=sorted(changed), before={k: row[k] for k in changed if k != "written"})
        return True

    def update_source_metadata(self, src: Source) -> bool:
        """Apply new metadata to the stored source with the same bytes; True when anything changed."""
        with self.write() as conn:
            row = conn.execute(select(sources).where(
                sources.c.content_hash == src.content_hash)).mappings().first()
            return self._update_metadata(conn, row, src)

    def source_names(self, source_id: str) -> list[str]:
        """Every path the source's bytes were ingested from, first seen first."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(source_names.c.path).where(
                source_names.c.source_id == source_id).order_by(
                    source_names.c.seen_at, source_names.c.path)).scalars())

    def sources(self) -> list[Source]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(sources).order_by(sources.c.ingested_at, sources.c.id)).mappings()
            return [_source(r) for r in rows]

    def source(self, source_id: str) -> Source | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(sources).where(sources.c.id == source_id)).mappings().first()
        return _source(row) if row else None

    MAX_QUERY = 2000        # characters: a longer query is a pasted document, not a search

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Sources whose title or text match a full-text query (FTS5 syntax on SQLite); a query
        that does not parse raises SearchSyntaxError with what is wrong and an example."""
        if not query.strip():
            raise SearchSyntaxError(query, "the query is empty")
        if len(query) > self.MAX_QUERY:
            raise SearchSyntaxError(query, f"the query is {len(query)} characters long; "
                                           f"at most {self.MAX_QUERY} are searched")
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                try:
                    rows = conn.execute(text(
                        "SELECT source_id, title, snippet(source_fts, 2, '[', ']', ' … ', 16) AS snip, "
                        "bm25(source_fts) AS score FROM source_fts WHERE source_fts MATCH :q "
                        "ORDER BY score LIMIT :n"), {"q": query, "n": max(1, limit)}).mappings().all()
                except exc.OperationalError as e:
                    if _is_busy(e):
                        raise CaseBusy(self.url, busy_timeout()) from e
                    raise SearchSyntaxError(query, fts_problem(str(e.orig))) from e
                return [{"source_id": r["source_id"], "title": r["title"], "snippet": r["snip"]}
                        for r in rows]
            rows = conn.execute(select(sources.c.id, sources.c.title).where(
                sources.c.text.ilike(f"%{query}%")).limit(limit))
            return [{"source_id": i, "title": t, "snippet": ""} for i, t in rows]

    # --- entities ---------------------------------------------------------------
    def upsert_entity(self, ent: Entity, conn: Connection, origin: str = "analyst") -> bool:
        """Add an entity, or the aliases it does not have yet; True when anything was new."""
        existing = conn.execute(select(entities.c.id).where(entities.c.id == ent.id)).scalar()
        changed = existing is None
        if existing is None:
            conn.execute(insert(entities).values(
                id=ent.id, name=ent.name, kind=ent.kind, notes=ent.notes, origin=origin))
            self._audit(conn, "add_entity", ent.id, name=ent.name, kind=ent.kind)
        known = {(n, k) for n, k in conn.execute(
            select(aliases.c.name, aliases.c.kind).where(aliases.c.entity_id == ent.id))}
        for al in ent.aliases:
            if (al.name, al.kind) in known:
                continue
            conn.execute(insert(aliases).values(
                entity_id=ent.id, name=al.name, kind=al.kind,
                valid=al.valid.to_dict() if al.valid else None, source_id=al.source_id, origin=origin))
            known.add((al.name, al.kind))
            changed = True
        return changed

    def entities(self, origin: str | None = None) -> list[Entity]:
        """The entities of the case; with ``origin``, only those (and only the aliases) that
        origin added, e.g. ``analyst``: the case's own entity lists."""
        eq = select(entities).order_by(entities.c.name, entities.c.id)
        aq = select(aliases).order_by(aliases.c.id)
        if origin is not None:
            eq = eq.where(entities.c.origin == origin)
            legacy = aliases.c.origin.is_(None) & aliases.c.source_id.is_(None)   # before migration 4
            aq = aq.where((aliases.c.origin == origin) | legacy if origin == "analyst"
                          else aliases.c.origin == origin)
        with self.engine.connect() as conn:
            ents = {r["id"]: Entity(id=r["id"], name=r["name"], kind=r["kind"], notes=r["notes"])
                    for r in conn.execute(eq).mappings()}
            for r in conn.execute(aq).mappings():
                if r["entity_id"] in ents:
                    ents[r["entity_id"]].aliases.append(Alias(
                        name=r["name"], kind=r["kind"], source_id=r["source_id"],
                        valid=TimeSpan.from_dict(r["valid"]) if r["valid"] else None))
        return list(ents.values())

    # --- mentions ---------------------------------------------------------------
    def add_mentions(self, items: Iterable[Mention], conn: Connection) -> int:
        rows = [dict(source_id=m.source_id, start=m.start, end=m.end, text=m.text, kind=m.kind,
                     entity_id=m.entity_id, alias_kind=m.alias_kind, alias_of=m.alias_of,
                     extracted_by=m.extracted_by) for m in items]
        if rows:
            conn.execute(insert(mentions), rows)
        return len(rows)

    def mentions(self) -> list[Mention]:
        with self.engine.connect() as conn:
            return [Mention(**{k: r[k] for k in (
                "source_id", "start", "end", "text", "kind", "entity_id", "alias_kind",
                "alias_of", "extracted_by")}) for r in conn.execute(select(mentions)).mappings()]

    # --- claims: the one write path ---------------------------------------------
    def check_claim(self, claim: Claim, source_text: str | None) -> None:
        """Refuse a claim without a real source span, or with an unknown predicate."""
        where = f"claim {claim.subject} {claim.predicate} {claim.object or ''}".strip()
        if source_text is None:
            raise SpanError(f"Refused {where}: source {claim.source_id!r} is not in this case.")
        if claim.start is None or claim.end is None or not claim.quote:
            raise SpanError(f"Refused {where}: a claim needs a source span and its quote.")
        if not (0 <= claim.start < claim.end <= len(source_text)):
            raise SpanError(
                f"Refused {where}: span {claim.start}-{claim.end} lies outside source "
                f"{claim.source_id!r} ({len(source_text)} characters).")
        if source_text[claim.start:claim.end] != claim.quote:
            raise SpanError(
                f"Refused {where}: the quote does not match the text at {claim.start}-{claim.end} "
                f"of source {claim.source_id!r}.")
        schema().predicate(claim.predicate)

    def add_claims(self, items: Iterable[Claim], conn: Connection) -> int:
        texts: dict[str, str | None] = {}
        rows = []
        for c in items:
            if c.source_id not in texts:
                texts[c.source_id] = conn.execute(
                    select(sources.c.text).where(sources.c.id == c.source_id)).scalar()
            self.check_claim(c, texts[c.source_id])
            rows.append(_claim_row(c))
        rows = list({r["id"]: r for r in reversed(rows)}.values())[::-1]   # one row an id: the first
        if not rows:
            return 0
        ids = [r["id"] for r in rows]
        present = set(conn.execute(select(claims.c.id).where(claims.c.id.in_(ids))).scalars())
        fresh = [r for r in rows if r["id"] not in present]
        if fresh:
            conn.execute(insert(claims), fresh)
            self._audit(conn, "add_claims", fresh[0]["source_id"], count=len(fresh),
                        extracted_by=sorted({r["extracted_by"] for r in fresh}))
        return len(fresh)

    # what an analyst may correct in a casebook entry without it becoming another claim
    REVISABLE = ("quote", "page", "time", "place", "modality", "asserted_by", "reported_by",
                 "confidence", "note")

    def revise_claims(self, items: Iterable[Claim], conn: Connection) -> int:
        """For claims already stored under the same id (the analyst's casebook entries, read
        again), apply what the entry now says (its date, place, modality ...), audited; the
        status stays what the analyst decided in review. Returns how many changed."""
        items = [c for c in items if c.extracted_by == EXTRACTORS_HUMAN]
        if not items:
            return 0
        stored = {r["id"]: r for r in conn.execute(
            select(claims).where(claims.c.id.in_([c.id for c in items]))).mappings()}
        changed = 0
        for c in items:
            row = stored.get(c.id)
            if row is None:
                continue
            new = {k: v for k, v in _claim_row(c).items() if k in self.REVISABLE}
            diff = {k: v for k, v in new.items() if row[k] != v}
            if diff:
                conn.execute(update(claims).where(claims.c.id == c.id).values(**diff))
                self._audit(conn, "revise_claim", c.id, fields=sorted(diff),
                            before={k: row[k] for k in diff})
                changed += 1
        return changed

    def add_claim(self, claim: Claim) -> bool:
        with self.write() as conn:
            return self.add_claims([claim], conn) == 1

    def set_claim_status(self, claim_id: str, status: str, note: str = "") -> None:
        with self.write() as conn:
            n = conn.execute(update(claims).where(claims.c.id == claim_id).values(status=status)).rowcount
            if n == 0:
                from .errors import NotFound
                raise NotFound(f"No claim {claim_id!r} in this case.")
            self._audit(conn, "set_claim_status", claim_id, status=status, note=note)

    def claims(self, include_rejected: bool = False) -> list[Claim]:
        q = select(claims).order_by(claims.c.source_id, claims.c.start, claims.c.id)
        if not include_rejected:
            q = q.where(claims.c.status != "rejected")
        with self.engine.connect() as conn:
            return [_claim(r) for r in conn.execute(q).mappings()]

    def replace_extracted(self, source_id: str, extractor: str, new_mentions: list[Mention],
                          new_claims: list[Claim], new_entities: list[Entity],
                          rules: str | None = None, only_if_new: bool = False) -> int | None:
        """Store one extractor's output for one source, atomically, replacing its earlier run.

        Claims the analyst curated (status other than 'proposed') are kept. only_if_new: store
        nothing (and return None) when this extractor has already read the source with these
        rules, as when another process extracting the same case got there first.
        """
        with self.write() as conn:
            if only_if_new:
                done = conn.execute(select(extraction_runs.c.rules).where(
                    (extraction_runs.c.source_id == source_id)
                    & (extraction_runs.c.extractor == extractor))).first()
                if done is not None and (rules is None or done[0] == rules):
                    return None
            conn.execute(delete(mentions).where(
                (mentions.c.source_id == source_id) & (mentions.c.extracted_by == extractor)))
            conn.execute(delete(claims).where(
                (claims.c.source_id == source_id) & (claims.c.extracted_by == extractor)
                & (claims.c.status == "proposed")))
            for ent in new_entities:
                self.upsert_entity(ent, conn, origin=extractor)
            self.add_mentions(new_mentions, conn)
            added = self.add_claims(new_claims, conn)
            conn.execute(delete(extraction_runs).where(
                (extraction_runs.c.source_id == source_id) & (extraction_runs.c.extractor == extractor)))
            conn.execute(insert(extraction_runs).values(
                source_id=source_id, extractor=extractor, at=_now(), claims=added, rules=rules))
            self._audit(conn, "replace_extracted", source_id, extractor=extractor, claims=added,
                        mentions=len(new_mentions))
            return added

    def extraction_rules(self, extractor: str) -> dict[str, str | None]:
        """Source id -> the rules fingerprint this extractor read it with (None: not recorded)."""
        q = select(extraction_runs.c.source_id, extraction_runs.c.rules).where(
            extraction_runs.c.extractor == extractor)
        with self.engine.connect() as conn:
            return {source_id: rules for source_id, rules in conn.execute(q)}

    def was_extracted(self, source_id: str, extractor: str, rules: str | None = None) -> bool:
        """Whether this extractor has read this source (with these rules, when given)."""
        q = select(extraction_runs.c.rules).where(
            (extraction_runs.c.source_id == source_id) & (extraction_runs.c.extractor == extractor))
        with self.engine.connect() as conn:
            row = conn.execute(q).first()
        return row is not None and (rules is None or row[0] == rules)

    def extracted_sources(self, extractor: str, rules: str | None = None) -> set[str]:
        """Sources this extractor has read; with rules, only those read with these rules."""
        return {s for s, r in self.extraction_rules(extractor).items() if rules is None or r == rules}

    # --- analysis results and analyst decisions ----------------------------------
    ANALYSIS_ACTIONS = ("analyse", "analysis_run")      # the analysis's own audit rows

    def revision(self) -> int:
        """The id of the last audited change to the case (0 for none); the analysis's own
        rows do not count, so a stored run is current while this equals its revision."""
        q = (select(audit.c.id).where(audit.c.action.notin_(self.ANALYSIS_ACTIONS))
             .order_by(audit.c.id.desc()).limit(1))
        with self.engine.connect() as conn:
            return conn.execute(q).scalar() or 0

    def changes_since(self, revision: int) -> dict[str, int]:
        """Audited changes after ``revision``, counted by action ({'set_verdict': 2})."""
        q = (select(audit.c.action, func.count()).where(
            (audit.c.id > revision) & audit.c.action.notin_(self.ANALYSIS_ACTIONS))
             .group_by(audit.c.action))
        with self.engine.connect() as conn:
            return {a: n for a, n in conn.execute(q)}

    def latest_run(self) -> dict | None:
        """The last finished analysis run, or None."""
        q = (select(analysis_runs).where(analysis_runs.c.finished.is_not(None))
             .order_by(analysis_runs.c.id.desc()).limit(1))
        with self.engine.connect() as conn:
            row = conn.execute(q).mappings().first()
        return dict(row) if row else None

    def analysis_runs(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(analysis_runs).order_by(analysis_runs.c.id)).mappings()]

    def save_run(self, run: dict, results: dict[str, list[dict]]) -> int:
        """Store one analysis run and what it found, in one transaction: ``results`` maps a
        table of stored analysis (``events``, ``findings``, ``resolved_entities``,
        ``claim_links``, ``name_keys``, ``gradings``, ``open_questions``) to its new rows,
        which replace the old; a table not named keeps the rows of the run that made them.
        Returns the run's id."""
        tables = {t.name: t for t in (events, findings, *STORED_ANALYSIS)}
        with self.write() as conn:
            run_id = conn.execute(insert(analysis_runs).values(**run)).inserted_primary_key[0]
            for name, rows in results.items():
                table = tables[name]
                conn.execute(delete(table))
                for i in range(0, len(rows), 20_000):
                    chunk = [dict(r, run_id=run_id) for r in rows[i:i + 20_000]]
                    conn.execute(insert(table), chunk)
            self._audit(conn, "analysis_run", str(run_id), mode=run["mode"], trigger=run["trigger"],
                        counts=run["counts"])
        return run_id

    def stored(self, name: str, where=None) -> list[dict]:
        """The stored rows of one table of analysis results, in their order."""
        table = {t.name: t for t in (events, findings, *STORED_ANALYSIS)}[name]
        q = select(table)
        if where is not None:
            q = q.where(where(table))
        if "ord" in table.c:
            q = q.order_by(table.c.ord)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def set_verdict(self, finding_id: str, verdict: str, note: str = "") -> None:
        with self.write() as conn:
            conn.execute(delete(verdicts).where(verdicts.c.finding_id == finding_id))
            conn.execute(insert(verdicts).values(
                finding_id=finding_id, verdict=verdict, note=note, by=self.actor, at=_now()))
            self._audit(conn, "set_verdict", finding_id, verdict=verdict, note=note)

    def verdicts(self) -> dict[str, tuple[str, str]]:
        with self.engine.connect() as conn:
            return {f: (v, n) for f, v, n in conn.execute(
                select(verdicts.c.finding_id, verdicts.c.verdict, verdicts.c.note))}

    def add_curation(self, kind: str, a: str, b: str) -> None:
        with self.write() as conn:
            conn.execute(insert(curation).values(kind=kind, a=a, b=b, by=self.actor, at=_now()))
            self._audit(conn, kind, a, other=b)

    def curation(self, kind: str) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return [(a, b) for a, b in conn.execute(
                select(curation.c.a, curation.c.b).where(curation.c.kind == kind).order_by(curation.c.id))]

    def add_judgment(self, witness: str, target: str, value: str, note: str = "") -> None:
        with self.write() as conn:
            conn.execute(insert(judgments).values(
                witness=witness, target=target, value=value, note=note, by=self.actor, at=_now()))
            self._audit(conn, "judge", witness, on=target, value=value, note=note)

    def judgments(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(judgments).order_by(judgments.c.id)).mappings()]

    def replace_hypotheses(self, question: str, file: str, entries: list[dict],
                           file_ratings: list[dict]) -> bool:
        """Store one question's hypotheses as written in a file, replacing its earlier version;
        False (and nothing written) when the stored version is the same.

        Ratings from the file are replaced too; the analyst's own ratings are kept.
        """
        prefix = "h-" + _hash(question) + ":"
        with self.write() as conn:
            if self._same_hypotheses(conn, question, file, entries, file_ratings):
                return False
            old = set(conn.execute(select(hypotheses.c.id).where(hypotheses.c.question == question)).scalars())
            new_ids = {prefix + str(e["id"]) for e in entries}
            conn.execute(delete(ratings).where(ratings.c.hypothesis_id.in_(old) & (ratings.c.by == "file")))
            conn.execute(delete(ratings).where(ratings.c.hypothesis_id.in_(old - new_ids)))
            conn.execute(delete(hypotheses).where(hypotheses.c.question == question))
            conn.execute(insert(hypotheses), [dict(
                id=prefix + str(e["id"]), question=question, local_id=str(e["id"]),
                label=str(e.get("label", e["id"])), statement=str(e.get("statement", "")),
                definition=e, file=file, by=self.actor, at=_now()) for e in entries])
            for r in file_ratings:
                conn.execute(insert(ratings).values(
                    hypothesis_id=prefix + str(r["hypothesis"]), evidence_id=str(r["evidence"]),
                    rating=str(r["rating"]), note=str(r.get("note") or ""), by="file", at=_now()))
            self._audit(conn, "set_hypotheses", question, file=file, count=len(entries))
        return True

    @staticmethod
    def _same_hypotheses(conn: Connection, question: str, file: str, entries: list[dict],
                         file_ratings: list[dict]) -> bool:
        """Whether the stored version of this question is exactly what the file says now."""
        stored = [(r["local_id"], r["definition"], r["file"]) for r in conn.execute(
            select(hypotheses).where(hypotheses.c.question == question).order_by(hypotheses.c.id)).mappings()]
        wanted = sorted((str(e["id"]), json.loads(json.dumps(e)), file) for e in entries)
        if sorted(stored, key=lambda t: t[0]) != sorted(wanted, key=lambda t: t[0]):
            return False
        prefix = "h-" + _hash(question) + ":"
        have = sorted((r["hypothesis_id"], r["evidence_id"], r["rating"], r["note"]) for r in conn.execute(
            select(ratings).where(ratings.c.hypothesis_id.startswith(prefix) & (ratings.c.by == "file"))).mappings())
        want = sorted((prefix + str(r["hypothesis"]), str(r["evidence"]), str(r["rating"]), str(r.get("note") or ""))
                      for r in file_ratings)
        return have == want

    def hypothesis_sets(self) -> list[dict]:
        """Each question with its hypotheses and ratings, in the shape of a hypotheses file."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(hypotheses).order_by(hypotheses.c.question, hypotheses.c.id)).mappings()
            sets: dict[str, dict] = {}
            local: dict[str, str] = {}
            for r in rows:
                entry = sets.setdefault(r["question"], {"question": r["question"], "file": r["file"],
                                                        "hypotheses": [], "ratings": []})
                entry["hypotheses"].append(r["definition"])
                local[r["id"]] = (r["question"], r["local_id"])
            for r in conn.execute(select(ratings).order_by(ratings.c.at)).mappings():
                if r["hypothesis_id"] in local:
                    q, hid = local[r["hypothesis_id"]]
                    sets[q]["ratings"].append({"hypothesis": hid, "evidence": r["evidence_id"],
                                               "rating": r["rating"], "note": r["note"], "by": r["by"]})
        return list(sets.values())

    def set_rating(self, question: str, hypothesis: str, evidence: str, rating: str, note: str = "") -> None:
        hid = "h-" + _hash(question) + ":" + hypothesis
        with self.write() as conn:
            if conn.execute(select(hypotheses.c.id).where(hypotheses.c.id == hid)).scalar() is None:
                from .errors import NotFound
                raise NotFound(f"No hypothesis {hypothesis!r} for the question {question!r}.")
            conn.execute(delete(ratings).where(
                (ratings.c.hypothesis_id == hid) & (ratings.c.evidence_id == evidence)))
            conn.execute(insert(ratings).values(hypothesis_id=hid, evidence_id=evidence, rating=rating,
                                                note=note, by=self.actor, at=_now()))
            self._audit(conn, "rate", hid, evidence=evidence, rating=rating, note=note)

    def audit_log(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(audit).order_by(audit.c.id)).mappings()]

    def counts(self) -> dict[str, int]:
        out = {}
        with self.engine.connect() as conn:
            for t in (sources, entities, aliases, mentions, claims, events, findings):
                out[t.name] = conn.execute(select(func.count()).select_from(t)).scalar() or 0
        return out


def _still_there(path: str) -> bool:
    """Whether a stored source path still names a file. A path stored with escapes (a name
    that is not UTF-8 or holds control characters, see errors.shown) cannot be checked: it
    counts as there, so such a source is never taken for moved."""
    return "\\x" in path or "\\u" in path or "\\U" in path or os.path.exists(path)


def fts_problem(message: str) -> str:
    """What an FTS5 error message means, in the words of someone searching."""
    m = message.strip()
    if m.startswith("unterminated string"):
        return "a double quote is not closed (a phrase goes in a pair of double quotes)"
    if m.startswith("no such column:"):
        name = m.split(":", 1)[1].strip()
        return (f"{name!r} followed by ':' (or after '-') is read as a column name, and the only columns are "
                "title and body; put a word with a colon or a hyphen in double quotes, and exclude a "
                "word with NOT")
    if m.startswith("unknown special query"):
        return "'*' must follow the start of a word (word*), it cannot stand alone"
    if m.startswith("expected integer"):
        return "NEAR(a b, N) needs a whole number N of words"
    if "syntax error near" in m:
        near = m.split("near", 1)[1].strip()
        if near in ('""', ""):
            return "the query ends too soon (an operator or bracket with nothing after it)"
        return f"the query does not parse near {near}"
    return m


@contextmanager
def _nothing():
    yield


def _hash(text_: str) -> str:
    from .model import short_hash
    return short_hash(text_, length=10)


def _source(r) -> Source:
    return Source(
        id=r["id"], title=r["title"], kind=r["kind"], text=r["text"], content_hash=r["content_hash"],
        authors=list(r["authors"] or []), date=r["date"],
        written=TimeSpan.from_dict(r["written"]) if r["written"] else None,
        archive_ref=r["archive_ref"], url=r["url"], licence=r["licence"], citation=r["citation"],
        path=r["path"], format=r["format"], pages=[tuple(p) for p in r["pages"]], extra=r["extra"] or {},
    )


def _claim_row(c: Claim) -> dict:
    return dict(
        id=c.id, source_id=c.source_id, start=c.start, end=c.end, quote=c.quote, page=c.page,
        subject=c.subject, predicate=c.predicate, object=c.object,
        time=c.time.to_dict() if c.time else None, place=c.place, polarity=c.polarity,
        modality=c.modality, asserted_by=c.asserted_by, reported_by=c.reported_by,
        extracted_by=c.extracted_by, status=c.status, confidence=c.confidence, note=c.note,
        created_at=_now(),
    )


def _claim(r) -> Claim:
    return Claim(
        id=r["id"], source_id=r["source_id"], start=r["start"], end=r["end"], quote=r["quote"],
        page=r["page"], subject=r["subject"], predicate=r["predicate"], object=r["object"],
        time=TimeSpan.from_dict(r["time"]) if r["time"] else None, place=r["place"],
        polarity=r["polarity"], modality=r["modality"], asserted_by=r["asserted_by"],
        reported_by=r["reported_by"], extracted_by=r["extracted_by"], status=r["status"],
        confidence=r["confidence"], note=r["note"],
    )


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)
