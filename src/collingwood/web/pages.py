"""The workbench's pages: server-rendered with Jinja2 (autoescaped: source text is text),
each with the session's CSRF token in a meta tag for the page's script (static/app.js)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import workbench as wb
from ..errors import CollingwoodError
from .security import COOKIE

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).parent / "templates"
PAGE = 200          # events, claims or log rows on one page


@cache
def env() -> Environment:
    e = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"], default=True),
                    trim_blocks=True, lstrip_blocks=True)
    e.filters["when"] = lambda t: (t or {}).get("text") or "undated"
    return e


def render(request: Request, name: str, http_status: int = 200, **context) -> HTMLResponse:
    case = request.app.state.case
    guard = request.app.state.guard
    csrf = guard.csrf_of(request.cookies.get(COOKIE)) or ""
    html = env().get_template(name).render(case_title=case.title, csrf=csrf, path=request.url.path, **context)
    return HTMLResponse(html, status_code=http_status)


def _error_page(request: Request, e: CollingwoodError) -> HTMLResponse:
    return render(request, "error.html.j2", http_status=e.http_status if e.http_status < 500 else 500, error=e)


def page(fn):
    """Render a refused request as a page saying why (not as JSON)."""
    import functools

    @functools.wraps(fn)
    def wrapper(request: Request, *args, **kwargs):
        try:
            return fn(request, *args, **kwargs)
        except CollingwoodError as e:
            return _error_page(request, e)
    return wrapper


def case(request: Request):
    return request.app.state.case


@router.get("/")
@page
def home(request: Request):
    c = case(request)
    return render(request, "home.html.j2", sources=wb.source_records(c), entities=wb.entity_records(c)[:20],
                  findings=wb.finding_records(c), claims=len(c.claims(include_rejected=True)))


@router.get("/sources")
@page
def sources(request: Request):
    return render(request, "sources.html.j2", sources=wb.source_records(case(request)))


@router.get("/sources/{source_id}")
@page
def source(request: Request, source_id: str):
    v = wb.source_view(case(request), source_id)
    names = {e["id"]: e["name"] for e in wb.entity_records(case(request))}
    return render(request, "source.html.j2", v=v, names=names)


@router.get("/claims")
@page
def claims(request: Request, status: str | None = Query(None, max_length=20), offset: int = Query(0, ge=0)):
    rows = [r for r in wb.claim_records(case(request)) if not status or r["status"] == status]
    return render(request, "claims.html.j2", rows=rows[offset:offset + PAGE], total=len(rows), offset=offset,
                  page=PAGE, status=status or "")


@router.get("/claims/{claim_id}")
@page
def claim(request: Request, claim_id: str):
    c = case(request)
    record = wb.get_claim(c, claim_id)
    history = wb.audit_log(c, None, target=claim_id)
    return render(request, "claim.html.j2", c=record, history=history)


@router.get("/chronology")
@page
def chronology(request: Request, actor: str | None = Query(None, max_length=500),
               track: str | None = Query(None, max_length=100),
               start: str | None = Query(None, alias="from", max_length=100),
               end: str | None = Query(None, alias="to", max_length=100), offset: int = Query(0, ge=0)):
    from ..model import TRACKS
    total, shown = wb.chronology_page(case(request), offset, PAGE, actor or None, track or None, start or None,
                                      end or None)
    return render(request, "chronology.html.j2", entries=shown, total=total, offset=offset, page=PAGE,
                  axis=_axis(shown), tracks=TRACKS,
                  filters={"actor": actor or "", "track": track or "", "from": start or "", "to": end or ""})


LABEL_W, X0, X1, ROW = 330, 340, 990, 16     # the timeline's label column, bar area and row height
WIDEST = 30 * 366                             # a span wider than this (days) sets no bound of the axis


def _days(t: dict | None) -> tuple[int, int] | None:
    from datetime import date
    if not t or not t.get("earliest") or not t.get("latest"):
        return None
    try:
        return date.fromisoformat(t["earliest"]).toordinal(), date.fromisoformat(t["latest"]).toordinal()
    except ValueError:
        return None


def _axis(entries: list[dict]) -> dict:
    """The timeline of the events shown: each event's bar spans what its date allows. The axis
    covers the bounded spans; an open or very wide one ('by 1944') runs off the axis, drawn open."""
    from datetime import date
    spans = {e["id"]: _days(e["time"]) for e in entries}
    bounded = [d for d in spans.values() if d and d[1] - d[0] <= WIDEST] or [d for d in spans.values() if d]
    if not bounded:
        return {"rows": [], "ticks": [], "height": 0}
    lo, hi = min(a for a, _ in bounded), max(b for _, b in bounded)
    span = max(1, hi - lo)

    def x(day: int) -> float:
        return X0 + (X1 - X0) * (min(max(day, lo), hi) - lo) / span

    rows = []
    for i, e in enumerate(entries):
        d = spans[e["id"]]
        label = e["label"] if len(e["label"]) <= 48 else e["label"][:47] + "…"
        row = {"id": e["id"], "y": 26 + ROW * i, "label": label, "disputed": e["disputed"],
               "title": f"{e['label']}: {(e['time'] or {}).get('text') or 'undated'}"}
        if d:
            x1, x2 = x(d[0]), x(d[1])
            row.update(x=round(x1, 1), w=round(max(3.0, x2 - x1), 1), exact=d[0] == d[1],
                       open_start=d[0] < lo, open_end=d[1] > hi)
        rows.append(row)
    y0, y1 = date.fromordinal(lo).year, date.fromordinal(hi).year
    step = max(1, round((y1 - y0) / 10) or 1)
    ticks = [{"x": round(x(date(y, 1, 1).toordinal()), 1), "label": str(y)}
             for y in range(y0, y1 + 2, step) if lo <= date(y, 1, 1).toordinal() <= hi]
    if not ticks or y0 == y1:        # within one year: months
        ticks = [{"x": round(x(date(y0, m, 1).toordinal()), 1), "label": date(y0, m, 1).strftime("%b %Y")}
                 for m in range(1, 13) if lo <= date(y0, m, 1).toordinal() <= hi]
    return {"rows": rows, "ticks": ticks, "height": 30 + ROW * len(entries), "label_w": LABEL_W}


@router.get("/entities")
@page
def entities(request: Request):
    return render(request, "entities.html.j2", entities=wb.entity_records(case(request)))


@router.get("/entities/{entity}")
@page
def profile(request: Request, entity: str):
    c = case(request)
    p = wb.profile_record(c, entity)
    return render(request, "profile.html.j2", p=p, claims=wb.claims_cited(c, [*p["claims_about"], *p["claims_by"]]))


@router.get("/graph")
@page
def graph(request: Request):
    return render(request, "graph.html.j2")


@router.get("/findings")
@page
def findings(request: Request):
    from ..model import VERDICTS
    return render(request, "findings.html.j2", findings=wb.finding_records(case(request)), verdicts=VERDICTS)


@router.get("/witnesses")
@page
def witnesses(request: Request):
    return render(request, "witnesses.html.j2", witnesses=wb.witness_records(case(request)),
                  grades=("A", "B", "C", "D", "E", "F"))


@router.get("/questions")
@page
def questions(request: Request):
    return render(request, "questions.html.j2", questions=wb.question_records(case(request)))


@router.get("/hypotheses")
@page
def hypotheses(request: Request):
    return render(request, "hypotheses.html.j2", matrices=wb.matrix_records(case(request)),
                  ratings=("CC", "C", "N", "I", "II"))


@router.get("/audit")
@page
def audit(request: Request, offset: int = Query(0, ge=0), runs: bool = False):
    """The changes, newest first; the analysis runs they caused (derived rows) only with ?runs=1."""
    rows = wb.audit_log(case(request), None if not runs else offset + PAGE)
    if not runs:
        rows = [r for r in rows if not wb.derived(r)][:offset + PAGE]
    return render(request, "audit.html.j2", rows=rows[offset:], offset=offset, page=PAGE, runs=runs)


@router.get("/favicon.ico")
def favicon():
    return RedirectResponse("/static/favicon.svg", status_code=302)
