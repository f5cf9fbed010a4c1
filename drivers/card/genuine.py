"""Is this the original chip? Active Authentication (DG15) and Chip Authentication (DG14) over
an open secure-messaging session (ICAO 9303-11 §6.1, §6.2).

Passive authentication vouches for the data; only these tell the original chip from a copy of
its files on another chip, which lacks the private keys. Each gives a :class:`ChipCheck`; a
chip that offers Chip Authentication and fails it cannot be read on (the session's keys are
gone), so :func:`chip_authentication`'s caller raises :class:`NotGenuineError`.
"""

from __future__ import annotations

import logging
import secrets
from typing import Protocol

from drivers.card.base import ChipCheck
from drivers.card.icao import active, chip_auth
from drivers.card.icao.apdu import SW_OK, SW_SECURITY_STATUS, ChipError
from drivers.card.icao.secure_messaging import Response, SecureChannel

log = logging.getLogger(__name__)

#: The largest signature asked for with a short Le: its protected answer still fits 256 bytes.
SHORT_SIGNATURE = 0xDF
#: Bytes of EF.COM's header read to check the keys after Chip Authentication.
HEADER_CHECK = 4
SFI_COM = 0x1E


class NotGenuineError(Exception):
    """The chip offers Chip Authentication and failed it: its files were copied onto another
    chip (which lacks the private key) or forged."""


class Session(Protocol):
    def send(
        self, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None
    ) -> Response: ...

    def restart(self, channel: SecureChannel) -> None: ...


def active_authentication(
    session: Session, dg15: bytes | None, dg14: bytes | None, challenge: bytes = b""
) -> tuple[ChipCheck, bytes]:
    """INTERNAL AUTHENTICATE, checked with DG15's key: (the outcome, the chip's signature when
    it verified).

    ``challenge``: 8 bytes derived from the submission id (the hub checks the signature over
    it again, so that captured evidence does not fit another submission); empty: a fresh
    random one. DG15 itself is covered by EF.SOD (passive authentication hashes every group
    read), so a forger cannot bring a key of their own without the SOD failing as well."""
    if dg15 is None:
        return ChipCheck.NOT_OFFERED, b""
    try:
        key = active.parse_dg15(dg15)
        ecdsa_hash = active.ecdsa_hash_from_dg14(dg14) if dg14 is not None else None
    except active.ActiveAuthError as exc:
        # DG15 is covered by EF.SOD: a key we cannot use is the issuer's choice, not a forgery.
        log.warning("active authentication not possible here: %s", exc)
        return ChipCheck.NOT_CHECKED, b""
    challenge = challenge or secrets.token_bytes(8)
    # A signature whose protected answer cannot fit a short APDU (RSA-2048: 256 bytes before
    # secure messaging) is asked for with extended Le; a short Le would get 6700.
    le = 256 if active.signature_length(key) <= SHORT_SIGNATURE else 65536
    answer = session.send(0x88, 0x00, 0x00, challenge, le=le)
    if answer.sw != SW_OK or not answer.data:
        log.warning("active authentication: the chip did not sign (SW %04X)", answer.sw)
        return ChipCheck.FAILED, b""
    try:
        signed = active.verify(key, challenge, answer.data, ecdsa_hash)
    except (ValueError, ArithmeticError):  # a hostile chip's numbers: no signature
        signed = False
    if not signed:
        log.warning("active authentication: the chip's signature does not verify")
        return ChipCheck.FAILED, b""
    return ChipCheck.VERIFIED, bytes(answer.data)


def chip_authentication(session: Session, dg14: bytes, eac2: bool = False) -> ChipCheck:
    """ECDH with the chip's static key from DG14; secure messaging restarts with the keys from
    it. The chip passes when its next answer authenticates under the new keys: a copy without
    the private key cannot compute them (it answers unprotected, or with a wrong MAC)."""
    try:
        info = chip_auth.parse_dg14(dg14)
    except chip_auth.ChipAuthError as exc:
        # DG14 is covered by EF.SOD: a form we cannot use is the issuer's, not a forgery.
        log.warning("chip authentication not possible here: %s", exc)
        return ChipCheck.NOT_CHECKED
    if info is None:
        return ChipCheck.NOT_OFFERED
    private, public = chip_auth.ephemeral_key(info)
    for ins, p1, p2, data in chip_auth.commands(info, public):
        answer = session.send(ins, p1, p2, data, le=256 if ins == 0x86 else None)
        if answer.sw == SW_SECURITY_STATUS and eac2:
            # EAC 2 chips (the German ID card, recognised by its eID application or ATR) want
            # terminal authentication first, which only authorities' terminals can do: not run
            # here, and no sign of a clone.
            log.info("chip authentication needs terminal authentication first: not run")
            return ChipCheck.NOT_CHECKED
        # Any other chip runs CA version 1 in the eMRTD application before terminal
        # authentication (9303-11 §6.2, BSI TR-03110-1 EAC 1): "security status not
        # satisfied" there is a copy without the key dodging the check (found by review: a
        # clone answering 6982 was let through as "not checked"), refused below as FAILED.
        if answer.sw != SW_OK:
            # A chip whose DG14 offers it must run it; a copy without the key may refuse.
            log.warning("chip authentication refused (SW %04X)", answer.sw)
            return ChipCheck.FAILED
    session.restart(chip_auth.channel_after(info, private))
    try:
        # Any protected answer proves the keys; the header of EF.COM is a harmless question.
        check = session.send(0xB0, 0x80 | SFI_COM, 0x00, le=HEADER_CHECK)
    except ChipError:
        log.warning("chip authentication: the answer under the new keys does not verify")
        return ChipCheck.FAILED
    if not check.protected:
        log.warning("chip authentication: no protected answer under the new keys")
        return ChipCheck.FAILED
    return ChipCheck.VERIFIED
