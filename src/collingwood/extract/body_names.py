"""How encyclopaedias name bodies the statistical NER misses ('merged into one body, the
Special Section of the Republic'), and how they write a name two ways: numbered units ('the 4th Directorate' is 'the
Fourth Directorate'), a state's body with the state before it ('the U.S. State Department'
is the State Department), and public figures named by surname alone ('Lenin' is Vladimir
Lenin: ``data/figures.yaml``).

Encyclopaedia articles on services and armies write a unit's ordinal in figures in one
sentence and in words in the next ('the Fourth Department', 'the 4th Department'). Each
organisation name with an ordinal gets the other spelling as an alias of kind `spelling`,
so that the two mentions are one body. The ordinal words are data
(``data/encyclopaedia.yaml``: ordinals). Pure: no spaCy.
"""

from __future__ import annotations

import functools
import re

from .. import safe_yaml
from .candidates import Cand
from .date_patterns import words
from .demonyms import state_names, state_of_adjective

_FIGURE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


@functools.cache
def _words() -> tuple[str, ...]:
    """The ordinal words in order, 'first' first: the date rules' table (data/dates_en.yaml)."""
    table = words()["ordinals"]
    return tuple(w for w, n in sorted(table.items(), key=lambda kv: kv[1]) if n <= 20 and " " not in w
                 and "-" not in w)


def ordinal_spelling(name: str) -> str | None:
    """The other spelling of the ordinal in a body's name, or None: '4th Directorate' ->
    'Fourth Directorate', 'Second Chief Directorate' -> '2nd Chief Directorate'."""
    words = _words()
    m = _FIGURE.search(name)
    if m:
        n = int(m.group(1))
        if not 1 <= n <= len(words):
            return None
        word = words[n - 1]
        return name[:m.start()] + (word.capitalize() if m.start() == 0 or name[:1].isupper() else word) \
            + name[m.end():]
    for i, word in enumerate(words, 1):
        w = re.search(rf"\b{word}\b", name, re.I)
        if w:
            suffix = "th" if 10 < i % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(i % 10, "th")
            return name[:w.start()] + f"{i}{suffix}" + name[w.end():]
    return None


def ordinal_variants(names: list[str]) -> list[tuple[str, str, str]]:
    """(name, its other spelling, 'spelling') for each organisation name with an ordinal."""
    out = []
    for n in dict.fromkeys(names):
        other = ordinal_spelling(n)
        if other and other != n:
            out.append((n, other, "spelling"))
    return out


_STATE_BEFORE = re.compile(r"(?:^|[\s(])(?:the\s+)?([A-Z][\w.]*(?:\.[A-Z]\.?)?)\s+$")


def state_prefixed(text: str, mentions: list[tuple[int, str]]) -> list[tuple[str, str, str]]:
    """(name, 'U.S. State Department', 'variant') for each body mention (start, name) written
    right after its state's adjective ('the U.S. State Department', 'the Soviet NKVD')."""
    out = []
    for start, name in mentions:
        m = _STATE_BEFORE.search(text, max(0, start - 24), start)
        if m and state_of_adjective(m.group(1)) is not None:
            out.append((name, f"{m.group(1)} {text[start:start + len(name)] if text.startswith(name, start) else name}",
                        "variant"))
    return list(dict.fromkeys(out))


def state_named(text: str, bodies: list[str]) -> list[tuple[str, str, str]]:
    """(name, 'United States Congress', 'variant') for a body the text names bare ('Congress')
    and somewhere with a state's full name before it ('in the United States Congress'),
    whether the NER took that as one body or the state alone: the same body."""
    wanted = {b for b in bodies if b[:1].isupper() and len(b.split()) <= 3}
    states: dict[str, set[str]] = {}
    for m in _state_then_words().finditer(text):
        words = m.group(2).split()
        for k in range(len(words), 0, -1):       # 'United States Congress Committee': 'Congress Committee'
            name = " ".join(words[:k])
            if name in wanted:
                states.setdefault(name, set()).add(m.group(1))
                break
    return [(name, f"{next(iter(s))} {name}", "variant") for name, s in states.items()
            if len(s) == 1]                      # 'the German Army ... the Soviet Army': 'Army' is neither


@functools.cache
def _state_then_words() -> re.Pattern:
    names = sorted((n for n in state_names() if n[:1].isupper() and state_of_adjective(n) is None),
                   key=len, reverse=True)      # a state's name, not its adjective (`state_prefixed`)
    return re.compile(rf"(?<![\w-])({'|'.join(re.escape(n) for n in names)})[ \t]+({_CAP}(?:[ \t]+{_CAP}){{0,2}})")


@functools.cache
def _figures() -> dict[str, str]:
    return dict(safe_yaml.package_data("data/figures.yaml")["figures"])


def known_figures(persons: list[str]) -> list[tuple[str, str, str]]:
    """(surname, full name, 'full_name') for each person named only by a public figure's
    surname in a document that names nobody else with that surname."""
    out = []
    for n in dict.fromkeys(persons):
        full = _figures().get(n)
        if full and not any(p != n and p.split()[-1] == n for p in persons):
            out.append((n, full, "full_name"))
    return out


_CAP = r"[A-Z][\w'’-]*"


@functools.cache
def _named_body() -> re.Pattern:
    """'the Special Section of the Republic', 'the Central Control Commission': after 'the',
    capitalised words ending in a body's head word, with an 'of'/'for' tail of capitalised words
    (two at most: 'the Association of KGB Veterans of Foreign Espionage'); or the head word
    first, with such a tail ('the Association of ...', 'the Department of State')."""
    g = safe_yaml.package_data("data/gazetteer.yaml")
    heads = "|".join(sorted(set(g["organisation_heads"]), key=len, reverse=True))
    gap = r"(?:[ \t]+|[ \t]*\n[ \t]*)"       # a name wraps at a line's end in a memo
    tail = rf"{gap}(?:of|for){gap}(?:the{gap})?{_CAP}(?:{gap}(?!of\b|for\b){_CAP}){{0,3}}"
    return re.compile(rf"(?<=\bthe )((?:{_CAP}[ \t]+){{1,4}}(?:{heads})\b(?:{tail}){{0,2}}"
                      rf"|(?:{heads})\b(?:{tail}){{1,2}})")


def capitalised_bodies(text: str, taken: list[Cand]) -> list[Cand]:
    """Organisation candidates (rank 0) for the bodies named in capitals that no other
    candidate covers. A line in capitals (a cable, a header) names nothing this way."""
    spans = sorted((c.start, c.end) for c in taken)
    out = []
    for m in _named_body().finditer(text):
        lo, hi = m.span(1)
        line = text[text.rfind("\n", 0, lo) + 1:lo]
        if m.group(1).isupper() or (line.strip() and line.isupper()):
            continue
        if any(a < hi and lo < b and not (lo <= a and b <= hi and (a, b) != (lo, hi)) for a, b in spans):
            continue                     # a name inside its tail is taken in: 'of KGB Veterans'
        inside = [c.rank for c in taken if lo <= c.start and c.end <= hi]     # as trusted as what it takes in
        out.append(Cand(lo, hi, "organisation", " ".join(m.group(1).split()), max(inside, default=0)))
    return out
