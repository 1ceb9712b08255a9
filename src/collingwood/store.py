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

import dataclasses
import json
import os
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from itertools import islice

from sqlalchemy import (
    Connection,
    delete,
    exc,
    func,
    insert,
    inspect,
    select,
    text,
)

from . import audit as audit_trail
from . import migrations
from .audit import Changes
from .engine import case_url, lock_path, make_engine, shown_url, sqlstate, wal_reset_bug_possible  # noqa: F401
from .errors import (
    CaseBusy,
    CaseConflict,
    CaseError,
    CaseUnreachable,
    NotFound,
    SearchSyntaxError,
    SpanError,
    StaleVersion,
)
from .identity import same_reading
from .locking import WriteLock, busy_timeout
from .model import EXTRACTORS_HUMAN, Alias, Claim, ClaimVersion, Curated, Entity, Mention, Source, schema
from .tables import (
    PG_FTS_DOCUMENT,
    SCHEMA_VERSION,
    STORED_ANALYSIS,
    STORED_GRAPH,
    aliases,
    analysis_runs,
    audit,
    claim_versions,
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
    ratings,
    source_names,
    sources,
    verdicts,
)
from .timespan import TimeSpan


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _is_busy(e: exc.OperationalError) -> bool:
    msg = str(e.orig).lower()
    return "locked" in msg or "busy" in msg


# PostgreSQL's answers to a writer that collided with another: retried, then coded
RETRY_STATES = {"40001": "a serialization failure", "40P01": "a deadlock"}
BUSY_STATES = {"55P03", "57014"}          # lock_timeout / statement cancelled while waiting


