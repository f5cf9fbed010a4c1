"""The holder's data as forms show it, from the signed DG1 (MRZ) and DG11.

One function for both sides: the terminal prefills the form with it, and the hub recomputes it
from the chip's evidence to check that the prefilled values are the signed ones. Names are
written as on letters (title case, not the MRZ's capitals), the address is split into street,
house number, postcode and city, and the full date of birth of DG11 wins over the MRZ's
two-digit year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from drivers.card.icao.lds import AdditionalPersonalDetails, parse_dg1, parse_dg11
from drivers.card.icao.mrz import Mrz


def mrz_date(yymmdd: str, future: bool, today: date) -> date:
    """MRZ dates have two-digit years: birth dates lie in the past, expiry dates ahead."""
    yy, mm, dd = int(yymmdd[0:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    this = today.year % 100
    century = 2000 if (future and yy < this + 50) or (not future and yy <= this) else 1900
    return date(century + yy, mm, dd)


@dataclass(frozen=True)
class Holder:
    document_number: str
    given_names: str
    family_name: str
    date_of_birth: date
    nationality: str
    expiry: date
    passport: bool  # TD3 (a passport) rather than an ID card
    address: dict[str, str] = field(default_factory=dict)


def holder(mrz: Mrz, personal: AdditionalPersonalDetails | None, today: date) -> Holder:
    """Raises ValueError for an MRZ date that is no date."""
    birth = mrz_date(mrz.date_of_birth, future=False, today=today)
    if personal is not None and len(personal.date_of_birth) == 8:
        try:
            full = personal.date_of_birth
            birth = date(int(full[:4]), int(full[4:6]), int(full[6:8]))
        except ValueError:
            pass
    address: dict[str, str] = {}
    if personal is not None and personal.address:
        lines = personal.address
        street, _, number = lines[0].rpartition(" ")
        if street and number[:1].isdigit():
            address = {"street": street, "house_number": number}
        else:
            address = {"street": lines[0]}
        if len(lines) > 1:
            postcode, _, city = lines[1].partition(" ")
            address.update(postcode=postcode, city=city)
    return Holder(
        document_number=mrz.document_number,
        given_names=" ".join(n.title() for n in mrz.given_names),
        family_name=mrz.family_name.title(),
        date_of_birth=birth,
        nationality=mrz.nationality.rstrip("<"),
        expiry=mrz_date(mrz.date_of_expiry, future=True, today=today),
        passport=mrz.format == "TD3",
        address=address,
    )


def holder_from_files(dg1: bytes, dg11: bytes | None, today: date) -> Holder:
    """The same from the files' bytes. Raises :class:`~drivers.card.icao.lds.LdsError` (a
    ValueError) for anything malformed."""
    return holder(parse_dg1(dg1), parse_dg11(dg11) if dg11 is not None else None, today)
