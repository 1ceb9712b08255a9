"""Collingwood: an evidence workbench for reconstructing contested history from conflicting sources."""

__all__ = ["Case", "open_case", "init_case", "__version__"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """`Case`, `open_case`, `init_case`, imported on first use: a command that opens no case
    (`collingwood extract FILE --jsonl`, `collingwood dates`) never loads the store and SQLAlchemy."""
    if name in ("Case", "open_case", "init_case"):
        from . import case
        return getattr(case, name)
    raise AttributeError(f"module 'collingwood' has no attribute {name!r}")
