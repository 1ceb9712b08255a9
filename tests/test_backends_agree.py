"""The same inputs make the same case on SQLite and on PostgreSQL: every read command prints
the same thing for the demo folder's case on either backend."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sqlalchemy import update

from collingwood.cli import app
from collingwood.store import Store, case_url
from collingwood.tables import sources

runner = CliRunner()
DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
READS = (["claims", "--json", "--all"], ["entities", "--json"], ["sources", "--json"], ["findings", "--json"],
         ["chronology", "--format", "json"], ["witnesses", "--json"], ["hypotheses", "--json"],
         ["graph", "--format", "json"], ["questions", "--json"])


def _reads(location: str) -> dict[str, str]:
    r = runner.invoke(app, ["ingest", location, str(DEMO)])
    assert r.exit_code == 0, r.output
    # Sources are listed in the order they were ingested (to the second), then by id: one
    # moment for all, so the two runs' timing does not order them differently.
    store = Store(case_url(location))
    with store.write() as conn:
        conn.execute(update(sources).values(ingested_at="2026-01-01T00:00:00+00:00"))
    store.dispose()
    out = {}
    for cmd in READS:
        r = runner.invoke(app, [cmd[0], location, *cmd[1:]])
        assert r.exit_code == 0, (cmd, r.output)
        out[cmd[0]] = r.output.replace(location, "CASE")
    return out


def test_every_read_command_agrees_on_sqlite_and_postgresql(tmp_path, pg_server):
    lite = _reads(str(tmp_path / "demo.case"))
    server = _reads(pg_server.url("agree"))
    for name in lite:
        assert lite[name] == server[name], f"`collingwood {name}` differs between SQLite and PostgreSQL"
    assert lite["claims"].count("\n") > 5 and lite["findings"].strip()
