"""The checked service catalogue, kept between starts so the attract screen needs no YAML.

Reading the catalogue before the first frame costs PyYAML's import (~15 ms: its reader compiles
a large pattern) and the parse and checks (~5 ms for the demo catalogue), on every start of a
terminal whose catalogue changes a few times a year. The checked :class:`Catalogue` is pickled
into the terminal's cache folder (:mod:`common.cache_folder`: private, or not used) with a stamp
of everything it was made from:

- the catalogue file: its real path, device, inode, size, modification and change time (the
  change time cannot be set back, so an edit that keeps the modification time is seen too);
- the icon names the interface can draw (they are checked against it);
- the source files of the catalogue package and of ``wire`` (whose limits the checks use), and
  Python's version (a new release reads anew).

Any difference, or a file that cannot be read or unpickled, and the catalogue is read and
checked as before, then kept again. Only a catalogue that passed its checks is kept: a broken
one is read every time, so its problems are always reported with their lines.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import sys
from collections.abc import Collection
from pathlib import Path

import catalogue as catalogue_package
import wire as wire_package
from catalogue.model import Catalogue
from common import cache_folder

log = logging.getLogger(__name__)

FILE_NAME = "catalogue.pickle"

Stamp = tuple[object, ...]


def load_catalogue(
    path: Path, known_icons: Collection[str] | None, folder: Path | None
) -> Catalogue:
    """The catalogue at ``path``, from ``folder``'s copy when it is the same; raises
    :class:`catalogue.problems.CatalogueError` as :func:`catalogue.loader.load_catalogue` does."""
    stamp = _stamp(path, known_icons) if folder is not None else None
    if folder is not None and stamp is not None:
        kept = _read(folder / FILE_NAME, stamp)
        if kept is not None:
            return kept
    from catalogue.loader import load_catalogue as read_and_check

    catalogue = read_and_check(path, known_icons)
    if folder is not None and stamp is not None:
        _write(folder / FILE_NAME, stamp, catalogue)
    return catalogue


def _stamp(path: Path, known_icons: Collection[str] | None) -> Stamp | None:
    try:
        real = path.resolve()
        info = real.stat()
        # The checks' code: the catalogue package and wire (its limits, tracking numbers).
        sources = tuple(
            (f"{package.name}/{p.name}", s.st_size, s.st_mtime_ns)
            for package in (
                Path(next(iter(catalogue_package.__path__))),
                Path(next(iter(wire_package.__path__))),
            )
            for p in sorted(package.glob("*.py"))
            for s in (p.stat(),)
        )
    except OSError:
        return None  # read as before; the loader reports a missing file
    icons = tuple(sorted(known_icons)) if known_icons is not None else None
    return (
        str(real),
        info.st_dev,
        info.st_ino,
        info.st_size,
        info.st_mtime_ns,
        info.st_ctime_ns,
        icons,
        sources,
        sys.version,
    )


def _read(file: Path, stamp: Stamp) -> Catalogue | None:
    try:
        with file.open("rb") as f:
            # Loaded as code: only from our own private folder (common.cache_folder).
            kept = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - a damaged cache of any kind is read anew
        log.warning("the kept catalogue cannot be read (%s); reading the catalogue", exc)
        return None
    if (
        isinstance(kept, tuple)
        and len(kept) == 2
        and kept[0] == stamp
        and isinstance(kept[1], Catalogue)
    ):
        return kept[1]
    return None


def _write(file: Path, stamp: Stamp, catalogue: Catalogue) -> None:
    # A cache that cannot be written only costs the next start the reading.
    temporary = file.with_name(f".{FILE_NAME}.{os.getpid()}")
    try:
        with temporary.open("wb") as f:
            pickle.dump((stamp, catalogue), f, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(file)
    except (OSError, pickle.PicklingError) as exc:
        log.warning("the catalogue cannot be kept for the next start (%s)", exc)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def default_folder() -> Path | None:
    """``<cache folder>/catalogue`` when it can be used privately, else None (no keeping)."""
    root = cache_folder.default_root()
    if root is None:
        return None
    folder = root / "catalogue"
    return folder if cache_folder.private_folder(folder, "catalogue") else None
