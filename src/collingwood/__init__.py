"""Collingwood: an evidence workbench for reconstructing contested history from conflicting sources."""

from .case import Case, init_case, open_case

__all__ = ["Case", "open_case", "init_case", "__version__"]
__version__ = "0.1.0"
