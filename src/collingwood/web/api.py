"""The REST API (`/api/...`, OpenAPI at `/openapi.json`): the same calls and rules as the pages.

Every route is a thin call into the application layer (`collingwood.workbench`); a refused
change answers with the error shape {ok, error, code, status}, never a traceback.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from .. import workbench as wb
from ..case import Case

router = APIRouter(prefix="/api", tags=["api"])
Text = Field(default=None, max_length=2000)


def case_of(request: Request) -> Case:
    return request.app.state.case


class Problem(BaseModel):
    ok: bool = False
    error: str
    code: str
    status: int


ERRORS = {s: {"model": Problem} for s in (400, 401, 403, 404, 409, 422)}


class ClaimPatch(BaseModel):
    """The changed fields of a claim and the version they were read at."""
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1, le=2**31)
    subject: str | None = Field(default=None, min_length=1, max_length=500)
    predicate: str | None = Field(default=None, min_length=1, max_length=200)
    object: str | None = Field(default=None, max_length=500)
    time: str | None = Field(default=None, max_length=200)
    place: str | None = Field(default=None, max_length=500)
    polarity: Literal["affirmed", "denied"] | None = None
    modality: str | None = Field(default=None, max_length=100)
    asserted_by: str | None = Field(default=None, max_length=500)
    reported_by: str | None = Field(default=None, max_length=500)
    status: Literal["proposed", "accepted", "rejected"] | None = None
    confidence: float | None = Field(default=None, ge=0, le=1)
    note: str | None = Field(default=None, max_length=5000)


class NewClaim(BaseModel):
    """A claim made from a passage the analyst selected: the source, the span and the reading."""
    model_config = ConfigDict(extra="forbid")
    source_id: str = Field(max_length=200)
    start: int = Field(ge=0, le=2**31)
    end: int = Field(ge=1, le=2**31)
    subject: str = Field(min_length=1, max_length=500)
    predicate: str = Field(min_length=1, max_length=200)
    object: str | None = Field(default=None, max_length=500)
    time: str | None = Field(default=None, max_length=200)
    place: str | None = Field(default=None, max_length=500)
    polarity: Literal["affirmed", "denied"] = "affirmed"
    note: str = Field(default="", max_length=5000)


class Verdict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verdict: Literal["open", "explained", "confirmed", "dismissed"]
    note: str = Field(default="", max_length=5000)


class Names(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=500)
    other: str = Field(min_length=1, max_length=500)


class Override(BaseModel):
    """A grade (A-F) for the witness, or `target` a claim id (omission, deception, fabrication,
    none) or `credibility:<claim id>` (1-6)."""
    model_config = ConfigDict(extra="forbid")
    value: str = Field(min_length=1, max_length=20)
    target: str = Field(default="grade", min_length=1, max_length=300)
    note: str = Field(default="", max_length=5000)


class Rating(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hypothesis: str = Field(min_length=1, max_length=200)
    evidence: str = Field(min_length=1, max_length=300)
    rating: Literal["CC", "C", "N", "I", "II"]
    question: str | None = Field(default=None, max_length=2000)
    note: str = Field(default="", max_length=5000)


# --- claims --------------------------------------------------------------------------

@router.get("/claims", responses=ERRORS)
def list_claims(request: Request, include_rejected: bool = True) -> list[dict]:
    """Every claim: `id`, `version` and the fields of `collingwood claims --json`."""
    return wb.claim_records(case_of(request), include_rejected=include_rejected)


@router.get("/claims/{claim_id}", responses=ERRORS)
def get_claim(request: Request, claim_id: str) -> dict:
    return wb.get_claim(case_of(request), claim_id)


@router.patch("/claims/{claim_id}", responses=ERRORS)
def patch_claim(request: Request, claim_id: str, body: ClaimPatch) -> dict:
    """Change a claim's reading (accept or reject it with `status`); 409 if `version` is stale."""
    changes = body.model_dump(exclude_unset=True)
    version = changes.pop("version")
    return wb.edit_claim(case_of(request), claim_id, changes, version)


@router.post("/claims", status_code=201, responses=ERRORS)
def add_claim(request: Request, body: NewClaim) -> dict:
    """A new claim on a selected passage (accepted: the analyst made it)."""
    return wb.add_claim_from_span(case_of(request), body.source_id, body.start, body.end, body.subject,
                                  body.predicate, body.object, body.time, body.place, body.polarity, body.note)


