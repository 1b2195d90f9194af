"""``sitrep serve``: the web UI and JSON API on localhost (needs the ``web`` extra).

Starlette and uvicorn are imported only when the server starts, with an install hint when they
are missing (``pip install 'sitrep[web]'``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from typing import Any

from sitrep.config import default
from sitrep.errors import UsageError, require

__all__ = ["make_app", "run", "server_config"]

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def make_app(db: str, token: str | None = None, **kw: Any) -> Any:
    """The ASGI application over the store at ``db`` (read-only unless ``token`` is given)."""
    require("starlette", "web")
    from sitrep.serve.app import create_app

    return create_app(db, token=token or None, **kw)


def server_config(app: Any, host: str = default("host"), port: int = default("port"), **kw: Any) -> Any:
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


def _bind(host: str, port: int, reuse_port: bool = False) -> socket.socket:
    """A listening TCP socket, created with IPPROTO_TCP explicitly.

    (A socket made with protocol 0, as uvicorn's multi-worker supervisor makes it, hands asyncio
    connections without TCP_NODELAY: every small keep-alive response then waits ~40 ms for a
    delayed ACK. SO_REUSEPORT lets each worker process listen on the same port.)
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    sock.set_inheritable(True)
    return sock


def _worker(db: str, token: str | None, host: str, port: int, log_level: str, hosts: tuple[str, ...]) -> None:
    """One process of ``--workers N``: its own socket on the shared port."""
    import threading
    import time

    import uvicorn

    parent = os.getppid()

    def watch_parent() -> None:  # exit with the supervisor, however it ended
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch_parent, daemon=True).start()
    sock = _bind(host, port, reuse_port=True)
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(server_config(make_app(db, token, allowed_hosts=hosts), host, port, log_level=log_level)).run(
            sockets=[sock]
        )


WILDCARD = ("0.0.0.0", "::", "")


def host_names(host: str, allow_hosts: Sequence[str] = ()) -> tuple[str, ...]:
    """The ``Host`` names the server answers besides the loopback ones: the address it binds to,
    this machine's names when it binds to every address, and the ones the operator allows."""
    names = [host] if host not in WILDCARD else []
    if host in WILDCARD:
        with contextlib.suppress(OSError):
            names += [socket.gethostname(), socket.getfqdn()]
    return tuple(dict.fromkeys([*names, *allow_hosts]))


def check_bind(host: str, allow_remote: bool) -> None:
    """Binding beyond loopback is refused unless asked for (a usage error, checked before anything else)."""
    if host not in LOOPBACK and not allow_remote:
        raise UsageError(
            f"refusing to bind to {host}: the server is meant for this machine; pass --allow-remote to expose it"
        )


def run(
    db: str,
    host: str = default("host"),
    port: int = default("port"),
    token: str | None = None,
    workers: int = 1,
    allow_remote: bool = False,
    log_level: str = "warning",
    allow_hosts: Sequence[str] = (),
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve until interrupted. Binding beyond loopback needs ``allow_remote`` (and is read-only
    unless a token is set).

    ``allow_hosts``: extra ``Host`` header names to answer (``"*"``: any); the loopback names, the
    bound address and, on a wildcard address, this machine's names are always answered.
    ``announce``: called with each line for the user (the banner, warnings) once the checks pass.
    """
    check_bind(host, allow_remote)
    require("uvicorn", "web")
    import uvicorn

    hosts = host_names(host, allow_hosts)
    say = announce or (lambda line: None)

    def banner() -> None:
        shown = f"[{host}]" if ":" in host else host
        say(f"sitrep serve: http://{shown}:{port}/ (database {db}; {'writable with token' if token else 'read-only'})")
        if token and host not in LOOPBACK:
            say("warning: the write token travels over plain HTTP, readable by anyone on the network path; "
                "put a TLS proxy in front of sitrep serve or keep it on loopback")

    if workers <= 1:
        app = make_app(db, token, allowed_hosts=hosts)  # a bad database fails here, before the banner
        sock = _bind(host, port)  # and a port already taken
        banner()
        with contextlib.suppress(KeyboardInterrupt):
            uvicorn.Server(server_config(app, host, port, log_level=log_level)).run(sockets=[sock])
        return
    make_app(db, token)  # fail fast on a bad database before starting workers
    _bind(host, port, reuse_port=True).close()  # and on a port already taken
    banner()
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_worker, args=(db, token, host, port, log_level, hosts)) for _ in range(workers)]
    for p in procs:
        p.start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        for p in procs:
            p.join()
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.join(timeout=10)
