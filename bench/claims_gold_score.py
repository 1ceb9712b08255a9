"""Scoring system claims against the dev gold set: the README's matching rule, as pure functions.

The rule (../shared/data/claims-dev/README.md, "Matching a system claim against a gold fact"):
a claim matches a gold fact of its text when subject, predicate, object, time, asserted_by and
polarity all agree; each gold fact is matched at most once. This module holds that rule and the
counting around it; bench/bench_claims_gold.py runs the product and prints the tables.

Names are compared folded: Unicode NFKD without combining marks, case-folded, whitespace
collapsed, surrounding quotes and punctuation dropped, a leading "the" optional ("The Washington
Times" is "Washington Times"); a parenthetical the gold set adds to a canonical name ("Council of People's Commissars (Sovnarkom)", "Rosario Ames (wife of Aldrich
Ames)") may be left out. A gold name stands for its canonical entity: the canonical name and
every alias `name` the gold files give for it (all files). A system name stands for the names
the system records for its entity (canonical, aliases, surface forms it linked), except names
the system marks as a predecessor's or successor's: those are other entities.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

CONDITIONS = ("subject", "predicate", "object", "time", "asserted_by", "polarity")
OTHER_ENTITY_KINDS = {"predecessor_name", "successor_name"}   # system alias kinds naming another entity
_OPEN_LO = -3_000_000                                         # the product's open bounds (year -9999 / 9999)
_OPEN_HI = date(9999, 12, 31).toordinal()
_EDGE = "\"'“”‘’«»<>()[]{}.,;:!?-–— \u00a0"


# ------------------------------------------------------------------ names

def fold(name: str | None) -> str:
    """The comparison form of a name: no diacritics, case or spacing differences."""
    if not name:
        return ""
    t = unicodedata.normalize("NFKD", str(name))
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).casefold()
    t = " ".join(t.split())
    return t.strip(_EDGE)


def variants(name: str | None) -> set[str]:
    """Folded forms of one written name: as written, and without parentheticals."""
    if not name:
        return set()
    out = {fold(name)}
    bare = re.sub(r"\s*\([^()]*\)", "", str(name))
    if bare.strip():
        out.add(fold(bare))
    out |= {v[4:] for v in out if v.startswith("the ")}
    out.discard("")
    return out


@dataclass
class GoldNames:
    """Canonical -> every name the gold files give it (folded)."""

    names_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    canonicals_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, canonical: str, name: str | None = None) -> None:
        key = fold(canonical)
        for v in variants(canonical) | variants(name):
            self.names_of[key].add(v)
            self.canonicals_of[v].add(key)

    def accepted(self, name: str | None) -> set[str]:
        """The folded names that denote the same entity as a gold name."""
        if not name:
            return set()
        out = set(variants(name))
        for v in list(out):
            for canon in self.canonicals_of.get(v, ()):
                out |= self.names_of[canon]
        return out


def gold_names(golds: list[dict]) -> GoldNames:
    """The alias lists of all gold files, and every canonical name used in a fact."""
    g = GoldNames()
    for doc in golds:
        for al in doc.get("aliases") or []:
            g.add(al["of"], al["name"])
        for f in doc.get("facts") or []:
            for k in ("subject", "object", "asserted_by", "place"):
                if f.get(k):
                    g.add(f[k])
    return g


@dataclass
class SystemNames:
    """System name (folded) -> the names the system records for that entity (folded)."""

    names_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    canonical: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def names(self, name: str | None) -> set[str]:
        """A claim's name and its entity's names: the entity of that canonical name when there
        is one, else every entity that records the name ('Oswald' may name two)."""
        if not name:
            return set()
        out = set(variants(name))
        own = [self.canonical[v] for v in out if v in self.canonical]
        for extra in own or [self.names_of.get(v, set()) for v in list(out)]:
            out |= extra
        return out


def system_names(entities: list[dict], for_aliases: bool = False) -> SystemNames:
    """From `collingwood entities --json`: each entity's names, aliases and linked surface forms.

    for_aliases: also keep predecessor/successor names (the alias score counts an earlier or
    later name as a name; subject matching does not, since they denote another body)."""
    s = SystemNames()
    own: dict[int, set[str]] = {}
    group: dict[str, set[str]] = defaultdict(set)      # case entity id -> names of its members
    for i, e in enumerate(entities):
        names = set(variants(e.get("name")))
        for a in e.get("aliases") or []:
            if for_aliases or a.get("kind") not in OTHER_ENTITY_KINDS:
                names |= variants(a.get("name"))
        for m in e.get("mentioned_as") or []:
            if for_aliases or m.get("alias_kind") not in OTHER_ENTITY_KINDS:
                names |= variants(m.get("text"))
        own[i] = names
        if (e.get("case_entity") or {}).get("id"):
            group[e["case_entity"]["id"]] |= names
    for i, e in enumerate(entities):
        names = own[i]
        if (e.get("case_entity") or {}).get("id"):   # resolve joined it with others across sources
            names = names | group[e["case_entity"]["id"]]
        for n in names:
            s.names_of[n] |= names
        for n in variants(e.get("name")):
            s.canonical[n] |= names
    return s


def same_entity(system_name: str | None, gold_name: str | None, gnames: GoldNames,
                snames: SystemNames) -> bool:
    if not system_name or not gold_name:
        return False
    return bool(snames.names(system_name) & gnames.accepted(gold_name))


# ------------------------------------------------------------------ predicates

@dataclass
class PredicateTable:
    groups: list[set[str]]
    inverse: set[tuple[str, str]]
    irregular: dict[str, str]

    @classmethod
    def load(cls, path: Path) -> PredicateTable:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        t = cls(groups=[], inverse={(d["gold"], d["system"]) for d in data.get("inverse") or []},
                irregular={str(k): str(v) for k, v in (data.get("irregular") or {}).items()})
        t.groups = [set().union(*(t.expand(x) for x in g)) for g in data.get("groups") or []]
        return t

    def lemmas(self, word: str) -> set[str]:
        """Candidate lemmas of a verb form: 'visited' -> visit; 'carried' -> carry; 'travelled' -> travel."""
        w = word.lower()
        out = {w}
        if w in self.irregular:
            out.add(self.irregular[w])
        for suf in ("ed", "ing", "s", "es"):
            if w.endswith(suf) and len(w) > len(suf) + 2:
                stem = w[: -len(suf)]
                out |= {stem, stem + "e"}
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    out.add(stem[:-1])
        if w.endswith("ied") and len(w) > 4:
            out.add(w[:-3] + "y")
        if w.endswith("ies") and len(w) > 4:
            out.add(w[:-3] + "y")
        return out

    def expand(self, label: str) -> set[str]:
        """A label and the `other:<lemma>` forms of its head verb."""
        label = label.strip()
        verb = label[6:] if label.startswith("other:") else label
        if verb.startswith("be_"):          # the system's passive ('other:be_expelled': was expelled),
            verb = verb[3:]                 # the gold's participle forms ('other:sent_back_by')
        head = re.split(r"[_\s]+", verb)[0] if verb else verb
        out = {"other:" + lem for lem in self.lemmas(head)} if head else set()
        if not label.startswith("other:"):
            out.add(label)
        return out

    def orientations(self, gold: str, system: str | None) -> set[str]:
        """How the roles line up when the labels are compatible: {'direct'}, {'swapped'}, or empty."""
        if not system:
            return set()
        if (gold, system) in self.inverse:
            return {"swapped", "one-place"}
        g, s = self.expand(gold), self.expand(system)
        if g & s or any(grp & g and grp & s for grp in self.groups):
            return {"direct"}
        return set()


# ------------------------------------------------------------------ time

def _day(d) -> int | None:
    if d is None:
        return None
    if isinstance(d, date):
        return d.toordinal()
    return date.fromisoformat(str(d)).toordinal()


def system_interval(time: dict | None) -> tuple[int | None, int | None] | None:
    """A claim's `time` as (first day, last day) ordinals; an open bound is None."""
    if not time:
        return None
    lo, hi = time.get("lo"), time.get("hi")
    if lo is None:
        e = time.get("earliest")
        lo = None if not e or str(e).startswith("-") else _day(e)
    if hi is None:
        last = time.get("latest")
        hi = None if not last or str(last).startswith("9999") else _day(last)
    lo = None if lo is not None and lo <= _OPEN_LO else lo
    hi = None if hi is not None and hi >= _OPEN_HI else hi
    return lo, hi


