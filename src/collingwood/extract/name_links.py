"""People in one document: the names it writes, who each bare name is.

* `archive_candidates`: person names the statistical NER misses in files and cables
  (*Samuel G. WISE*, *Antonia (Toni) Leigh CHAYES*, *OSWALD, Lee Harvey* at a line's
  start, *Harold "Kim" Philby*): found by compiled patterns, with evidence that they are
  names (a known given name, an initial, a nickname, a title before), never an
  upper-case word alone (headings, cryptonyms, acronyms).
* `cluster_persons`: the forms of one person in a document become one entity (*Samuel
  G. WISE* and *Samuel Griffin WISE Jr.*; *M. I. Latsis* and *Martyn Latsis*); two people
  who share a surname stay two (*Abram CHAYES*, *Antonia CHAYES*). The entity's name is
  the form the document uses most (ties: the fullest), titles stripped, case normalised,
  patronymic dropped.
* `surname_links`: a bare surname, in any case (*WISE*, *Wise*, *BeLmont*), is the
  person of that surname the passage is about: a full name earlier in the same
  sentence, else the only one, else the document's subject, else the nearest full name
  before; a word after a title that is no surname of the document but an OCR misreading
  of one (*Mr. Betmont*) is proposed as that person's ``spelling``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict

import jellyfish
from rapidfuzz import fuzz

from ..model import Alias, Entity
from .candidates import Cand
from .nlp import text_of
from .name_forms import (
    PersonName,
    compatible,
    diminutives,
    fold,
    given_names,
    inverted,
    is_diminutive,
    long_titles,
    names_data,
    normal_case,
    not_surnames,
    ocr_lookalike,
    ocr_match,
    parse_person,
    skeleton,
    title_words,
    variant_kind,
)

_SP = r"(?:[ \t\u00a0]+|[ \t]*\n[ \t]*)"
_G = r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z][a-z]?\.)"
_NICK = r"(?:\([A-Z][a-z]+\)|[\"“][A-Z][a-z]+[\"”])"
_CAPS = r"(?:Mc|Mac|O['’])?[A-Z]{2,}(?:[-'’][A-Z]{2,})?"
_SUF = r"(?:,?[ \t]+(?:Jr\.?|Sr\.?|II|III|IV)(?![\w]))?"


@functools.cache
def _title_alt() -> str:
    words = sorted(set(long_titles()) | {t for t in title_words() if t[:1].isupper() and not t.isupper()},
                   key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", _SP) for w in words)


@functools.cache
def _upper_rx() -> re.Pattern:
    """Given names (title case, or capitals in a cable), initials and nicknames, then an
    upper-case surname."""
    given = rf"(?:{_G}|[A-Z]{{2,}}(?=[ \t\u00a0]))"
    return re.compile(rf"(?<![\w.])(?:({_title_alt()}){_SP})?({given}(?:{_SP}(?:{given}|{_NICK}))*){_SP}({_CAPS}){_SUF}"
                      rf"(?![\w])")


_INITIAL = r"(?:[A-Z]|Ya|Yu|Ye|Yo|Kh|Zh|Ch|Sh|Ts)\."
_INITIALS_RX = re.compile(rf"(?<![\w.])((?:{_INITIAL}[ \t]?){{1,3}})[ \t]?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w])")


@functools.cache
def _nick_rx() -> re.Pattern:
    """Harold "Kim" Philby, Vera (Dora) Grebenshchikova: a nickname between given name and surname."""
    return re.compile(rf"(?<![\w.])({_G}){_SP}({_NICK})((?:{_SP}{_G})*){_SP}([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?|{_CAPS})(?![\w])")


@functools.cache
def _titled_rx() -> re.Pattern:
    return re.compile(rf"(?<![\w.])(?:{_title_alt()}){_SP}((?:Mc|Mac|O['’])?[A-Z][A-Za-z'’-]+)")


_INVERTED = re.compile(rf"^[ \t]*(?:[-*•+]|\d+\.)?[ \t]*((?:{_CAPS})|[A-Z][a-z]+),[ \t]+({_G}(?:[ \t]+{_G})*)", re.M)


@functools.cache
def _not_person_heads() -> frozenset[str]:
    """Words after initials that make a body or a place, not a person ('U. S. Army')."""
    from .entities import gazetteer
    g = gazetteer()
    return frozenset(g["organisation_heads"]) | frozenset(g["body_heads"]) | frozenset(g["generic_names"]) \
        | frozenset(g["college_heads"]) | title_words()


_GIVEN_WORD = re.compile(_G)
_TITLE_OPENS = frozenset({"The", "A", "An"})
_MARK = re.compile(r"(?<=\s)(?:_|\*{1,2})(?=\w)")


def _inverted_end(text: str, source: str | None, m: re.Match) -> int:
    """Where the given names of 'SURNAME, Given Names' end in a bibliography's item: at a
    middle initial ('Tuchman, Barbara W.' before the title), before 'The' or 'A', and where the
    source opens a title's emphasis ('Burnham, Frederick Russell _Taking Chances_')."""
    end = m.end()
    if source is not None and len(source) == len(text) and (mark := _MARK.search(source, m.start(2), end)):
        end = len(text[:mark.start()].rstrip())
    full = False                # a full given name seen: an initial after it is the middle one
    for w in _GIVEN_WORD.finditer(text, m.start(2), end):
        if w.group() in _TITLE_OPENS and w.start() > m.start(2):
            return len(text[:w.start()].rstrip())
        if w.group().endswith(".") and full:
            return w.end()      # ('Hoover, J. Edgar' goes on after its first initial)
        full = full or not w.group().endswith(".")
    return end