class Store:
    """All reads and the single write path of one case."""

    def __init__(self, url: str, actor: str | None = None):
        self.url = url
        self.label = shown_url(url)         # for messages: no password
        self.actor = actor or os.environ.get("COLLINGWOOD_ACTOR") or "analyst"     # who, in the audit
        self.engine = make_engine(url)
        weakref.finalize(self, self.engine.dispose)     # pooled connections closed, not dropped
        self.server = self.engine.dialect.name != "sqlite"
        lock = lock_path(url)
        self._lock = WriteLock(lock, self.label) if lock else None
        self._local = threading.local()

    # --- writing ---------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: the case's lock, then BEGIN IMMEDIATE (SQLite) or a
        transaction-level advisory lock (PostgreSQL), so concurrent writers wait their turn
        instead of failing. A writer that waits longer than COLLINGWOOD_BUSY_TIMEOUT seconds
        gets CaseBusy; a collision the database reports (a unique key taken, a serialization
        failure) is CaseConflict: nothing of the transaction was stored."""
        if getattr(self._local, "conn", None) is not None:     # nested: the same transaction
            yield self._local.conn
            return
        with self._lock.held() if self._lock else _nothing():
            try:
                with self.engine.connect() as conn:
                    conn.execution_options(collingwood_write=True)
                    with conn.begin():
                        if self.server:
                            conn.execute(text(f"SET LOCAL lock_timeout = {int(busy_timeout() * 1000)}"))
                            conn.execute(text("SELECT pg_advisory_xact_lock(7411)"))
                        self._local.conn = conn
                        try:
                            yield conn
                        finally:
                            self._local.conn = None
            except exc.DBAPIError as e:
                raise self._coded(e) from e

    def _coded(self, e: exc.DBAPIError) -> Exception:
        """The coded error for a database error met while writing (the error itself when it is
        a fault of Collingwood's, which must stay visible)."""
        state = sqlstate(e)
        if isinstance(e, exc.OperationalError) and self.engine.dialect.name == "sqlite" and _is_busy(e):
            return CaseBusy(self.label, busy_timeout())
        if state in BUSY_STATES:
            return CaseBusy(self.label, busy_timeout())
        if state in RETRY_STATES:
            return CaseConflict(f"{self.label}: the write met {RETRY_STATES[state]} with another writer "
                                "and was not stored; run the command again.")
        if isinstance(e, exc.IntegrityError):
            return CaseConflict(f"{self.label}: the write collided with another ({e.orig}); nothing of it "
                                "was stored. Run the command again: it reads the case anew.")
        if state == "42501":
            return CaseError(f"{self.label}: the database user may not do this ({str(e.orig).splitlines()[0]}). "
                             "Ask the server's administrator to grant the user the right to write the case.")
        if state and state.startswith("22"):      # data PostgreSQL refuses (a NUL character ...)
            return CaseError(f"{self.label} refused a value: {str(e.orig).splitlines()[0]}.")
        return e

    # --- lifecycle -----------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply pending migrations (Alembic revisions), once, under the write lock; returns
        the versions applied. A case from before Alembic is stamped at its version first."""
        with self.write() as conn:
            return migrations.upgrade(conn)

    def dispose(self) -> None:
        self.engine.dispose()

    def version(self) -> int:
        """The case's schema version (0: no schema; above SCHEMA_VERSION: a newer case)."""
        try:
            with self.engine.connect() as conn:
                v = migrations.current_version(conn)
                return SCHEMA_VERSION + 1 if v is None else v
        except CaseUnreachable:
            raise
        except exc.OperationalError as e:
            if _is_busy(e):
                raise CaseBusy(self.label, busy_timeout()) from e
            raise CaseError(f"{self.label} cannot be opened as a case: {str(e.orig)}.") from e
        except exc.DatabaseError as e:
            raise CaseError(f"{self.label} is not a Collingwood case (not a database: {e.orig}).") from e

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
            raise CaseError(f"{self.label} is not a Collingwood case (no schema).")
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
        """An audit row without row images (a summary: not undoable). Writes go through
        ``_changes`` instead, which keeps the rows before and after."""
        audit_trail.record(conn, self.actor, action, target, None, **detail)

    @contextmanager
    def _changes(self, conn: Connection, action: str, target: str, into: Changes | None = None,
                 **note) -> Iterator[Changes]:
        """The typed write path: the body changes rows through the yielded Changes; one audit
        row with their before and after images follows in the same transaction (none when
        nothing changed). ``into``: part of a larger change that records itself."""
        if into is not None:
            yield into
            return
        ch = Changes(conn)
        yield ch
        audit_trail.record(conn, self.actor, action, target, ch, **note)

    # --- meta -----------------------------------------------------------------
    def set_meta(self, key: str, value, conn: Connection | None = None) -> None:
        def write(c: Connection) -> None:
            with self._changes(c, "set_meta", key) as ch:   # unchanged (perhaps set by a concurrent run): no row
                ch.put(meta_table, {"key": key}, {"value": value})
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

    def add_source(self, src: Source, conn: Connection, changes: Changes | None = None) -> None:
        with self._changes(conn, "add_source", src.id, changes) as ch:
            self._add_source(src, conn, ch)

    def _add_source(self, src: Source, conn: Connection, ch: Changes) -> None:
        ch.insert(sources, dict(
            id=src.id, title=src.title, kind=src.kind, authors=src.authors, date=src.date,
            written=src.written.to_dict() if src.written else None,
            archive_ref=src.archive_ref, url=src.url, licence=src.licence,
            citation=src.citation, path=src.path, format=src.format,
            content_hash=src.content_hash, text=src.text, pages=[list(p) for p in src.pages],
            extra=src.extra, ingested_at=_now(),
        ))
        self._index_source(conn, src.id)
        if src.path:
            ch.insert(source_names, dict(source_id=src.id, path=src.path, seen_at=_now()))

    @staticmethod
    def _index_source(conn: Connection, source_id: str) -> None:
        """SQLite's FTS5 rows of a source follow its row (PostgreSQL's index follows by itself)."""
        if conn.dialect.name != "sqlite":
            return
        conn.execute(text("DELETE FROM source_fts WHERE source_id = :i"), {"i": source_id})
        conn.execute(text("INSERT INTO source_fts(source_id, title, body) SELECT id, title, text "
                          "FROM sources WHERE id = :i"), {"i": source_id})

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
        except CaseConflict:                # a writer outside our lock took the key: re-read
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
                with self._changes(conn, "add_source_name", row["id"]) as ch:
                    ch.insert(source_names, dict(source_id=row["id"], path=src.path, seen_at=_now()))
                outcome = "named"
            if row["path"] and not path_exists(row["path"]):
                with self._changes(conn, "move_source", row["id"]) as ch:
                    ch.update(sources, {"id": row["id"]}, {"path": src.path})
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
        with self._changes(conn, "update_source_metadata", row["id"], fields=sorted(changed)) as ch:
            ch.update(sources, {"id": row["id"]}, changed)
        if "title" in changed and conn.dialect.name == "sqlite":
            conn.execute(text("UPDATE source_fts SET title = :t WHERE source_id = :i"),
                         {"t": changed["title"], "i": row["id"]})
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
                        raise CaseBusy(self.label, busy_timeout()) from e
                    raise SearchSyntaxError(query, fts_problem(str(e.orig))) from e
                return [{"source_id": r["source_id"], "title": r["title"], "snippet": r["snip"]}
                        for r in rows]
            if "\x00" in query:
                raise SearchSyntaxError(query, "the query holds a NUL character")
            # PostgreSQL: web-search syntax ("phrase", or, -word), ranked, the words marked as FTS5 marks them
            rows = conn.execute(text(
                "SELECT id, title, ts_headline('english', left(text, 100000), q, "
                "'StartSel=[, StopSel=], MaxWords=16, MinWords=8, MaxFragments=1, FragmentDelimiter= … ') AS snip "
                f"FROM sources, websearch_to_tsquery('english', :q) AS q WHERE {PG_FTS_DOCUMENT} @@ q "
                f"ORDER BY ts_rank({PG_FTS_DOCUMENT}, q) DESC, id LIMIT :n"), {"q": query, "n": max(1, limit)})
            return [{"source_id": i, "title": t, "snippet": snip} for i, t, snip in rows]

    # --- entities ---------------------------------------------------------------
    def upsert_entity(self, ent: Entity, conn: Connection, origin: str = "analyst",
                      changes: Changes | None = None) -> bool:
        """Add an entity, or the aliases it does not have yet; True when anything was new."""
        existing = conn.execute(select(entities.c.id).where(entities.c.id == ent.id)).scalar()
        with self._changes(conn, "add_entity" if existing is None else "add_aliases", ent.id, changes) as ch:
            changed = existing is None
            if existing is None:
                ch.insert(entities, dict(id=ent.id, name=ent.name, kind=ent.kind, notes=ent.notes, origin=origin))
            known = {(n, k) for n, k in conn.execute(
                select(aliases.c.name, aliases.c.kind).where(aliases.c.entity_id == ent.id))}
            new = []
            for al in ent.aliases:
                if (al.name, al.kind) in known:
                    continue
                new.append(dict(entity_id=ent.id, name=al.name, kind=al.kind,
                                valid=al.valid.to_dict() if al.valid else None, source_id=al.source_id,
                                origin=origin))
                known.add((al.name, al.kind))
            if new:
                ch.insert(aliases, new)
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
    def add_mentions(self, items: Iterable[Mention], conn: Connection, changes: Changes | None = None) -> int:
        """Store mentions (audited by batch, with their ids: enough to undo, and cheap)."""
        rows = [_mention_row(m) for m in items]
        if rows:
            with self._changes(conn, "add_mentions", rows[0]["source_id"], changes) as ch:
                ch.insert(mentions, rows, brief=True)
        return len(rows)

    def mentions(self) -> list[Mention]:
        """Every mention, in the order they were stored (their ids): the order is part of what
        reads show (an entity's ``mentioned_as`` and the alias kind it was first seen with),
        and a table read without ORDER BY has none on PostgreSQL, whose rows move when a
        re-extraction deletes and adds a source's mentions."""
        with self.engine.connect() as conn:
            q = select(*(mentions.c[k] for k in MENTION_FIELDS)).order_by(mentions.c.id)
            return [Mention(*r) for r in conn.execute(q)]

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

    def add_claims(self, items: Iterable[Claim], conn: Connection, changes: Changes | None = None) -> int:
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
            with self._changes(conn, "add_claims", fresh[0]["source_id"], changes, count=len(fresh),
                               extracted_by=sorted({r["extracted_by"] for r in fresh})) as ch:
                ch.insert(claims, fresh, brief=changes is not None)     # an extractor's batch: ids only
        return len(fresh)

    # what a re-read casebook entry may change in its stored claim (the id fixes the rest)
    REVISABLE = ("start", "end", "quote", "page", "subject", "predicate", "object", "time", "place",
                 "polarity", "modality", "asserted_by", "reported_by", "confidence", "note")

    def revise_claims(self, items: Iterable[Claim], conn: Connection) -> int:
        """For claims already stored under the same id (the analyst's casebook entries, read
        again), apply what the entry now says (its date, place, modality ...; with an id given
        in the entry, its subject, object, quote ... too) as a new version, audited; the status
        stays what the analyst decided in review, and a claim edited by hand since
        (`collingwood edit`) keeps the edit. Returns how many changed."""
        items = [c for c in items if c.extracted_by == EXTRACTORS_HUMAN]
        if not items:
            return 0
        stored = {r["id"]: r for r in conn.execute(
            select(claims).where(claims.c.id.in_([c.id for c in items]))).mappings()}
        changed = 0
        for c in items:
            row = stored.get(c.id)
            if row is None or row["edited_by"] is not None or row["source_id"] != c.source_id:
                continue
            new = {k: v for k, v in _claim_row(c).items() if k in self.REVISABLE}
            diff = {k: v for k, v in new.items() if row[k] != v}
            if diff:
                now = _now()
                with self._changes(conn, "revise_claim", c.id, fields=sorted(diff),
                                   version=row["version"] + 1) as ch:
                    ch.update(claims, {"id": c.id}, {**diff, "version": row["version"] + 1, "changed_at": now,
                                                     "changed_by": self.actor, "change": "revise"})
                    self._keep_version(ch, row, now)
                changed += 1
        return changed

    def add_claim(self, claim: Claim) -> bool:
        with self.write() as conn:
            return self.add_claims([claim], conn) == 1

    def set_claim_status(self, claim_id: str, status: str, note: str = "",
                         expected_version: int | None = None) -> Claim:
        """A review decision: a new version of the claim with this status (audited with the note)."""
        return self.update_claim(claim_id, {"status": status}, expected_version, change="review",
                                 action="set_claim_status", note=note)

    # --- claims: versions -----------------------------------------------------------
    def update_claim(self, claim_id: str, values: dict, expected_version: int | None, change: str = "edit",
                     edited: bool = False, action: str = "edit_claim", **detail) -> Claim:
        """Change a stored claim: one compare-and-set in one write transaction. The row is
        updated only where its version is still ``expected_version`` (None: whatever it is
        now), its version goes up by one and the row as it was is kept in ``claim_versions``.
        A claim that changed since the caller read it raises StaleVersion, naming the current
        version; nothing is written. ``values`` are column values (see `_claim_row`); the same
        values as now make no new version. ``edited``: a hand edit of the reading, which
        re-extraction never overwrites."""
        with self.write() as conn:
            row = conn.execute(select(claims).where(claims.c.id == claim_id)).mappings().first()
            if row is None:
                raise NotFound(f"No claim {claim_id!r} in this case; see `collingwood claims --json` for ids.")
            if expected_version is not None and row["version"] != expected_version:
                raise _stale(row, expected_version)
            diff = {k: v for k, v in values.items() if row[k] != v}
            if not diff:                        # nothing changes: no new version; a reason still counts
                if detail.get("note"):
                    self._audit(conn, action, claim_id, version=row["version"], fields=[], **detail)
                return _claim(row)
            now = _now()
            stamp = dict(version=row["version"] + 1, changed_at=now, changed_by=self.actor, change=change)
            if edited:
                stamp["edited_by"] = self.actor
            with self._changes(conn, action, claim_id, version=stamp["version"], fields=sorted(diff),
                               **detail) as ch:
                done = ch.update(claims, {"id": claim_id}, {**diff, **stamp},
                                 guard=claims.c.version == row["version"])
                if done is None:    # a writer without our lock got there first: never overwrite it
                    current = conn.execute(select(claims).where(claims.c.id == claim_id)).mappings().first()
                    raise _stale(current or row, row["version"] if expected_version is None else expected_version)
                self._keep_version(ch, row, now)
            return _claim(conn.execute(select(claims).where(claims.c.id == claim_id)).mappings().first())

    def _keep_version(self, ch: Changes, row, now: str, by: str | None = None) -> None:
        fields = {k: v for k, v in dict(row).items() if k not in ("id", "version")}
        ch.insert(claim_versions, dict(claim_id=row["id"], version=row["version"], fields=fields,
                                       replaced_at=now, replaced_by=by or self.actor), brief=True)

    def claim(self, claim_id: str) -> Claim | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(claims).where(claims.c.id == claim_id)).mappings().first()
        return _claim(row) if row else None

    def claim_history(self, claim_id: str) -> list[ClaimVersion]:
        """Every version of a claim, the first first, the current last (a claim the extractor
        no longer finds has only its earlier versions)."""
        with self.engine.connect() as conn:
            old = conn.execute(select(claim_versions).where(claim_versions.c.claim_id == claim_id)
                               .order_by(claim_versions.c.version)).mappings().all()
            row = conn.execute(select(claims).where(claims.c.id == claim_id)).mappings().first()
        if row is None and not old:
            raise NotFound(f"No claim {claim_id!r} in this case, now or before.")
        out = [_version(dict(r["fields"], id=claim_id, version=r["version"]), r["replaced_at"])
               for r in old]
        if row is not None:
            out.append(_version(dict(row), None))
        return out

    def claims_of(self, source_id: str) -> list[Claim]:
        """Every claim of one source (rejected ones too), in the order of `claims`."""
        q = select(*(claims.c[k] for k in _CLAIM_READ)).where(claims.c.source_id == source_id).order_by(
            claims.c.start, claims.c.id)
        with self.engine.connect() as conn:       # the columns a Claim holds, as plain rows
            return [_claim_of(*r) for r in conn.execute(q)]

    def claims(self, include_rejected: bool = False) -> list[Claim]:
        q = select(*(claims.c[k] for k in _CLAIM_READ)).order_by(claims.c.source_id, claims.c.start, claims.c.id)
        if not include_rejected:
            q = q.where(claims.c.status != "rejected")
        with self.engine.connect() as conn:       # the columns a Claim holds, as plain rows
            return [_claim_of(*r) for r in conn.execute(q)]

    def replace_extracted(self, source_id: str, extractor: str, new_mentions: list[Mention],
                          new_claims: list[Claim], new_entities: list[Entity],
                          rules: str | None = None, only_if_new: bool = False) -> int | None:
        """Store one extractor's output for one source, atomically, over its earlier run.

        A claim re-found (the same id: identity.claim_id) is the same claim: when the
        extractor now reads more or other details (a date, a place, its confidence), the
        stored claim gets a new version; when nothing changed, nothing is written. A re-found
        reading whose span only moved (identity.same_reading) keeps the stored claim's id.
        A claim the analyst reviewed (status other than 'proposed') or edited by hand is never
        changed or dropped. A proposed claim no longer found is dropped; its last version is
        kept in the history, so the id it had carries on if it is found again.
        only_if_new: store nothing (and return None) when this extractor has already read the
        source with these rules, as when another process extracting the same case got there first.
        Returns how many of the new claims this run holds for the source.
        """
        with self.write() as conn:
            if only_if_new:
                done = conn.execute(select(extraction_runs.c.rules).where(
                    (extraction_runs.c.source_id == source_id)
                    & (extraction_runs.c.extractor == extractor))).first()
                if done is not None and (rules is None or done[0] == rules):
                    return None
            with self._changes(conn, "extract", source_id, extractor=extractor) as ch:
                mine = (mentions.c.source_id == source_id) & (mentions.c.extracted_by == extractor)
                if _mention_set(conn.execute(select(mentions).where(mine)).mappings()) != _mention_set(
                        _mention_row(m) for m in new_mentions):       # the same mentions again: kept
                    ch.delete(mentions, mine)
                    self.add_mentions(new_mentions, conn, changes=ch)
                for ent in new_entities:
                    self.upsert_entity(ent, conn, origin=extractor, changes=ch)
                held = self._merge_claims(conn, ch, source_id, extractor, new_claims)
                run = conn.execute(select(extraction_runs).where(
                    (extraction_runs.c.source_id == source_id)
                    & (extraction_runs.c.extractor == extractor))).mappings().first()
                if ch or run is None or (run["claims"], run["rules"]) != (held, rules):
                    ch.put(extraction_runs, dict(source_id=source_id, extractor=extractor),
                           dict(at=_now(), claims=held, rules=rules))    # a run that changed nothing: no row
                ch.note.update(mentions=len(new_mentions), claims=held)
            return held

    @staticmethod
    def _as_read(conn: Connection, ids: list[str]) -> dict[str, Claim]:
        """For claims the analyst edited: the last version the machine read (before the edit),
        so the same reading found again is known for the edited claim, not taken for a new one."""
        if not ids:
            return {}
        out: dict[str, Claim] = {}
        for r in conn.execute(select(claim_versions).where(claim_versions.c.claim_id.in_(ids))
                              .order_by(claim_versions.c.version)).mappings():
            if r["fields"].get("edited_by") is None:
                out[r["claim_id"]] = _claim(dict(r["fields"], id=r["claim_id"], version=r["version"]))
        return out

    # the fields the extractor may change in a claim it proposed and nobody touched
    MACHINE_FIELDS = ("start", "end", "quote", "page", "subject", "predicate", "object", "time", "place",
                      "polarity", "modality", "asserted_by", "reported_by", "confidence",
                      "subject_id", "object_id")

    def _merge_claims(self, conn: Connection, ch: Changes, source_id: str, extractor: str,
                      new_claims: list[Claim]) -> int:
        text_ = conn.execute(select(sources.c.text).where(sources.c.id == source_id)).scalar()
        fresh: dict[str, Claim] = {}
        for c in new_claims:
            self.check_claim(c, text_)
            fresh.setdefault(c.id, c)                   # one claim an id: the first
        old = {r["id"]: r for r in conn.execute(select(claims).where(
            (claims.c.source_id == source_id) & (claims.c.extracted_by == extractor))).mappings()}
        _carry_ids(old, fresh, self._as_read(conn, [cid for cid, r in old.items()
                                                    if r["edited_by"] is not None and cid not in fresh]))
        now, held = _now(), 0
        inserts = []
        for cid, c in fresh.items():
            row = old.get(cid)
            if row is None:
                inserts.append(c)
                continue
            if row["status"] != "proposed" or row["edited_by"] is not None:
                continue                                # the analyst's: kept as it is
            held += 1
            new = {k: v for k, v in _claim_row(c).items() if k in self.MACHINE_FIELDS}
            diff = {k: v for k, v in new.items() if row[k] != v}
            if diff:
                ch.update(claims, {"id": cid}, {**diff, "version": row["version"] + 1, "changed_at": now,
                                                "changed_by": extractor, "change": "extract"})
                self._keep_version(ch, row, now, by=extractor)
        gone = [r for cid, r in old.items() if cid not in fresh
                and r["status"] == "proposed" and r["edited_by"] is None]
        for r in gone:
            self._keep_version(ch, r, now, by=extractor)
        if gone:
            ch.delete(claims, claims.c.id.in_([r["id"] for r in gone]))
        if inserts:
            present = set(conn.execute(select(claims.c.id).where(
                claims.c.id.in_([c.id for c in inserts]))).scalars())     # another's claim with this id
            inserts = [c for c in inserts if c.id not in present]
        if inserts:
            last = dict(conn.execute(select(claim_versions.c.claim_id, func.max(claim_versions.c.version))
                                     .where(claim_versions.c.claim_id.in_([c.id for c in inserts]))
                                     .group_by(claim_versions.c.claim_id)).all())
            rows = []
            for c in inserts:
                r = _claim_row(c)
                r.update(version=last.get(c.id, 0) + 1, changed_at=now, changed_by=extractor, change="extract")
                rows.append(r)
            ch.insert(claims, rows, brief=True)
        held += len(inserts)
        ch.note.update(added=len(inserts), dropped=len(gone))
        return held

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

    def changes_after(self, revision: int) -> list[dict]:
        """The audited changes after ``revision``, oldest first: id, action, target."""
        q = (select(audit.c.id, audit.c.action, audit.c.target).where(
            (audit.c.id > revision) & audit.c.action.notin_(self.ANALYSIS_ACTIONS)).order_by(audit.c.id))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

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

    def save_run(self, run: dict, results: dict[str, list[dict]],
                 delta: dict[str, tuple[list, list[dict]]] | None = None) -> int:
        """Store one analysis run and what it found, in one transaction: ``results`` maps a
        table of stored analysis (``events``, ``findings``, ``resolved_entities``,
        ``claim_links``, ``name_keys``, ``gradings``, ``open_questions``) to its new rows,
        which replace the old; a table not named keeps the rows of the run that made them.
        ``delta`` (an incremental run) maps a table to (keys of rows to delete, rows to insert):
        only those rows change. The rows of ``results`` may be any iterable (a generator that
        makes them as they are stored): they are written in batches, never all held at once.
        Returns the run's id."""
        tables = _stored_tables()
        with self.write() as conn:
            run_id = conn.execute(insert(analysis_runs).values(**run)).inserted_primary_key[0]
            for name, rows in results.items():
                table = tables[name]
                conn.execute(delete(table))
                rows = iter(rows)
                while chunk := [dict(r, run_id=run_id) for r in islice(rows, 20_000)]:
                    conn.execute(insert(table), chunk)
            for name, (keys, rows) in (delta or {}).items():
                table = tables[name]
                key = list(table.primary_key.columns)[0]
                for i in range(0, len(keys), 5_000):
                    conn.execute(delete(table).where(key.in_(keys[i:i + 5_000])))
                if rows:
                    conn.execute(insert(table), [dict(r, run_id=run_id) for r in rows])
            self._audit(conn, "analysis_run", str(run_id), mode=run["mode"], trigger=run["trigger"],
                        counts=run["counts"], undoable=False, why="derived from the claims (an analysis run)")
        return run_id

    def stored(self, name: str, where=None) -> list[dict]:
        """The stored rows of one table of analysis results, in their order."""
        table = _stored_tables()[name]
        q = select(table)
        if where is not None:
            q = q.where(where(table))
        if "ord" in table.c:
            q = q.order_by(table.c.ord)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def stream(self, name: str, columns: tuple[str, ...] | None = None, batch: int = 20_000) -> Iterator:
        """The stored rows of one table of analysis results, in their order, as they are read:
        a row at a time (a server-side cursor on PostgreSQL), never all held at once. Each row
        is a tuple of ``columns`` (all the table's columns when None), so a read of a million
        rows builds no dict per row."""
        table = _stored_tables()[name]
        q = select(*(table.c[c] for c in columns)) if columns else select(table)
        if "ord" in table.c:
            q = q.order_by(table.c.ord)
        with self.engine.connect() as conn:
            yield from conn.execution_options(yield_per=batch).execute(q)

    def set_verdict(self, finding_id: str, verdict: str, note: str = "") -> None:
        with self.write() as conn, self._changes(conn, "set_verdict", finding_id, verdict=verdict, note=note) as ch:
            ch.put(verdicts, {"finding_id": finding_id}, dict(verdict=verdict, note=note, by=self.actor, at=_now()))

    def verdicts(self) -> dict[str, tuple[str, str]]:
        with self.engine.connect() as conn:
            return {f: (v, n) for f, v, n in conn.execute(
                select(verdicts.c.finding_id, verdicts.c.verdict, verdicts.c.note))}

    def add_curation(self, kind: str, a: str, b: str, a_id: str | None = None, b_id: str | None = None) -> None:
        """A merge or split of two names; a_id, b_id: the entities the names denoted then."""
        with self.write() as conn, self._changes(conn, kind, a, other=b, a_id=a_id, b_id=b_id) as ch:
            ch.insert(curation, dict(kind=kind, a=a, b=b, a_id=a_id, b_id=b_id, by=self.actor, at=_now()))

    def curation(self, kind: str) -> list[Curated]:
        """The analyst's merges or splits, oldest first: (name, other name) pairs that also
        carry the entity ids the names denoted when the analyst decided."""
        q = select(curation.c.a, curation.c.b, curation.c.a_id, curation.c.b_id).where(
            curation.c.kind == kind).order_by(curation.c.id)
        with self.engine.connect() as conn:
            return [Curated(a, b, a_id, b_id) for a, b, a_id, b_id in conn.execute(q)]

    def add_judgment(self, witness: str, target: str, value: str, note: str = "") -> None:
        with self.write() as conn, self._changes(conn, "judge", witness, on=target, value=value, note=note) as ch:
            ch.insert(judgments, dict(witness=witness, target=target, value=value, note=note, by=self.actor,
                                      at=_now()))

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
            with self._changes(conn, "set_hypotheses", question, file=file, count=len(entries)) as ch:
                ch.delete(ratings, ratings.c.hypothesis_id.in_(old) & (ratings.c.by == "file"))
                ch.delete(ratings, ratings.c.hypothesis_id.in_(old - new_ids))
                ch.delete(hypotheses, hypotheses.c.question == question)
                ch.insert(hypotheses, [dict(
                    id=prefix + str(e["id"]), question=question, local_id=str(e["id"]),
                    label=str(e.get("label", e["id"])), statement=str(e.get("statement", "")),
                    definition=e, file=file, by=self.actor, at=_now()) for e in entries])
                ch.insert(ratings, [dict(
                    hypothesis_id=prefix + str(r["hypothesis"]), evidence_id=str(r["evidence"]),
                    rating=str(r["rating"]), note=str(r.get("note") or ""), by="file", at=_now())
                    for r in file_ratings])
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
            with self._changes(conn, "rate", hid, evidence=evidence, rating=rating, note=note) as ch:
                ch.put(ratings, {"hypothesis_id": hid, "evidence_id": evidence},
                       dict(rating=rating, note=note, by=self.actor, at=_now()))

    def audit_log(self) -> list[dict]:
        """Every audit row, oldest first, as stored (detail holds before, after and the note)."""
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(audit).order_by(audit.c.id)).mappings()]

    def audit_entries(self, limit: int | None = None, target: str | None = None) -> list[dict]:
        """The audit log, newest first: id, at, actor, action, target, before, after, note."""
        with self.engine.connect() as conn:
            return audit_trail.log(conn, limit=limit, target=target)

    def undo(self, audit_id: int) -> dict:
        """Restore the rows an audited change touched to their state before it, in one
        transaction, itself audited (action ``undo``); the undo's own audit entry. A change
        that later changes depend on is refused (UndoRefused, saying which)."""
        with self.write() as conn:
            entry, ch = audit_trail.undo(conn, self.actor, audit_id)
            for key in {r["id"] for side in ch.images() for r in side.get("sources", [])}:
                self._index_source(conn, key)
            new_id = audit_trail.record(conn, self.actor, "undo", str(audit_id), ch,
                                        undoes=audit_id, action_undone=entry["action"])
            if new_id is None:
                from .errors import UndoRefused
                raise UndoRefused(f"Audit entry {audit_id} changed nothing that is still there to undo.")
            return audit_trail.entry_record(conn.execute(select(audit).where(audit.c.id == new_id)).mappings().one())

    def counts(self) -> dict[str, int]:
        out = {}
        with self.engine.connect() as conn:
            for t in (sources, entities, aliases, mentions, claims, events, findings):
                out[t.name] = conn.execute(select(func.count()).select_from(t)).scalar() or 0
        return out


