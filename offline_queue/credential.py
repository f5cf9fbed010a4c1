"""How this terminal proves itself to the hub, for every client that talks to it (delivery,
probe, status look-ups, the video call's signalling).

An enrolled terminal presents its device certificate in the TLS handshake (mutual TLS) and
trusts only the hub's own CA (``provisioning.identity``); a terminal set up before enrolment
existed sends its bearer credential until it is enrolled. Either way, one value says which,
and each client's HTTP session or TLS context is made from it in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wire.api import parse_bearer_token

if TYPE_CHECKING:
    import ssl

    import requests

USER_AGENT = "point-of-public-terminal/1"


@dataclass(frozen=True)
class Credential:
    #: The terminal the credential names (None: a token not shaped like one; the hub refuses).
    terminal_id: str | None
    #: ``<terminal id>.<secret>`` of a terminal not enrolled yet ("" when enrolled).
    token: str = ""
    #: The device certificate, its key and the hub's CA (enrolled terminals).
    certificate: Path | None = None
    key: Path | None = None
    hub_ca: Path | None = None

    @classmethod
    def bearer(cls, token: str) -> Credential:
        parsed = parse_bearer_token(token)
        return cls(parsed[0] if parsed else None, token=token)

    @classmethod
    def device(cls, terminal_id: str, certificate: Path, key: Path, hub_ca: Path) -> Credential:
        return cls(terminal_id, certificate=certificate, key=key, hub_ca=hub_ca)

    @property
    def mutual_tls(self) -> bool:
        return self.certificate is not None

    def session(self) -> requests.Session:
        """An HTTP session that presents this credential (and trusts only the hub's CA when
        enrolled). The environment's proxy settings are for people's browsers, not for the
        terminal: ignored."""
        import requests

        http = requests.Session()
        http.trust_env = False
        http.headers["User-Agent"] = USER_AGENT
        if self.token:
            http.headers["Authorization"] = f"Bearer {self.token}"
        if self.certificate is not None and self.key is not None:
            http.cert = (str(self.certificate), str(self.key))
        if self.hub_ca is not None:
            http.verify = str(self.hub_ca)
        return http

    def headers(self) -> dict[str, str]:
        """Headers for a client that is not a requests session (the call's WebSocket)."""
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def ssl_context(self) -> ssl.SSLContext | None:
        """The TLS context for a ``wss://`` connection (None: the system's defaults)."""
        if self.certificate is None or self.key is None:
            return None
        import ssl

        context = ssl.create_default_context(
            cafile=str(self.hub_ca) if self.hub_ca is not None else None
        )
        context.load_cert_chain(self.certificate, self.key)
        return context
