"""People, organisations and places in a document, with the names they go by.

Four sources of mentions, from most to least trusted: the case's own entity list,
the alias patterns ("born X", "née X", Harold "Kim" Philby, "a figure called Otto"),
the gazetteer of services and ministries (``data/gazetteer.yaml``, applied by an
entity ruler that overrides the statistical NER), and the statistical NER. A
surname on its own links to the one full name with that surname seen earlier in
the document (or in the case's list). Spelling variants across transliterations
(Ginzburg / Ginsberg) are proposed as aliases of kind ``transliteration``, never
merged here: resolve and the analyst decide.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from .. import safe_yaml
from .. import identity
from ..model import Alias, Entity, Mention
from ..timespan import OPEN_HI, TimeSpan, parse_iso
from . import aliases as stated
from . import name_forms
from .body_names import capitalised_bodies, known_figures, ordinal_variants, state_named, state_prefixed
from .place_acronyms import place_acronyms
from .candidates import Cand as _Cand
from .designations import numbered_papers
from .list_names import listed_persons
from .demonyms import canonical_place
from .name_forms import fold, normal_case, parse_person
from .nlp import text_of
from .reading_case import has_capitals
from .recurring_names import every_occurrence
from .name_links import (
    archive_candidates,
    cluster_persons,
    name_variants,
    persons_by_surname,
    place_variants,
    surname_links,
    title_aliases,
)

LABEL_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
               "FAC": "place", "EVENT": "event_name"}
_QUOTES = "\"'“”‘’"
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:von|van|de|der|du|la|le)\s+)?[A-Z][\w'’-]*){0,3}"


entity_id = identity.entity_id     # the one recipe: the casebook, resolve and the store agree


# ---------------------------------------------------------------- the gazetteer

@functools.cache
def gazetteer() -> dict:
    return safe_yaml.package_data("data/gazetteer.yaml")


def _year_or_date(value, end: bool) -> int | None:
    if value is None:
        return None
    s = str(value)
    if re.fullmatch(r"\d{4}", s):
        s = f"{s}-12-31" if end else f"{s}-01-01"
    return parse_iso(s)


def _validity(entry: dict) -> TimeSpan | None:
    valid = entry.get("valid")
    if not valid:
        return None
    lo, hi = _year_or_date(valid[0], False), _year_or_date(valid[1], True)
    return TimeSpan(lo, hi if hi is not None else OPEN_HI, "day")


def _alias_kind(name: str) -> str:
    return "abbreviation" if re.fullmatch(r"[A-Z&\s.]{2,8}|[A-Z][a-zA-Z]{0,3}[A-Z]+", name) else "variant"


@functools.cache
def organisations() -> dict[str, Entity]:
    """Gazetteer entries (organisations, and the few places listed) as entities, keyed by
    their name in the gazetteer, with dated aliases; an entity's own name drops a leading
    'the' ('the West' is West), so it is the same entity as the NER's name for it."""
    entries = gazetteer()["organisations"] + gazetteer().get("places", [])
    by_name = {e["name"]: e for e in entries}
    out: dict[str, Entity] = {}
    for e in entries:
        aliases = []
        for a in e.get("aliases") or ():
            a = a if isinstance(a, dict) else {"name": a, "kind": _alias_kind(a)}
            aliases.append(Alias(a["name"], a["kind"], _validity(e)))
        nxt = by_name.get(e.get("successor"))
        if nxt:
            aliases.append(Alias(nxt["name"], "successor_name", _validity(nxt)))
        name = re.sub(r"^[Tt]he\s+", "", e["name"])   # 'the West' is the NER's 'West' too
        if name != e["name"]:
            aliases.append(Alias(e["name"], "variant", _validity(e)))
        out[e["name"]] = Entity(entity_id(name, e.get("kind", "organisation")), name,
                                e.get("kind", "organisation"), aliases)
    for e in entries:  # predecessor names, the other way round
        nxt = out.get(e.get("successor"))
        if nxt:
            nxt.aliases.append(Alias(e["name"], "predecessor_name", _validity(e)))
    return out


def gazetteer_patterns() -> list[dict]:
    """Entity-ruler patterns: every name and alias, labelled ORG (LOC for a place),
    id = canonical name."""
    patterns = []
    for name, ent in organisations().items():
        for form in [name] + [a.name for a in ent.aliases if a.kind not in
                              ("successor_name", "predecessor_name")]:
            label = "LOC" if ent.kind == "place" else "ORG"
            patterns.append({"label": label, "pattern": form, "id": name})
    patterns += [{"label": "NORP", "pattern": g} for g in gazetteer().get("groups", ())]
    return patterns


