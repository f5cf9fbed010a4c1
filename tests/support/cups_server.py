"""A private CUPS scheduler on 127.0.0.1 for the CUPS printer tests (root, as CI runs).

Its own configuration, spool and state in a temporary folder, listening on a free port, so the
machine's CUPS (if any) is not touched. Queues are raw and point with CUPS's socket backend at
the virtual printer's TCP port, as a receipt printer's queue points at its raw port.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from tests.support.hub_runner import free_port

_CUPSD = """Listen 127.0.0.1:{port}
LogLevel warn
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
_FILES = """ServerRoot {root}
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/spool
AccessLog {root}/logs/access_log
ErrorLog {root}/logs/error_log
PageLog {root}/logs/page_log
User lp
Group lp
"""


@contextmanager
def cups_server() -> Iterator[str]:
    """Run cupsd in the foreground; yields its address as "127.0.0.1:port".

    Its folder is not under pytest's temporary folder: that is private to root, and CUPS runs
    its backends as the user lp, who must read the spooled jobs."""
    with tempfile.TemporaryDirectory(prefix="pop-cups-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        with _cupsd(folder) as address:
            yield address


@contextmanager
def _cupsd(folder: Path) -> Iterator[str]:
    port = free_port()
    for sub in ("spool", "cache", "state", "logs", "ppd"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "spool").chmod(0o777)
    (folder / "cupsd.conf").write_text(_CUPSD.format(port=port), encoding="utf-8")
    (folder / "cups-files.conf").write_text(_FILES.format(root=folder), encoding="utf-8")
    process = subprocess.Popen(
        ["/usr/sbin/cupsd", "-f", "-c", str(folder / "cupsd.conf"), "-s",
         str(folder / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    address = f"127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"http://{address}/", timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = folder / "logs" / "error_log"
                    raise RuntimeError(
                        f"cupsd did not start: {log.read_text() if log.exists() else ''}"
                    ) from None
                time.sleep(0.05)  # polling a port that is not open yet; nothing to wait on
        yield address
    finally:
        process.terminate()
        process.wait(timeout=20)


def add_raw_queue(address: str, name: str, printer_port: int) -> None:
    subprocess.run(
        ["lpadmin", "-h", address, "-p", name, "-E", "-v",
         f"socket://127.0.0.1:{printer_port}", "-m", "raw"],
        check=True,
        capture_output=True,
        timeout=30,
    )  # fmt: skip
