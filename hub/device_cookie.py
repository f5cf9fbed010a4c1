"""Device cookies: a clerk's browser that logged in before is not locked out by strangers.

OWASP's answer to lockout by guessing ("Slow Brute Force Protection Using Device Cookies"):
wrong guesses at an account use up the account's bucket for every *untrusted* client, but a
browser that carries a device cookie for that account is counted only on its own bucket.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

from joserfc.jwk import RSAKey

from hub.at_rest import derive_secret

COOKIE = "pop_device"
_INFO = b"point-of-public hub device cookies v1"


#: How long a device stays trusted for an account after a successful login there.
DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 3600


class DeviceCookies:
    """OWASP's "device cookies" against lockout by guessing: a browser in which a clerk has
    logged in carries a signed cookie naming the account; its login attempts are not counted
    against the account (only against the device itself), so a stranger's wrong guesses,
    which use up the account's bucket, do not lock the real clerk out.

    Value: ``v1.<account, base64url>.<device id>.<issued at>.<HMAC-SHA256, base64url>`` under
    a secret derived from the hub key. Nothing is stored: a cookie is valid while its
    signature holds and it is younger than :data:`DEVICE_COOKIE_MAX_AGE_S`.
    """

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    @classmethod
    def from_key(cls, hub_key: RSAKey) -> DeviceCookies:
        return cls(derive_secret(hub_key, _INFO))

    def _mac(self, payload: str) -> str:
        digest = hmac.new(self._secret, payload.encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def issue(self, account: str, now: float | None = None) -> str:
        name = base64.urlsafe_b64encode(account.encode("utf-8")).decode("ascii").rstrip("=")
        issued = int(time.time() if now is None else now)
        payload = f"v1.{name}.{secrets.token_urlsafe(16)}.{issued}"
        return f"{payload}.{self._mac(payload)}"

    def device(self, cookie: str | None, account: str, now: float | None = None) -> str | None:
        """The device id if ``cookie`` is a valid device cookie for ``account``, else None."""
        if not cookie or len(cookie) > 400 or not cookie.isascii():
            return None
        payload, _, mac = cookie.rpartition(".")
        parts = payload.split(".")
        if len(parts) != 4 or parts[0] != "v1" or not parts[3].isdigit():
            return None
        if not hmac.compare_digest(self._mac(payload), mac):
            return None
        try:
            name = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)).decode("utf-8")
        except ValueError:
            return None
        age = (time.time() if now is None else now) - int(parts[3])
        if name != account or not -300 <= age <= DEVICE_COOKIE_MAX_AGE_S:
            return None
        return parts[2]
