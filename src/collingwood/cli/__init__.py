"""The `collingwood` command: thin wrappers over `Case` and `collingwood.service`.

`app` holds the commands; the modules below register them (case commands first, then the
analysis ones, the order `collingwood --help` lists them in).
"""

from __future__ import annotations

from . import analysis_commands, case_commands, serve_command  # noqa: F401  (register the commands)
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