MENTION_FIELDS = ("source_id", "start", "end", "text", "kind", "entity_id", "alias_kind", "alias_of",
                  "extracted_by")
assert MENTION_FIELDS == tuple(f.name for f in dataclasses.fields(Mention))   # Store.mentions builds them by position


def _mention_row(m: Mention) -> dict:
    return {k: getattr(m, k) for k in MENTION_FIELDS}


def _mention_set(rows) -> list[tuple]:
    """Mentions as comparable values, without their row ids (order does not matter)."""
    return sorted((tuple(r[k] for k in MENTION_FIELDS) for r in rows), key=repr)


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
        created_at=_now(), version=c.version, subject_id=c.subject_id, object_id=c.object_id,
        edited_by=c.edited_by,
    )


def _stored_tables() -> dict:
    """The tables of stored analysis results, by name."""
    return {t.name: t for t in (events, findings, *STORED_ANALYSIS, *STORED_GRAPH)}


def claim_values(c: Claim) -> dict:
    """A claim's column values, as `Store.update_claim` takes them."""
    row = _claim_row(c)
    for k in ("id", "created_at", "version", "edited_by"):
        del row[k]
    return row


def _claim(r) -> Claim:
    return Claim(
        id=r["id"], source_id=r["source_id"], start=r["start"], end=r["end"], quote=r["quote"],
        page=r["page"], subject=r["subject"], predicate=r["predicate"], object=r["object"],
        time=TimeSpan.from_dict(r["time"]) if r["time"] else None, place=r["place"],
        polarity=r["polarity"], modality=r["modality"], asserted_by=r["asserted_by"],
        reported_by=r["reported_by"], extracted_by=r["extracted_by"], status=r["status"],
        confidence=r["confidence"], note=r["note"], version=r.get("version") or 1,
        subject_id=r.get("subject_id"), object_id=r.get("object_id"), edited_by=r.get("edited_by"),
    )