def archive_candidates(text: str, source: str | None = None) -> list[Cand]:
    """Person names written as archives write them, as rank-2 candidates (name: canonical).
    source: the text as written, same length (its emphasis marks end a bibliography's name)."""
    out: list[Cand] = []
    titled = {fold(w) for w in _titled_rx().findall(text)}    # 'Ms. Cobb' elsewhere: Cobb is a surname
    unsure = []
    for m in _upper_rx().finditer(text):
        start, given, surname = m.start(2), m.group(2), m.group(3)
        if given.split()[0].isupper() and len(given.split()[0]) > 1:   # a cable in capitals
            words = list(re.finditer(r"\S+", given))
            at = next((i for i, w in enumerate(words) if w.group().capitalize() in given_names()), None)
            if at is None:
                continue
            start, given = start + words[at].start(), given[words[at].start():]
            evidence = not any(w.isupper() and len(w) > 1 and w.capitalize() not in given_names()
                               for w in given.split()[1:])
        else:
            evidence = m.group(1) or given.split()[0] in given_names() or \
                re.search(r"[A-Z][a-z]?\.|\(|[\"“]", given) or fold(surname) in titled
        if surname in not_surnames() or any(w in not_surnames() for w in given.split()):
            continue
        p = parse_person(text[start:m.end()])
        if p is None:
            continue
        if evidence:
            out.append(Cand(start, m.end(), "person", p.canonical, 2))
        else:
            unsure.append(Cand(start, m.end(), "person", p.canonical, 2))
    known = {p.key for p in map(parse_person, (c.name for c in out)) if p}      # 'Abram CHAYES' beside 'Antonia (Toni) Leigh CHAYES'
    out += [c for c in unsure if parse_person(c.name) and parse_person(c.name).key in known]
    heads = _not_person_heads()
    for m in _INITIALS_RX.finditer(text):         # 'M. S. Kedrov', 'Ya. Kh. Peters', 'J. Edgar'
        if m.group(2) not in heads and not re.search(r"[A-Z][\w'’-]*[ \t]$", text[max(0, m.start() - 30):m.start()]):
            p = parse_person(m.group())
            if p is not None:
                out.append(Cand(m.start(), m.end(), "person", p.canonical, 2))
    for m in _nick_rx().finditer(text):
        p = parse_person(m.group())
        if p is not None and m.group(4) not in heads:    # 'the Second (Intelligence) Directorate'
            out.append(Cand(m.start(), m.end(), "person", p.canonical, 2))
    for m in _INVERTED.finditer(text):
        end = _inverted_end(text, source, m)
        form = text[m.start(1):end]
        if inverted(" ".join(form.split())):
            p = parse_person(form)
            if p is not None:
                out.append(Cand(m.start(1), end, "person", p.canonical, 2))
    return out


