"""Extract: text -> mentions, aliases and claims, through pluggable extractors.

    >>> from collingwood.extract import extract_text
    >>> out = extract_text("Cairncross says he did not know Burgess or Maclean.")
    >>> [(c.subject, c.predicate, c.object, c.polarity) for c in out.claims]   # doctest: +SKIP

`extract_text` runs one registered extractor (default ``rules-spacy@1``) over
one text; `mention_record` and `claim_record` are the stable JSON-lines records
of ``collingwood extract FILE --jsonl``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Claim, Entity, Mention
from .registry import ExtractInput, Extractor, ExtractOutput, available, get, register

DEFAULT = "rules-spacy@1"

__all__ = ["DEFAULT", "ExtractInput", "ExtractOutput", "Extractor", "available", "claim_record",
           "extract_text", "get", "mention_record", "register"]


def extract_text(text: str, source_id: str = "text", anchor: str | None = None,
                 written: str | None = None, known_entities: Iterable[Entity] = (),
                 author: str | None = None, extractor: str = DEFAULT, kind: str | None = None) -> ExtractOutput:
    """Mentions, aliases, entities and proposed claims of one text (``kind``: its source
    kind, 'memoir', 'cable', 'interview' ..., which some readings depend on)."""
    return get(extractor).extract(ExtractInput(
        source_id=source_id, text=text, anchor=anchor, written=written,
        known_entities=list(known_entities), author=author, kind=kind))


def mention_record(m: Mention) -> dict:
    return {"type": "mention", "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
            "entity": m.entity_id, "alias_kind": m.alias_kind, "alias_of": m.alias_of}


def claim_record(c: Claim) -> dict:
    return {"type": "claim", **c.as_json()}