@functools.cache
def titles() -> frozenset[str]:
    """Titles and ranks that precede a name ('General', 'Sir', 'President')."""
    return frozenset(gazetteer()["titles"])


@functools.cache
def body_heads() -> frozenset[str]:
    """Head words of bodies: 'Party', 'Commission', 'Army', 'Ministry' ..."""
    return frozenset(gazetteer()["organisation_heads"]) | frozenset(gazetteer()["body_heads"])


@functools.cache
def _person_nouns() -> str:
    return "|".join(gazetteer()["person_nouns"])


@functools.cache
def person_nouns() -> frozenset[str]:
    """Nouns that name a person by role ('agent', 'defector'): ``gazetteer.yaml``."""
    return frozenset(gazetteer()["person_nouns"])


# ---------------------------------------------------------------- what was found

@dataclass
class Found:
    """Everything the entity layer found in one document."""

    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)      # name -> entity
    aliases: list[tuple[str, Alias]] = field(default_factory=list)
    at: dict[int, Mention] = field(default_factory=dict)            # token start -> mention

    def mention_at(self, offset: int) -> Mention | None:
        return self.at.get(offset)


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading 'the', a trailing possessive, quotes and punctuation."""
    s = text[start:end]
    m = re.match(r"(?:[Tt]he\s+|(?:BC|AD|B\.C\.|A\.D\.)\s+|[\"“‘'(\s]+)+", s)
    if m:
        start += m.end()
    s = text[start:end]
    m = re.search(r"(?:['’]s?|[\"”’),.;:\s])+$", s)
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


@functools.cache
def _before_names() -> frozenset[str]:
    """Titles, and words of kinship or calling a headline puts before a name ('Spy Blunt')."""
    return titles() | frozenset(name_forms.names_data()["relation_words"])


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0] in _before_names():
        words = words[1:]
    return " ".join(words)


def _known_index(known: tuple[Entity, ...]) -> dict[str, tuple[Entity, str | None]]:
    index: dict[str, tuple[Entity, str | None]] = {}
    for ent in known:
        index.setdefault(ent.name, (ent, None))
        for al in ent.aliases:
            index.setdefault(al.name, (ent, al.kind))
    return index


@functools.lru_cache(maxsize=32)
def _known_regex(names: tuple[str, ...]) -> re.Pattern | None:
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


def _from_known(text: str, known: tuple[Entity, ...]) -> list[_Cand]:
    index = _known_index(known)
    rx = _known_regex(tuple(sorted(index)))
    out = []
    for m in rx.finditer(text) if rx else ():
        ent, kind = index[m.group()]
        out.append(_Cand(m.start(), m.end(), ent.kind, ent.name, 3, kind,
                         ent.name if kind else None, ent))
    return out


@functools.cache
def _given_names() -> frozenset[str]:
    return frozenset(gazetteer()["given_names"])


def _looks_like_person(ent) -> bool:
    """'Guy Burgess' tagged ORG: two or three capitalised words after a given name."""
    words = [t.text for t in ent if not t.is_punct]
    return 2 <= len(words) <= 3 and words[0] in _given_names() and all(
        w[:1].isupper() and w.replace("-", "").isalpha() for w in words)


def _joined_persons(ent) -> list:
    """'Ivan Petrov and Pavel Orlov' tagged as one name (often ORG): two full names joined by
    'and', each a given name and a surname, are two persons. A firm or a column named for
    two surnames ('Allen and Scott') has no given names and stays one name."""
    ands = [t.i for t in ent if t.lower_ == "and" and ent.start < t.i < ent.end - 1]
    if len(ands) != 1:
        return [ent]
    left, right = ent.doc[ent.start:ands[0]], ent.doc[ands[0] + 1:ent.end]
    if not (_looks_like_person(left) and _looks_like_person(right)):
        return [ent]
    return [Span(ent.doc, left.start, left.end, label="PERSON"), Span(ent.doc, right.start, right.end, label="PERSON")]


def _split_names(doc) -> list:
    """'Hotsumi Ozaki' tagged as two names (an ORG, then a place): a listed given name, alone
    in its span, right before a span of one or two capitalised words, is the first half of one
    person's name."""
    ents, out, i = list(doc.ents), [], 0
    while i < len(ents):
        e = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and len(e) == 1 and e.label_ != "PERSON" and e.text in _given_names() \
                and nxt.start == e.end and len(nxt) <= 2 and nxt.label_ in ("ORG", "GPE", "LOC", "NORP", "PERSON") \
                and all(t.text[:1].isupper() and t.is_alpha for t in nxt) and e[0].whitespace_ == " ":
            out.append(Span(doc, e.start, nxt.end, label="PERSON"))
            i += 2
            continue
        out.append(e)
        i += 1
    return out