# ---------------------------------------------------------------- one person, many forms

def persons_by_surname(text: str, chosen: list[Cand]) -> None:
    """'Martyn Latsis' that the NER called a body, in a text that names 'M. I. Latsis' as a
    person: a name of two or three words whose surname is a person's surname in the same
    document is that person's name, whatever the NER said."""
    keys = set()
    for c in chosen:
        if c.kind == "person" and " " in c.name:
            p = parse_person(c.name)
            if p is not None:
                keys.add(p.key)
    heads = _not_person_heads()
    for c in chosen:
        if c.kind in ("organisation", "place", "thing") and c.rank == 0 and c.entity is None:
            words = c.name.split()
            if 2 <= len(words) <= 3 and not heads & set(words):
                p = parse_person(c.name)
                if p is not None and p.key in keys:
                    c.kind, c.name = "person", p.canonical


def cluster_persons(text: str, chosen: list[Cand], source_id: str) -> list[tuple[str, Alias]]:
    """Rename the person candidates of one document to one name per person; returns the
    aliases (full_name, epithet) the forms give."""
    forms: list[tuple[Cand, object]] = []
    for c in chosen:
        if c.kind != "person" or c.rank >= 3 or c.alias_kind is not None:
            continue
        p = parse_person(text[c.start:c.end]) or parse_person(c.name)
        if p is not None:
            forms.append((c, p))
    count: Counter = Counter(p.canonical for _, p in forms)
    first: dict[str, int] = {}
    parsed: dict[str, object] = {}
    for c, p in forms:
        first.setdefault(p.canonical, c.start)
        parsed.setdefault(p.canonical, p)
    by_key: dict[str, list] = defaultdict(list)
    for name, p in parsed.items():
        by_key[p.key].append(p)
    rename: dict[str, str] = {}
    for people in by_key.values():
        clusters: list[list] = []
        for p in sorted(people, key=lambda p: (-len(p.given), first[p.canonical])):
            fits = [cl for cl in clusters if all(compatible(p, q) for q in cl)]
            if len(fits) == 1:
                fits[0].append(p)
            else:                                  # none, or two people it may be: its own
                clusters.append([p])
        for cl in clusters:
            best = max(cl, key=lambda p: (count[p.canonical], sum(not g.endswith(".") for g in p.given),
                                          p.given[0] not in diminutives(), len(p.given), -first[p.canonical]))
            for p in cl:
                rename[p.canonical] = best.canonical
    aliases: list[tuple[str, Alias]] = []
    seen: set[tuple[str, str, str]] = set()

    def add(name: str, alias: str, kind: str) -> None:
        if fold(alias) != fold(name) and (name, alias, kind) not in seen:
            seen.add((name, alias, kind))
            aliases.append((name, Alias(alias, kind, None, source_id)))

    for c, p in forms:
        name = rename[p.canonical]
        c.name = name
        written = " ".join(text[c.start:c.end].split())
        if fold(written) != fold(name):
            short = is_diminutive(p.given[0], name.split()[0]) and p.given[0] != name.split()[0]
            c.alias_kind, c.alias_of = ("epithet" if short else "full_name"), name
            add(name, p.display, c.alias_kind)
        if p.nickname:
            add(name, p.nickname, "epithet")
            add(name, f"{p.nickname} {p.display.split()[-1]}", "epithet")
    return aliases


