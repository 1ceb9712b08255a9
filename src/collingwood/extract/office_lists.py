"""Lists of office holders -> `headed` claims.

Encyclopaedia articles list a body's heads under a heading, one holder a line, with the
span of the tenure:

    Heads of the Directorate

    -   Semyon Aralov, November 1918 – July 1919
    -   Sergei Gusev, July 1919 – January 1920

Each item whose line opens with a person's name followed by a time gives headed(person,
body), the body being the organisation the heading names, the time the item's. A list
may also name the post in each item under a heading that names the body and its years
('Moscow Section (1918–1919)' / '-   Chairman – Felix Dzerzhinsky, Deputy – ...'): the
holder of a head's post heads the body named by the heading, for the heading's time.
The words of a head's post are data (``data/encyclopaedia.yaml``). Pure: no spaCy.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from .. import safe_yaml
from ..model import Claim, Mention

_ITEM = re.compile(r"[ \t]*[-*•][ \t]+")
_DASH = re.compile(r"\s*[–—-]\s*")
_BRACKETED = re.compile(r"\s*\([^()]*\)\s*$")


@functools.cache
def encyclopaedia_words() -> dict:
    data = safe_yaml.package_data("data/encyclopaedia.yaml")
    return {k: frozenset(v) if isinstance(v, list) and all(isinstance(x, str) for x in v) else v
            for k, v in data.items()}


def _head_word(word: str) -> bool:
    w = word.lower().strip(".,:;'’s")
    heads = encyclopaedia_words()["office_heads"]
    return w in heads or w.rstrip("s") in heads or (w.endswith("es") and w[:-2] in heads) or \
        word.lower().strip(".,:;") in heads or word.lower().rstrip("s") in heads


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of text, line breaks left out."""
    out, lo = [], 0
    for line in text.split("\n"):
        out.append((lo, lo + len(line)))
        lo += len(line) + 1
    return out


class _Index:
    def __init__(self, items: list, start):
        self.items = sorted(items, key=start)
        self.starts = [start(x) for x in self.items]

    def within(self, lo: int, hi: int) -> list:
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]


def office_list_claims(text: str, mentions: Iterable[Mention], names: dict[str, str], times: list,
                       source_id: str, extracted_by: str) -> list[Claim]:
    """headed claims from the lists of office holders in `text`. names: entity id -> name;
    times: the document's time expressions (`dates.tag_dates`)."""
    ments = _Index([m for m in mentions if m.entity_id in names], lambda m: m.start)
    dates = _Index([t for t in times if (t.joined or t.span) is not None], lambda t: t.start)
    lines = line_spans(text)
    out: list[Claim] = []
    heading: tuple | None = None          # (body name, heading time or None, names posts)
    for k, (lo, hi) in enumerate(lines):
        line = text[lo:hi]
        item = _ITEM.match(line)
        if not line.strip():
            continue
        if item is None:
            heading = _heading(text, lines, k, ments, dates, names)
            continue
        if heading is None:
            continue
        body, when, post_heading = heading
        at = lo + item.end()
        here = ments.within(at, hi)
        if post_heading:
            c = _holder_first(text, at, hi, here, dates, body, names, source_id, extracted_by)
        else:
            c = _post_first(text, at, hi, here, body, when, names, source_id, extracted_by)
        if c is not None:
            out.append(c)
    return out


def _heading(text, lines, k, ments, dates, names) -> tuple | None:
    """(body, time, names the post) of a heading line: a short line with no full stop,
    standing between blank lines (or the list), that names an organisation."""
    lo, hi = lines[k]
    line = text[lo:hi].strip().lstrip("#").strip()
    if not line or len(line.split()) > 10 or line.endswith((".", ":", ";", ",")) or line[:1].islower():
        return None
    before = lines[k - 1] if k > 0 else None
    if before is not None and text[before[0]:before[1]].strip():
        return None
    orgs = [m for m in ments.within(lo, hi) if m.kind == "organisation"]
    if not orgs:
        return None
    words = line.split()
    post = any(_head_word(w) for w in words)
    if post:
        return names[orgs[-1].entity_id], None, True
    stamp = dates.within(lo, hi)
    bare = _BRACKETED.sub("", line)
    if not stamp or len(orgs) != 1 or not all(w[:1].isupper() for w in bare.split() if w.isalpha()):
        return None
    return bare, stamp[0].joined or stamp[0].span, False


def _holder_first(text, at, hi, here, dates, body, names, source_id, extracted_by) -> Claim | None:
    """'Semyon Aralov, November 1918 – July 1919': the name opens the item, a time follows."""
    if not here or here[0].start != at or here[0].kind != "person":
        return None
    m = here[0]
    rest = text[m.end:hi]
    if not rest.lstrip()[:1] in (",", "(", "–", "—", "-", ":"):
        return None
    stamp = dates.within(m.end, hi)
    if not stamp:
        return None
    when = stamp[0].joined or stamp[0].span
    end = max(t.end for t in stamp if (t.joined or t.span) is when)
    return Claim(source_id=source_id, start=at, end=end, quote=text[at:end], subject=names[m.entity_id],
                 predicate="headed", object=body, time=when, extracted_by=extracted_by, status="proposed",
                 confidence=0.75, subject_id=m.entity_id)


def _post_first(text, at, hi, here, body, when, names, source_id, extracted_by) -> Claim | None:
    """'Chairman – Felix Dzerzhinsky, Deputy – ...': the post of a head, a dash, the name."""
    for m in here:
        if m.kind != "person":
            continue
        lead = text[at:m.start]
        parts = [p for p in re.split(r"[,;]", lead)]
        post = _DASH.split(parts[-1].strip()) if parts else []
        if len(post) == 2 and not post[1] and post[0] and all(_head_word(w) for w in post[0].split()[-1:]) \
                and len(post[0].split()) <= 3:
            start = at + len(lead) - len(parts[-1].lstrip())
            return Claim(source_id=source_id, start=start, end=m.end, quote=text[start:m.end],
                         subject=names[m.entity_id], predicate="headed", object=body, time=when,
                         extracted_by=extracted_by, status="proposed", confidence=0.7,
                         subject_id=m.entity_id)
    return None
