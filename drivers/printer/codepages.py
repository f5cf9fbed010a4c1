"""The code page a receipt is encoded in, and ESC t's number for it on the printer's model.

Kept apart from the encoder: the configuration checks the code page before the terminal's
first frame, and needs python-escpos's printer database for it, not Pillow or the encoder.
"""

from __future__ import annotations

from functools import lru_cache

from escpos.capabilities import get_profile

from drivers.printer.settings import PrinterSettings
from drivers.printer.text import codec_for, same_name

__all__ = ["EncodeError", "check_settings", "codepage_number"]


class EncodeError(ValueError):
    """The settings cannot drive a printer (unknown profile or code page): a setup problem."""


@lru_cache(maxsize=8)
def codepage_number(profile: str, codepage: str) -> int:
    """ESC t's number for ``codepage`` on ``profile``'s model."""
    try:
        pages = get_profile(profile).profile_data["codePages"]
    except Exception as exc:
        raise EncodeError(f"unknown printer profile {profile!r}") from exc
    for number, name in pages.items():
        if same_name(name) == same_name(codepage):
            return int(number)
    raise EncodeError(
        f"the profile {profile!r} has no code page {codepage!r}; set codepage_number for this model"
    )


def check_settings(settings: PrinterSettings) -> tuple[str, int]:
    """The Python codec and the ESC t number for ``settings``; :class:`EncodeError` if
    documents could not be encoded for them (the configuration checks this at load)."""
    try:
        codec = codec_for(settings.codepage)
    except ValueError as exc:
        raise EncodeError(str(exc)) from exc
    number = settings.codepage_number
    if number is None:
        number = codepage_number(settings.profile, settings.codepage)
    return codec, number