def title_aliases(text: str, chosen: list[Cand], source_id: str) -> list[tuple[str, Alias]]:
    """'Lord Maurice Hankey', 'Mr. Belmont': a title before a person's name is kept as a
    ``title`` alias of the person, never as part of the name."""
    rx = _title_before()
    out, seen = [], set()
    for c in chosen:
        if c.kind != "person":
            continue
        m = rx.search(text, max(0, c.start - 40), c.start)
        if m:
            alias = " ".join(m.group(1).split()) + " " + " ".join(text[c.start:c.end].split())
            if (c.name, alias) not in seen:
                seen.add((c.name, alias))
                out.append((c.name, Alias(alias, "title", None, source_id)))
    return out


@functools.cache
def _title_before() -> re.Pattern:
    return re.compile(rf"(?<![\w.])({_title_alt()}){_SP}$")


# ---------------------------------------------------------------- bare surnames

def document_subject(chosen: list[Cand]) -> str | None:
    """The person the document is about: the most named person in full, the first person
    named near the top (a biography's title and first sentence) counting double."""
    named = Counter(c.name for c in chosen if c.kind == "person" and c.alias_kind in (None, "full_name")
                    and " " in c.name)
    if not named:
        return None
    top = next((c for c in chosen if c.kind == "person" and " " in c.name), None)
    if top is not None and top.start < 400:
        named[top.name] += 2
    (name, n), *rest = named.most_common(2) + [("", 0)]
    return name if n > rest[0][1] else None


def _who(names: set[str], at: int, full_at: dict[str, list[int]], sentence: int,
         subject: str | None, recent: int = 0) -> str | None:
    """Which of the people sharing a surname a bare surname at `at` names: the one named in
    full earlier in the sentence; the only one; the document's subject; the one named in
    full just before (from `recent`, the sentence before); else the one the text has named
    in full most often so far, the first named on a tie ('Irma Vela calls ...', later 'a
    party at Jaime Vela's', pages on 'Vela calls' is still Irma)."""
    before = [(max((p for p in full_at.get(n, ()) if p < at), default=-1), n) for n in names]
    near = max(before)
    if near[0] >= sentence and sum(p >= sentence for p, _ in before) == 1:
        return near[1]                           # named in full earlier in the same sentence
    if len(names) == 1:
        return next(iter(names))
    if subject in names:
        return subject
    if near[0] >= 0 and sorted(before)[-2][0] < near[0]:
        if near[0] >= recent:
            return near[1]
        named = [(-sum(p < at for p in full_at[n]), min(full_at[n]), n) for _, n in before if _ >= 0]
        return min(named)[2]
    return None


