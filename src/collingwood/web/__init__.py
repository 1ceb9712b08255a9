"""The web workbench (`collingwood serve`): pages and a REST API over the application layer.

`web` is a face like `cli`: it imports only the application layer (`collingwood.case`,
`collingwood.service`, `collingwood.workbench`) and the shared vocabulary, never a stage or
the store (tests/test_import_graph.py).
"""

from __future__ import annotations

from .app import create_app
from .security import Guard

__all__ = ["Guard", "create_app"]
