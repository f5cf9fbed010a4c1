"""The citizen's access data for the chip: the CAN or the three MRZ values, checked as typed.

The citizen types dates as printed on the card face (TT.MM.JJJJ); the MRZ uses YYMMDD. A
mistake the terminal can see (a letter in the CAN, an impossible date) is reported before the
chip is asked; a wrong but plausible value is answered by the chip (ACCESS_DENIED).
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from drivers.card.access_data import AccessData, CanAccess, MrzAccess
from kiosk.languages import western_digits


class AccessKind(StrEnum):
    CAN = "can"  # German ID card: six digits, bottom right on the front
    MRZ = "mrz"  # passports, foreign ID cards: document number, date of birth, expiry


class AccessProblem(StrEnum):
    CAN_FORMAT = "can_format"
    NUMBER_FORMAT = "number_format"
    BIRTH_FORMAT = "birth_format"
    EXPIRY_FORMAT = "expiry_format"


_NUMBER = re.compile(r"^[A-Z0-9]{1,9}$")


def _yymmdd(text: str) -> str | None:
    match = re.fullmatch(r"\s*([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\s*", text)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    return f"{year % 100:02d}{month:02d}{day:02d}"


def parse_access(kind: AccessKind, values: dict[str, str]) -> AccessData | AccessProblem:
    # As printed on the document: digits 0-9 (an Arabic keypad types others; the chip's key
    # is made of these).
    values = {name: western_digits(text) for name, text in values.items()}
    if kind is AccessKind.CAN:
        can = values.get("can", "").replace(" ", "")
        return CanAccess(can) if re.fullmatch(r"[0-9]{6}", can) else AccessProblem.CAN_FORMAT
    number = values.get("document_number", "").replace(" ", "").upper()
    # On the card face, the letter O and the digit 0 look alike; the MRZ never uses "O" there.
    number = number.replace("O", "0")
    if not _NUMBER.match(number):
        return AccessProblem.NUMBER_FORMAT
    birth = _yymmdd(values.get("date_of_birth", ""))
    if birth is None:
        return AccessProblem.BIRTH_FORMAT
    expiry = _yymmdd(values.get("expiry", ""))
    if expiry is None:
        return AccessProblem.EXPIRY_FORMAT
    return MrzAccess(number, birth, expiry)