def surname_links(doc, chosen: list[Cand], known: tuple[Entity, ...], source_id: str
                  ) -> tuple[list[Cand], list[tuple[str, Alias]]]:
    """Single words (alone, or the NER's one-word persons) that are the surname of a person
    of the document or of the case; OCR misreadings of one after a title."""
    from spacy.attrs import IDX, ORTH

    index: dict[str, set[str]] = defaultdict(set)
    full_at: dict[str, list[int]] = defaultdict(list)
    listed = {ent.name: ent for ent in known}
    for ent in known:
        if ent.kind == "person" and " " in ent.name:
            p = parse_person(ent.name)
            index[p.key if p else fold(ent.name.split()[-1])].add(ent.name)
    covering: dict[int, Cand] = {}
    text = text_of(doc)                # built from the tokens at every call: read it once
    for c in chosen:
        if c.kind == "person" and " " in c.name and c.alias_kind in (None, "full_name", "title"):
            p = parse_person(c.name)
            if p is not None:
                index[p.key].add(c.name)
                if not _kin_of_a_surname(text, c):
                    full_at[c.name].append(c.start)
    for c in chosen:
        for tok in doc.char_span(c.start, c.end, alignment_mode="expand") or ():
            covering[tok.idx] = c
    code_names = {c.name for c in chosen if c.alias_kind == "code_name"}
    roles = _intro_roles(text, chosen)
    subject = document_subject(chosen)
    sentences = [s.start_char for s in doc.sents]
    spelled: dict[str, str] = {}
    for names in index.values():
        for n in names:
            p = parse_person(n)
            spelled.setdefault(p.surname if p else n.split()[-1], n)
    titles = title_words()
    initials = _initials({n for names in index.values() for n in names})
    out: list[Cand] = []
    aliases: list[tuple[str, Alias]] = []
    strings = doc.vocab.strings
    tokens = [(int(i), strings[o]) for i, o in doc.to_array([IDX, ORTH]).tolist()]  # no Token objects
    solo = _solo_surnames(tokens, covering, index, titles)
    lowered = {w for _, w in tokens if w.islower()}        # 'Alien' at a sentence's start is a word
    prev = ""
    for idx, word in tokens:
        last, prev = prev, word
        if not word[:1].isupper() or len(word) < 2:
            continue
        c = covering.get(idx)
        if c is not None and not (c.rank == 0 and c.start == idx and c.end == idx + len(word)):
            continue
        if word in code_names:
            out.append(Cand(idx, idx + len(word), "person", word, 1, "code_name"))
            continue
        if word in initials:                      # 'CPH' in a chronology of Carl Peter Harlan
            out.append(Cand(idx, idx + len(word), "person", initials[word], 1, "abbreviation", initials[word]))
            aliases.append((initials[word], Alias(word, "abbreviation", None, source_id)))
            continue
        key = fold(word)
        names = index.get(key)
        if names and not (word.isupper() and word in not_surnames()):
            k = max(0, bisect.bisect_right(sentences, idx) - 1)
            sentence = sentences[k] if sentences else 0
            who = _who(names, idx, full_at, sentence, subject, sentences[k - 1] if k > 0 else 0)
            if who is not None and _other_office(last, roles.get(who)):
                continue                          # 'AMBASSADOR HOLT', not 'NATO OFFICIAL DAVID ROY HOLT'
            if who is not None:
                out.append(Cand(idx, idx + len(word), "person", who, 1, "surname", who, listed.get(who)))
            continue
        if key in solo:                           # 'Mr. Stern', 'Mr. Steen', 'Stern': one man
            name, kind = solo[key]
            kind = kind if kind or fold(word) == fold(name) else "spelling"
            out.append(Cand(idx, idx + len(word), "person", name, 1, kind, name if kind else None))
            if kind in ("spelling", "transliteration"):
                aliases.append((name, Alias(word, "spelling", None, source_id)))
            continue
        if word.isalpha() and word not in titles:
            guess = ocr_match(word, sorted(spelled)) if last in titles else \
                ocr_lookalike(word, sorted(spelled)) if word.lower() not in lowered else None
            if guess is not None:
                who = spelled[guess]
                out.append(Cand(idx, idx + len(word), "person", who, 1, "spelling", who))
                aliases.append((who, Alias(word, "spelling", None, source_id)))
    return out, aliases


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t\u00a0]*\n?[ \t\u00a0]*$")


def _intro_roles(text: str, chosen: list[Cand]) -> dict[str, set[str]]:
    """Person -> the offices written right before their full name ('NATO OFFICIAL ROBERT LEE
    HOLT': official; 'Ambassador Edwin Marsh': ambassador), folded."""
    titles, nouns = title_words(), frozenset(names_data().get("role_nouns") or ())
    out: dict[str, set[str]] = defaultdict(set)
    for c in chosen:
        if c.kind == "person" and " " in c.name and c.alias_kind in (None, "full_name", "title"):
            m = _WORD_BEFORE.search(text, max(0, c.start - 30), c.start)
            if m and (m.group(1) in titles or m.group(1).capitalize() in titles or m.group(1).lower() in nouns):
                out[c.name].add(m.group(1).lower())
    return out


def _other_office(title: str, roles: set[str] | None) -> bool:
    """A title of office before a bare surname ('Ambassador', 'General') that the person of
    that surname was never written with, where the text gave that person another office:
    another person. Titles of courtesy ('Mr.') name anyone."""
    word = title.rstrip(".")
    if not roles or not word.isalpha() or word.capitalize() not in title_words() and word not in title_words():
        return False
    courtesy = {w.lower() for w in names_data().get("courtesy_titles") or ()}
    return word.lower() not in courtesy and word.lower() not in roles


