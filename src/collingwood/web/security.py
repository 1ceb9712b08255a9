"""The workbench's guard: who may talk to it, from where, and what its pages may do.

* The server binds 127.0.0.1 unless told otherwise; a request must name the bound host:port
  (or a loopback form of it) in its Host header: a page on another site that points a DNS name
  at 127.0.0.1 (DNS rebinding) is refused.
* A request that carries an Origin (every cross-site fetch and form post does) must come from
  the workbench itself.
* The token printed at start is exchanged once, at ``/?token=...``, for an HttpOnly,
  SameSite=Strict session cookie, and the browser is redirected to the same page without it.
  Scripts use ``Authorization: Bearer TOKEN`` instead. Without either: 401.
* A change (POST, PUT, PATCH, DELETE) made with the cookie must carry the session's CSRF token
  in the ``X-CSRF-Token`` header (the pages read it from their ``<meta name="csrf-token">``).
* Every response carries a strict Content-Security-Policy (no inline script, nothing from
  elsewhere), and is never framed or sniffed.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

COOKIE = "collingwood_session"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "no-store",
}


@dataclass
class Guard:
    host: str
    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    exchanged: bool = False
    sessions: dict[str, str] = field(default_factory=dict)      # session id -> its CSRF token
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def hosts(self) -> set[str]:
        """The Host header values the workbench answers to."""
        names = {self.host, "127.0.0.1", "localhost", "[::1]"} if self.is_loopback else {self.host}
        return {f"{n}:{self.port}" for n in names} | ({*names} if self.port == 80 else set())

    @property
    def is_loopback(self) -> bool:
        return self.host in ("127.0.0.1", "localhost", "::1", "[::1]") or self.host.startswith("127.")

    @property
    def origins(self) -> set[str]:
        return {f"http://{h}" for h in self.hosts}

    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"http://{host}:{self.port}/?token={self.token}"

    def host_ok(self, host: str | None) -> bool:
        return bool(host) and host.lower() in self.hosts

    def origin_ok(self, origin: str | None) -> bool:
        if origin is None:
            return True
        parts = urlsplit(origin)
        return f"{parts.scheme}://{parts.netloc}".lower() in self.origins

    def bearer_ok(self, header: str | None) -> bool:
        if not header or not header.lower().startswith("bearer "):
            return False
        return hmac.compare_digest(header[7:].strip().encode(), self.token.encode())

    def exchange(self, token: str | None) -> str | None:
        """The URL's token, once, for a new session id; None when wrong or already used."""
        if not token or not hmac.compare_digest(token.encode(), self.token.encode()):
            return None
        with self._lock:
            if self.exchanged:
                return None
            self.exchanged = True
            sid = secrets.token_urlsafe(32)
            self.sessions[sid] = secrets.token_urlsafe(32)
            return sid

    def csrf_of(self, session: str | None) -> str | None:
        return self.sessions.get(session) if session else None

    def csrf_ok(self, session: str | None, sent: str | None) -> bool:
        want = self.csrf_of(session)
        return bool(want and sent) and hmac.compare_digest(want.encode(), sent.encode())
