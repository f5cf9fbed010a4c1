"""Enrolling this terminal with the hub: from the technician's invitation (typed, or read from
its QR code) to a device certificate, in two requests.

1. The hub's CA certificate is fetched and its SHA-256 compared with the invitation's
   fingerprint. That first request carries nothing secret; if the fingerprint differs, nothing
   more is sent (a wrong address, or someone in between) and the code stays unspent.
2. From then on that CA is the only one trusted: the code and a signing request over the
   terminal's own key go to the hub, which answers with the certificate.

Every refusal comes back as :class:`EnrolmentError` in words a technician can act on.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import warnings
from pathlib import Path
from typing import Any

from provisioning.identity import DeviceIdentity, Enrolment
from wire.enrolment import CA_PATH, ENROLMENT_PATH, Invitation

log = logging.getLogger(__name__)

TIMEOUT_S = 20.0
#: A CA certificate is a kilobyte or two; more is not a CA certificate.
MAX_CA_BYTES = 64 * 1024


class EnrolmentError(Exception):
    pass


def enrol(invitation: Invitation, identity: DeviceIdentity) -> Enrolment:
    """Enrol with the hub the invitation names; the identity keeps what it issued."""
    import requests
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from urllib3.exceptions import HTTPError, InsecureRequestWarning

    http = requests.Session()
    http.trust_env = False  # no proxy or .netrc from the environment: as every terminal client
    try:
        # Not verified yet: nothing secret goes out, and what comes back is checked below.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InsecureRequestWarning)
            answer = http.get(
                invitation.hub_url + CA_PATH,
                timeout=TIMEOUT_S,
                verify=False,
                allow_redirects=False,
                stream=True,
            )
            content = answer.raw.read(MAX_CA_BYTES + 1, decode_content=True)
            answer.close()
    except (requests.RequestException, HTTPError, OSError) as exc:
        http.close()
        where = invitation.hub_url
        raise EnrolmentError(f"the hub cannot be reached at {where} ({_why(exc)})") from None
    try:
        if len(content) > MAX_CA_BYTES:
            raise ValueError("too large")
        ca = x509.load_pem_x509_certificate(content)
    except ValueError:
        http.close()
        raise EnrolmentError(
            "the hub sent no CA certificate: is this a Point of Public hub?"
        ) from None
    fingerprint = hashlib.sha256(ca.public_bytes(serialization.Encoding.DER)).hexdigest()
    if answer.status_code != 200 or fingerprint != invitation.ca_sha256:
        http.close()
        raise EnrolmentError(
            "the hub's certificate does not match the invitation: not the right hub (or "
            "someone in between). Nothing was sent; the code is still valid."
        )
    ca_pem = ca.public_bytes(serialization.Encoding.PEM).decode("ascii")
    with tempfile.NamedTemporaryFile("w", suffix=".pem", delete=False) as trusted:
        trusted.write(ca_pem)
    try:
        answer = http.post(
            invitation.hub_url + ENROLMENT_PATH,
            json={"code": invitation.code, "csr": identity.signing_request()},
            timeout=TIMEOUT_S,
            verify=trusted.name,
            allow_redirects=False,
        )
    except requests.RequestException as exc:
        raise EnrolmentError(f"the hub cannot be reached ({_why(exc)})") from exc
    finally:
        http.close()
        Path(trusted.name).unlink(missing_ok=True)
    body = _json(answer)
    if answer.status_code != 201:
        detail = body.get("detail") if isinstance(body, dict) else None
        raise EnrolmentError(str(detail or f"the hub refused (HTTP {answer.status_code})"))
    try:
        enrolment = Enrolment(
            body["terminal_id"], invitation.hub_url, body.get("terminal_url") or invitation.hub_url
        )
        # The CA checked against the invitation, not the one the answer names.
        identity.store(body["certificate"], ca_pem, enrolment)
    except (KeyError, TypeError, ValueError) as exc:
        raise EnrolmentError(f"the hub's answer cannot be used ({exc})") from exc
    # A configuration from the hub enrolled with before is not this hub's: its key would seal
    # citizens' submissions for a hub that cannot open them. The new hub sends its own.
    from provisioning.configuration import FOLDER, ConfigurationStore

    ConfigurationStore(identity.folder.parent / FOLDER).wipe()
    log.info("enrolled as %s with %s", enrolment.terminal_id, invitation.hub_url)
    return enrolment


def _json(answer: Any) -> Any:
    try:
        return answer.json()
    except ValueError:
        return None


def _why(exc: Exception) -> str:
    return type(exc).__name__