def time_ok(gold_time: dict | None, sys_time: dict | None) -> bool:
    """README rule 4: gold null accepts anything; else overlap and no more than 2x the width.

    A one-sided gold interval is only checked on its stated side."""
    if not gold_time:
        return True
    g_lo, g_hi = _day(gold_time.get("earliest")), _day(gold_time.get("latest"))
    if g_lo is None and g_hi is None:
        return True
    s = system_interval(sys_time)
    if s is None:
        return False
    s_lo, s_hi = s
    if g_hi is not None and s_lo is not None and s_lo > g_hi:
        return False
    if g_lo is not None and s_hi is not None and s_hi < g_lo:
        return False
    if g_lo is not None and g_hi is not None:
        if s_lo is None or s_hi is None:
            return False
        return (s_hi - s_lo + 1) <= 2 * (g_hi - g_lo + 1)
    return True


# ------------------------------------------------------------------ one claim against one fact

@dataclass
class Context:
    gnames: GoldNames
    snames: SystemNames
    preds: PredicateTable
    authors: dict[str, set[str]] = field(default_factory=dict)   # text -> folded author names


_POST_OF = re.compile(r"^(?:the\s+)?(?:[\w.'-]+\s+){0,3}?(?:of|at|in)\s+(?:the\s+)?(?P<body>.+)$", re.I)
_BODY_POST = re.compile(r"^(?P<body>[^(]+?)\s*\((?P<post>[^)]*)\)$")