_KIN = ("wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "widower")


def _kin_of_a_surname(text: str, c: Cand) -> bool:
    """"CHAYES' wife Antonia (Toni) Leigh CHAYES": a relative introduced through the bare
    surname of the person the passage is about. A later bare 'CHAYES' is still that person,
    so this full name is no 'nearest full name' for it."""
    head = " ".join(text[max(0, c.start - 40):c.start].split()).lower()
    first = text[c.start:c.end].split()[0].lower() if text[c.start:c.end].split() else ""
    kin = first if first in _KIN else next((k for k in _KIN if head.endswith(k) or head.endswith(k + ",")), None)
    if kin is None:
        return False
    before = head[:len(head) - len(kin)].rstrip(" ,") if first not in _KIN else head.rstrip(" ,")
    surname = c.name.split()[-1].lower()
    return bool(re.search(rf"\b{re.escape(surname)}(?:['’]s?|['’])$", before))


def _initials(names: set[str]) -> dict[str, str]:
    """'CPH' -> 'Carl Peter Harlan': the initials of a person's three or four names, when no
    other person of the document has the same and they are no acronym of the gazetteer."""
    seen: dict[str, set[str]] = defaultdict(set)
    for n in names:
        p = parse_person(n)
        words = [*p.given, p.surname] if p else []
        if 3 <= len(words) <= 4:
            seen["".join(w[0] for w in words).upper()].add(n)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k not in not_surnames()}


_OCR_WORD = re.compile(r"[A-Z][a-z]+[._][a-zA-Z]{2,}")     # 'Be.mont', 'Be_mont': a letter read as a mark


def _solo_surnames(tokens: list[tuple[int, str]], covering: dict[int, Cand], index: dict[str, set[str]],
                   titles: frozenset[str]) -> dict[str, tuple[str, str | None]]:
    """People a document names only by surname, after a title (the speakers of a
    transcript: 'Mr. Stern.') or as the NER's one-word persons: folded surname -> (name,
    alias kind). Case is no evidence ('BeLmont', 'BELMONT', 'Belmont' are one name, written
    as most often); a rarer form after a title that is an OCR misreading of a commoner one
    ('Mr. Steen' beside 'Mr. Stern') is that person's ``spelling``."""
    forms: dict[str, Counter] = defaultdict(Counter)
    titled_keys: set[str] = set()
    prev = ""
    for idx, word in tokens:
        last, prev = prev, word
        if not word[:1].isupper() or not (word.isalpha() or last in titles and _OCR_WORD.fullmatch(word)) \
                or len(word) < 3 or word in titles:
            continue
        c = covering.get(idx)
        titled = last in titles and (c is None or c.kind == "person")
        if titled or c is not None and c.kind == "person" and c.rank == 0 and c.start == idx and \
                c.end == idx + len(word) and " " not in c.name:
            key = fold(word)
            if key not in index and word.upper() not in not_surnames() and word not in _not_person_heads() and \
                    (titled or word not in given_names()):
                forms[key][word] += 1 + titled
                if titled:
                    titled_keys.add(key)
    words = {w for _, w in tokens if w.islower()}
    out: dict[str, tuple[str, str | None]] = {}
    # a form that is also a common word of the text ('Mr. Duties.' beside 'duties') is the
    # likelier misreading; then the commoner form is the likelier name
    ranked = sorted(forms, key=lambda k: (k in words, -sum(forms[k].values()), k))
    for i, key in enumerate(ranked):
        counts = forms[key]
        name = max(counts, key=lambda w: (counts[w] + 2 * (w == w.capitalize() or bool(re.fullmatch(r"Ma?c[A-Z][a-z]+", w))), w))
        out[key] = (normal_case(name) if name.isupper() else name, None)
        if key not in titled_keys:               # only a title makes a word a misread surname
            continue
        # the commoner names as already read: 'Betmont' read as Belmont is no rival of Belmont
        commoner = list(dict.fromkeys(out[k][0] for k in ranked[:i] if k in titled_keys))
        guess = ocr_match(name, commoner) if commoner else None
        if guess is not None:
            out[key] = guess, variant_kind(name, guess) or "spelling"
    return out


