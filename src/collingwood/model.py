"""Core objects of a case, and the schema that governs them.

The schema (predicates, entity kinds, alias kinds, source kinds) is data in
``schema/*.yaml``; it is loaded and validated once, at import, so a broken
schema fails loudly before any work is done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from . import safe_yaml
from .errors import SchemaError
from .identity import claim_id
from .identity import short_hash as short_hash  # noqa: F401  (the one hash every id is made of)
from .timespan import TimeSpan

POLARITIES = ("affirmed", "denied")
MODALITIES = ("asserted", "hedged", "admitted", "reported", "alleged")
STATUSES = ("proposed", "accepted", "rejected")
EXTRACTORS_HUMAN = "analyst"
FAMILIES = ("life", "career", "espionage", "social", "movement", "testimony", "institution",
            "military", "open")
OPEN_PREFIX = "other:"      # an open claim: a dated event no predicate of the schema fits
TRACKS = ("political", "military", "intelligence", "culture_science", "personal")
RULES = ("implies_presence", "terminal", "requires_living")
FUNCTIONAL = (None, "per_subject", "per_object")
VERDICTS = ("open", "explained", "confirmed", "dismissed")


@dataclass(frozen=True)
class Predicate:
    name: str
    label: str
    family: str
    track: str
    subject: str
    object: str
    temporal: bool = False
    state: bool = False
    symmetric: bool = False
    functional: str | None = None
    once: bool = False
    rules: tuple[str, ...] = ()
    exclusive_with: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()          # prepositions that introduce the object ("worked at")
    lone: bool = False                   # may be claimed without its object when dated ('died in 1995')
    patient_subject: bool = False        # the subject is what the verb acts on ('X was founded by Y')
    prep_object_only: bool = False       # the object never comes as a direct object ('moved X to Y')
    dobj_is_subject: bool = False        # 'Hankey transferred Cairncross to the Treasury'
    nominals: dict | None = None         # {words: [death], of: subject, by: ..., poss: ...}
    edge: dict | None = None
    reverse: dict | None = None

    def has_rule(self, rule: str) -> bool:
        return rule in self.rules


def is_open(name: str) -> bool:
    """An open predicate ('other:visit'): the verb's lemma, no schema entry behind it."""
    return name.startswith(OPEN_PREFIX) and len(name) > len(OPEN_PREFIX)


@cache
def open_predicate(name: str) -> Predicate:
    """The predicate an open claim carries: any subject and object, no rule, no edge, so a
    detector only sees it through rules written for open claims."""
    verb, _, rest = name[len(OPEN_PREFIX):].partition("_")
    label = " ".join(w for w in (past_tense(verb), rest.replace("_", " ")) if w)
    return Predicate(name=name, label=label, family="open", track="political", subject="any",
                     object="any", temporal=True, reverse={"name": f"{name}_by", "label": f"{label} by"})


@cache
def _irregular_pasts() -> dict[str, str]:
    forms = (safe_yaml.package_data("data/reporting.yaml") or {}).get("irregular_forms") or {}
    return {k: v[0] for k, v in forms.items() if v}