def _units(text: str) -> list[str]:
    """'Covert Action, CIA Mexico City Station': the whole phrase, then the unit before the
    comma (a capitalised name after it says whose unit it is). The body after the comma is
    not offered: the chief of a unit does not head the station it belongs to."""
    parts = [p.strip() for p in text.split(", ")]
    if len(parts) == 1 or not all(p[:1].isupper() for p in parts[1:]):
        return [text]
    return [text, parts[0]]


def post_bodies(gold_object: str) -> list[str]:
    """The body a gold post names: 'head of the All-Ukrainian Committee' -> the committee;
    'State Department (Legal Adviser)' -> State Department; 'Director of the special commission
    (Cheka)' -> the commission and Cheka; 'Chief of Covert Action, CIA Mexico City Station' ->
    Covert Action (the unit). The README makes headed and
    appointed near-synonyms 'for a post', so a post object and the body whose post it is are
    compared as one; only phrases of those shapes are read, nothing else is loosened."""
    def split(text: str) -> list[str]:      # 'X (Y)': X, and Y where X is a description
        m = _BODY_POST.match(text)
        if not m:
            return _units(text)
        return _units(m["body"].strip()) + ([m["post"].strip()] if m["body"][:1].islower() else [])

    out = []
    for cand in split(gold_object.strip()):
        out.append(cand)
        m = _POST_OF.match(cand)
        if m and m["body"].strip():
            out += split(m["body"].strip())
    return list(dict.fromkeys(b for b in out if b and b != gold_object.strip()))


def _object_ok(sys_obj: str | None, fact: dict, ctx: Context) -> bool:
    if fact.get("object") is None:
        return sys_obj is None or (fact.get("place") is not None
                                   and same_entity(sys_obj, fact["place"], ctx.gnames, ctx.snames))
    if same_entity(sys_obj, fact["object"], ctx.gnames, ctx.snames):
        return True
    return fact.get("predicate") in _POST_PREDICATES and any(
        same_entity(sys_obj, b, ctx.gnames, ctx.snames) for b in post_bodies(fact["object"]))


_POST_PREDICATES = {"appointed", "headed", "worked_at", "member_of", "promoted", "dismissed", "resigned",
                    "transferred"}


def _asserted_ok(claim: dict, fact: dict, text: str, ctx: Context) -> bool:
    by = claim.get("asserted_by")
    if by is not None and variants(by) & ctx.authors.get(text, set()):
        by = None                                   # the byline is the text's author
    if fact.get("asserted_by") is None:
        return by is None
    return same_entity(by, fact["asserted_by"], ctx.gnames, ctx.snames)


