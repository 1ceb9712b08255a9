"""The tables of a case and their versioned migrations (SQLAlchemy Core).

Migrations are an append-only list of ``(version, description, function)``; the first
creates every table below as it stood then. Never edit a released migration: add one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)

metadata = MetaData()

meta_table = Table(
    "meta", metadata,
    Column("key", String, primary_key=True),
    Column("value", JSON),
)
migrations_table = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("description", String, nullable=False),
    Column("applied_at", String, nullable=False),
)
sources = Table(
    "sources", metadata,
    Column("id", String, primary_key=True),
    Column("title", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("authors", JSON, nullable=False),
    Column("date", String),
    Column("written", JSON),
    Column("archive_ref", String),
    Column("url", String),
    Column("licence", String),
    Column("citation", Text),
    Column("path", String),
    Column("format", String, nullable=False),
    Column("content_hash", String, nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("pages", JSON, nullable=False),
    Column("extra", JSON, nullable=False),
    Column("ingested_at", String, nullable=False),
)
entities = Table(
    "entities", metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("notes", Text, nullable=False, default=""),
    Column("origin", String, nullable=False, default="analyst"),
)
aliases = Table(
    "aliases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("name", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("valid", JSON),
    Column("source_id", String, ForeignKey("sources.id")),
    Column("origin", String, nullable=True),      # who added the alias: analyst or an extractor (migration 4)
)
source_names = Table(                              # every path the same bytes were ingested from (migration 4)
    "source_names", metadata,
    Column("source_id", String, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("path", String, primary_key=True),
    Column("seen_at", String, nullable=False),
)
mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("entity_id", String),
    Column("alias_kind", String),
    Column("alias_of", String),
    Column("extracted_by", String, nullable=False),
)
claims = Table(
    "claims", metadata,
    Column("id", String, primary_key=True),
    Column("source_id", String, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("page", Integer),
    Column("subject", String, nullable=False),
    Column("predicate", String, nullable=False),
    Column("object", String),
    Column("time", JSON),
    Column("place", String),
    Column("polarity", String, nullable=False),
    Column("modality", String, nullable=False),
    Column("asserted_by", String),
    Column("reported_by", String),
    Column("extracted_by", String, nullable=False),
    Column("status", String, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("created_at", String, nullable=False),
    # migration 5: versions and the extractor's entity links
    Column("version", Integer, nullable=False, default=1, server_default="1"),
    Column("subject_id", String),              # the entity the extractor linked the subject to
    Column("object_id", String),
    Column("edited_by", String),               # who last edited the reading by hand (NULL: as read)
    Column("changed_at", String),              # when this version was made (NULL: at created_at)
    Column("changed_by", String),              # who made it (an actor or an extractor)
    Column("change", String),                  # how: extract, edit, review, revise, ...
)
claim_versions = Table(                        # every earlier version of a claim (migration 5)
    "claim_versions", metadata,
    Column("claim_id", String, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("fields", JSON, nullable=False),    # the claim's row as it was at that version
    Column("replaced_at", String, nullable=False),
    Column("replaced_by", String, nullable=False),
)
events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    Column("predicate", String, nullable=False),
    Column("participants", JSON, nullable=False),
    Column("time", JSON),
    Column("place", String),
    Column("track", String, nullable=False),
    Column("claim_ids", JSON, nullable=False),
    Column("run_id", Integer),                     # the analysis run that found it (migration 5)
    Column("ord", Integer),                        # its place in the resolution's order (migration 5)
    Column("disputed", Boolean),                   # its versions have no common day (migration 5)
)
findings = Table(
    "findings", metadata,
    Column("id", String, primary_key=True),
    Column("type", String, nullable=False),
    Column("severity", String, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("claim_ids", JSON, nullable=False),
    Column("run_id", Integer),                     # migration 5
    Column("ord", Integer),                        # rank in the register, most consequential first
)
verdicts = Table(
    "verdicts", metadata,
    Column("finding_id", String, primary_key=True),
    Column("verdict", String, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("by", String, nullable=False),
    Column("at", String, nullable=False),
)
curation = Table(
    "curation", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String, nullable=False),        # merge | split
    Column("a", String, nullable=False),
    Column("b", String, nullable=False),
    Column("by", String, nullable=False),
    Column("at", String, nullable=False),
    Column("a_id", String),                        # the entities the names denoted then (migration 5)
    Column("b_id", String),
)
judgments = Table(
    "judgments", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("witness", String, nullable=False),
    Column("target", String, nullable=False),      # 'grade' or a claim id / finding id
    Column("value", String, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("by", String, nullable=False),
    Column("at", String, nullable=False),
)
hypotheses = Table(
    "hypotheses", metadata,
    Column("id", String, primary_key=True),
    Column("question", Text, nullable=False),
    Column("label", String, nullable=False),
    Column("statement", Text, nullable=False),
    Column("local_id", String, nullable=False),    # the id written in the hypotheses file
    Column("definition", JSON, nullable=False),    # the entry as written: requires, excludes ...
    Column("file", String, nullable=False),
    Column("by", String, nullable=False),
    Column("at", String, nullable=False),
)
ratings = Table(
    "ratings", metadata,
    Column("hypothesis_id", String, ForeignKey("hypotheses.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence_id", String, primary_key=True),
    Column("rating", String, nullable=False),      # CC C N I II
    Column("note", Text, nullable=False, default=""),
    Column("by", String, nullable=False),
    Column("at", String, nullable=False),
)
extraction_runs = Table(
    "extraction_runs", metadata,
    Column("source_id", String, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("extractor", String, primary_key=True),
    Column("at", String, nullable=False),
    Column("claims", Integer, nullable=False),
    Column("rules", String, nullable=True),       # the extractor's rules fingerprint (migration 3)
)
audit = Table(
    "audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String, nullable=False),
    Column("actor", String, nullable=False),
    Column("action", String, nullable=False),
    Column("target", String, nullable=False),
    Column("detail", JSON, nullable=False),
)

# --- stored analysis (migration 5): what one analysis run found, read by every view ---------
analysis_runs = Table(
    "analysis_runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", String, nullable=False),
    Column("finished", String),                    # None while running (or if it died)
    Column("trigger", String, nullable=False),     # the command that asked for it
    Column("mode", String, nullable=False),        # full | judgment (resolution and detectors reused)
    Column("revision", Integer, nullable=False),   # the last audit id the run's snapshot includes
    Column("fingerprint", String, nullable=False),  # the analysis code and rules it ran with
    Column("changes", JSON, nullable=False),       # audit actions since the run before: {action: n}
    Column("counts", JSON, nullable=False),        # {claims, entities, events, findings, ...}
    Column("detail", JSON, nullable=False),        # resolution extras: ambiguous names, candidates
    Column("seconds", Float),
)
resolved_entities = Table(                         # the resolution's entity clusters
    "resolved_entities", metadata,
    Column("id", String, primary_key=True),
    Column("run_id", Integer, nullable=False),
    Column("ord", Integer, nullable=False),
    Column("name", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("notes", Text, nullable=False),
    Column("aliases", JSON, nullable=False),       # [{name, kind, valid, source_id}] incl. merged names
    Column("grounds", JSON, nullable=False),       # why each name joined the cluster
)
claim_links = Table(                               # each live claim's entities and event
    "claim_links", metadata,
    Column("claim_id", String, primary_key=True),
    Column("run_id", Integer, nullable=False),
    Column("subject_id", String),
    Column("object_id", String),
    Column("place_id", String),
    Column("event_id", String),
    Column("superseded_by", String),               # a machine copy of an analyst's claim
    Column("names_used", JSON),                    # [{role, name, entity_id, valid}]
)
name_keys = Table(                                 # matching key of a name -> entity ids
    "name_keys", metadata,
    Column("key", String, primary_key=True),
    Column("run_id", Integer, nullable=False),
    Column("entity_ids", JSON, nullable=False),
)
gradings = Table(                                  # one grading per person: every view reads it
    "gradings", metadata,
    Column("key", String, primary_key=True),       # entity id, or 'n:' + a name no entity has
    Column("run_id", Integer, nullable=False),
    Column("name", String, nullable=False),
    Column("prominence", String, nullable=False),  # peripheral | secondary | central
    Column("prominence_score", Float, nullable=False),
    Column("grade", String),                       # A-F for a witness, else None
    Column("grade_by", String),
    Column("grade_rule", Text),
    Column("witness_ord", Integer),                # place in the witness register
    Column("record", JSON),                        # the whole witness record
)
open_questions = Table(
    "open_questions", metadata,
    Column("id", String, primary_key=True),
    Column("run_id", Integer, nullable=False),
    Column("ord", Integer, nullable=False),
    Column("kind", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("record", JSON, nullable=False),
)
STORED_ANALYSIS = (resolved_entities, claim_links, name_keys, gradings, open_questions)

# --- the stored affinity graph (migration 7): the graph and the dossier read it, not draw it ---
affinity_nodes = Table(
    "affinity_nodes", metadata,
    Column("key", String, primary_key=True),       # entity id
    Column("run_id", Integer, nullable=False),
    Column("ord", Integer, nullable=False),        # the graph's node order
    Column("name", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("degree", Integer, nullable=False),
)
affinity_edges = Table(
    "affinity_edges", metadata,
    Column("a", String, primary_key=True),
    Column("b", String, primary_key=True),
    Column("run_id", Integer, nullable=False),
    Column("ord", Integer, nullable=False),        # an order that rebuilds each node's neighbour order
    Column("data", JSON, nullable=False),          # the edge's attributes (type, strength, grounds ...)
)
STORED_GRAPH = (affinity_nodes, affinity_edges)


# --- migrations ---------------------------------------------------------------
# Each migration is (version, description, function). Append; never edit a
# released one. The first creates every table of this module as it stood then.

def _m1_core(conn: Connection) -> None:
    metadata.create_all(conn)


PG_FTS_CHARS = 400_000      # characters of a source's text PostgreSQL's index reads (a tsvector holds < 1 MB)
PG_FTS_DOCUMENT = (f"to_tsvector('english', coalesce(title, '') || ' ' || left(text, {PG_FTS_CHARS}))")


def _m2_fulltext(conn: Connection) -> None:
    """SQLite: an FTS5 table beside sources (filled with the sources already there). PostgreSQL: a GIN index over the tsvector of
    each source's title and text (PostgreSQL cases began after this migration was written,
    so no released case lacks it)."""
    if conn.dialect.name == "sqlite":
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS source_fts USING fts5("
            "source_id UNINDEXED, title, body, tokenize='porter unicode61')"
        ))
        conn.execute(text(          # sources stored before the index (a case from version 1)
            "INSERT INTO source_fts (source_id, title, body) SELECT id, title, text FROM sources "
            "WHERE id NOT IN (SELECT source_id FROM source_fts)"))
    elif conn.dialect.name == "postgresql":
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS source_fts ON sources USING gin (({PG_FTS_DOCUMENT}))"))


def _m3_extraction_rules(conn: Connection) -> None:
    """Which rules an extractor ran with, so new rules re-read the sources. A case created
    by migration 1 of this version already has the column."""
    columns = {c["name"] for c in inspect(conn).get_columns("extraction_runs")}
    if "rules" not in columns:
        conn.execute(text("ALTER TABLE extraction_runs ADD COLUMN rules VARCHAR"))


def _m4_source_names(conn: Connection) -> None:
    """Every name a source's bytes were ingested under, and who added each alias. The names
    start with each source's own path; aliases with a source are an extractor's, the rest
    are taken to be the analyst's (written before aliases recorded their origin)."""
    insp = inspect(conn)
    if not insp.has_table("source_names"):
        source_names.create(conn)
    if "origin" not in {c["name"] for c in insp.get_columns("aliases")}:
        conn.execute(text("ALTER TABLE aliases ADD COLUMN origin VARCHAR"))
    conn.execute(text(
        "INSERT INTO source_names (source_id, path, seen_at) SELECT id, path, ingested_at "
        "FROM sources WHERE path IS NOT NULL AND id NOT IN (SELECT source_id FROM source_names)"))