def past_tense(lemma: str) -> str:
    """'meet' -> 'met', 'sign' -> 'signed', 'carry' -> 'carried': an open claim reads as a
    sentence in the chronology ('Oswald called the Soviet Embassy')."""
    if lemma in _irregular_pasts():
        return _irregular_pasts()[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


class PredicateTable(dict):
    """The schema's predicates by name; an open name ('other:visit') is found too, but
    never listed, so code that walks the schema sees only its own predicates."""

    def __missing__(self, name: str) -> Predicate:
        if isinstance(name, str) and is_open(name):
            return open_predicate(name)
        raise KeyError(name)


@dataclass(frozen=True)
class Schema:
    predicates: dict[str, Predicate]
    entity_kinds: dict[str, dict]
    alias_kinds: dict[str, dict]
    source_kinds: dict[str, dict]

    def predicate(self, name: str) -> Predicate:
        try:
            return self.predicates[name]     # open names too ('other:visit')
        except KeyError:
            known = ", ".join(sorted(self.predicates))
            raise SchemaError(f"Unknown predicate {name!r}. Known predicates: {known}.") from None

    def source_kind(self, name: str) -> str | None:
        """The source kind a metadata word names ('memo' is memorandum), or None. A phrase is
        read word by word, the first word that names a kind winning ('memoir excerpt',
        'FBI report', 'press cuttings'), as archives and users describe their papers."""
        key = str(name).strip().lower().replace(" ", "_").replace("-", "_")
        named = {str(a).replace("-", "_"): kind for kind, entry in self.source_kinds.items()
                 for a in (entry or {}).get("aliases", ())} | {kind: kind for kind in self.source_kinds}
        words = [key] + [w for w in key.split("_") if w]
        return next((named[w] for w in words + [w[:-1] for w in words if w.endswith("s")] if w in named), None)

    def kind_accepts(self, expected: str, actual: str) -> bool:
        """Whether an entity of kind ``actual`` may stand where ``expected`` is required;
        ``expected`` may name alternatives ('organisation|place': a body or a state)."""
        if "|" in expected:
            return any(self.kind_accepts(e, actual) for e in expected.split("|"))
        if expected in ("any", actual):
            return True
        parent = self.entity_kinds.get(actual, {}).get("parent")
        return parent is not None and self.kind_accepts(expected, parent)


def _read_yaml(name: str) -> dict:
    data = safe_yaml.package_data(f"schema/{name}")
    if not isinstance(data, dict):
        raise SchemaError(f"schema/{name} must be a mapping of names to entries.")
    return data


_PREDICATE_FIELDS = set(Predicate.__dataclass_fields__) - {"name"}


def _predicate(name: str, entry: dict, kinds: dict) -> Predicate:
    where = f"schema/predicates.yaml, predicate {name!r}"
    unknown = set(entry) - _PREDICATE_FIELDS
    if unknown:
        raise SchemaError(f"{where}: unknown field(s) {sorted(unknown)}.")
    for required in ("label", "family", "track", "subject", "object", "reverse"):
        if required not in entry:
            raise SchemaError(f"{where}: missing {required!r}.")
    if entry["family"] not in FAMILIES:
        raise SchemaError(f"{where}: family must be one of {FAMILIES}.")
    if entry["track"] not in TRACKS:
        raise SchemaError(f"{where}: track must be one of {TRACKS}.")
    for role in ("subject", "object"):
        if any(k not in kinds for k in str(entry[role]).split("|")) and entry[role] != "none":
            raise SchemaError(f"{where}: {role} kind {entry[role]!r} is not in entity_kinds.yaml.")
    for rule in entry.get("rules", []):
        if rule not in RULES:
            raise SchemaError(f"{where}: rule {rule!r} has no checker; known rules: {RULES}.")
    if entry.get("functional") not in FUNCTIONAL:
        raise SchemaError(f"{where}: functional must be per_subject or per_object.")
    reverse = entry["reverse"]
    if not isinstance(reverse, dict) or not {"name", "label"} <= set(reverse):
        raise SchemaError(f"{where}: reverse needs a name and a label.")
    nominals = entry.get("nominals")
    if nominals is not None:
        if not isinstance(nominals, dict) or not nominals.get("words"):
            raise SchemaError(f"{where}: nominals needs a list of words.")
        for role in set(nominals) - {"words"}:
            if role not in ("of", "by", "poss") or nominals[role] not in ("subject", "object"):
                raise SchemaError(f"{where}: nominals.{role} must be 'of', 'by' or 'poss' "
                                  "mapped to subject or object.")
    values = dict(entry)
    for key in ("rules", "exclusive_with", "triggers", "preps"):
        values[key] = tuple(values.get(key) or ())
    return Predicate(name=name, **values)


def load_schema() -> Schema:
    kinds = _read_yaml("entity_kinds.yaml")
    predicates = {n: _predicate(n, e or {}, kinds) for n, e in _read_yaml("predicates.yaml").items()}
    for p in predicates.values():
        for other in p.exclusive_with:
            if other not in predicates:
                raise SchemaError(f"predicate {p.name!r} is exclusive with unknown {other!r}.")
    for name, entry in kinds.items():
        parent = (entry or {}).get("parent")
        if parent is not None and parent not in kinds:
            raise SchemaError(f"entity kind {name!r} has unknown parent {parent!r}.")
    return Schema(
        predicates=PredicateTable(predicates),
        entity_kinds=kinds,
        alias_kinds=_read_yaml("alias_kinds.yaml"),
        source_kinds=_read_yaml("source_kinds.yaml"),
    )


@cache
def schema() -> Schema:
    return load_schema()


schema()  # fail at import when the schema data is broken


@dataclass
class Source:
    id: str
    title: str
    kind: str
    text: str
    content_hash: str
    authors: list[str] = field(default_factory=list)
    date: str | None = None             # date written, as the source or analyst gave it
    written: TimeSpan | None = None     # the same, parsed
    archive_ref: str | None = None
    url: str | None = None
    licence: str | None = None
    citation: str | None = None
    path: str | None = None
    format: str = "txt"
    pages: list[tuple[int, int, int]] = field(default_factory=list)  # (page, start, end)
    extra: dict = field(default_factory=dict)

    @property
    def short_title(self) -> str:
        """A title short enough for a sentence: ``extra.short_title``, else the title up to
        its first colon or comma when it is long ("Note on Markson, 'The civil servant ...'")."""
        short = self.extra.get("short_title") if isinstance(self.extra, dict) else None
        if short:
            return str(short)
        if len(self.title) <= 48:
            return self.title
        for mark in (": ", ", ", " ("):
            head = self.title.split(mark, 1)[0]
            if 8 <= len(head) < len(self.title):
                return head
        return self.title[:45].rstrip() + "…"

    def page_at(self, offset: int) -> int | None:
        for number, start, end in self.pages:
            if start <= offset < end or (offset == end == len(self.text)):
                return number
        return None


@dataclass
class Alias:
    name: str
    kind: str = "variant"
    valid: TimeSpan | None = None       # when the name was in use
    source_id: str | None = None


@dataclass
class Entity:
    id: str
    name: str
    kind: str
    aliases: list[Alias] = field(default_factory=list)
    notes: str = ""


@dataclass
class Mention:
    source_id: str
    start: int
    end: int
    text: str
    kind: str
    entity_id: str | None = None
    alias_kind: str | None = None
    alias_of: str | None = None          # the name this mention is an alias of
    extracted_by: str = ""


@dataclass
class Claim:
    """A factoid: who did what to whom, when, where, according to whom, from which passage."""

    source_id: str
    start: int
    end: int
    quote: str
    subject: str
    predicate: str
    object: str | None = None
    time: TimeSpan | None = None
    place: str | None = None
    polarity: str = "affirmed"
    modality: str = "asserted"
    asserted_by: str | None = None       # the speaker; None means the source's author
    reported_by: str | None = None       # who wrote the speaker's words down
    extracted_by: str = EXTRACTORS_HUMAN
    status: str = "proposed"
    confidence: float = 1.0
    page: int | None = None
    note: str = ""
    subject_id: str | None = None        # the entity the extractor linked the subject to
    object_id: str | None = None
    id: str = ""
    version: int = 1                     # 1 first; every change to a stored claim makes the next
    edited_by: str | None = None         # who last edited its reading by hand (None: as read)

    def __post_init__(self) -> None:
        if not self.id:                  # the recipe: identity.claim_id
            self.id = claim_id(self.source_id, self.start, self.end, self.subject, self.predicate,
                               self.object, self.polarity, self.extracted_by, self.subject_id,
                               self.object_id)

    @property
    def affirmed(self) -> bool:
        return self.polarity == "affirmed"

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "span": [self.start, self.end],
            "page": self.page,
            "quote": self.quote,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "time": self.time.to_dict() if self.time else None,
            "place": self.place,
            "polarity": self.polarity,
            "modality": self.modality,
            "asserted_by": self.asserted_by,
            "reported_by": self.reported_by,
            "extracted_by": self.extracted_by,
            "status": self.status,
            "confidence": self.confidence,
            "version": self.version,
            "subject_id": self.subject_id,
            "object_id": self.object_id,
            "edited_by": self.edited_by,
        }


