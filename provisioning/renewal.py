"""Renewing the device certificate before it expires, with the certificate itself.

The hub issues certificates for 30 days; the terminal asks for a new one when a third of
that is left (:data:`RENEW_WHEN_LEFT`), over its mutual-TLS connection, so a terminal that is
online now and then never lapses. One that was offline past the expiry cannot renew (the hub
refuses its handshake) and needs its technician to enrol it again.
"""

from __future__ import annotations

import datetime as dt
import logging

from provisioning.identity import DeviceIdentity
from wire.enrolment import RENEWAL_PATH

log = logging.getLogger(__name__)

RENEW_WHEN_LEFT = dt.timedelta(days=10)
TIMEOUT_S = 20.0


class RenewalError(Exception):
    pass


def renewal_due(identity: DeviceIdentity, now: dt.datetime) -> bool:
    """Enrolled, and the certificate has less than :data:`RENEW_WHEN_LEFT` left (or has
    expired: then the attempt tells the technician what is wrong)."""
    expires = identity.expires() if identity.enrolled else None
    return expires is not None and expires - now < RENEW_WHEN_LEFT


def renew(identity: DeviceIdentity) -> dt.datetime:
    """Ask the hub for a new certificate over the same key; keep it. Its expiry, or
    :class:`RenewalError` in words."""
    import requests

    enrolment = identity.enrolment()
    if enrolment is None or not identity.enrolled:
        raise RenewalError("this terminal is not enrolled")
    url = enrolment.terminal_url + RENEWAL_PATH.format(terminal_id=enrolment.terminal_id)
    try:
        with requests.Session() as http:
            http.trust_env = False
            answer = http.post(
                url,
                json={"csr": identity.signing_request()},
                cert=(str(identity.cert_file), str(identity.key_file)),
                verify=str(identity.ca_file),
                timeout=TIMEOUT_S,
                allow_redirects=False,
            )
    except requests.RequestException as exc:
        raise RenewalError(f"the hub cannot be reached ({type(exc).__name__})") from None
    except (OSError, ValueError) as exc:  # the key or certificate file unreadable, damaged
        raise RenewalError(f"the device identity cannot be used ({type(exc).__name__})") from None
    try:
        body = answer.json()
    except ValueError:
        body = None
    if answer.status_code != 201 or not isinstance(body, dict):
        detail = body.get("detail") if isinstance(body, dict) else None
        raise RenewalError(str(detail or f"the hub refused (HTTP {answer.status_code})"))
    try:
        identity.replace_certificate(body["certificate"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RenewalError(f"the hub's answer cannot be used ({exc})") from None
    expires = identity.expires()
    assert expires is not None
    log.info("device certificate renewed, valid until %s", f"{expires:%Y-%m-%d}")
    return expires
