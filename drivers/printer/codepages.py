"""The code page a receipt is encoded in, and ESC t's number for it on the printer's model.

Kept apart from the encoder: the configuration checks the code page before the terminal's
first frame. The answer comes from python-escpos's printer database, whose import alone costs
~20 ms of that start (its pickle, importlib_resources, PyYAML), so the answers found are kept in
``codepages.json`` in the terminal's escpos cache folder (:mod:`drivers.printer.escpos_cache`),
stamped with the database file's path, size and modification time: a new python-escpos (or an
operator's ``ESCPOS_CAPABILITIES_FILE``) asks the database again. Only numbers found are kept; a
bad profile or code page is asked every time, so its message stays exact.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
from functools import lru_cache
from pathlib import Path

from drivers.printer import escpos_cache
from drivers.printer.settings import PrinterSettings
from drivers.printer.text import codec_for, same_name

__all__ = ["EncodeError", "check_settings", "codepage_number"]

CACHE_NAME = "codepages.json"


class EncodeError(ValueError):
    """The settings cannot drive a printer (unknown profile or code page): a setup problem."""


@lru_cache(maxsize=8)
def codepage_number(profile: str, codepage: str) -> int:
    """ESC t's number for ``codepage`` on ``profile``'s model."""
    key = f"{profile}\n{same_name(codepage)}"
    stamp = _database_stamp()
    cache = _cache_file()
    known = _read_cache(cache, stamp)
    kept = known.get(key)
    if isinstance(kept, int):
        return kept
    number = _ask_database(profile, codepage)
    if cache is not None and stamp is not None:
        _write_cache(cache, stamp, {**known, key: number})
    return number


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


def _ask_database(profile: str, codepage: str) -> int:
    from escpos.capabilities import get_profile

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


def _database_stamp() -> list[str | int] | None:
    """What identifies the printer database python-escpos will read (its own rule: the
    environment's file, else the one in its package); None when it cannot be found."""
    path = os.environ.get("ESCPOS_CAPABILITIES_FILE")
    if not path:
        spec = importlib.util.find_spec("escpos")
        if spec is None or not spec.submodule_search_locations:
            return None
        path = str(Path(next(iter(spec.submodule_search_locations))) / "capabilities.json")
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return [path, info.st_size, info.st_mtime_ns]


def _cache_file() -> Path | None:
    folder = os.environ.get(escpos_cache.ENV)
    return Path(folder) / CACHE_NAME if folder else None


def _read_cache(cache: Path | None, stamp: list[str | int] | None) -> dict[str, object]:
    if cache is None or stamp is None:
        return {}
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or cut off while written: asked again and rewritten
    if not isinstance(data, dict) or data.get("database") != stamp:
        return {}
    answers = data.get("answers")
    return answers if isinstance(answers, dict) else {}


def _write_cache(cache: Path, stamp: list[str | int], answers: dict[str, object]) -> None:
    # A cache that cannot be written only costs the next start the database's import.
    temporary = cache.with_name(f".{CACHE_NAME}.{os.getpid()}")
    with contextlib.suppress(OSError):
        temporary.write_text(json.dumps({"database": stamp, "answers": answers}), encoding="utf-8")
        temporary.replace(cache)
    temporary.unlink(missing_ok=True)
