"""What the citizen types so the chip opens: the CAN or the MRZ's three values.

Kept apart from :mod:`drivers.card.emrtd` (which re-exports them) so that the session's
identify step can check what was typed without importing the reading and crypto stack
(cryptography's X.509 and friends, ~0.1 s) before the terminal's first frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.card.icao.mrz import bac_key_input


@dataclass(frozen=True)
class MrzAccess:
    """The three values printed in the MRZ, as the citizen types them."""

    document_number: str
    date_of_birth: str  # YYMMDD
    date_of_expiry: str  # YYMMDD

    @property
    def information(self) -> str:
        return bac_key_input(self.document_number, self.date_of_birth, self.date_of_expiry)


@dataclass(frozen=True)
class CanAccess:
    can: str  # six digits, on the front of the German ID card


AccessData = MrzAccess | CanAccess