# --- sources and entities -------------------------------------------------------------

@router.get("/sources", responses=ERRORS)
def list_sources(request: Request) -> list[dict]:
    return wb.source_records(case_of(request))


@router.get("/sources/{source_id}", responses=ERRORS)
def get_source(request: Request, source_id: str) -> dict:
    """The source's metadata, its text in pieces with the claims and mentions covering each."""
    return wb.source_view(case_of(request), source_id)


@router.get("/entities", responses=ERRORS)
def list_entities(request: Request) -> list[dict]:
    return wb.entity_records(case_of(request))


@router.get("/entities/{entity}/profile", responses=ERRORS)
def profile(request: Request, entity: str) -> dict:
    """The biography of the entity with this id or name."""
    return wb.profile_record(case_of(request), entity)


@router.post("/entities/merge", responses=ERRORS)
def merge(request: Request, body: Names) -> dict:
    """Tell the resolver the two names denote one entity."""
    return wb.add_curation(case_of(request), "merge", body.name, body.other)


@router.post("/entities/split", responses=ERRORS)
def split(request: Request, body: Names) -> dict:
    """Tell the resolver the two names must be kept apart."""
    return wb.add_curation(case_of(request), "split", body.name, body.other)


# --- analysis --------------------------------------------------------------------------

@router.get("/chronology", responses=ERRORS)
def chronology(request: Request, actor: str | None = Query(None, max_length=500),
               track: str | None = Query(None, max_length=100),
               start: str | None = Query(None, alias="from", max_length=100),
               end: str | None = Query(None, alias="to", max_length=100)) -> list[dict]:
    """Events ordered by their time spans (as `collingwood chronology --format json`)."""
    return wb.chronology_records(case_of(request), actor, track, start, end)


@router.get("/graph", responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}, **ERRORS},
            response_class=Response)
def graph(request: Request, at: str | None = Query(None, max_length=100),
          start: str | None = Query(None, alias="from", max_length=100),
          end: str | None = Query(None, alias="to", max_length=100),
          min_strength: float = Query(0.0, ge=0, le=1000)) -> Response:
    """The affinity graph (as `collingwood graph --format json`), each edge with its sources.
    Sent as the JSON encoded once per state of the case (a large graph is not encoded again
    for every request)."""
    return Response(wb.graph_json_bytes(case_of(request), at, start, end, min_strength), media_type="application/json")


@router.get("/findings", responses=ERRORS)
def findings(request: Request) -> list[dict]:
    return wb.finding_records(case_of(request))


@router.put("/findings/{finding_id}/verdict", responses=ERRORS)
def verdict(request: Request, finding_id: str, body: Verdict) -> dict:
    return wb.set_verdict(case_of(request), finding_id, body.verdict, body.note)


@router.get("/witnesses", responses=ERRORS)
def witnesses(request: Request) -> list[dict]:
    return wb.witness_records(case_of(request))


@router.put("/witnesses/{witness}/judgment", responses=ERRORS)
def judge(request: Request, witness: str, body: Override) -> dict:
    """Override the machine's grade of a witness, or its reading of one statement."""
    return wb.add_judgment(case_of(request), witness, body.target, body.value, body.note)


@router.get("/questions", responses=ERRORS)
def questions(request: Request) -> list[dict]:
    return wb.question_records(case_of(request))


@router.get("/hypotheses", responses=ERRORS)
def hypotheses(request: Request) -> list[dict]:
    """Each question's matrix and ranking (as `collingwood hypotheses --json`)."""
    return wb.matrix_records(case_of(request))


@router.put("/hypotheses/rating", responses=ERRORS)
def rate(request: Request, body: Rating) -> dict:
    return wb.rate(case_of(request), body.question, body.hypothesis, body.evidence, body.rating, body.note)


# --- audit -----------------------------------------------------------------------------

@router.get("/audit", responses=ERRORS)
def audit(request: Request, limit: int = Query(500, ge=1, le=10000)) -> list[dict]:
    """Every change, newest first: who, when, what, before and after; `undoable` ones can be undone."""
    return wb.audit_log(case_of(request), limit)


@router.post("/audit/{audit_id}/undo", responses=ERRORS)
def undo(request: Request, audit_id: int = Path(ge=1, le=2**62)) -> dict:
    return wb.undo(case_of(request), audit_id)