_CLAIM_READ = ("id", "source_id", "start", "end", "quote", "page", "subject", "predicate", "object", "time",
               "place", "polarity", "modality", "asserted_by", "reported_by", "extracted_by", "status",
               "confidence", "note", "version", "subject_id", "object_id", "edited_by")


def _claim_of(id, source_id, start, end, quote, page, subject, predicate, object, time, place, polarity,
              modality, asserted_by, reported_by, extracted_by, status, confidence, note, version,
              subject_id, object_id, edited_by) -> Claim:
    """`_claim` of a row of the columns ``_CLAIM_READ``, in their order."""
    return Claim(
        id=id, source_id=source_id, start=start, end=end, quote=quote, page=page, subject=subject,
        predicate=predicate, object=object, time=TimeSpan.from_dict(time) if time else None, place=place,
        polarity=polarity, modality=modality, asserted_by=asserted_by, reported_by=reported_by,
        extracted_by=extracted_by, status=status, confidence=confidence, note=note, version=version or 1,
        subject_id=subject_id, object_id=object_id, edited_by=edited_by,
    )


def _version(r: dict, replaced_at: str | None) -> ClaimVersion:
    return ClaimVersion(
        version=r.get("version") or 1, claim=_claim(r),
        at=r.get("changed_at") or r.get("created_at") or "", by=r.get("changed_by") or r.get("extracted_by") or "",
        change=r.get("change") or ("ingest" if r.get("extracted_by") == EXTRACTORS_HUMAN else "extract"),
        replaced_at=replaced_at)


