"""Ingest: files and folders -> normalised text, page map and metadata (see docs/ingest.md)."""
