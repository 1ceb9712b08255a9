"""Names of people as archives, encyclopaedias and memos write them.

Pure functions on strings (no spaCy): the forms are

* upper-case surnames of files and cables: *Antonia (Toni) Leigh CHAYES*, *Samuel G. WISE*;
* the inverted index form of headers and bibliographies: *OSWALD, Lee Harvey*,
  *Melgounov, Sergey Petrovich (1925)*;
* titles and ranks before the name (*Wing Commander John Archer*, *Lord Maurice Hankey*),
  kept as a ``title`` alias but no part of who the person is;
* nicknames in quotes or brackets (*Harold "Kim" Philby*, *Vera (Dora) Grebenshchikova*);
* East Slavic patronymics (*Janis Karlovich Berzin* is cited *Janis Berzin*).

`person_key` is the identity of a name (case, accents, titles and suffixes ignored);
`compatible` says whether two forms may be one person (*Samuel G. Wise* and *Samuel
Griffin Wise Jr.*; not *Abram Chayes* and *Antonia Chayes*); `variant_kind` says whether
two spellings differ by transliteration or by a slip (OCR), using rapidfuzz and jellyfish.
The word lists are data: ``data/names.yaml`` and the gazetteer's titles and given names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import jellyfish
from rapidfuzz import fuzz

from .. import safe_yaml

_QUOTED = "\"“”‘’'«»"


@functools.cache
def names_data() -> dict:
    return safe_yaml.package_data("data/names.yaml")


@functools.cache
def _gazetteer() -> dict:
    return safe_yaml.package_data("data/gazetteer.yaml")


@functools.cache
def title_words() -> frozenset[str]:
    """One-word titles, with and without their full stop ('Mr', 'Mr.', 'Colonel')."""
    words = set(_gazetteer()["titles"]) | set(names_data()["more_titles"])
    return frozenset(words | {w.rstrip(".") for w in words} | {w.upper() for w in words})


@functools.cache
def long_titles() -> tuple[str, ...]:
    return tuple(sorted(names_data()["long_titles"], key=len, reverse=True))


@functools.cache
def suffixes() -> frozenset[str]:
    return frozenset(names_data()["suffixes"])


@functools.cache
def given_names() -> frozenset[str]:
    return frozenset(_gazetteer()["given_names"]) | frozenset(names_data().get("more_given_names", ()))


@functools.cache
def not_surnames() -> frozenset[str]:
    """Upper-case words that are headings, labels or acronyms, never a surname."""
    words = set(names_data()["not_surnames"])
    for org in _gazetteer()["organisations"]:
        for form in [org["name"]] + [a if isinstance(a, str) else a["name"] for a in org.get("aliases") or ()]:
            if re.fullmatch(r"[A-Z&]{2,8}", form):
                words.add(form)
    return frozenset(words)


@functools.cache
def _patronymic() -> re.Pattern:
    ends = "|".join(sorted(names_data()["patronymic_endings"], key=len, reverse=True))
    return re.compile(rf"[A-Z][a-z]+(?:{ends})", re.I)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case, accents and punctuation ignored: 'Peña' ~ 'Pena', 'WISE' ~ 'Wise'."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s-]", " ", s).casefold().split())


def normal_case(word: str) -> str:
    """An upper-case surname in the case prose gives it: 'CHAYES' -> 'Chayes',
    'McCLOY' -> 'McCloy', "O'BRIEN" -> "O'Brien"; other words are left as written."""
    if "." in word or re.fullmatch(r"[IVXLC]+", word) or not any(ch.isupper() for ch in word[2:]) or any(ch.islower() for ch in word[3:]) and \
            not re.fullmatch(r"(?:Mc|Mac)[A-Z]+", word):
        return word
    m = re.fullmatch(r"(Mc|Mac|MC|MAC)([A-Z][A-Z'’-]+)", word)
    if m and m.group(1) in ("Mc", "Mac"):
        return m.group(1) + m.group(2).capitalize()
    return "-".join(re.sub(r"(['’])(\w)", lambda x: x.group(1) + x.group(2).upper(), p.capitalize())
                    for p in word.split("-"))


def is_title(words: list[str]) -> int:
    """How many leading words of a name are a title: 'Wing Commander John Archer' -> 2."""
    joined = " ".join(words)
    for t in long_titles():
        if joined.startswith(t + " ") or joined == t:
            return len(t.split())
    return 1 if words and words[0] in title_words() else 0


@dataclass(frozen=True)
class PersonName:
    """A person's name taken apart. `given` holds given names and initials in order."""

    given: tuple[str, ...]
    surname: str
    suffix: str = ""
    titles: tuple[str, ...] = ()
    nickname: str = ""
    nickname_quoted: bool = False     # Harold "Kim" Philby: the name the person went by

    @property
    def display(self) -> str:
        """The name as prose writes it, without titles: 'Samuel Griffin Wise Jr.'."""
        words = [normal_case(w) for w in self.given] + [normal_case(self.surname)]
        if self.suffix:
            words.append(self.suffix)
        return " ".join(words)

    @property
    def canonical(self) -> str:
        """The name a historian cites: patronymics dropped; a quoted nickname is the name
        the person went by (Harold "Kim" Philby is Kim Philby)."""
        given = [g for i, g in enumerate(self.given) if i == 0 or not _patronymic().fullmatch(g)]
        if self.nickname and self.nickname_quoted:
            given = [self.nickname]
        words = [normal_case(w) for w in given] + [normal_case(self.surname)]
        if self.suffix:
            words.append(self.suffix)
        return " ".join(words)

    @property
    def key(self) -> str:
        return fold(self.surname)


