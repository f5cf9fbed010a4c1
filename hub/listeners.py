"""The hub's TLS listeners: one for people's browsers (clerks, citizens' status page) and for
enrolling terminals, one for enrolled terminals with mutual TLS.

Both serve the same application in one process (one call desk, one store). The terminals'
listener asks every client for a device certificate of the hub's CA and refuses the handshake
without one, with another CA's, an expired or a revoked one (``hub.pki.server_context``). The
certificate that passed reaches the application in the ASGI scope
(``scope["extensions"]["tls"]["client_cert_der"]``), as the ASGI TLS extension names it:
uvicorn does not fill that in itself, so each connection's protocol puts it there.

The revocation list is taken in again when ``crl.pem`` changes (a technician revoked a
terminal from the command line) and signed anew before it would expire.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import ssl
from collections.abc import Awaitable, Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from hub.pki import CRL_FILE, CertificateAuthority, reload_revocations, server_context

if TYPE_CHECKING:
    import uvicorn

    from hub.store import Store

log = logging.getLogger(__name__)

#: How often the terminals' listener looks whether the revocation list changed.
CRL_CHECK_S = 5.0
#: How often the revocation list is signed anew (it stays valid for CRL_LIFETIME) and the
#: hub's own certificate looked at.
RESIGN_EVERY_S = 24 * 3600.0
#: How long an idle connection stays open. A terminal that reports more often than this keeps
#: its connection, and its heartbeat costs no TLS handshake — the handshake is most of what a
#: report costs the hub (bench/heartbeat.py): kept, one process holds far more terminals.
TERMINAL_KEEP_ALIVE_S = 75
WEB_KEEP_ALIVE_S = 5
#: How long a stopping hub waits for open connections to finish.
SHUTDOWN_GRACE_S = 5

Scope = MutableMapping[str, Any]
App = Callable[[Scope, Any, Any], Awaitable[None]]


def client_certificate_der(scope: Scope) -> bytes | None:
    """The verified client certificate of the connection (DER), or None (the browsers'
    listener, or a plain-HTTP hub behind a proxy)."""
    tls = scope.get("extensions", {}).get("tls") or {}
    der = tls.get("client_cert_der")
    return der if isinstance(der, bytes) else None


def _with_peer_certificate(base: type[asyncio.Protocol]) -> type[asyncio.Protocol]:
    """``base`` (a uvicorn protocol class) that puts the connection's client certificate into
    each request's scope."""

    class PeerCertificateProtocol(base):  # type: ignore[valid-type, misc]
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            ssl_object = transport.get_extra_info("ssl_object")
            der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
            app: App = self.app  # type: ignore[has-type]  # (set by uvicorn's __init__)

            async def with_certificate(scope: Scope, receive: Any, send: Any) -> None:
                extensions = dict(scope.get("extensions") or {})
                extensions["tls"] = {**(extensions.get("tls") or {}), "client_cert_der": der}
                await app({**scope, "extensions": extensions}, receive, send)

            self.app = with_certificate
            super().connection_made(transport)

    return PeerCertificateProtocol


@dataclass(frozen=True)
class Listeners:
    host: str
    #: People's browsers and enrolment (no client certificate asked for).
    port: int
    #: Enrolled terminals (mutual TLS).
    terminal_port: int
    #: The names terminals and browsers reach the hub by (its certificate's names).
    names: tuple[str, ...]


