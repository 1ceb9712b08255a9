"""The audit trail: every change to a case with who made it, when, and the rows before and after.

:class:`Changes` is the one typed write path under the store's methods: it inserts, updates
and deletes rows and keeps their images, and :func:`record` writes them as one ``audit`` row
in the same transaction. An image is a row keyed by its table's primary key:

* a row in ``after`` only was added; in ``before`` only, removed; in both, changed (the images
  then hold the key and the columns that changed);
* a new row's image leaves out bulky columns (a source's text); a bulk write (an extractor's
  mentions and claims) keeps only the keys: enough to undo it, and cheap;
* a removed row's image is the whole row, so undo can put it back.

:func:`undo` restores the before state of one entry, in one transaction, itself audited
(``undo``); it refuses, with a coded :class:`~collingwood.errors.UndoRefused` that names the
later change, when a row has changed since, or when rows added later still refer to one it
would remove.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from sqlalchemy import Connection, Table, and_, delete, func, insert, select, update

from .errors import NotFound, UndoRefused
from .tables import audit, metadata

BULKY = {"sources": ("text", "pages")}          # left out of a new row's image
_ABSENT = object()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _key_of(table: Table, row: dict) -> tuple:
    return tuple(row[c.name] for c in table.primary_key)


def _where(table: Table, key: dict):
    return and_(*(table.c[k] == v for k, v in key.items()))


class Changes:
    """Row changes on one connection, with their before and after images."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._rows: dict[tuple[str, tuple], list] = {}      # (table, key) -> [before, after]
        self.note: dict = {}            # what the audit row says beside the images (counts, a note)

    # --- writing --------------------------------------------------------------
    def insert(self, table: Table, rows: dict | Iterable[dict], brief: bool = False) -> list[dict]:
        """Insert rows; their keys (autoincrement ids filled in). brief: keep only the keys."""
        rows = [rows] if isinstance(rows, dict) else list(rows)
        if not rows:
            return []
        pk = [c.name for c in table.primary_key]
        if all(c in rows[0] for c in pk):
            self.conn.execute(insert(table), rows)
            full = rows
        else:                               # autoincrement: ask the database for the ids
            got = self.conn.execute(insert(table).returning(*table.primary_key, sort_by_parameter_order=True),
                                    rows).all()
            full = [{**r, **dict(zip(pk, g))} for r, g in zip(rows, got)]
        skip = BULKY.get(table.name, ())
        keys = []
        for r in full:
            key = {c: r[c] for c in pk}
            keys.append(key)
            image = dict(key) if brief else {k: v for k, v in r.items() if k not in skip}
            self._touch(table, key, _ABSENT, image)
        return keys

    def update(self, table: Table, key: dict, values: dict, guard=None) -> dict | None:
        """Set columns of one row; the columns that changed (with their old values). guard: a
        further condition the row must still meet when it is updated (a compare-and-set); None
        when it did not, and nothing was written."""
        row = self.conn.execute(select(table).where(_where(table, key))).mappings().first()
        if row is None:
            return {}
        old = {k: row[k] for k, v in values.items() if row[k] != v}
        if not old:
            return {}
        new = {k: values[k] for k in old}
        where = _where(table, key) if guard is None else and_(_where(table, key), guard)
        if self.conn.execute(update(table).where(where).values(**new)).rowcount != 1 and guard is not None:
            return None
        self._touch(table, key, {**key, **old}, {**key, **new}, merge=True)
        return old

    def delete(self, table: Table, where) -> int:
        """Delete the rows that match; their whole rows are kept as the before image."""
        rows = [dict(r) for r in self.conn.execute(select(table).where(where)).mappings()]
        if not rows:
            return 0
        self.conn.execute(delete(table).where(where))
        pk = [c.name for c in table.primary_key]
        for r in rows:
            self._touch(table, {c: r[c] for c in pk}, r, _ABSENT)
        return len(rows)

    def put(self, table: Table, key: dict, values: dict) -> bool:
        """Insert the row, or update it when its key is there; True when anything changed."""
        exists = self.conn.execute(select(func.count()).select_from(table).where(_where(table, key))).scalar()
        if exists:
            return bool(self.update(table, key, values))
        self.insert(table, {**key, **values})
        return True

    def _touch(self, table: Table, key: dict, before, after, merge: bool = False) -> None:
        k = (table.name, tuple(key.values()))
        if k not in self._rows:
            self._rows[k] = [before, after]
            return
        entry = self._rows[k]
        if merge and entry[1] is not _ABSENT:       # a second update: keep the first old values
            if entry[0] is not _ABSENT:
                entry[0] = {**before, **entry[0]}
            entry[1] = {**entry[1], **after}
            return
        entry[1] = after
        if entry[0] is _ABSENT and after is _ABSENT:    # added and removed again: nothing
            del self._rows[k]

    # --- reading --------------------------------------------------------------
    def __bool__(self) -> bool:
        return bool(self._rows)

    def images(self) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
        before: dict[str, list[dict]] = {}
        after: dict[str, list[dict]] = {}
        for (table, _), (b, a) in self._rows.items():
            if b is not _ABSENT:
                before.setdefault(table, []).append(b)
            if a is not _ABSENT:
                after.setdefault(table, []).append(a)
        return before, after


