"""The ICE servers the hub hands to both ends of a call: STUN and TURN with time-limited
credentials in coturn's REST-API scheme (``use-auth-secret`` with ``static-auth-secret``):
the user name is ``<expiry unix time>:<who>``, the password the base64 of its HMAC-SHA1 under
the shared secret. coturn checks both without asking the hub; a leaked pair expires by itself.

With nothing configured the list is empty, and both ends use only their own addresses: a
terminal never falls back to a public STUN server of a third party (aiortc would, given None).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TurnSettings:
    #: ``stun:``/``turn:``/``turns:`` URLs, e.g. ``turn:turn.example.org:3478?transport=udp``
    #: and ``turns:turn.example.org:443?transport=tcp`` for networks that block UDP.
    urls: tuple[str, ...] = ()
    #: coturn's ``static-auth-secret``; empty: the URLs are handed out without credentials.
    secret: str = ""
    #: How long a credential lasts (a call that runs longer keeps its allocation).
    ttl_s: int = 6 * 3600
    #: Both ends send media only through the TURN server (never directly): for networks where
    #: the town hall wants every call through its own relay.
    relay_only: bool = False

    @property
    def ice_policy(self) -> str:
        return "relay" if self.relay_only and self.urls else "all"


def ice_servers(settings: TurnSettings, who: str, now: float | None = None) -> list[dict[str, Any]]:
    if not settings.urls:
        return []
    server: dict[str, Any] = {"urls": list(settings.urls)}
    if settings.secret:
        expires = int((time.time() if now is None else now) + settings.ttl_s)
        username = f"{expires}:{who.replace(':', '_')}"
        digest = hmac.new(settings.secret.encode(), username.encode(), hashlib.sha1).digest()
        server["username"] = username
        server["credential"] = base64.b64encode(digest).decode("ascii")
    return [server]
