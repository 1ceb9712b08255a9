"""Aliases as texts state them.

Pure functions on the text (no spaCy), each returning spans, so every alias keeps the
passage that states it:

* after a person's name: *X (born Y)*, *X, née Y*, *X (now Mrs Y)*, *X, codenamed Y*, *X,
  known as 'Y'*, *X (the Iron Felix)*; and the other way round, *X (pseudonym of Y)*, *X
  (whose real name was Y)*: there X is the alias and Y the person (`after_person`);
* code names and cryptonyms written in capitals: *the cryptonym LIENVOY*, *the REDSKIN
  cryptonym* (`cryptonyms`);
* successive names of a body: *the Cheka, later the GPU*, *renamed the NKVD in 1934*,
  *formerly the Registration Agency* (`successive_names`);
* abbreviations defined in the text: *the Main Intelligence Directorate (GRU)*, *GRU (Main
  Intelligence Directorate)*, *Petrograd Military Revolutionary Committee (or PVRK)*,
  *abbreviated as VCHK* (`abbreviations`); the long form must spell the abbreviation
  (Schwartz and Hearst's test: each letter found in order, the first at a word's start).

The cue words are data (``data/names.yaml``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .datelines import credits
from .name_forms import names_data, not_surnames

# A name: capitalised words (upper-case too), initials, particles; or anything quoted.
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:von|van|de|der|du|la|le|al|el|y)\s+)?(?:[A-Z][\w'’.-]*|\([A-Z][a-z]+\))){0,3}"
_QUOTE_OPEN, _QUOTE_CLOSE = "\"“‘'«", "\"”’'»"
_NAMED = rf"(?:[\"“‘'«]([^\"”’'»\n]{{1,40}}?)[,.]?[\"”’'»]|[\"“‘'«]?({NAME}))"
_LEAD = r"^[\s,(–—-]*(?i:who\s+)?(?i:was\s+|is\s+|had\s+been\s+|also\s+|later\s+)?"


@dataclass(frozen=True)
class Stated:
    """An alias a text states: `kind`, the alias span, and whether the alias is the name
    before the cue (``reverse``: 'X (pseudonym of Y)' makes X an alias of Y)."""

    kind: str
    start: int
    end: int
    text: str
    reverse: bool = False


def _alts(words: list[str]) -> str:
    """One alternation of cue words, case-blind (cables are written in capitals)."""
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return f"(?i:{alts})"


@functools.cache
def _after_patterns() -> list[tuple[str, re.Pattern]]:
    data = names_data()
    out = []
    for kind, cues in data["after_person"].items():
        loose = [c for c in cues if c != "called"]
        place = r"(?:(?i:in|at)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*,?\s+)?" if kind == "birth_name" else ""
        out.append((kind, re.compile(rf"{_LEAD}(?:{_alts(loose)})(?![\w])\s*[:,]?\s*{place}(?i:as\s+)?(?:the\s+)?"
                                     rf"{_NAMED}")))
    out.append(("code_name", re.compile(          # 'Sorge worked under the name Ramsay'
        rf"^[\s,(–—-]*(?:[a-z]+\s+){{0,3}}?under\s+the\s+(?:code\s+|cover\s+|false\s+|assumed\s+)?"
        rf"name(?:\s+of)?\s*{_NAMED}")))
    out.append(("epithet", re.compile(rf"{_LEAD}(?:{_alts(data['quoted_epithet_cues'])})\s+"
                                      rf"[\"“‘'«]([^\"”’'»\n]{{1,40}}?)[,.]?[\"”’'»]()")))
    out.append(("epithet", re.compile(r"^\s*\(((?:the|The)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\)()")))
    out.append(("real", re.compile(rf"^\s*[,(]\s*(?:the\s+)?(?:{_alts(data['real_name_cues'])})\s*[:,]?\s*{_NAMED}")))
    return out


def _trim(name: str) -> str:
    """A sentence's full stop is no part of a name ('nee: HANDLER.'); an initial's is."""
    name = name.strip().rstrip(",;:")
    last = name.split()[-1] if name.split() else ""
    if last.endswith(".") and len(last.rstrip(".")) > 2 and last not in ("Jr.", "Sr."):
        name = name[:-1]
    return name


def after_person(text: str, end: int, window: int = 120) -> list[Stated]:
    """Aliases stated right after a person's name ending at `end`."""
    tail = text[end:end + window]
    out: list[Stated] = []
    for kind, rx in _after_patterns():
        m = rx.match(tail)
        if not m:
            continue
        g = 1 if m.group(1) else 2
        name = _trim(m.group(g))
        if not name or name.lower() in ("the", "a", "an") or name in not_surnames():
            continue
        a = end + m.start(g)
        if kind == "real":
            out.append(Stated("code_name", a, a + len(name), name, reverse=True))
        else:
            out.append(Stated(kind, a, a + len(name), name))
    return out