def _label(ent, persons: set[str]) -> str:
    if ent.label_ != "PERSON" and not ent.ent_id_ and (
            ent.text in persons or _looks_like_person(ent) or _after_title(ent)):
        return "PERSON"
    return ent.label_


def _after_title(ent) -> bool:
    """'General Washington', 'President Lincoln': a rank or title makes the name a person's."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return ent.label_ in ("GPE", "LOC", "ORG", "FAC") and before is not None and \
        before.text in titles() and before.text[:1].isupper() and len(ent) <= 3


@functools.cache
def _generic() -> frozenset[str]:
    return frozenset(gazetteer()["generic_names"])


_CONNECTORS = frozenset("of the for and de del der den di du la le von van y da das dos do al el bin ibn "
                        "ten ter zu af".split())
_PARTICLE = re.compile(r"(?:al|el|ad|as|at|ash|d|l|o)['’-]\w")    # 'al-Baghdadi', "d'Estaing"


def _cut_at_lowercase(text: str, start: int, end: int) -> int:
    """End a name before its first lowercase word that is not a connector, and drop the
    connectors left dangling: 'the Army of the Potomac on July 26' -> 'Army of the Potomac',
    'the Battle of' -> 'Battle'."""
    words = list(re.finditer(r"\S+", text[start:end]))
    keep = len(words)
    for i, w in enumerate(words[1:], 1):
        if w.group()[:1].islower() and w.group().lower() not in _CONNECTORS and not _PARTICLE.match(w.group()):
            keep = i
            break
    while keep > 1 and words[keep - 1].group().lower() in _CONNECTORS:
        keep -= 1
    return start + words[keep - 1].end() if words and keep else end


def _group(ent) -> bool:
    """'the Russians', 'the Bolsheviks', 'to the British.': a people or faction standing as a
    noun. Adjectives ('the Soviet government', 'a British agent') are not groups."""
    doc = ent.doc
    if len(ent) != 1 or ent.start == 0 or doc[ent.start - 1].lower_ != "the":
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    if ent.text.endswith("s") and ent.text[:1].isupper():
        return after is None or not (after.text[:1].isupper() and after.is_alpha)
    return after is None or after.is_punct or after.lower_ in ("and", "or")


def _kind_by_head(name: str, kind: str) -> str:
    """'... Research Association' is an organisation, 'Trinity College' a college,
    'Battle of Franklin' and 'Berlin Blockade' named events."""
    g = gazetteer()
    words = name.split()
    if len(words) > 1 and not body_heads() & set(words[:-1]) and (     # 'Ministry of War' is a body
            words[0] in g["event_heads"]["first"] or words[-1] in g["event_heads"]["last"]):
        return "event_name"
    if kind in ("organisation", "place") and any(w in g["college_heads"] for w in words):
        return "college"
    if kind == "place" and len(words) > 1 and words[-1] in g["organisation_heads"]:
        return "organisation"
    return kind


_ENUMERATOR = re.compile(r"[A-Z]\.[ \t]+(?=[A-Z])")
_LINE_LETTER = re.compile(r"(?m)^\W{0,3}([A-Z])\.[ \t]+\S")


def _without_letters(text: str, cands: list[_Cand]) -> list[_Cand]:
    """'B. LWOPUS SENT A SAMPLE': a person's name that opens with a paragraph's letter starts
    after it."""
    letters = _paragraph_letters(text)
    if not letters:
        return cands
    out = []
    for c in cands:
        m = _ENUMERATOR.match(text, c.start) if c.kind == "person" else None
        if m and text[c.start] in letters and m.end() < c.end and \
                not re.search(r"\w", text[text.rfind("\n", 0, c.start) + 1:c.start]):
            rest = " ".join(text[m.end():c.end].split())
            name = c.name if c.name != " ".join(text[c.start:c.end].split()) else rest
            if c.name.startswith(text[c.start:m.end()].strip()):
                name = c.name[len(text[c.start:m.end()].strip()):].strip() or rest
            c = _Cand(m.end(), c.end, c.kind, name, c.rank, c.alias_kind, c.alias_of, c.entity)
        out.append(c)
    return out


def _paragraph_letters(text: str) -> set[str]:
    """Letters that number a memo's paragraphs ('A. THE TIMING ...', 'B. LWOPUS SENT ...'): a
    letter at a line's start whose neighbour in the alphabet also starts a line. A lone
    'J. Edgar Hoover' at a line's start stays an initial."""
    seen = set(_LINE_LETTER.findall(text))
    return {c for c in seen if chr(ord(c) - 1) in seen or chr(ord(c) + 1) in seen}
_DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "this", "that", "our", "your"}


def _determined_acronym(doc, ent) -> bool:
    """'WISE was granted a CSA', 'His CSA was cancelled': a short word in capitals after an
    article or a possessive is an acronym of a thing; a person's name takes neither."""
    word = ent.text.strip()
    before = doc[ent.start - 1] if ent.start > 0 else None
    return len(ent) == 1 and word.isupper() and 2 <= len(word) <= 5 and before is not None \
        and before.lower_ in _DETERMINERS


def _from_doc(doc) -> list[_Cand]:
    text = text_of(doc)
    out = []
    orgs = organisations()
    persons = {e.text for e in doc.ents if e.label_ == "PERSON"}   # one name, one kind per document
    for ent in (part for e in _split_names(doc) for part in _joined_persons(e)):
        kind = LABEL_KINDS.get(_label(ent, persons))
        if kind is None and ent.label_ == "NORP" and _group(ent):
            kind = "group"
        if kind is None:
            continue
        start, end = _clean(text, ent.start_char, ent.end_char)
        cut = text.find(" (", start, end)          # 'Committee (VTsIK': the gloss is no part of the name
        if cut > start and text.find(")", cut, end) < 0:
            start, end = _clean(text, start, cut)
        if end <= start or not text[start].isupper() and not text[start].isdigit():
            continue
        if ent.ent_id_ in orgs:
            org = orgs[ent.ent_id_]
            surface = text[start:end]
            alias = None if surface == org.name else next(
                (a.kind for a in org.aliases if a.name == surface), "variant")
            out.append(_Cand(start, end, org.kind, org.name, 2, alias,
                             org.name if alias else None, org))
            continue
        end = _cut_at_lowercase(text, start, end)
        name = " ".join(text[start:end].split())
        if (name in _generic() and kind != "group") or not name or name in gazetteer()["event_heads"]["first"]:
            continue
        if kind == "person" and len(name.split()) > 1 and name.split()[-1] in gazetteer()["organisation_heads"]:
            kind = "organisation"              # 'Fourth (Intelligence) Directorate' tagged PERSON
        if kind == "person":
            name = _strip_titles(name)
            if name in titles() or _determined_acronym(doc, ent):   # 'the King', 'a CSA': no name
                continue
            while start < end and text[start:end].split(None, 1)[0] in _before_names() and " " in text[start:end]:
                start += len(text[start:end].split(None, 1)[0])   # the mention is the name; the title an alias
                start += len(text[start:end]) - len(text[start:end].lstrip())
        else:
            kind = _kind_by_head(name, kind)
        out.append(_Cand(start, end, kind, name, 0))
    return out


# ---------------------------------------------------------------- alias patterns

def _called(text: str) -> re.Pattern:
    return re.compile(rf"\b(?:a|an|the|his|her|their|one)\s+(?:[\w,-]+\s+){{0,3}}?(?:{_person_nouns()})"
                      rf"\s+(?:called|named|known\s+as|code-?named)\s+[\"“‘]?({_NAME})")


def _full(person: str, name: str) -> str:
    """'Sissmore' after 'Jane Archer' -> 'Jane Sissmore' (a surname keeps the given names)."""
    words = person.split()
    if " " not in name and len(words) > 1:
        return " ".join(words[:-1] + [normal_case(name)])
    return name


_Renames = dict[str, tuple[str, str, Entity | None]]     # name -> (entity name, alias kind, entity)