@dataclass
class ClaimVersion:
    """One version of a claim: the claim as it was, who made that version, when and how
    (extract, ingest, edit, review, revise); replaced_at is None for the current version."""

    version: int
    claim: Claim
    at: str
    by: str
    change: str
    replaced_at: str | None = None

    def as_json(self) -> dict:
        return {"version": self.version, "at": self.at, "by": self.by, "change": self.change,
                "replaced_at": self.replaced_at, "claim": self.claim.as_json()}


class Curated(tuple):
    """An analyst's merge or split: the pair of names ``(name, other)`` (it unpacks as one),
    with the entity ids the names denoted when the analyst decided (None when unknown)."""

    name_id: str | None
    other_id: str | None

    def __new__(cls, name: str, other: str, name_id: str | None = None, other_id: str | None = None):
        pair = super().__new__(cls, (name, other))
        pair.name_id, pair.other_id = name_id, other_id
        return pair


@dataclass
class Event:
    id: str
    predicate: str
    participants: tuple[str, ...]
    claim_ids: list[str]
    time: TimeSpan | None = None         # consensus: the intersection of compatible versions, else the hull
    place: str | None = None
    track: str = "personal"


@dataclass
class Finding:
    id: str
    type: str
    severity: str                        # low | medium | high
    explanation: str
    claim_ids: list[str]
    verdict: str = "open"
    note: str = ""


@dataclass
class CaseData:
    """Everything the analysis stages read: a plain snapshot of a case's store.

    Analysis is a pure function of this object; it never touches the database.
    """

    sources: dict[str, Source] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    period: TimeSpan | None = None                 # the case's period of interest
    merges: list[tuple[str, str]] = field(default_factory=list)   # analyst: (name, same-as name), Curated
    splits: list[tuple[str, str]] = field(default_factory=list)   # analyst: (name, not-same-as name), Curated
    verdicts: dict[str, tuple[str, str]] = field(default_factory=dict)  # finding id -> (verdict, note)

    _by_id: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (KeyError if none); indexed on first use."""
        if len(self._by_id) != len(self.claims):
            self._by_id = {c.id: c for c in self.claims}
        return self._by_id[claim_id]
