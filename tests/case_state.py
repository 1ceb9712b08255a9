"""What a case holds, as plain sorted rows, and what a crash must never leave behind.

`canonical` reads a case file with the sqlite3 module, a PostgreSQL case with psycopg (not
through the code under test), and
returns every table that is the case's content, without timestamps and row ids, sorted: two
cases with equal `canonical` hold the same sources, names, entities, aliases, mentions,
claims, extraction runs, settings and hypotheses. `problems` lists what is broken or partial.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

# table -> the columns that are content (not when or in which order it was written)
CONTENT = {
    "sources": ("id", "title", "kind", "authors", "date", "written", "archive_ref", "url", "licence",
                "citation", "path", "format", "content_hash", "text", "pages", "extra"),
    "source_names": ("source_id", "path"),
    "entities": ("id", "name", "kind", "notes", "origin"),
    "aliases": ("entity_id", "name", "kind", "valid", "source_id", "origin"),
    "mentions": ("source_id", "start", '"end"', "text", "kind", "entity_id", "alias_kind", "alias_of",
                 "extracted_by"),
    "claims": ("id", "source_id", "start", '"end"', "quote", "page", "subject", "predicate", "object",
               "time", "place", "polarity", "modality", "asserted_by", "reported_by", "extracted_by",
               "status", "confidence", "note", "version", "subject_id", "object_id", "edited_by"),
    "claim_versions": ("claim_id", "version"),
    "extraction_runs": ("source_id", "extractor", "claims", "rules"),
    "meta": ("key", "value"),
    "hypotheses": ("id", "question", "label", "statement", "local_id", "definition", "file"),
    "ratings": ("hypothesis_id", "evidence_id", "rating", "note", "by"),
    "source_fts": ("source_id", "title", "body"),
    "schema_migrations": ("version", "description"),
}


class _Server:
    """A PostgreSQL case read with psycopg: rows as tuples, JSON values as their JSON text."""

    server = True

    def __init__(self, url: str):
        import psycopg
        self.conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)

    def execute(self, sql: str):
        rows = self.conn.execute(sql).fetchall()
        return _Rows([tuple(json.dumps(v) if isinstance(v, (dict, list)) else v for v in r) for r in rows])

    def close(self) -> None:
        self.conn.close()


class _Rows(list):
    def fetchall(self):
        return list(self)


def _connect(path: Path | str):
    if "://" in str(path):
        return _Server(str(path))
    # Read-write, not mode=ro: after a kill -9 the first connection must recover the WAL.
    assert Path(path).exists(), path
    return sqlite3.connect(path, timeout=30)


def _tables(con) -> set[str]:
    if getattr(con, "server", False):
        return {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")}
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def canonical(path: Path | str) -> dict[str, list[tuple]]:
    con = _connect(path)
    try:
        out = {}
        tables = _tables(con)
        for table, cols in CONTENT.items():
            if table not in tables:       # source_fts: SQLite's (PostgreSQL indexes sources itself)
                out[table] = []
                continue
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=lambda r: json.dumps(r, default=str))
        return out
    finally:
        con.close()


def problems(path: Path | str) -> list[str]:
    """Integrity and completeness: empty when the case is whole."""
    con = _connect(path)
    server = getattr(con, "server", False)
    try:
        found = []
        if not server:            # PostgreSQL checks its pages and foreign keys itself
            check = con.execute("PRAGMA integrity_check").fetchall()
            if check != [("ok",)]:
                found.append(f"integrity_check: {check[:5]}")
        tables = _tables(con)
        if not tables:                  # killed before the first migration committed: empty, whole
            return found
        if "schema_migrations" not in tables or "sources" not in tables:
            return found + [f"a partial schema: {sorted(tables)}"]
        if not server and con.execute("PRAGMA foreign_key_check").fetchall():
            found.append("foreign_key_check found rows without their parent")
        texts = dict(con.execute("SELECT id, text FROM sources"))
        fts = (set(texts) if server else
               {r[0] for r in con.execute("SELECT source_id FROM source_fts")})
        names = {r[0] for r in con.execute("SELECT source_id FROM source_names")}
        for sid, body in texts.items():
            if not body:
                found.append(f"source {sid} has no text")
            if sid not in fts:
                found.append(f"source {sid} is not in the full-text index")
            if sid not in names:
                found.append(f"source {sid} has no recorded name")
        if fts - set(texts):
            found.append(f"full-text rows without a source: {sorted(fts - set(texts))}")
        for cid, sid, start, end, quote in con.execute('SELECT id, source_id, start, "end", quote FROM claims'):
            body = texts.get(sid)
            if body is None or body[start:end] != quote or not quote:
                found.append(f"claim {cid} does not quote its source span")
        runs = {(s, e): n for s, e, n in con.execute("SELECT source_id, extractor, claims FROM extraction_runs")}
        machine = con.execute(
            "SELECT source_id, extracted_by FROM mentions UNION "
            "SELECT source_id, extracted_by FROM claims WHERE extracted_by != 'analyst'").fetchall()
        for sid, by in machine:
            if (sid, by) not in runs:
                found.append(f"source {sid} has output of {by} but no finished extraction run")
        return found
    finally:
        con.close()


def diff(a: dict, b: dict) -> list[str]:
    """A short account of how two canonical states differ (for assertion messages)."""
    out = []
    for table in CONTENT:
        x, y = set(a[table]), set(b[table])
        if x != y:
            out.append(f"{table}: {len(x - y)} rows only in the first, {len(y - x)} only in the second; "
                       f"e.g. {sorted(x - y, key=str)[:1]} / {sorted(y - x, key=str)[:1]}")
    return out


def small_corpus(folder: Path, seeds: Path, chunks: int = 8) -> Path:
    """A small, real input folder: paragraphs of two seed texts as separate sources, one of
    them also under a second name, an entity list and a casebook quoting one paragraph."""
    folder.mkdir(parents=True, exist_ok=True)
    paras: list[str] = []
    for name in ("003_3c096ae617f1ea3a.txt", "002_62c0d5c2d3ffd543.txt"):
        text = (seeds / name).read_text(encoding="utf-8")
        chunk = ""
        for p in text.split("\n\n"):
            chunk += p.strip() + "\n\n"
            if len(chunk) > 900:
                paras.append(chunk.strip())
                chunk = ""
    picked = paras[:chunks]
    for i, body in enumerate(picked):
        (folder / f"part-{i:02d}.txt").write_text(body + "\n", encoding="utf-8")
    (folder / "same-bytes-as-part-00.txt").write_text(picked[0] + "\n", encoding="utf-8")
    (folder / "entities.yaml").write_text(
        "entities:\n"
        "  - {name: Anthony Blunt, kind: person, aliases: [Blunt]}\n"
        "  - {name: MI5, kind: organisation}\n", encoding="utf-8")
    quote = next(p for p in picked if "Blunt" in p).split("\n")[-1][:80].strip()
    (folder / "notes.casebook.yaml").write_text(
        "claims:\n"
        "  - subject: Anthony Blunt\n"
        "    predicate: spied_for\n"
        "    object: Soviet Union\n"
        "    when: '1940'\n"
        f"    source: {next(f'part-{i:02d}.txt' for i, p in enumerate(picked) if 'Blunt' in p)}\n"
        f"    quote: {json.dumps(quote)}\n", encoding="utf-8")
    return folder
