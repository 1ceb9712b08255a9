"""The self-contained HTML dossier: every statement linked to the passage that makes it.

The report reads plain rows (a CaseData snapshot plus whatever analysis
sections exist) and renders one HTML file with inline CSS and SVG: it opens
with no network.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..analyse import statement
from ..model import CaseData, Claim, Source


@dataclass
class Section:
    """An analysis section of the dossier: a title, an anchor and ready HTML."""

    anchor: str
    title: str
    body: Markup
    intro: str = ""


@dataclass
class Dossier:
    title: str
    description: str
    data: CaseData
    sections: list[Section] = field(default_factory=list)
    figures: dict[str, str] = field(default_factory=dict)     # label -> value, for the header
    credibility: dict = field(default_factory=dict)           # claim id -> Credibility (1-6)
    superseded: dict = field(default_factory=dict)            # machine claim id -> analyst claim id
    markers: dict = field(default_factory=dict)               # claim id -> [NameMarker]


@cache
def _env() -> Environment:
    env = Environment(loader=PackageLoader("collingwood", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = lambda t: t.render() if t else ""
    env.globals["cite"] = cite
    env.globals["cite_id"] = cite_id
    env.globals["claim_text"] = claim_text
    return env


def claim_anchor(claim: Claim) -> str:
    return f"q-{claim.id}"


def cite(claim: Claim, data: CaseData) -> Markup:
    """A link from any statement to the passage that makes it, with the source's short title."""
    src = data.sources.get(claim.source_id)
    label = src.short_title if src else claim.source_id
    page = f", p. {claim.page}" if claim.page and src and len(src.pages) > 1 else ""
    # escape() then an f-string: the text Markup.format makes, without its Formatter walk (a
    # dossier cites every claim at least once)
    return Markup(f'<a class="cite" href="#{escape(claim_anchor(claim))}" title="{escape(claim.quote[:300])}">'
                  f'{escape(label)}{escape(page)}</a>')


def cite_id(claim_id: str, data: CaseData) -> Markup:
    """Like :func:`cite`, from a claim id."""
    try:
        return cite(data.claim(claim_id), data)
    except KeyError:
        return Markup("")


def claim_text(claim_id: str, data: CaseData) -> str:
    """What a claim says, in words: 'denies that John Cairncross knew Guy Burgess (1936)'."""
    try:
        c = data.claim(claim_id)
    except KeyError:
        return ""
    said = statement(c.predicate, c.subject, c.object)
    when = f" ({c.time.render()})" if c.time else ""
    return f"denies that {said}{when}" if c.polarity == "denied" else f"{said}{when}"


def marked_text(source: Source, claims: list[Claim]) -> Markup:
    """The source's text with each claim's span highlighted and anchored."""
    text = source.text
    bounds = {0, len(text)}
    for c in claims:
        bounds.update((c.start, c.end))
    points = sorted(bounds)
    starts: dict[int, list[Claim]] = {}
    for c in claims:
        starts.setdefault(c.start, []).append(c)
    # the claims covering each piece, kept as the text is walked (a piece lies between two
    # consecutive bounds, so a claim covers it from its start up to its end): no scan of every
    # claim of the source per piece
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        if c.start < c.end:
            opening.setdefault(c.start, []).append(i)
            closing.setdefault(c.end, []).append(i)
    active: set[int] = set()
    pieces = []
    for lo, hi in zip(points, points[1:]):
        for c in starts.get(lo, []):
            pieces.append(f'<a id="{claim_anchor(c)}" class="anchor"></a>')
        active.difference_update(closing.get(lo, ()))
        active.update(opening.get(lo, ()))
        chunk = html.escape(text[lo:hi])
        if active:
            ids = " ".join(claims[i].id for i in sorted(active))
            pieces.append(f'<mark data-claims="{ids}">{chunk}</mark>')
        else:
            pieces.append(chunk)
    return Markup("".join(pieces))


def partial(name: str, **context) -> Markup:
    """Render one dossier section from ``templates/_<name>.html.j2``."""
    return Markup(_env().get_template(f"_{name}.html.j2").render(**context))


def entities_in_play(data: CaseData) -> list:
    """Entities the dossier lists: those with aliases, or named by a claim."""
    named = set()
    for c in data.claims:
        named.update(n.lower() for n in (c.subject, c.object, c.asserted_by) if n)
    return [e for e in data.entities
            if e.aliases or e.name.lower() in named or any(a.name.lower() in named for a in e.aliases)]


class _MarkedTexts:
    """Source id -> the source's marked text (`marked_text`), made when the template reaches
    it: the dossier never holds every source's marked copy at once."""

    def __init__(self, data: CaseData, by_source: dict[str, list[Claim]]):
        self.data, self.by_source = data, by_source

    def __getitem__(self, sid: str) -> Markup:
        return marked_text(self.data.sources[sid], self.by_source.get(sid, []))


def _context(dossier: Dossier) -> dict:
    data = dossier.data
    by_source: dict[str, list[Claim]] = {}
    for c in data.claims:
        by_source.setdefault(c.source_id, []).append(c)
    return dict(d=dossier, data=data, texts=_MarkedTexts(data, by_source), by_source=by_source,
                entities=entities_in_play(data),
                generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def render(dossier: Dossier) -> str:
    return _env().get_template("dossier.html.j2").render(**_context(dossier))


def write(dossier: Dossier, path: Path) -> Path:
    """Write the dossier as it is rendered, piece by piece: the whole page (a hundred
    megabytes at 100,000 claims) is never one string in memory. The pieces go to a file
    beside ``path`` that replaces it when complete: a render that fails leaves no half page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pieces = _env().get_template("dossier.html.j2").generate(**_context(dossier))
    part = path.with_name(path.name + ".part")
    try:
        with part.open("w", encoding="utf-8") as out:
            out.writelines(pieces)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path
