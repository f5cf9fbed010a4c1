"""The hub's command line: what an operator types, and the clear refusals."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

from tests.support.configs import ROOT


def hub(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hub", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_setup_commands_and_refusals(tmp_path: Path) -> None:
    data = tmp_path / "hub"
    r = hub("terminals", "list", "--data-dir", str(data))
    assert r.returncode == 2 and "python -m hub init" in r.stderr
    assert hub("init", "--data-dir", str(data)).returncode == 0
    assert stat.S_IMODE((data / "hub-key.jwk").stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert hub("init", "--data-dir", str(data)).returncode == 0  # idempotent, same key
    r = hub("terminals", "add", "Bad Id!", "--name", "x", "--place", "y", "--data-dir", str(data))
    assert r.returncode == 2 and "lowercase" in r.stderr
    r = hub(
        "terminals",
        "add",
        "dorf-01",
        "--name",
        "Bücherei",
        "--place",
        "Dorf",
        "--data-dir",
        str(data),
    )
    assert r.returncode == 0 and r.stdout.startswith("dorf-01.")
    assert "shown once" in r.stderr
    r = hub("terminals", "add", "dorf-01", "--name", "x", "--place", "y", "--data-dir", str(data))
    assert r.returncode == 2 and "exists already" in r.stderr
    assert (
        "dorf-01\tBücherei\tDorf\tactive"
        in hub("terminals", "list", "--data-dir", str(data)).stdout
    )
    assert hub("terminals", "revoke", "dorf-01", "--data-dir", str(data)).returncode == 0
    assert "revoked" in hub("terminals", "list", "--data-dir", str(data)).stdout
    r = hub("users", "add", "anna", "--password-stdin", "--data-dir", str(data), stdin="kurz\n")
    assert r.returncode == 2 and "8 characters" in r.stderr
    r = hub(
        "users", "add", "anna", "--password-stdin", "--data-dir", str(data), stdin="lang-genug-1\n"
    )
    assert r.returncode == 0
    assert hub("users", "list", "--data-dir", str(data)).stdout == "anna\tactive\n"
    # How citizens see her in a call: a short plain name, or her login.
    r = hub("users", "display-name", "anna", "Frau  Schmidt ", "--data-dir", str(data))
    assert r.returncode == 0 and "'Frau Schmidt'" in r.stdout
    r = hub("users", "display-name", "anna", "x" * 61, "--data-dir", str(data))
    assert r.returncode == 2 and "60 printable" in r.stderr
    r = hub("users", "display-name", "bob", "Herr Bob", "--data-dir", str(data))
    assert r.returncode == 2 and "no user 'bob'" in r.stderr
    assert hub("users", "disable", "anna", "--data-dir", str(data)).returncode == 0
    assert hub("users", "list", "--data-dir", str(data)).stdout == "anna\tdisabled\n"
    assert hub("users", "enable", "anna", "--data-dir", str(data)).returncode == 0
    assert hub("users", "remove", "anna", "--data-dir", str(data)).returncode == 0
    assert hub("users", "list", "--data-dir", str(data)).stdout == ""
    for command in ("disable", "enable", "remove"):
        r = hub("users", command, "anna", "--data-dir", str(data))
        assert r.returncode == 2 and "no user 'anna'" in r.stderr
    out = tmp_path / "pub.jwk"
    assert hub("key", "export", "--data-dir", str(data), "--out", str(out)).returncode == 0
    assert "d" not in json.loads(out.read_text())
    r = hub("serve", "--data-dir", str(tmp_path / "nothing"))
    assert r.returncode == 2 and "init" in r.stderr


def test_demo_setup_is_idempotent(tmp_path: Path) -> None:
    args = (
        "demo-setup",
        "--data-dir",
        str(tmp_path / "hub"),
        "--terminal-id",
        "demo-01",
        "--kiosk-dir",
        str(tmp_path / "kiosk"),
    )
    assert hub(*args).returncode == 0
    credential = (tmp_path / "kiosk" / "hub-credential").read_text()
    assert stat.S_IMODE((tmp_path / "kiosk" / "hub-credential").stat().st_mode) == 0o600
    r = hub(*args)
    assert r.returncode == 0 and "demo / demo" in r.stdout
    assert (tmp_path / "kiosk" / "hub-credential").read_text() == credential  # kept
    (tmp_path / "kiosk" / "hub-credential").write_text("demo-01.stale-stale-stale-stale\n")
    assert hub(*args).returncode == 0
    assert (tmp_path / "kiosk" / "hub-credential").read_text() != credential  # renewed


def test_the_database_is_private_whatever_its_folder(tmp_path: Path) -> None:
    data = tmp_path / "hub"
    data.mkdir(mode=0o755)  # made by someone else, readable by all
    data.chmod(0o755)
    assert hub("init", "--data-dir", str(data)).returncode == 0
    for name in ("hub.sqlite", "hub.sqlite-wal", "hub.sqlite-shm"):
        if (data / name).exists():
            assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name
    # A database that an older hub left readable is made private again.
    (data / "hub.sqlite").chmod(0o644)
    assert hub("init", "--data-dir", str(data)).returncode == 0
    assert stat.S_IMODE((data / "hub.sqlite").stat().st_mode) == 0o600


def test_the_key_can_live_apart_from_the_data(tmp_path: Path) -> None:
    data, key = tmp_path / "data", tmp_path / "secrets" / "hub-key.jwk"
    assert hub("init", "--data-dir", str(data), "--key", str(key)).returncode == 0
    assert key.exists() and not (data / "hub-key.jwk").exists()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    out = tmp_path / "pub.jwk"
    r = hub("key", "export", "--data-dir", str(data), "--key", str(key), "--out", str(out))
    assert r.returncode == 0
    assert json.loads(out.read_text())["n"] == json.loads(key.read_text())["n"]
    # Without --key the hub looks in the data folder, finds none, and says how to make one.
    r = hub("serve", "--data-dir", str(data))
    assert r.returncode == 2 and "no hub key" in r.stderr
