"""Contract tests: the docs name every command, option and predicate the code has."""

import re
from pathlib import Path

import typer.main

from collingwood.cli import app
from collingwood.model import schema
from collingwood.schema_doc import schema_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands():
    group = typer.main.get_command(app)
    return group.commands


def test_docs_cli_page_names_every_command_and_option():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name, command in _commands().items():
        heading = re.search(rf"^###.*`collingwood {name}\b.*$", text, re.M)
        assert heading, f"docs/cli.md has no heading for `collingwood {name}`"
        section = text[heading.start():].split("\n### ", 1)[0] + heading.group(0)
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help", "--no-force"):
                    assert opt in section, f"docs/cli.md lacks {opt} of `collingwood {name}`"


def test_docs_predicates_page_is_generated_from_the_schema():
    page = (DOCS / "predicates.md").read_text(encoding="utf-8")
    assert page == schema_markdown(), "docs/predicates.md is stale: run `make docs`"
    for name in schema().predicates:
        assert f"`{name}`" in page