def serve(
    app: Any, ca: CertificateAuthority, store: Store, listeners: Listeners, **options: Any
) -> None:
    """Run both listeners until the process is told to stop (SIGINT, SIGTERM)."""
    import uvicorn

    # Signed anew first: a list left from before a long stop may have expired, and OpenSSL
    # would refuse every terminal with it.
    refresh_revocations(ca, store)
    web_context = server_context(ca, listeners.names, clients=False)
    terminal_context = server_context(ca, listeners.names, clients=True)

    _more_files()
    _lean_tls_buffers()

    def configured(
        port: int, context: ssl.SSLContext, lifespan: Literal["on", "off"], keep_alive_s: int
    ) -> uvicorn.Config:
        config = uvicorn.Config(
            app,
            host=listeners.host,
            port=port,
            http="h11",
            lifespan=lifespan,
            timeout_keep_alive=keep_alive_s,
            ssl_context_factory=lambda _config, _default: context,
            # A connection whose handshake was refused may linger half-closed: shutting
            # down does not wait for it for ever.
            timeout_graceful_shutdown=SHUTDOWN_GRACE_S,
            **options,
        )
        config.load()
        config.http_protocol_class = _with_peer_certificate(config.http_protocol_class)
        if config.ws_protocol_class is not None:
            config.ws_protocol_class = _with_peer_certificate(config.ws_protocol_class)
        return config

    class Server(uvicorn.Server):
        # Each server would take SIGINT/SIGTERM for itself; one handler stops both instead.
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    # The application's start-up and shut-down run once, with the browsers' listener.
    web = Server(configured(listeners.port, web_context, "on", WEB_KEEP_ALIVE_S))
    terminals = Server(
        configured(listeners.terminal_port, terminal_context, "off", TERMINAL_KEEP_ALIVE_S)
    )

    async def both() -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, _stop, web, terminals)
        watcher = asyncio.create_task(
            _watch(ca, store, listeners.names, terminal_context, web_context)
        )
        try:
            await asyncio.gather(web.serve(), terminals.serve())
        finally:
            watcher.cancel()

    _fewer_full_collections()
    asyncio.run(both())


def _stop(*servers: uvicorn.Server) -> None:
    for server in servers:
        server.should_exit = True


def refresh_revocations(ca: CertificateAuthority, store: Store) -> None:
    """Sign the revocation list anew from the store (every revoked certificate not expired)."""
    import time

    from hub.enrolment import revocations_changed

    revocations_changed(store, ca, time.time())


async def _watch(
    ca: CertificateAuthority,
    store: Store,
    names: tuple[str, ...],
    terminal_context: ssl.SSLContext,
    web_context: ssl.SSLContext,
) -> None:
    """Take a changed ``crl.pem`` into the running terminals' listener (a technician revoked
    a terminal from the command line); once a day sign the list anew and renew the hub's own
    server certificate when a month is left (both listeners take it for new connections)."""
    loop = asyncio.get_running_loop()
    path = ca.folder / CRL_FILE
    seen = path.stat().st_mtime_ns
    daily = loop.time()
    while True:
        await asyncio.sleep(CRL_CHECK_S)
        try:
            if loop.time() - daily > RESIGN_EVERY_S:
                daily = loop.time()
                await asyncio.to_thread(refresh_revocations, ca, store)
                cert_file, key_file = await asyncio.to_thread(ca.server_files, names)
                for context in (terminal_context, web_context):
                    context.load_cert_chain(cert_file, key_file)
            mtime = path.stat().st_mtime_ns
            if mtime != seen:
                seen = mtime
                reload_revocations(terminal_context, ca)
                log.info("revocation list taken in")
        except Exception as exc:  # noqa: BLE001 - the watch must go on: an old list locks out
            log.error("revocation list or server certificate not renewed: %s", exc)


def names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v.strip()))


#: Each TLS connection's buffer for what arrives from the socket. asyncio's own (256 KiB,
#: filled with zeros at every connection) made ten thousand terminals keeping their connections
#: cost the hub 3 GB; a TLS record is at most 16 KiB, so this reads four at a time.
TLS_READ_BUFFER = 64 * 1024
#: How many collections of the middle generation come before the whole heap is looked
#: through (Python's default: 10).
FULL_COLLECTION_AFTER = 1000


def _lean_tls_buffers() -> None:
    from asyncio import sslproto

    sslproto.SSLProtocol.max_size = TLS_READ_BUFFER


def _fewer_full_collections() -> None:
    """Fewer full garbage collections: each one stops the hub for as long as it takes to look
    at every object, and with ten thousand terminals connected that is 0.3–0.6 s. A kept
    connection leaves a timer that lives until its keep-alive ends, so by Python's default a
    busy hub ran one every 15 s and held every answer meanwhile (bench/heartbeat.py). What
    is alive when the hub starts serving (the application, its modules) is never looked at
    again; young garbage is collected as before."""
    import gc

    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_AFTER)


def _more_files() -> None:
    """As many open files as the system lets this process have: each terminal keeping its
    connection holds one (the usual soft limit of 1024 would refuse the thousandth)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