def record(conn: Connection, actor: str, action: str, target: str, changes: Changes | None = None,
           **extra) -> int | None:
    """Write one audit row for ``changes`` (nothing when nothing changed); its id."""
    if changes is not None and not changes:
        return None
    before, after = changes.images() if changes is not None else ({}, {})
    detail = {"before": before, "after": after, **(changes.note if changes is not None else {}), **extra}
    return conn.execute(insert(audit).values(at=now(), actor=actor, action=action, target=target,
                                             detail=detail).returning(audit.c.id)).scalar()


# --- reading the log ---------------------------------------------------------------

def entry_record(row) -> dict:
    """One audit row as the contract shows it: id, at, actor, action, target, before, after
    (rows written before the audit kept images have before and after null, their detail as note)."""
    detail = dict(row["detail"] or {})
    imaged = "after" in detail and isinstance(detail.get("before"), dict)
    before = detail.pop("before", None) if imaged else None
    after = detail.pop("after", None) if imaged else None
    return {"id": row["id"], "at": row["at"], "actor": row["actor"], "action": row["action"],
            "target": row["target"], "before": before, "after": after, "note": detail}


def log(conn: Connection, limit: int | None = None, target: str | None = None) -> list[dict]:
    """The newest entries first (``limit`` of them), only those on ``target`` when given."""
    q = select(audit).order_by(audit.c.id.desc())
    if target:
        q = q.where(audit.c.target == target)
    if limit:
        q = q.limit(limit)
    return [entry_record(r) for r in conn.execute(q).mappings()]


# --- undo ------------------------------------------------------------------------

def _images_by_key(images: dict[str, list[dict]]) -> dict[tuple[str, tuple], dict]:
    out = {}
    for name, rows in (images or {}).items():
        table = metadata.tables[name]
        for r in rows:
            out[(name, _key_of(table, r))] = r
    return out


def _later(conn: Connection, after_id: int, table: str, key: tuple | None) -> int | None:
    """The first audit entry after ``after_id`` that touched this row (key None: this table)."""
    t = metadata.tables[table]
    for row in conn.execute(select(audit.c.id, audit.c.detail).where(audit.c.id > after_id).order_by(audit.c.id)):
        detail = row.detail or {}
        for side in ("before", "after"):
            images = detail.get(side)
            if not isinstance(images, dict):
                continue
            for r in images.get(table, []):
                if key is None or _key_of(t, r) == key:
                    return row.id
    return None


