"""Ingest is a fixed point: the same inputs again write nothing (not even an audit row); one
document under two names is one source with both names; a renamed file's new path is kept."""

import shutil
from pathlib import Path

from case_state import canonical, problems
from collingwood.case import Case
from collingwood.store import SCHEMA_VERSION, Store, case_url, wal_reset_bug_possible

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
TEXT = "Klugmann recruited Cairncross in 1936.\n"


def test_reingesting_the_demo_folder_writes_nothing(tmp_path):
    case = Case.open(tmp_path / "demo.case", create=True)
    first = case.ingest([DEMO])
    assert first.added["sources"] and first.added["claims"] and first.added["hypotheses"]
    audit, state = len(case.store.audit_log()), canonical(tmp_path / "demo.case")
    for _ in range(2):
        again = case.ingest([DEMO])
        assert not again.added, again.added
        assert len(case.store.audit_log()) == audit
        assert canonical(tmp_path / "demo.case") == state


def test_two_names_for_the_same_bytes_are_one_source_with_both_names(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "b-copy.txt").write_text(TEXT, encoding="utf-8")
    (src / "a-original.txt").write_text(TEXT, encoding="utf-8")
    case = Case.open(tmp_path / "x.case", create=True)
    report = case.ingest([src])
    assert report.added == {"sources": 1, "other names of sources": 1}
    (source,) = case.sources()
    assert source.title == "A original" and source.path.endswith("a-original.txt")
    assert [Path(p).name for p in case.store.source_names(source.id)] == ["a-original.txt", "b-copy.txt"]
    audit = len(case.store.audit_log())
    for _ in range(3):                     # no flip of the title, no audit rows
        assert not case.ingest([src]).added
        assert case.sources()[0].title == "A original"
    assert len(case.store.audit_log()) == audit


def test_a_renamed_file_keeps_its_source_and_records_its_new_path(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "draft.txt").write_text(TEXT, encoding="utf-8")
    case = Case.open(tmp_path / "x.case", create=True)
    case.ingest([src])
    (src / "draft.txt").rename(src / "klugmann-memo.txt")
    report = case.ingest([src])
    assert report.added == {"moved sources": 1}
    (source,) = case.sources()
    assert source.path.endswith("klugmann-memo.txt") and source.title == "Klugmann memo"
    assert [Path(p).name for p in case.store.source_names(source.id)] == ["draft.txt", "klugmann-memo.txt"]
    assert [a["action"] for a in case.store.audit_log()][-3:] == [
        "add_source_name", "move_source", "update_source_metadata"]
    assert not case.ingest([src]).added
    assert case.store.search("Klugmann")[0]["title"] == "Klugmann memo"   # the index follows the title


def test_migration_4_records_the_names_of_an_older_case(tmp_path):
    from sqlalchemy import text
    shutil.copytree(DEMO, tmp_path / "demo")
    path = tmp_path / "old.case"
    Case.open(path, create=True).ingest([tmp_path / "demo"])
    store = Store(case_url(path))
    with store.transaction() as conn:      # a case written before migration 4
        conn.execute(text("DROP TABLE source_names"))
        conn.execute(text("ALTER TABLE aliases DROP COLUMN origin"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 4"))
    store.dispose()
    case = Case.open(path)
    assert case.store.version() == SCHEMA_VERSION
    assert problems(path) == []
    assert all(case.store.source_names(s.id) == [s.path] for s in case.sources())
    assert {e.name for e in case.store.entities(origin="analyst")} == {e.name for e in case.entities()}


def test_an_empty_case_file_left_by_a_crash_during_init_is_finished(tmp_path):
    path = tmp_path / "x.case"
    (tmp_path / "x.case-lock").touch()     # Collingwood takes the lock before it creates the file
    path.touch()
    case = Case.open(path)
    assert case.store.version() == SCHEMA_VERSION


def test_the_wal_reset_bug_range_is_known():
    import sqlite3
    version = tuple(int(p) for p in sqlite3.sqlite_version.split("."))
    assert wal_reset_bug_possible() == (version < (3, 51, 3))


def test_an_edited_casebook_entry_is_revised_and_the_review_decision_kept(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "note.md").write_text(TEXT, encoding="utf-8")
    book = src / "n.casebook.yaml"
    entry = ("claims:\n  - {subject: James Klugmann, predicate: recruited, object: John Cairncross,"
             " source: note.md, quote: Klugmann recruited Cairncross, when: '%s'}\n")
    book.write_text(entry % "1936", encoding="utf-8")
    case = Case.open(tmp_path / "x.case", create=True)
    case.ingest([src])
    (claim,) = case.claims()
    case.store.set_claim_status(claim.id, "rejected", "a later source dates it otherwise")
    book.write_text(entry % "early 1937", encoding="utf-8")
    assert case.ingest([src]).added == {"revised claims": 1}
    (revised,) = case.claims(include_rejected=True)
    assert revised.id == claim.id and revised.time.text == "early 1937" and revised.status == "rejected"
    assert case.store.audit_log()[-1]["action"] == "revise_claim"
    assert not case.ingest([src]).added


def test_a_path_stored_with_escapes_is_never_taken_for_moved(tmp_path):
    from collingwood.store import _still_there
    assert not _still_there(str(tmp_path / "gone.txt"))
    assert _still_there(str(tmp_path / "odd\\x1b[31m.txt"))      # errors.shown() wrote it: unknowable
    (tmp_path / "here.txt").write_text("x", encoding="utf-8")
    assert _still_there(str(tmp_path / "here.txt"))