_M5_CLAIM_COLUMNS = (("version", "INTEGER NOT NULL DEFAULT 1"), ("subject_id", "VARCHAR"),
                     ("object_id", "VARCHAR"), ("edited_by", "VARCHAR"), ("changed_at", "VARCHAR"),
                     ("changed_by", "VARCHAR"), ("change", "VARCHAR"))


def _m5_claim_versions(conn: Connection) -> None:
    """Claims get a version (every stored claim starts at 1), their extractor's entity links
    and who made each version; earlier versions go to ``claim_versions``; a merge or split
    records the entities its names denoted. Plain ADD COLUMN (SQLite and PostgreSQL alike);
    a case created by migration 1 of this version already has them all."""
    insp = inspect(conn)
    have = {c["name"] for c in insp.get_columns("claims")}
    for name, sql_type in _M5_CLAIM_COLUMNS:
        if name not in have:
            conn.execute(text(f'ALTER TABLE claims ADD COLUMN "{name}" {sql_type}'))
    have = {c["name"] for c in insp.get_columns("curation")}
    for name in ("a_id", "b_id"):
        if name not in have:
            conn.execute(text(f"ALTER TABLE curation ADD COLUMN {name} VARCHAR"))
    if not insp.has_table("claim_versions"):
        claim_versions.create(conn)


