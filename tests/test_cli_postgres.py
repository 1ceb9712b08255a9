"""A case on PostgreSQL through the `collingwood` command: the URL is CASE in every command,
`init` creates the database, and a server that cannot serve the case is a coded error."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

from typer.testing import CliRunner

from collingwood.cli import app

runner = CliRunner()


def _said(r) -> str:
    """What the command printed, Rich's line wrapping undone."""
    return " ".join(r.output.split())
NOTE = "---\ntitle: Note\nkind: note\n---\nKlugmann recruited Cairncross in 1936.\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_init_creates_the_database_and_every_command_takes_the_url(pg_server, tmp_path):
    url = pg_server.url("made_by_init")
    r = runner.invoke(app, ["init", url, "--title", "Shared"])
    assert r.exit_code == 0, r.output
    assert "Created case postgresql://postgres@127.0.0.1" in _said(r)
    again = runner.invoke(app, ["init", url])
    assert again.exit_code == 0 and "already exists" in again.output
    (tmp_path / "note.md").write_text(NOTE, encoding="utf-8")
    assert runner.invoke(app, ["ingest", url, str(tmp_path / "note.md")]).exit_code == 0
    rows = [json.loads(x) for x in runner.invoke(app, ["sources", url, "--json"]).output.splitlines()]
    assert [r["title"] for r in rows] == ["Note"]
    hits = runner.invoke(app, ["search", url, "recruited", "--json"])
    assert hits.exit_code == 0, hits.output
    assert "[recruited]" in json.loads(hits.output.splitlines()[0])["snippet"]


def test_the_url_reaches_a_real_process_unmangled(pg_server, tmp_path):
    """Through the installed command (not the test runner): a `Path` argument would turn
    postgresql:// into postgresql:/ and the command would look for a file."""
    url = pg_server.url("through_the_command")
    (tmp_path / "note.md").write_text(NOTE, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "collingwood", "ingest", url, str(tmp_path / "note.md")],
                       capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "collingwood", "claims", url, "--json"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert not list(tmp_path.glob("postgresql*")), "the URL was taken for a file name"


def test_a_server_that_is_down_is_a_coded_error(tmp_path):
    url = f"postgresql://postgres@127.0.0.1:{_free_port()}/nothing"
    r = runner.invoke(app, ["claims", url])
    assert r.exit_code == 4, r.output
    assert "case-unreachable" in _said(r) and "Is the server running" in _said(r)
    r = runner.invoke(app, ["claims", url, "--json"])
    assert json.loads(r.output.strip().splitlines()[-1])["code"] == "case-unreachable"


def test_a_refused_login_and_a_missing_database_are_coded_errors(pg_server):
    r = runner.invoke(app, ["claims", pg_server.url("postgres", user="nobody")])
    assert r.exit_code == 4 and "refused the login" in _said(r), r.output
    r = runner.invoke(app, ["claims", pg_server.url("no_such_case")])
    assert r.exit_code == 4 and "the database does not exist" in _said(r), r.output
    assert "collingwood init postgresql://postgres@127.0.0.1" in _said(r)


def test_a_password_in_the_url_is_never_printed(tmp_path):
    url = f"postgresql://postgres:s3cret@127.0.0.1:{_free_port()}/nothing"
    r = runner.invoke(app, ["sources", url])
    assert r.exit_code == 4 and "s3cret" not in r.output and "***" in _said(r)


def test_an_empty_database_is_not_taken_for_a_case(pg_server):
    url = pg_server.create_database("empty")
    r = runner.invoke(app, ["claims", url])
    assert r.exit_code == 4 and "not a Collingwood case" in _said(r)


def test_another_kind_of_url_is_refused_clearly():
    r = runner.invoke(app, ["claims", "mysql://u@h/db"])
    assert r.exit_code == 2 and "postgresql://" in _said(r)


def test_a_user_without_the_right_to_write_gets_a_coded_error(pg_server):
    import psycopg
    url = pg_server.create_database("not_theirs")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader') "
                     "THEN CREATE ROLE reader LOGIN; END IF; END $$")
    r = runner.invoke(app, ["init", url.replace("postgres@", "reader@")])
    assert r.exit_code == 4, r.output
    assert "may not" in _said(r) and "Traceback" not in r.output
