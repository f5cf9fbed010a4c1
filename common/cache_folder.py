"""The terminal's cache folder: ``$XDG_CACHE_HOME/point-of-public`` (``~/.cache`` by default).

What is kept there saves a start work it has done before (python-escpos's printer database, the
checked service catalogue). Some of it is pickled and so *loaded as code*: a folder is only used
when it is this user's own, not a symlink, and closed to others (:func:`private_folder`).
Anything in it may be deleted at any time; it is then rebuilt.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Mapping
from pathlib import Path

log = logging.getLogger(__name__)

APP = "point-of-public"


def default_root(environ: Mapping[str, str] = os.environ) -> Path | None:
    """``$XDG_CACHE_HOME/point-of-public`` (``~/.cache`` by default); None for a user without a
    home (a service account): not a folder relative to wherever we run."""
    cache = environ.get("XDG_CACHE_HOME")
    if not cache:
        home = os.path.expanduser("~")  # noqa: PTH111 - Path.home() cannot say "no home"
        if home.startswith("~"):
            return None
        cache = str(Path(home) / ".cache")
    return Path(cache) / APP


def private_folder(folder: Path, purpose: str) -> bool:
    """Make ``folder`` (0700) if needed; True when it is this user's own, closed to others and
    writable. ``purpose`` names it in the one warning logged when it cannot be used."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            log.warning("%s cache folder is not this user's own folder; not used", purpose)
            return False
        if stat.S_IMODE(info.st_mode) & 0o077:
            folder.chmod(0o700)  # ours, but made under another umask: close it
        if not os.access(folder, os.W_OK | os.X_OK):
            log.warning("%s cache folder cannot be written; not used", purpose)
            return False
    except OSError as exc:
        log.warning("%s cache folder unusable (%s); not used", purpose, exc.strerror or exc)
        return False
    return True
