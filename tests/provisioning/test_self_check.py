"""``python -m provisioning self-test`` over SSH: the identity, the hub over mutual TLS, the
clock, the hub's configuration, its TURN servers (a real coturn) and the disk, one line each."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from provisioning.cli import main
from provisioning.configuration import FOLDER, ConfigurationStore, update
from provisioning.identity import DeviceIdentity
from tests.support.coturn import coturn
from tests.support.hub_runner import HubRunner, free_port


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out, io.StringIO())
    return code, out.getvalue()


def test_the_technicians_self_test_over_ssh(tmp_path: Path) -> None:
    data = tmp_path / "terminal"
    code, out = run("--data-dir", str(data), "self-test")
    assert code == 1 and "identity       FAILED   not enrolled" in out
    with coturn(tmp_path) as port:
        hub = HubRunner(tmp_path / "hub", tls=True)
        hub.setup("village-01")
        silent = free_port()
        (hub.data_dir / "terminal-settings.json").write_text(
            json.dumps({"turn_urls": [f"turn:127.0.0.1:{port}", f"stun:127.0.0.1:{silent}"]}),
            encoding="utf-8",
        )
        hub.start()
        try:
            enrolled = hub.cli("terminals", "enrol", "village-01", "--hub-url", hub.url)
            invitation = enrolled.split("invitation: ", 1)[1].split()[0]
            assert run("--data-dir", str(data), "enrol", "--invitation", invitation)[0] == 0
            identity = DeviceIdentity(data / "identity")
            now = dt.datetime.now(dt.UTC)
            assert update(identity, ConfigurationStore(data / FOLDER), lambda f: None, now)
            code, out = run("--data-dir", str(data), "self-test")
        finally:
            hub.stop()
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert " ok " in lines["identity"] and "village-01" in lines["identity"]
    assert " ok " in lines["hub"] and "mutual TLS" in lines["hub"]
    assert " ok " in lines["clock"]
    assert "version 1" in lines["configuration"]
    turn = [line for line in out.splitlines() if line.startswith("turn")]
    assert " ok " in turn[0] and f"127.0.0.1:{port} answers" in turn[0]
    assert "FAILED" in turn[1] and f"127.0.0.1:{silent}" in turn[1]
    assert " ok " in lines["disk"]
    assert code == 1  # (the silent server)
    code, out = run("--data-dir", str(data), "status")
    assert "configuration: version 1 from the hub" in out