def _alias_patterns(text: str, cands: list[_Cand], source_id: str) -> tuple[list[_Cand], list, _Renames]:
    """Mentions, (entity name, Alias) pairs and renamings from the aliases a text states
    (see `aliases`): after a person's name, after a body's name, code names, abbreviations."""
    out, aliases, renames = [], [], {}
    for p in [c for c in cands if c.kind == "person"]:
        for st in stated.after_person(text, p.end):
            if st.reverse:                      # 'Suvorov (pseudonym of Vladimir Rezun)'
                real = parse_person(st.text)
                name = real.canonical if real else st.text
                out.append(_Cand(st.start, st.end, "person", name, 2))
                renames[p.name] = (name, "code_name", None)
                aliases.append((name, Alias(" ".join(text[p.start:p.end].split()), "code_name", None, source_id)))
                continue
            if st.text in titles():
                continue
            alias = _full(p.name, st.text) if st.kind in ("birth_name", "married_name") else st.text
            if fold(alias) == fold(p.name):
                continue
            out.append(_Cand(st.start, st.end, "person", p.name, 2, st.kind, p.name, p.entity))
            aliases.append((p.name, Alias(alias, st.kind, None, source_id)))
    starts = {c.start: c for c in cands}
    for o in [c for c in cands if c.kind in ("organisation", "college", "thing", "event_name")]:
        for st in stated.successive_names(text, o.end):
            other = starts.get(st.start)
            if other is not None and other.name != o.name:   # 'the NKGB was renamed the MGB': a body of its own
                aliases.append((o.name, Alias(other.name, st.kind, None, source_id)))
                continue
            out.append(_Cand(st.start, st.end, o.kind, o.name, 2, st.kind, o.name, o.entity))
            aliases.append((o.name, Alias(st.text, st.kind, None, source_id)))
    for m in _called(text).finditer(text):
        name = m.group(1)
        out.append(_Cand(m.start(1), m.end(1), "person", name, 2, "code_name"))
        aliases.append((name, Alias(name, "code_name", None, source_id)))
    by_fold = {fold(c.name): c for c in cands if c.kind in ("organisation", "thing", "event_name")}
    glossed = set()
    for a, b, gloss in stated.glossed_cryptonyms(text):      # 'identified the X cryptonym as the Y program'
        body = by_fold.get(fold(gloss))
        if body is not None:
            glossed.add(a)
            out.append(_Cand(a, b, body.kind, body.name, 2, "code_name", body.name, body.entity))
            aliases.append((body.name, Alias(text[a:b], "code_name", None, source_id)))
            renames[text[a:b]] = (body.name, "code_name", body.entity)
    for st in stated.cryptonyms(text):
        if st.start not in glossed:
            out.append(_Cand(st.start, st.end, "thing", st.text, 2, "code_name"))
    more, renamed = _abbreviations(text, cands, source_id)
    return out + more[0], aliases + more[1], renames | renamed


def _abbreviations(text: str, cands: list[_Cand], source_id: str) -> tuple[tuple[list, list], _Renames]:
    """Abbreviations the text defines: 'the Main Intelligence Directorate (GRU)' (a name the
    NER or the gazetteer found, then a bracket or 'or' with the abbreviation, spelled by it
    or not), 'human source intelligence (HUMINT)' (a long form that spells it)."""
    ends = {c.end: c for c in cands if c.kind != "person"}
    starts = {c.start: c for c in cands}
    out, aliases, renames = [], [], {}
    pairs = []
    for gloss, a, b in stated.defined_after(text):
        long = ends.get(len(text[:gloss].rstrip()))
        if long is not None:
            pairs.append((long, a, b))
    for ls, le, a, b in stated.unspelled_long(text):     # the NER's name for the bracket's words
        long = starts.get(ls)
        if long is not None and long.end == le:
            pairs.append((long, a, b))
    for gloss, a, b in stated.glosses(text):
        long = ends.get(len(text[:gloss].rstrip()))
        if long is not None:
            out.append(_Cand(a, b, long.kind, long.name, 2, "transliteration", long.name, long.entity))
            aliases.append((long.name, Alias(text[a:b], "transliteration", None, source_id)))
    for ls, le, a, b in stated.abbreviations(text):
        long = ends.get(le) or starts.get(ls)
        if long is None:
            words = text[ls:le].split()
            kind = "organisation" if words[-1].capitalize() in body_heads() else "thing"
            long = _Cand(ls, le, kind, " ".join(words), 2)
            out.append(long)
        pairs.append((long, a, b))
    for long, a, b in pairs:
        abbr = text[a:b]
        short = starts.get(a)
        if short is not None and short.entity is not None and long.entity is None:
            renames[long.name] = (short.name, "full_name", short.entity)
            aliases.append((short.name, Alias(long.name, "full_name", None, source_id)))
        elif short is None or short.entity is None:
            out.append(_Cand(a, b, long.kind, long.name, 2, "abbreviation", long.name, long.entity))
            renames.setdefault(abbr, (long.name, "abbreviation", long.entity))
            aliases.append((long.name, Alias(abbr, "abbreviation", None, source_id)))
    return (out, aliases), renames