_WORD = re.compile(r"[A-Z][\w'’.-]*|\([A-Z][a-z]+\)|[\"“‘][A-Z][\w'’-]*[\"”’]|(?:[A-Z][a-z]?\.)+")


def parse_person(text: str) -> PersonName | None:
    """Take a written name apart: titles, given names and initials, a nickname in quotes or
    brackets, the surname (upper-case or not), a suffix; the inverted form
    'OSWALD, Lee Harvey' too. None when it is not a person's name of two words or more."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;:")
    inv = inverted(text)
    if inv:
        text = inv
    words = text.split()
    titles: list[str] = []
    n = is_title(words)
    while n and len(words) > n:
        titles += words[:n]
        words = words[n:]
        n = is_title(words)
    suffix = ""
    if len(words) > 1 and words[-1].strip(",") in suffixes():
        suffix = words[-1].strip(",")
        words = words[:-1]
    if not inv and any(w.endswith(",") for w in words[:-1]):
        return None                          # 'London, England': a list or a place, no name
    words = [w.rstrip(",") for w in words]
    if len(words) < 2 or not all(_WORD.fullmatch(w) or w.lower() in names_data()["particles"] for w in words):
        return None
    if any(w.replace(".", "").upper() in not_surnames() and "." in w and len(w) > 2 for w in words[:-1]):
        return None                          # 'U.S. Kessler': a country, not initials
    nickname, quoted, given = "", False, []
    for w in words[:-1]:
        if w[0] == "(" or w[0] in _QUOTED:
            nickname, quoted = w.strip("()" + _QUOTED), w[0] != "("
        else:
            given.append(w)
    while len(given) > 1 and given[0].capitalize() in names_data()["relation_words"]:
        given = given[1:]                    # "CHAYES' Wife Antonia (Toni) Leigh CHAYES"
    known = [i for i, g in enumerate(given) if g in given_names()]
    if known and known[0] > 0 and given[0] not in given_names() and not given[0].endswith("."):
        given = given[known[0]:]             # 'Wife Antonia (Toni) Leigh CHAYES' in OCR capitals
    surname = words[-1]
    while given and given[-1] in names_data()["particles"]:       # lower-case only: 'Nguyen Van Thieu
        surname = given.pop() + " " + surname
    if not given or surname[0] in "(" + _QUOTED:
        return None
    return PersonName(tuple(given), surname, suffix, tuple(titles), nickname, quoted)


_INVERTED = re.compile(r"((?:Mc|Mac|O')?[A-Z][A-Za-z'’-]+),\s+((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.))*)")


def inverted(text: str) -> str | None:
    """'OSWALD, Lee Harvey' -> 'Lee Harvey OSWALD'; 'Melgounov, Sergey Petrovich' -> 'Sergey
    Petrovich Melgounov'. The surname must be upper-case or the first given name a known
    one: 'London, England' is no name."""
    m = _INVERTED.fullmatch(text.strip())
    if not m:
        return None
    surname, given = m.groups()
    first = given.split()[0]
    if surname.isupper() and len(surname) > 1 and surname not in not_surnames() or first in given_names() \
            or _patronymic().fullmatch(given.split()[-1]) and len(given.split()) > 1:
        return f"{given} {surname}"
    return None


@functools.cache
def diminutives() -> dict[str, frozenset[str]]:
    """Short form -> the given names it stands for ('Bill' -> William)."""
    return {k: frozenset(v) for k, v in names_data()["diminutives"].items()}


def is_diminutive(short: str, full: str) -> bool:
    return full in diminutives().get(short, ()) or short in diminutives().get(full, ())


def _initial_fits(short: str, full: str) -> bool:
    """'G.' fits 'Griffin', 'Ya.' fits 'Yakov', 'Samuel' fits 'Samuel', 'Bill' fits 'William'."""
    if is_diminutive(short, full):
        return True
    a, b = fold(short).replace(" ", ""), fold(full).replace(" ", "")
    if short.endswith(".") or len(a) == 1:
        return b.startswith(a)
    if full.endswith(".") or len(b) == 1:
        return a.startswith(b)
    return a == b


def compatible(a: PersonName, b: PersonName) -> bool:
    """Whether two forms may name one person: the same surname, the same first given name (or
    its initial), and the other given names of the shorter form found in order in the longer
    one ('Carl Harlan' ~ 'Carl Peter Harlan', 'M. S. Kedrov' ~ 'Mikhail Kedrov', not 'Abram
    Chayes' ~ 'Antonia Chayes'). A suffix on both must agree (a father and a son)."""
    if a.key != b.key or (a.suffix and b.suffix and a.suffix.rstrip(".") != b.suffix.rstrip(".")):
        return False
    ga = [g for i, g in enumerate(a.given) if i == 0 or not _patronymic().fullmatch(g)]
    gb = [g for i, g in enumerate(b.given) if i == 0 or not _patronymic().fullmatch(g)]
    short, full = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    if not _initial_fits(short[0], full[0]):
        return False
    i = 1
    for g in short[1:]:
        while i < len(full) and not _initial_fits(g, full[i]):
            i += 1
        if i == len(full):
            return False
        i += 1
    return True


_FOLD = [("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("kh", "h"), ("ck", "k"), ("ph", "f"),
         ("tz", "s"), ("ts", "s"), ("cz", "ch"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("w", "v"),
         ("ou", "u"), ("y", "i"), ("j", "i"), ("z", "s"), ("x", "ks"), ("q", "k")]


def skeleton(name: str) -> str:
    """A spelling key that ignores transliteration choices: Kapitza ~ Kapitsa, Ginzburg ~
    Ginsberg, Dzerzhinsky ~ Dzerzhynsky, Yan ~ Jan."""
    s = fold(name).replace(" ", "").replace("-", "")
    for a, b in _FOLD:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s[:1] + re.sub(r"[aeiou]", "", s[1:])


def variant_kind(a: str, b: str) -> str | None:
    """'transliteration' when two spellings of a word differ only in how a script was
    written in Latin letters, 'spelling' when they differ by a slip or OCR damage
    (Belmont / Betmont / Becmonr; l/t/I confusions), None when they are different words.
    Short words must agree more: 'Wise' and 'Wile' are two names."""
    fa, fb = fold(a), fold(b)
    if fa == fb or not fa or not fb:
        return None
    shortest = min(len(fa), len(fb))
    if skeleton(a) == skeleton(b) and (shortest > 4 or fuzz.ratio(fa, fb) >= 50) or \
            jellyfish.metaphone(fa) == jellyfish.metaphone(fb) and fuzz.ratio(fa, fb) >= 70:
        return "transliteration"
    allowed = 2 if shortest >= 7 else 1
    if fa[0] == fb[0] and shortest >= 5 and abs(len(fa) - len(fb)) <= 1 and \
            jellyfish.levenshtein_distance(fa, fb) <= allowed:
        return "spelling"
    return None


def ocr_match(word: str, surnames: list[str]) -> str | None:
    """The one surname of the document an OCR-damaged word after a title may be ('Mr.
    Duties.' in testimony where Mr. Dulles speaks): same first letter, close in spelling or
    sound, and no other surname as close."""
    fw = fold(word)
    if len(fw) < 4:
        return None
    scored = []
    for s in surnames:
        fs = fold(s)
        if fs == fw or fs[:1] != fw[:1] or abs(len(fs) - len(fw)) > 2:
            continue
        score = fuzz.ratio(fw, fs)
        if jellyfish.metaphone(fw) == jellyfish.metaphone(fs):
            score += 15
        if score >= 60:
            scored.append((score, s))
    scored.sort(reverse=True)
    if not scored or len(scored) > 1 and scored[1][0] >= scored[0][0] - 5:
        return None
    return scored[0][1]


@functools.cache
def _lookalikes() -> frozenset[tuple[str, str]]:
    pairs = names_data().get("ocr_lookalikes") or ()
    return frozenset((a, b) for a, b in pairs) | frozenset((b, a) for a, b in pairs)


def ocr_lookalike(word: str, surnames: list[str]) -> str | None:
    """The one surname of the document an untitled word is with one letter misread for its
    look-alike ('Lindgrem' is not one; 'Hartmanl' beside Hartmann is): same length, every
    other letter the same (names.yaml ocr_lookalikes), the first letter kept."""
    if len(word) < 5 or not word.isalpha():
        return None
    found = []
    for s in surnames:
        if len(s) != len(word) or s[:1] != word[:1] or s == word:
            continue
        diff = [(a, b) for a, b in zip(s.lower(), word.lower()) if a != b]
        if len(diff) == 1 and diff[0] in _lookalikes():
            found.append(s)
    return found[0] if len(found) == 1 else None
