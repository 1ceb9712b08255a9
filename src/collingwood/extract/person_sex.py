"""A person's sex as one document shows it, for the pronouns that refer to them.

'She' is never the man the text calls 'Mr. Harlan', and 'he' never 'Ms. Vela': a pronoun
resolved to a person of the other sex is wrong, and the person it stands for is then the
one of its sex the passage names (this sentence before it, else the sentence before), or
nobody. The evidence is the document's own: a title before a mention (Mrs., Ms., Señora;
Mr., Sir), a patronymic's ending (-ovna, -ovich), or the first given name (lists of
women's names and of names borne by both in ``data/names.yaml``; any other known given
name is a man's). No evidence, no sex: such a person agrees with every pronoun.
"""

from __future__ import annotations

import functools
import re

from .name_forms import given_names, names_data

_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m",
                "she": "f", "her": "f", "hers": "f", "herself": "f"}


def pronoun_sex(word: str) -> str | None:
    return _PRONOUN_SEX.get(word.lower())


@functools.cache
def _tables() -> tuple[frozenset, frozenset, frozenset, re.Pattern]:
    d = names_data()
    female = frozenset(d.get("female_given_names") or ())
    either = frozenset(d.get("either_given_names") or ())
    male = frozenset(g for g in given_names() if g not in female and g not in either)
    titles = {t.lower(): "f" for t in d.get("female_titles") or ()}
    titles.update({t.lower(): "m" for t in d.get("male_titles") or () if t.lower() not in titles})
    rx = re.compile(r"(?<![\w.])(" + "|".join(sorted(map(re.escape, titles), key=len, reverse=True))
                    + r")\.?[ \t\u00a0]+$", re.I)
    return female, male, frozenset(titles.items()), rx


def name_sex(name: str) -> str | None:
    """The sex a person's name alone tells: a patronymic's ending, else the first given name."""
    female, male, _, _ = _tables()
    words = [w.strip(".,") for w in name.split()]
    if len(words) < 2:
        return None
    for w in words[1:-1]:
        low = w.lower()
        if low.endswith(("ovna", "evna", "ichna")):
            return "f"
        if low.endswith(("ovich", "evich", "ovych", "evych")):
            return "m"
    for w in words[:-1]:                 # 'Lee Peter Harlan': Lee is either, Peter a man's
        w = w.capitalize() if w.isupper() else w
        if w in female:
            return "f"
        if w in male:
            return "m"
        if w not in _tables_either():
            return None
    return None


@functools.cache
def _tables_either() -> frozenset:
    return frozenset(names_data().get("either_given_names") or ())


def document_sexes(text: str, mentions, names: dict[str, str]) -> dict[str, str]:
    """Person name -> 'f' or 'm', where the document's titles and the name agree (titles
    outvote the given-name lists; a person titled both ways has none)."""
    _, _, titles, rx = _tables()
    table = dict(titles)
    votes: dict[str, set[str]] = {}
    written: dict[str, set[str]] = {}       # from the given names of the forms written
    for m in mentions:
        if m.kind != "person" or m.entity_id not in names:
            continue
        hit = rx.search(text, max(0, m.start - 14), m.start)
        if hit:
            votes.setdefault(names[m.entity_id], set()).add(table[hit.group(1).lower()])
        elif " " in m.text and (sex := name_sex(" ".join(m.text.split()))):
            written.setdefault(names[m.entity_id], set()).add(sex)
    out: dict[str, str] = {}
    for name in set(names.values()):
        seen = votes.get(name)
        if seen:
            if len(seen) == 1:
                out[name] = next(iter(seen))
            continue
        seen = written.get(name) or ({name_sex(name)} - {None})
        if len(seen) == 1:
            out[name] = next(iter(seen))
    return out


def agrees(sexes: dict[str, str], name: str | None, pronoun: str) -> bool:
    """The person may be what the pronoun refers to: no sex known, or the pronoun's."""
    want = pronoun_sex(pronoun)
    have = sexes.get(name) if name else None
    return want is None or have is None or want == have