def check(claim: dict, fact: dict, text: str, ctx: Context) -> list[bool]:
    """The six conditions in the README's order, for the role alignment that passes the most."""
    roles = ctx.preds.orientations(fact["predicate"], claim.get("predicate"))
    pred = bool(roles)
    subj, obj = claim.get("subject"), claim.get("object")
    aligns = []
    if not roles or "direct" in roles:
        aligns.append((subj, obj))
    if "swapped" in roles:
        aligns.append((obj, subj))
    if "one-place" in roles and fact.get("object") is None and obj is None:
        aligns.append((subj, obj))
    rest = [time_ok(fact.get("time"), claim.get("time")), _asserted_ok(claim, fact, text, ctx),
            (claim.get("polarity") == "denied") == (fact.get("polarity") == "negative")]
    best: list[bool] = []
    for s, o in aligns:
        row = [same_entity(s, fact["subject"], ctx.gnames, ctx.snames), pred, _object_ok(o, fact, ctx), *rest]
        if _prefix(row) > _prefix(best) or not best:
            best = row
    return best


def _prefix(row: list[bool]) -> int:
    n = 0
    for ok in row:
        if not ok:
            break
        n += 1
    return n


def matches(claim: dict, fact: dict, text: str, ctx: Context) -> bool:
    return all(check(claim, fact, text, ctx))


# ------------------------------------------------------------------ matching at most once