def _m6_stored_analysis(conn: Connection) -> None:
    """Analysis runs and what they found (resolution, gradings, open questions), and the run,
    order and dispute of each stored event and finding. Results stored before are dropped:
    the next read runs the analysis once and stores them with their run."""
    insp = inspect(conn)
    for table in (analysis_runs, *STORED_ANALYSIS):
        if not insp.has_table(table.name):
            table.create(conn)
    for table, cols in ((events, (("run_id", "INTEGER"), ("ord", "INTEGER"), ("disputed", "BOOLEAN"))),
                        (findings, (("run_id", "INTEGER"), ("ord", "INTEGER")))):
        have = {c["name"] for c in insp.get_columns(table.name)}
        for name, sql_type in cols:
            if name not in have:
                conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {name} {sql_type}"))
    conn.execute(text("DELETE FROM events WHERE run_id IS NULL"))
    conn.execute(text("DELETE FROM findings WHERE run_id IS NULL"))


def _m7_affinity_graph(conn: Connection) -> None:
    """The affinity graph is stored with the run that drew it. A case analysed before has no
    stored graph: its next read runs the analysis once (the fingerprint changed too)."""
    insp = inspect(conn)
    for table in STORED_GRAPH:
        if not insp.has_table(table.name):
            table.create(conn)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "core tables: sources, entities, aliases, mentions, claims, events, findings, "
        "verdicts, curation, judgments, hypotheses, ratings, audit", _m1_core),
    (2, "full-text index over source text", _m2_fulltext),
    (3, "extraction runs record the extractor's rules fingerprint", _m3_extraction_rules),
    (4, "every name a source was ingested under; who added each alias", _m4_source_names),
    (5, "claim versions and their history; the extractor's entity links; curation by entity id",
     _m5_claim_versions),
    (6, "stored analysis: analysis runs, resolution, gradings, open questions", _m6_stored_analysis),
    (7, "stored analysis: the affinity graph", _m7_affinity_graph),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