def _rename(text: str, chosen: list[_Cand], renames: _Renames) -> list[_Cand]:
    """Apply the renamings to every mention of the alias, and find the alias's later
    occurrences the NER did not tag ('GRU' after 'Main Intelligence Directorate (GRU)')."""
    for c in chosen:
        hit = renames.get(c.name) or renames.get(text[c.start:c.end])
        if hit and c.name != hit[0]:
            c.alias_kind = c.alias_kind or hit[1]
            c.name, c.alias_of, c.entity = hit[0], hit[0], hit[2] or c.entity
    words = [w for w, hit in renames.items() if hit[1] in ("abbreviation", "code_name") and " " not in w]
    if not words:
        return chosen
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                    + r")(?![\w-])")
    kinds = {c.name: c.kind for c in chosen}
    more = [_Cand(m.start(), m.end(), kinds.get(renames[m.group()][0], "organisation"), renames[m.group()][0],
                  1, renames[m.group()][1], renames[m.group()][0], renames[m.group()][2])
            for m in rx.finditer(text)]
    return _choose(chosen + more)


# ---------------------------------------------------------------- surnames and variants

def skeleton(name: str) -> str:
    """A spelling key that ignores transliteration choices (see `name_forms.skeleton`)."""
    return name_forms.skeleton(name)


def transliteration_candidates(names: list[str]) -> list[tuple[str, str]]:
    """Pairs (first seen, variant) of person names that differ only in spelling."""
    return [(a, b) for a, b, _ in name_variants(names) if " " in b]


# ---------------------------------------------------------------- one document

_BODY_TAIL = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?$")     # 'Committee on Un-American Activities'


def _extend_bodies(text: str, cands: list[_Cand]) -> list[_Cand]:
    """'the Communist Party of the United States', 'the Economic Commission for Asia': a
    body named by the statistical NER (not the gazetteer) whose head word is a body's
    ('Party', 'Commission') takes in the place or body named right after 'of', 'for' or 'on'."""
    heads = body_heads()
    out = sorted(cands, key=lambda c: c.start)
    merged: list[_Cand] = []
    i = 0
    while i < len(out):
        c = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        if (nxt is not None and c.rank == 0 and c.kind == "organisation" and nxt.rank <= 2
                and nxt.kind in ("place", "organisation") and c.name.split()[-1] in heads
                and _BODY_TAIL.fullmatch(text[c.end:nxt.start])):
            end = nxt.end
            merged.append(_Cand(c.start, end, "organisation", " ".join(text[c.start:end].split()), 0))
            i += 2
            continue
        merged.append(c)
        i += 1
    return merged


_LEFT_OF_BODY = re.compile(r"(?<![\w'’-])((?:[A-Z][a-z][\w'’-]*[ \t]+){1,3})(?:for|of|on)[ \t]+$")


def _body_fronts(text: str, cands: list[_Cand]) -> list[_Cand]:
    """'the Fair Play for Cuba Committee': the statistical NER often keeps only the words after
    the connector ('Cuba Committee'). A body it names with a body's head word takes in the
    capitalised words and the connector right before it on the same line, when no other
    mention holds them and they are no sentence's first words; and the capitalised words of
    its remit after 'on' ('the House Committee on Un-American Activities')."""
    heads = body_heads()
    taken = sorted((c.start, c.end) for c in cands)
    out = []
    for c in cands:
        if c.rank == 0 and c.kind == "organisation" and c.name.split()[-1] in heads:
            m = _LEFT_OF_BODY.search(text, max(0, c.start - 60), c.start)
            lo = m.start(1) if m else -1
            before = text[max(0, lo - 2):lo].strip()
            if m and not any(a < c.start and b > lo for a, b in taken) and before not in ("", ".") \
                    and not any(w in titles() for w in m.group(1).split()):
                c = _Cand(lo, c.end, c.kind, " ".join(text[lo:c.end].split()), c.rank)
            m = _ON_AFTER_BODY.match(text, c.end)
            if m and not any(c.end < a < m.end() for a, _ in taken):
                c = _Cand(c.start, m.end(), c.kind, " ".join(text[c.start:m.end()].split()), c.rank)
            m = _FOR_REMIT.match(text, c.end)      # the NER's 'Crimean District' inside it is the remit's
            if m and not any(c.end < o.start < m.end() and o.rank > 0 for o in cands):
                c = _Cand(c.start, m.end(), c.kind, " ".join(text[c.start:m.end()].split()), c.rank)
        out.append(c)
    return out


# 'the House Committee on Un-American Activities', 'the Commission on Civil Rights'
_ON_AFTER_BODY = re.compile(r"[ \t]+on[ \t]+(?:the[ \t]+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                            r"January|February|March|April|May|June|July|August|September|October|November|"
                            r"December)\b)(?:[A-Z][a-z]*-)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3}\b")