def _stale(row, expected: int) -> StaleVersion:
    return StaleVersion(row["id"], row["version"], expected, by=row.get("changed_by"), at=row.get("changed_at"))


def _carry_ids(old: dict, fresh: dict[str, Claim], as_read: dict[str, Claim]) -> None:
    """A new reading whose id is new but which is the same reading as a stored claim that was
    not found again (its span moved with the rules, or it was stored by an older recipe) takes
    that claim's id: one to one, in passage order (identity.same_reading). An edited claim is
    compared as the machine read it (``as_read``), not as the analyst corrected it."""
    orphans = [as_read.get(cid) or _claim(r) for cid, r in sorted(old.items(), key=lambda kv: (kv[1]["start"], kv[0]))
               if cid not in fresh]
    if not orphans:
        return
    by_pred: dict[tuple, list[Claim]] = {}
    for o in orphans:
        by_pred.setdefault((o.predicate, o.polarity), []).append(o)
    newcomers = sorted((c for cid, c in fresh.items() if cid not in old), key=lambda c: (c.start, c.end, c.id))
    taken: set[str] = set()
    for c in newcomers:
        match = next((o for o in by_pred.get((c.predicate, c.polarity), ())
                      if o.id not in taken and same_reading(c, o)), None)
        if match is not None:
            taken.add(match.id)
            del fresh[c.id]
            c.id = match.id
            fresh[c.id] = c


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)