def max_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): fact index -> claim index. Claims listed first are preferred."""
    claim_of: dict[int, int] = {}
    owner: dict[int, int] = {}

    def augment(f: int, seen: set[int]) -> bool:
        for c in edges.get(f, ()):
            if c in seen:
                continue
            seen.add(c)
            if c not in owner or augment(owner[c], seen):
                owner[c] = f
                claim_of[f] = c
                return True
        return False

    for f in sorted(edges, key=lambda k: len(edges[k])):    # scarce facts first
        augment(f, set())
    return claim_of


# ------------------------------------------------------------------ locating quotes

class Located:
    """A text with whitespace runs collapsed, so quotes that wrap lines are found."""

    def __init__(self, text: str):
        self.norm, self.pos = _collapse(text)

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        q = " ".join(quote.split())
        out, i = [], self.norm.find(q) if q else -1
        while i >= 0:
            out.append((i, i + len(q)))
            i = self.norm.find(q, i + 1)
        return out

    def original(self, span: tuple[int, int]) -> tuple[int, int]:
        """Collapsed-text span -> span in the original text."""
        return self.pos[span[0]], self.pos[span[1] - 1] + 1


def _collapse(text: str) -> tuple[str, list[int]]:
    chars, pos, space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space and chars:
                chars.append(" ")
                pos.append(i)
            space = True
            continue
        space = False
        chars.append(ch)
        pos.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        pos.pop()
    return "".join(chars), pos


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def place_claims(claims: list[dict], text: Located) -> list[tuple[int, int] | None]:
    """Each claim's span in collapsed-text coordinates, found by its quote.

    A quote that occurs more than once is placed at the occurrence nearest its stated span,
    after the offset between the file and the stored text (front matter) is estimated from
    the quotes that occur once."""
    found = [text.find_all(c.get("quote") or "") for c in claims]
    shifts = sorted(f[0][0] - _norm_offset(text, c["span"][0]) for c, f in zip(claims, found) if len(f) == 1)
    shift = shifts[len(shifts) // 2] if shifts else 0
    out = []
    for c, f in zip(claims, found):
        if not f:
            out.append(None)
            continue
        want = _norm_offset(text, c["span"][0]) + shift
        out.append(min(f, key=lambda s: abs(s[0] - want)))
    return out


def _norm_offset(text: Located, original: int) -> int:
    """Approximate collapsed offset of an original offset (binary search on the position map)."""
    lo, hi = 0, len(text.pos)
    while lo < hi:
        mid = (lo + hi) // 2
        if text.pos[mid] < original:
            lo = mid + 1
        else:
            hi = mid
    return lo


# ------------------------------------------------------------------ one text

@dataclass
class TextScore:
    text: str
    words: int
    facts: list[dict]
    claims: list[dict]
    matched: dict[str, str] = field(default_factory=dict)      # fact id -> claim id
    covered: list[str] = field(default_factory=list)           # claim ids on a gold quote
    uncovered: list[str] = field(default_factory=list)
    causes: dict[str, str] = field(default_factory=dict)       # missed fact id -> cause
    hedged_agree: int = 0
    place_agree: int = 0


def family(predicate: str) -> str:
    return "other:*" if predicate.startswith("other:") else predicate


def score_text(name: str, raw_text: str, facts: list[dict], claims: list[dict], ctx: Context) -> TextScore:
    text = Located(raw_text)
    score = TextScore(name, len(raw_text.split()), facts, claims)
    fact_spans = [text.find_all(f["quote"]) for f in facts]
    claim_spans = place_claims(claims, text)

    def on_quote(ci: int, fi: int) -> bool:
        s = claim_spans[ci]
        return s is not None and any(overlaps(s, q) for q in fact_spans[fi])

    edges: dict[int, list[int]] = {}
    for fi, f in enumerate(facts):
        hits = [ci for ci, c in enumerate(claims) if matches(c, f, name, ctx)]
        if hits:
            edges[fi] = sorted(hits, key=lambda ci: not on_quote(ci, fi))   # claims on the quote first
    pairing = max_matching(edges)
    for fi, ci in pairing.items():
        score.matched[facts[fi]["id"]] = claims[ci]["id"]
        c, f = claims[ci], facts[fi]
        score.hedged_agree += (c.get("modality") not in (None, "asserted")) == bool(f.get("hedged"))
        score.place_agree += (f.get("place") is None and not c.get("place")) or \
            same_entity(c.get("place") or c.get("object"), f.get("place"), ctx.gnames, ctx.snames)
    for ci, c in enumerate(claims):
        covered = any(on_quote(ci, fi) for fi in range(len(facts)))
        (score.covered if covered else score.uncovered).append(c["id"])
    for fi, f in enumerate(facts):
        if fi in pairing:
            continue
        near = [ci for ci in range(len(claims)) if on_quote(ci, fi)]
        if not near:
            score.causes[f["id"]] = f"no claim on the passage: {family(f['predicate'])}"
            continue
        best = max((check(claims[ci], f, name, ctx) for ci in near), key=_prefix)
        k = _prefix(best)
        if k == len(CONDITIONS):
            score.causes[f["id"]] = "matching claim used for another fact"
        elif CONDITIONS[k] == "predicate":
            score.causes[f["id"]] = f"wrong predicate: {family(f['predicate'])}"
        else:
            score.causes[f["id"]] = f"wrong {CONDITIONS[k]}"
    return score


def repeats(score: TextScore, ctx: Context) -> int:
    """Covered claims left unmatched that would match a gold fact another claim already took."""
    used = set(score.matched.values())
    by_id = {c["id"]: c for c in score.claims}
    return sum(any(matches(by_id[cid], f, score.text, ctx) for f in score.facts)
               for cid in score.covered if cid not in used)


def precision(score: TextScore) -> tuple[int, int]:
    """(covered claims that match a gold fact, covered claims)."""
    used = set(score.matched.values())
    return sum(c in used for c in score.covered), len(score.covered)


# ------------------------------------------------------------------ aliases and conflicts

def alias_found(alias: dict, gnames: GoldNames, snames: SystemNames) -> bool:
    """The system records the alias as a name of an entity that also bears the gold `of` (or its names)."""
    name = variants(alias["name"])
    targets = gnames.accepted(alias["of"])
    for n in name:
        names = snames.names_of.get(n)
        if not names:
            continue
        others = (names - name) & (targets - name)
        if others or (name & variants(alias["of"])):
            return True
    return False


def conflict_found(pair: dict, findings: list[dict], spans: dict[str, dict[str, list[tuple[int, int]]]],
                   texts: dict[str, Located]) -> list[str]:
    """Ids of findings that link a claim on quote a with another claim on quote b.

    spans: text -> claim id -> collapsed spans standing for the claim: its own passage, and
    the quote of the gold fact it matched ("claims matching them", README)."""
    def on(side: dict, item: dict) -> bool:
        t = side["source"]
        if t not in texts:
            return False
        quotes = texts[t].find_all(side["quote"])
        return any(overlaps(s, q) for s in spans.get(t, {}).get(item["claim_id"], ()) for q in quotes)

    out = []
    for f in findings:
        items = f.get("claims") or []
        if any(on(pair["a"], x) and on(pair["b"], y) for x in items for y in items
               if x["claim_id"] != y["claim_id"]):
            out.append(f["id"])
    return out


def commonest(causes: list[str], n: int = 10) -> list[tuple[str, int]]:
    return Counter(causes).most_common(n)
