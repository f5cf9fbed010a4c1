"""python-escpos's capabilities cache, kept across starts in the terminal's own cache folder.

python-escpos 3.1 parses its printer database (``capabilities.json``, read as YAML) when
``escpos.capabilities`` is first imported, ~180 ms, and pickles the result into
``$ESCPOS_CAPABILITIES_PICKLE_DIR``; unset, that is a fresh ``mkdtemp()`` on every start, so the
cache is never reused and every start leaves a 70 kB pickle in /tmp (a RAM leak where /tmp is a
tmpfs). :func:`configure` points it at ``$XDG_CACHE_HOME/point-of-public/escpos`` (0700, ours)
before python-escpos is imported; ``drivers.printer`` calls it when the package is imported, so
every importer of a printer module gets it.

The pickle is *loaded* by python-escpos, so the folder must be private: a folder that is not
ours, is a symlink or is open to others is not used (python-escpos then falls back to its own
temporary folder, as before). python-escpos writes the pickle in place, so a start cut off while
writing leaves a truncated file that would make every later import fail: such a file is removed
here and rebuilt. A folder that cannot be written is not used either (python-escpos would fail
to import when it cannot write its pickle).
"""

from __future__ import annotations

import logging
import os
import platform
from collections.abc import MutableMapping
from pathlib import Path

from common import cache_folder

log = logging.getLogger(__name__)

ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"
#: The last byte of every complete pickle (the STOP opcode).
_PICKLE_STOP = b"."


def default_dir(environ: MutableMapping[str, str] = os.environ) -> Path | None:
    """``$XDG_CACHE_HOME/point-of-public/escpos``; None for a user without a home."""
    root = cache_folder.default_root(environ)
    return root / "escpos" if root is not None else None


def pickle_path(folder: Path) -> Path:
    """The file python-escpos reads and writes in ``folder`` (its own naming rule)."""
    return folder / f"{platform.python_version()}.capabilities.pickle"


def configure(
    folder: Path | None = None, environ: MutableMapping[str, str] = os.environ
) -> Path | None:
    """Point python-escpos at a private, persistent cache folder; the folder used, or None
    when none is usable (python-escpos then builds its cache in a temporary folder).

    A value already in the environment (the operator's, or a test's) is left alone.
    """
    if environ.get(ENV):
        return Path(environ[ENV])
    folder = folder or default_dir(environ)
    if folder is None:
        return None
    if not cache_folder.private_folder(folder, "escpos"):
        return None
    try:
        _drop_truncated(pickle_path(folder))
    except OSError as exc:
        log.warning("escpos cache folder unusable (%s); not used", exc.strerror or exc)
        return None
    environ[ENV] = str(folder)
    return folder


def _drop_truncated(path: Path) -> None:
    try:
        with path.open("rb") as f:
            last = f.read(1) if f.seek(0, os.SEEK_END) and f.seek(-1, os.SEEK_END) else b""
    except FileNotFoundError:
        return
    if last != _PICKLE_STOP:
        log.warning("escpos capabilities cache was cut off while being written; rebuilding it")
        path.unlink(missing_ok=True)