@functools.cache
def _cryptonym_rx() -> re.Pattern:
    cues = r"cryptonyms?|code\s*-?names?|codenamed|code-named|pseudonyms?|cover\s+names?|projects?|operations?|programs?"
    return re.compile(
        rf"\b(?:(?:{cues})\s+[\"“‘']?([A-Z][A-Z0-9]{{3,}})\b|(?<![\w-])([A-Z][A-Z0-9]{{3,}})[\"”’']?\s+(?:{cues})\b)")


def cryptonyms(text: str) -> list[Stated]:
    """'the cryptonym REDWOOD', 'the REDSKIN cryptonym', 'project AMSPELL': code names in
    capitals; a heading word or an acronym of the gazetteer is none."""
    out = []
    for m in _cryptonym_rx().finditer(text):
        g = 1 if m.group(1) else 2
        word = m.group(g)
        if word in not_surnames():
            continue
        out.append(Stated("code_name", m.start(g), m.end(g), word))
    return out


_GLOSSED = re.compile(r"\b(?i:identified|explained|described|defined)\s+(?:the\s+)?(?:(?i:cryptonym|code\s*name)\s+)?"
                      r"([A-Z][A-Z0-9]{3,})(?:\s+(?i:cryptonym|code\s*name))?\s+as\s+(?:the\s+)?"
                      r"([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,5}?)(?=\s*[.,;:(]|\s+(?:which|that|and)\b)")


def glossed_cryptonyms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, gloss) of a code name a summary glosses: 'identified the REDSKIN cryptonym
    as the legal travellers program', 'explained the cryptonym REDWOOD as ...'. The caller
    keeps it only where the gloss is the name of a body the text names (any case)."""
    return [(m.start(1), m.end(1), m.group(2)) for m in _GLOSSED.finditer(text) if m.group(1) not in not_surnames()]


@functools.cache
def _successive_rx() -> list[tuple[str, re.Pattern]]:
    d = names_data()
    tail = rf"(?:the\s+)?[\"“_]?({NAME})"
    return [("later_name", re.compile(rf"^\s*[,(]?\s*(?:and\s+|which\s+was\s+|was\s+)?(?:{_alts(d['later_cues'])})"
                                      rf"(?:\s+(?:as|to|in\s+\d{{4}}\s+(?:as|to)?))?\s*[:,]?\s*{tail}")),
            ("earlier_name", re.compile(rf"^\s*[,(]?\s*(?:which\s+was\s+|was\s+)?(?:{_alts(d['earlier_cues'])})"
                                        rf"\s*[:,]?\s*{tail}"))]


def successive_names(text: str, end: int, window: int = 100) -> list[Stated]:
    """A body's later or earlier name stated right after its name ending at `end`."""
    tail = text[end:end + window]
    out = []
    for kind, rx in _successive_rx():
        m = rx.match(tail)
        if m:
            name = re.sub(r"[_\"”]+$", "", m.group(1))
            out.append(Stated(kind, end + m.start(1), end + m.start(1) + len(name), name))
    return out


# ---------------------------------------------------------------- abbreviations

_ABBR = r"[A-Z][A-Za-z&/.]*[A-Z0-9](?:\s?[A-Z0-9]+)?|[A-Z]{2,}\s?\d+"
_PAREN_AFTER = re.compile(rf"\(\s*(?:or\s+|also\s+|the\s+|abbreviated\s+(?:as\s+)?)?[\"“]?({_ABBR})[\"”]?\s*(?:[,;)]|\bor\b)")
_ABBREVIATED = re.compile(rf"\b(?:abbreviated|shortened)\s+(?:as\s+|to\s+)?[\"“]?({_ABBR})\b")
_PAREN_LONG = re.compile(rf"(?<![\w-])({_ABBR})\s+\(([A-Z][^()\n]{{3,80}}?)\)")
_GLOSS_OR = re.compile(rf"\(\s*_?([A-Z][^()\n]{{2,60}}?)_?,\s+(?i:or)\s+(?:the\s+)?({_ABBR})\s*\)")
_OR_AFTER = re.compile(rf",?\s+(?i:or)\s+(?:the\s+)?[\"“]?({_ABBR})\b")
_LONG_WORD = re.compile(r"[\w'’-]+")


def spells(abbr: str, long: str) -> int | None:
    """How many characters from the end of `long` spell `abbr` (each letter of the
    abbreviation found, right to left, in order, the first one at the start of a word), or
    None: 'GRU' in 'the Main Intelligence Directorate' -> 29 ('Main Intelligence
    Directorate'); 'KMT' in 'Kuomintang' -> 10."""
    letters = [ch.lower() for ch in abbr if ch.isalnum()]
    if len(letters) < 2 or len(letters) > 10:
        return None
    s = long.lower()
    i = len(s) - 1
    for k in range(len(letters) - 1, -1, -1):
        ch = letters[k]
        while i >= 0 and (s[i] != ch or k == 0 and i > 0 and s[i - 1].isalnum()):
            i -= 1
        if i < 0:
            return None
        i -= 1
    start = i + 1
    words = _LONG_WORD.findall(long[start:])
    if len(words) > min(len(letters) + 5, len(letters) * 2 + 1):
        return None
    return len(long) - start


