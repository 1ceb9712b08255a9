"""`collingwood serve CASE`: the web workbench on this machine (docs/web.md)."""

from __future__ import annotations

import socket
import sys

import typer

from ..errors import ConfigError
from .app import CASE_HELP, Case, app, handles_errors_collecting


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as e:
        sock.close()
        raise ConfigError(f"Can't listen on {host}:{port}: {e.strerror or e}; choose another --port.") from e
    sock.listen(128)
    return sock


@app.command()
@handles_errors_collecting
def serve(case: str = typer.Argument(..., help=CASE_HELP),
          host: str = typer.Option("127.0.0.1", help="The address to listen on (loopback unless you mean it)."),
          port: int = typer.Option(8765, help="The port (0: any free one)."),
          no_browser: bool = typer.Option(False, "--no-browser", help="Don't open a browser.")):
    """Curate the case in the browser: pages and a REST API, every change audited.

    The first line printed is `Serving <case> at http://HOST:PORT/?token=TOKEN`."""
    import uvicorn

    from ..web import Guard, create_app
    if not 0 <= port <= 65535:
        raise ConfigError(f"--port {port} is not a port (0-65535).")
    c = Case.open(case)
    sock = _bind(host, port)
    guard = Guard(host=host, port=sock.getsockname()[1])
    print(f"Serving {c.label} at {guard.url()}", flush=True)
    print("Press Ctrl+C to stop. The link works once; scripts send `Authorization: Bearer TOKEN`.",
          file=sys.stderr, flush=True)
    if not no_browser:
        import webbrowser
        webbrowser.open(guard.url())
    config = uvicorn.Config(create_app(c, guard), log_level="warning", access_log=False,
                            proxy_headers=False, server_header=False, timeout_graceful_shutdown=2)
    uvicorn.Server(config).run(sockets=[sock])
