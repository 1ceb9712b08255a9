"""Extractors are plug-ins: one protocol, a registry keyed by versioned names.

A built-in extractor registers itself here; another package adds one through the
``collingwood.extractors`` entry-point group (the entry point names a class or a
factory returning an `Extractor`), so a bigger model or a local LLM plugs in
without touching the rest of Collingwood::

    [project.entry-points."collingwood.extractors"]
    "llm-local@1" = "my_package.extractor:LocalLLM"
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from ..errors import ConfigError
from ..model import Alias, Claim, Entity, Mention

GROUP = "collingwood.extractors"


@dataclass
class ExtractInput:
    source_id: str
    text: str
    anchor: str | None = None              # ISO date: the narrative time until the text sets one
    written: str | None = None             # the source's date written (ISO), for 'last week'
    known_entities: list[Entity] = field(default_factory=list)
    author: str | None = None
    kind: str | None = None                # the source's kind ('interview'): how its voices run


@dataclass
class ExtractOutput:
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    aliases: list[tuple[str, Alias]] = field(default_factory=list)   # (entity name, alias found)
    entities: list[Entity] = field(default_factory=list)


@runtime_checkable
class Extractor(Protocol):
    name: str
    version: int

    def extract(self, doc: ExtractInput) -> ExtractOutput: ...


_factories: dict[str, Callable[[], Extractor]] = {}
_instances: dict[str, Extractor] = {}
_discovered = False


def key(extractor: Extractor) -> str:
    return f"{extractor.name}@{extractor.version}"


def register(factory: Callable[[], Extractor], name: str | None = None) -> None:
    """Register a class or factory under its versioned name ('rules-spacy@1').

    Instances are built on first `get`, so registering costs nothing (no model load).
    """
    if name is None:
        name = f"{factory.name}@{factory.version}"
    _factories[name] = factory
    _instances.pop(name, None)


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    _discovered = True
    from . import rules  # noqa: F401  (registers the built-in extractor)
    for ep in entry_points(group=GROUP):
        if ep.name not in _factories:
            _factories[ep.name] = _lazy(ep)


def _lazy(ep) -> Callable[[], Extractor]:
    def load() -> Extractor:
        try:
            return ep.load()()
        except Exception as e:   # a broken plug-in must not hide its cause
            raise ConfigError(f"The extractor {ep.name!r} from {ep.value} failed to load: {e}. "
                              f"Fix or uninstall the package that provides it.") from e
    return load


def available() -> list[str]:
    _discover()
    return sorted(_factories)


def get(name: str) -> Extractor:
    _discover()
    if name not in _instances:
        if name not in _factories:
            raise ConfigError(f"No extractor called {name!r}. Available: {', '.join(available())}. "
                              f"Use a versioned name such as 'rules-spacy@1'.")
        engine = _factories[name]()
        if not isinstance(engine, Extractor):
            raise ConfigError(f"The extractor {name!r} has no name, version and extract().")
        _instances[name] = engine
    return _instances[name]