def name_variants(names: list[str]) -> list[tuple[str, str, str]]:
    """(first seen, variant, kind) for person names that differ only by a spelling or a
    transliteration (Dzerzhinsky / Dzerzhynsky, Yan / Jan Berzin, Simon / Semyon Aralov):
    proposed, never merged. Blocked by surname and by first initial, never all pairs."""
    parsed = [(n, parse_person(n)) for n in dict.fromkeys(names)]
    parsed = [(n, p) for n, p in parsed if p is not None]
    out: list[tuple[str, str, str]] = []
    by_surname: dict[str, list] = defaultdict(list)
    by_initial: dict[tuple, list[int]] = defaultdict(list)     # (first initial, surname key) -> names
    named: list[tuple] = []
    joined: dict[str, str] = {}
    for n, p in parsed:                               # 'Kim Il Sung' / 'Kim Il-sung'
        key = re.sub(r"[\s-]+", "", fold(n))
        if key in joined and joined[key] != n:
            out.append((joined[key], n, "spelling"))
        joined.setdefault(key, n)
    for n, p in parsed:
        for m, q in by_surname[p.key]:                    # the same surname, a given name spelled otherwise
            if len(p.given) == len(q.given) and p.given != q.given:
                kinds = {variant_kind(a, b) for a, b in zip(p.given, q.given) if fold(a) != fold(b)}
                if kinds and None not in kinds:
                    out.append((m, n, "transliteration" if kinds == {"transliteration"} else "spelling"))
        initial = fold(p.given[0])[:1]
        keys = [(initial, k) for k in _surname_keys(p.surname)]
        if len(p.key) >= 5:                               # the surname spelled otherwise
            seen = sorted({i for k in keys for i in by_initial.get(k, ())})
            for i in seen:
                m, q = named[i]
                if q.key != p.key:
                    kind = variant_kind(p.surname, q.surname)
                    if kind and compatible(PersonName(p.given, q.surname), q):
                        out.append((m, n, kind))
                        out.append((m, normal_case(p.surname), kind))     # 'MUNSEIL' alone, as later written
        by_surname[p.key].append((n, p))
        for k in keys:
            by_initial[k].append(len(named))
        named.append((n, p))
    return out


def _surname_keys(surname: str) -> set[tuple[str, str]]:
    """Blocking keys two surnames share whenever `variant_kind` can call them variants: the
    same transliteration skeleton, the same sound (metaphone), or (a slip: at most two edits)
    a common string left after deleting up to two letters from each. Names that share no
    key are never compared, so the search grows with the names, not their pairs."""
    f = fold(surname)
    keys = {("s", skeleton(surname)), ("m", jellyfish.metaphone(f))}
    deleted = {f}
    for _ in range(2):
        deleted |= {w[:i] + w[i + 1:] for w in deleted for i in range(len(w))}
    keys.update(("d", w) for w in deleted)
    return keys


def place_variants(names: list[str]) -> list[tuple[str, str, str]]:
    """(first seen, variant, kind) for one-word place names spelled two ways in a document
    (Istanbul / Istambul): proposed, never merged. Blocked by first letter."""
    by_initial: dict[str, list[str]] = defaultdict(list)
    out = []
    for n in dict.fromkeys(names):
        if " " in n or len(n) < 5:
            continue
        for m in by_initial[fold(n)[:1]]:
            kind = variant_kind(m, n)          # 'Greco' is no spelling of 'Greece', 'Macedon' none of 'Macedonia'
            if kind and abs(len(m) - len(n)) <= 1 and fuzz.ratio(fold(m), fold(n)) >= 85:
                out.append((m, n, kind))
        by_initial[fold(n)[:1]].append(n)
    return out