def undo(conn: Connection, actor: str, audit_id: int) -> tuple[dict, Changes]:
    """Restore the before state of entry ``audit_id``; (the entry undone, the changes made).
    The caller records the changes (action ``undo``) in the same transaction."""
    row = conn.execute(select(audit).where(audit.c.id == audit_id)).mappings().first()
    if row is None:
        raise NotFound(f"No audit entry {audit_id} in this case (see `collingwood audit CASE`).")
    entry = entry_record(row)
    if entry["after"] is None:
        raise UndoRefused(f"Audit entry {audit_id} ({entry['action']}) was written before the audit kept "
                          "the rows before and after a change; it cannot be undone.")
    if entry["note"].get("undoable") is False:
        raise UndoRefused(f"Audit entry {audit_id} ({entry['action']}) is {entry['note'].get('why', 'derived')}; "
                          "it is not undone but made again.")
    before, after = _images_by_key(entry["before"]), _images_by_key(entry["after"])
    keys = sorted(set(before) | set(after), key=lambda k: _order(k[0]))
    # 1. every row must be as the entry left it
    for name, key in keys:
        table = metadata.tables[name]
        kd = dict(zip((c.name for c in table.primary_key), key))
        now_row = conn.execute(select(table).where(_where(table, kd))).mappings().first()
        a = after.get((name, key))
        same = (now_row is None) if a is None else (
            now_row is not None and all(now_row[c] == v for c, v in a.items()))
        if not same:
            later = _later(conn, audit_id, name, key)
            why = f"changed later by audit entry {later}" if later else "changed since"
            raise UndoRefused(f"Can't undo audit entry {audit_id} ({entry['action']}): {_label(name, kd)} was "
                              f"{why}; undo that first.")
    # 2. rows it would remove must have no later rows referring to them
    removing = {(n, k) for n, k in keys if (n, k) not in before}
    for name, key in keys:
        if (name, key) in removing:
            _refuse_dependents(conn, audit_id, entry, name, key, removing)
    # 3. put the before state back: removals children first, then restores parents first
    changes = Changes(conn)
    for name, key in reversed(keys):
        if (name, key) in removing:
            table = metadata.tables[name]
            changes.delete(table, _where(table, dict(zip((c.name for c in table.primary_key), key))))
    for name, key in keys:
        b = before.get((name, key))
        if b is None:
            continue
        table = metadata.tables[name]
        kd = dict(zip((c.name for c in table.primary_key), key))
        if (name, key) in after:
            changes.update(table, kd, {c: v for c, v in b.items() if c not in kd})
        else:
            changes.insert(table, b)
    return entry, changes


def _order(table: str) -> int:
    return [t.name for t in metadata.sorted_tables].index(table)


def _label(table: str, key: dict) -> str:
    what = {"sources": "source", "entities": "entity", "aliases": "alias", "mentions": "mention",
            "claims": "claim", "verdicts": "the verdict on", "ratings": "the rating", "meta": "the setting",
            "hypotheses": "hypothesis", "curation": "curation", "judgments": "judgment",
            "source_names": "the source name", "extraction_runs": "the extraction run"}.get(table, table)
    return f"{what} {'/'.join(str(v) for v in key.values())}"


def _refuse_dependents(conn: Connection, audit_id: int, entry: dict, name: str, key: tuple,
                       removing: set) -> None:
    parent = metadata.tables[name]
    for child in metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not parent:
                continue
            kd = dict(zip((c.name for c in parent.primary_key), key))
            rows = conn.execute(select(child).where(fk.parent == kd[fk.column.name])).mappings().all()
            left = [r for r in rows if (child.name, _key_of(child, r)) not in removing]
            if left:
                later = _later(conn, audit_id, child.name, None)
                by = f" (added by audit entry {later})" if later else ""
                raise UndoRefused(
                    f"Can't undo audit entry {audit_id} ({entry['action']}): {len(left)} row(s) of {child.name}"
                    f"{by} still refer to {_label(name, kd)}; undo those first.")
