"""The FastAPI application of `collingwood serve`: the guard, the error shape, the routes."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..case import Case
from ..errors import CollingwoodError
from .security import COOKIE, CSRF_HEADER, HEADERS, SAFE_METHODS, Guard

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("collingwood.web")


def problem(status: int, code: str, message: str) -> JSONResponse:
    """The one error shape of the API (the CLI's `--json` errors have the same)."""
    return JSONResponse({"ok": False, "error": message, "code": code, "status": status}, status_code=status)


def create_app(case: Case, guard: Guard) -> FastAPI:
    from . import api, pages
    app = FastAPI(title="Collingwood workbench", version="1",
                  description="The REST API of `collingwood serve`: the same rules as the pages. "
                              "Authenticate with `Authorization: Bearer TOKEN` (the token printed at start).",
                  docs_url=None, redoc_url=None)      # the interactive docs load scripts from a CDN: none here
    app.state.case = case
    case.incremental = True      # keep each analysis run's memory: an edit re-analyses incrementally
    app.state.guard = guard

    @app.middleware("http")
    async def guard_requests(request: Request, call_next):
        response = await _check(request, guard) or await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(CollingwoodError)
    async def coded(_request: Request, e: CollingwoodError):
        return problem(e.http_status if e.http_status < 500 or e.code == "case-busy" else 500, e.code, e.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, e: RequestValidationError):
        said = "; ".join(f"{'.'.join(str(p) for p in err.get('loc', ()) if p != 'body') or 'body'}: {err.get('msg')}"
                         for err in e.errors()[:5])
        return problem(422, "bad-request", f"The request is not valid: {said}.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, e: StarletteHTTPException):
        return problem(e.status_code, {404: "E404", 405: "method-not-allowed"}.get(e.status_code, "http"),
                       str(e.detail))

    @app.exception_handler(Exception)
    async def internal(_request: Request, e: Exception):
        log.exception("internal error")
        return problem(500, "E000", f"Internal error ({type(e).__name__}); the server log has the details.")

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


async def _check(request: Request, guard: Guard) -> Response | None:
    """Refuse what the guard refuses (docs in `security`); None lets the request through."""
    if not guard.host_ok(request.headers.get("host")):
        return problem(400, "bad-host", "This workbench answers only to its own address "
                                        f"({sorted(guard.hosts)[0]}); the Host header names another.")
    origin = request.headers.get("origin")
    if not guard.origin_ok(origin) or request.headers.get("sec-fetch-site") == "cross-site":
        return problem(403, "bad-origin", "Requests from other sites are refused.")
    session = request.cookies.get(COOKIE)
    if guard.bearer_ok(request.headers.get("authorization")):
        request.state.session = None
        return None
    token = request.query_params.get("token")
    if token is not None and request.method == "GET":
        sid = guard.exchange(token)
        if sid is None:
            if guard.csrf_of(session):            # already signed in: just drop the token from the URL
                return RedirectResponse(request.url.remove_query_params("token").path or "/", status_code=303)
            return problem(401, "bad-token", "This link's token is wrong or was already used; "
                                             "restart `collingwood serve` for a new link.")
        back = request.url.remove_query_params("token")
        target = back.path + (f"?{back.query}" if back.query else "")
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(COOKIE, sid, httponly=True, samesite="strict", path="/")
        return response
    if not guard.csrf_of(session):
        return problem(401, "unauthorised", "Open the link `collingwood serve` printed, or send "
                                            "`Authorization: Bearer TOKEN`.")
    request.state.session = session
    if request.method not in SAFE_METHODS and not guard.csrf_ok(session, request.headers.get(CSRF_HEADER)):
        return problem(403, "csrf", "A change needs the page's CSRF token in the X-CSRF-Token header.")
    return None