# 'the Extraordinary Commission for combating counterrevolution at the Czechoslovak (Eastern)
# Front': a body's remit written in lower case after 'for' and a gerund (a translated
# body's name), with the front, region or city it serves; the name ends where a comma,
# a full stop or a bracket closes it.
_FOR_REMIT = re.compile(r"[ \t]+for[ \t]+[a-z]+ing(?:[ \t]+(?:and[ \t]+)?[a-z][a-z-]+){1,4}"
                        r"(?:[ \t]+(?:at|in|on)[ \t]+the(?:[ \t]+[A-Z][\w-]*(?:[ \t]+\([A-Z][\w-]*\))?){1,3})?"
                        r"(?=[ \t]*(?:[,;.:]|$))")


_SUFFIX_AFTER = re.compile(r",?[ \t]+(Jr\.?|Sr\.?|Junior|Senior|[IVX]{2,4})(?=[ \t]*(?:[,;:.)\n]|$))")


def _with_suffix(text: str, cands: list[_Cand]) -> list[_Cand]:
    """'Archibald ROOSEVELT, Jr.' (OCR: 'ROOSEVELT, IX'): a suffix after a person's name, with
    or without its comma, is part of the name as written: a father and a son differ by it."""
    out, swallowed = [], set()
    starts = sorted((o.start, i) for i, o in enumerate(cands))
    keys = [st for st, _ in starts]
    for c in cands:
        m = _SUFFIX_AFTER.match(text, c.end) if c.kind == "person" and " " in c.name else None
        if m is None:
            out.append(c)
            continue
        lo = bisect.bisect_left(keys, c.end)
        inside = [cands[i] for st, i in starts[lo:bisect.bisect_left(keys, m.end())]]
        if all(o.start >= m.start(1) and o.end <= m.end() and o.kind != "person" for o in inside):
            swallowed |= {id(o) for o in inside}     # the NER's 'IX' of 'ROOSEVELT, IX'
            c = _Cand(c.start, m.end(), c.kind, c.name, c.rank, c.alias_kind, c.alias_of, c.entity)
        out.append(c)
    return [c for c in out if id(c) not in swallowed]


_AND = re.compile(r"[ \t]+(?:and|AND|And|&)[ \t]+")


def _shared_surnames(text: str, cands: list[_Cand]) -> list[_Cand]:
    """'Julius and Ethel Rosenberg': a given name alone, then 'and' and a full name, shares
    that name's surname."""
    by_start = {c.start: c for c in cands if c.kind == "person"}
    out = []
    for c in cands:
        m = _AND.match(text, c.end) if c.kind == "person" and " " not in c.name else None
        other = by_start.get(m.end()) if m else None
        if other is not None and " " in other.name and c.name.capitalize() in _given_names() \
                and other.name.split()[0].capitalize() in _given_names():
            c = _Cand(c.start, c.end, c.kind, f"{normal_case(c.name)} {other.name.split()[-1]}", c.rank)
        out.append(c)
    return out


@functools.cache
def _not_given() -> frozenset[str]:
    """Words that may stand between a title and a surname without being a given name."""
    data = name_forms.names_data()
    long_words = {w for t in data["long_titles"] for w in t.split()}
    return titles() | frozenset(data["office_words"]) | frozenset(long_words)


_GIVEN_AFTER_TITLE = re.compile(r"(?<![\w.])(\S+)[ \t]+([A-Z][a-z]+)[ \t]$")


def _titled_parts(text: str, cands: list[_Cand]) -> list[_Cand]:
    """'General Anders Holm': after a rank or title the statistical NER may keep only the
    surname ('Holm'); a capitalised word between the title and a one-word person, one space
    each side, is that person's given name, and the mention starts there."""
    taken = {c.end for c in cands}
    out = []
    for c in cands:
        m = _GIVEN_AFTER_TITLE.search(text, max(0, c.start - 40), c.start) \
            if c.kind == "person" and " " not in c.name else None
        if m is not None and m.group(1) in titles() and m.group(2) not in _not_given() and m.end(2) not in taken:
            c = _Cand(m.start(2), c.end, c.kind, f"{m.group(2)} {c.name}", c.rank, c.alias_kind, c.alias_of, c.entity)
        out.append(c)
    return out