def _long_before(text: str, at: int, abbr: str) -> tuple[int, int] | None:
    """The long form right before position `at` that spells `abbr` (a spelled long form
    may be lower-case: 'human source intelligence (HUMINT)')."""
    lo = max(0, at - 120)
    window = text[lo:at].rstrip()
    window = re.sub(r"\s*\(\s*\)?\s*$", "", window)          # 'DIRECTORATE ()': a dropped gloss
    line = window.rsplit("\n\n", 1)[-1]
    n = spells(abbr, line)
    if n is None:
        return None
    end = lo + len(window)
    start = end - n
    if "(" in text[start:end] or ")" in text[start:end]:
        return None                         # '(VTsIK or TsIK)': the second is no long form's
    return start, end


def defined_after(text: str) -> list[tuple[int, int, int]]:
    """(where the gloss starts, abbreviation start, end) of every abbreviation written in
    brackets or after 'or' / 'abbreviated' behind a name, spelled by it or not ('the Main
    Intelligence Directorate (GRU)': a Russian abbreviation of an English name). The caller
    knows which mention ends at the gloss."""
    out = []
    credited = credits(text)                    # 'MOSCOW (AP) -': an agency's credit, no gloss
    for rx in (_PAREN_AFTER, _ABBREVIATED, _OR_AFTER):
        for m in rx.finditer(text):
            abbr = m.group(1).strip()
            if sum(ch.isupper() for ch in abbr) >= 2 and abbr not in ("II", "III", "IV", "Jr", "Sr") \
                    and m.start() not in credited:
                out.append((m.start(), m.start(1), m.start(1) + len(abbr)))
    for m in _GLOSS_OR.finditer(text):          # '(Gosudarstvennaia komissiia oborony, or GKO)'
        out.append((m.start(), m.start(2), m.end(2)))
    return out


def glosses(text: str) -> list[tuple[int, int, int]]:
    """(where the bracket starts, gloss start, end) of a name in the original language in
    brackets behind a name: 'the Registration Agency (_Registrupravlenie_, or RU)'."""
    return [(m.start(), m.start(1), m.start(1) + len(m.group(1).rstrip("_ "))) for m in _GLOSS_OR.finditer(text)
            if " " not in m.group(1).strip("_ ") or m.group(1)[1:].islower() or m.group(1).startswith("_")]


def unspelled_long(text: str) -> list[tuple[int, int, int, int]]:
    """'the DSE (Democratic Army of Greece)': an abbreviation in another language, then its
    English name in brackets, every main word capitalised. (long start, end, abbr start, end)."""
    out = []
    for m in _PAREN_LONG.finditer(text):
        words = m.group(2).split()
        if len(words) >= 2 and all(w[:1].isupper() or w in ("of", "for", "and", "the", "on", "in") for w in words):
            out.append((m.start(2), m.end(2), m.start(1), m.end(1)))
    return out


_STANDS_FOR = re.compile(r"\b([A-Z][A-Za-z]{1,9})\s+(?:stands|stood|stand)\s+for\s+(?:the\s+)?"
                         r"([A-Z][\w'’-]*(?:\s+(?:of|for|and|on|in|[A-Z][\w'’-]*)){0,6})")


def abbreviations(text: str) -> list[tuple[int, int, int, int]]:
    """(long start, long end, abbreviation start, abbreviation end) of every abbreviation the
    text defines and spells; also 'CI stood for Counterintelligence', 'Ci stands for ...'
    (an interview glossing a file's notation), the long form spelled from its first word."""
    out = []
    for m in _STANDS_FOR.finditer(text):
        abbr, long = m.group(1), m.group(2)
        while long.split()[-1] in ("of", "for", "and", "on", "in"):
            long = long.rsplit(None, 1)[0]
        if spells(abbr, long) == len(long) and abbr != long:
            out.append((m.start(2), m.start(2) + len(long), m.start(1), m.end(1)))
    for rx in (_PAREN_AFTER, _ABBREVIATED, _OR_AFTER):
        for m in rx.finditer(text):
            abbr = m.group(1).strip()
            if sum(ch.isupper() for ch in abbr) < 2 and not re.search(r"[A-Z][a-z]+[A-Z]", abbr):
                continue
            long = _long_before(text, m.start(), abbr)
            if long:
                out.append((*long, m.start(1), m.start(1) + len(abbr)))
    for m in _PAREN_LONG.finditer(text):
        abbr, long = m.group(1), m.group(2)
        n = spells(abbr, long.rstrip())
        if n is not None and n == len(long.rstrip()):
            out.append((m.start(2), m.start(2) + len(long.rstrip()), m.start(1), m.end(1)))
    return sorted(set(out))
