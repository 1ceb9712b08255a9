"""The ids of a case's things, in one place: claims, entities, events and findings.

An id is what everything the analyst decides hangs on (a review on a claim, a verdict on a
finding, a rating on a claim or finding, a merge on an entity), so it must not move when a
source is read again, the rules improve or a claim is edited. The recipes below are frozen:
changing one re-keys every case, so a new recipe needs a migration that maps the old ids.

* **Machine claim**: source id, span, predicate, polarity, extractor, and the subject and
  object *as linked*: the entity id the extractor linked the name to, else the name's
  frozen key (`name_key`). What is left out may change without changing the claim: the
  date read, the place, modality, speaker, confidence, page. So a re-read that only dates
  the claim better, or spells the linked subject another way, keeps the id (and makes a new
  version). A re-read that finds another subject, object, predicate or polarity on the
  passage is another reading: a new claim (the store also hands a stored id on to the new
  reading of the same passage when only the span moved; see `same_reading`).
* **Human claim** (casebook, analyst): the id given in the casebook entry, else the recipe
  it always had (source, span, subject, predicate, object, polarity as written). An edit
  never changes an id: it makes a new version of the same claim.
* **Entity**: its kind and canonical name (lower case), the same in the casebook's entity
  list, the extractor and resolve.
* **Event**: the rule that groups its claims (the predicate) and the smallest id of its
  claims; so entity merges, new sources and re-analysis keep the event's id unless a claim
  with a smaller id joins it.
* **Finding**: its type, the detector's own key parts (a witness, a source) and the ids of
  its claims.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

HUMAN = "analyst"               # the extractor name of hand-written claims (model.EXTRACTORS_HUMAN)


def short_hash(*parts: str, length: int = 12) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


_KEY_PUNCT = re.compile(r"[\"'“”‘’.,;:()\[\]]+")


def name_key(name: str | None) -> str:
    """A name's frozen matching key for ids: no accents, lower case, no quotes or stops, one
    space between words, no leading 'the'. Deliberately not `resolve.norm` (which may learn
    new rules): ids must not move when name matching improves."""
    if not name:
        return ""
    s = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    s = " ".join(_KEY_PUNCT.sub(" ", s.lower()).split())
    return s[4:] if s.startswith("the ") else s


def party_key(name: str | None, linked: str | None) -> str:
    """A subject or object as linked: its entity id, else its name's key."""
    if linked:
        return "e:" + linked
    return "n:" + name_key(name)


def claim_id(source_id: str, start: int, end: int, subject: str, predicate: str, object_: str | None,
             polarity: str, extracted_by: str, subject_id: str | None = None,
             object_id: str | None = None) -> str:
    """The id a claim is born with (see the module's docstring)."""
    if extracted_by == HUMAN:     # the recipe casebook claims have always had: their ids stay
        return "c-" + short_hash(source_id, str(start), str(end), subject, predicate, object_ or "",
                                 polarity, extracted_by)
    return "c-" + short_hash("m", source_id, str(start), str(end), predicate, polarity, extracted_by,
                             party_key(subject, subject_id), party_key(object_, object_id) if object_ else "")


def same_party(name_a: str | None, id_a: str | None, name_b: str | None, id_b: str | None) -> bool:
    """Whether two subjects (or objects) are the same as linked: the same entity when both are
    linked, else the same name key."""
    if id_a and id_b:
        return id_a == id_b
    return name_key(name_a) == name_key(name_b)


def same_reading(a, b) -> bool:
    """Whether two machine claims (objects with claim fields) are one reading of one passage:
    the same source, extractor, predicate, polarity, subject and object as linked, on spans
    that overlap. The store uses this to keep a claim's id when a new rule only moves its span."""
    return (a.source_id == b.source_id and a.extracted_by == b.extracted_by
            and a.predicate == b.predicate and a.polarity == b.polarity
            and a.start < b.end and b.start < a.end
            and same_party(a.subject, a.subject_id, b.subject, b.subject_id)
            and bool(a.object) == bool(b.object)
            and (not a.object or same_party(a.object, a.object_id, b.object, b.object_id)))


def entity_id(name: str, kind: str) -> str:
    """An entity's id: its kind and canonical name (the casebook, the extractor and resolve agree)."""
    return "e-" + short_hash(kind, name.strip().lower(), length=10)


def event_id(predicate: str, claim_ids) -> str:
    """An event's id: its predicate (the rule that grouped it) and the smallest of its claims' ids."""
    return "ev-" + short_hash(predicate, min(claim_ids))


def finding_id(kind: str, claim_ids, *extra: str) -> str:
    """A finding's id: its type, the detector's key parts and its claims' ids."""
    return "f-" + short_hash(kind, *extra, *sorted(claim_ids))