def _choose(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping mentions, the most trusted (then the longest) first."""
    taken = bytearray(max((c.end for c in cands), default=0))
    chosen = []
    for c in sorted(cands, key=lambda c: (-c.rank, c.start - c.end, c.start)):
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _written_case(text: str, source_text: str | None) -> str:
    """The NER's text (line breaks softened, a cable re-cased: `reading_case`) with the letters'
    case as written: the archive patterns read a cable's capitals as capitals."""
    if not source_text or len(source_text) != len(text) or not has_capitals(source_text):
        return text
    return "".join(s if d != s and d.lower() == s.lower() else d for d, s in zip(text, source_text))


def find_entities(doc, source_id: str, known: tuple[Entity, ...] = (),
                  extracted_by: str = "", source_text: str | None = None) -> Found:
    """All entity mentions of one NER-processed document (see `nlp.ner`). source_text: the
    text as written, when the doc read a copy of the same length (line breaks softened);
    each mention's text is taken from it."""
    text = text_of(doc)
    chosen = _choose(_from_known(text, known) + _body_fronts(text, _extend_bodies(text, _from_doc(doc)))
                     + archive_candidates(_written_case(text, source_text), source_text))
    chosen = _choose(chosen + capitalised_bodies(text, chosen))
    chosen = _choose(chosen + listed_persons(source_text or text, chosen, body_heads()))
    chosen = _titled_parts(text, _shared_surnames(text, _with_suffix(text, _choose(chosen + every_occurrence(text, chosen)))))
    chosen = numbered_papers(text, _without_letters(text, chosen))
    persons_by_surname(text, chosen)
    aliases = cluster_persons(text, chosen, source_id)
    linked, spelled = surname_links(doc, chosen, known, source_id)
    chosen = _choose(chosen + linked)
    aliases += spelled + title_aliases(text, chosen, source_id)
    patterned, more, renames = _alias_patterns(text, chosen, source_id)
    chosen = _rename(text, _choose(chosen + patterned), renames)
    aliases += more
    chosen, placed = place_acronyms(text, chosen, aliases, source_id)   # 'PVRK' ... 'the Petrograd VRK'
    aliases += placed
    code_names = {c.name for c in patterned if c.alias_kind == "code_name" and c.alias_of is None}
    for c in chosen:                           # every later 'Otto' is the code name too
        if c.name in code_names and c.alias_kind is None and c.kind in ("person", "organisation"):
            c.kind, c.alias_kind = "person", "code_name"
    aliases += _place_names(chosen, source_id)
    found = Found(aliases=aliases)
    for c in chosen:
        ent = found.entities.get(c.name)
        if ent is None:
            ent = c.entity or Entity(entity_id(c.name, c.kind), c.name, c.kind)
            ent = found.entities[ent.name] = Entity(ent.id, ent.name, ent.kind, list(ent.aliases), ent.notes)
        m = Mention(source_id, c.start, c.end, (source_text or text)[c.start:c.end], ent.kind, ent.id,
                    c.alias_kind, c.alias_of, extracted_by)
        found.mentions.append(m)
    persons = [e.name for e in known if e.kind == "person"] + \
              [n for n, e in found.entities.items() if e.kind == "person"]
    places = [n for n, e in found.entities.items() if e.kind == "place"]
    bodies = [n for n, e in found.entities.items() if e.kind == "organisation"]
    states = state_prefixed(text, [(m.start, found.entities[c.name].name) for c, m in zip(chosen, found.mentions)
                                   if m.kind == "organisation" and m.text == c.name])
    states += state_named(text, bodies)
    for first, variant, kind in name_variants(persons) + place_variants(places) + ordinal_variants(bodies) + states \
            + known_figures([n for n, e in found.entities.items() if e.kind == "person"]):
        found.aliases.append((first, Alias(variant, kind, None, source_id)))
    found.aliases = list({(n, a.name, a.kind): (n, a) for n, a in found.aliases}.values())
    for name, alias in found.aliases:
        ent = found.entities.get(name)
        if ent is not None and all((a.name, a.kind) != (alias.name, alias.kind) for a in ent.aliases):
            ent.aliases.append(alias)
    _index(doc, found)
    return found


def _place_names(chosen: list[_Cand], source_id: str) -> list[tuple[str, Alias]]:
    """A place the NER found under a short name ('the U.S.', 'USSR', 'America') is the place
    of ``data/places.yaml`` by its own name, the written form its alias. A longer name stays
    as written: 'the People's Republic of China' names a state founded in 1949, not China."""
    out = []
    for c in chosen:
        short = " " not in c.name.strip()
        canon = canonical_place(c.name) if c.kind == "place" and c.entity is None and short else None
        if canon is not None:
            kind = "abbreviation" if c.name.replace(".", "").isupper() else "variant"
            out.append((canon, Alias(c.name, kind, None, source_id)))
            c.alias_kind, c.alias_of, c.name = c.alias_kind or kind, canon, canon
    return out


def _index(doc, found: Found) -> None:
    """Token start offset -> the mention that covers the token."""
    spans = iter(found.mentions)
    m = next(spans, None)
    for tok in doc:
        while m is not None and m.end <= tok.idx:
            m = next(spans, None)
        if m is not None and m.start <= tok.idx < m.end:
            found.at[tok.idx] = m
