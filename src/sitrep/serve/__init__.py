"""``sitrep serve``: the web UI and JSON API on localhost (needs the ``web`` extra).

Starlette and uvicorn are imported only when the server starts, with an install hint when they
are missing (``pip install 'sitrep[web]'``).
"""

from __future__ import annotations

import os
from typing import Any

from sitrep.errors import UsageError, require

__all__ = ["app_from_env", "make_app", "run", "server_config"]

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def make_app(db: str, token: str | None = None, **kw: Any) -> Any:
    """The ASGI application over the store at ``db`` (read-only unless ``token`` is given)."""
    require("starlette", "web")
    from sitrep.serve.app import create_app

    return create_app(db, token=token or None, **kw)


def server_config(app: Any, host: str = "127.0.0.1", port: int = 8765, **kw: Any) -> Any:
    """uvicorn settings shared by ``sitrep serve``, the tests and the benchmark."""
    require("uvicorn", "web")
    import uvicorn

    options: dict[str, Any] = {
        "log_level": "warning",
        "server_header": False,
        "proxy_headers": False,
        "h11_max_incomplete_event_size": 16 * 1024,  # request line + headers
        "limit_concurrency": 200,
        "timeout_keep_alive": 5,
    }
    options.update(kw)
    return uvicorn.Config(app, host=host, port=port, **options)


def app_from_env() -> Any:
    """Factory for multi-worker uvicorn: the settings travel in SITREP_SERVE_* variables."""
    return make_app(os.environ["SITREP_SERVE_DB"], os.environ.get("SITREP_SERVE_TOKEN") or None)


def run(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8765,
    token: str | None = None,
    workers: int = 1,
    allow_remote: bool = False,
    log_level: str = "warning",
) -> None:
    """Serve until interrupted. Binding beyond loopback needs ``allow_remote`` (and is read-only
    unless a token is set)."""
    if host not in LOOPBACK and not allow_remote:
        raise UsageError(
            f"refusing to bind to {host}: the server is meant for this machine; pass --allow-remote to expose it"
        )
    require("uvicorn", "web")
    import uvicorn

    if workers > 1:
        os.environ["SITREP_SERVE_DB"] = db
        os.environ["SITREP_SERVE_TOKEN"] = token or ""
        make_app(db, token)  # fail fast on a bad database before forking workers
        uvicorn.run(
            "sitrep.serve:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=log_level,
            server_header=False,
            proxy_headers=False,
        )
    else:
        uvicorn.run(
            make_app(db, token),
            host=host,
            port=port,
            log_level=log_level,
            server_header=False,
            proxy_headers=False,
        )
