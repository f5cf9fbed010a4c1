"""Start-up: what the kiosk imports before its first frame, and python-escpos's cache.

The import checks run a fresh interpreter (the test process has imported everything already)
and look at its ``sys.modules``; they time nothing. The cache checks import python-escpos for
real, in fresh interpreters, and look at the pickle it leaves.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drivers.printer import escpos_cache

ROOT = Path(__file__).resolve().parent.parent

#: Not needed to show the attract screen: each is imported where it is first used (the
#: delivery thread, the first seal, the first receipt, the first card read).
HEAVY = (
    "requests",
    "urllib3",
    "joserfc",
    "cryptography.x509",
    "escpos",
    "smartcard",
    "qrcode",
    "PIL.Image",
)


def imported_by(*modules: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules a fresh interpreter holds after importing ``modules``."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {list(modules)!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(
        name for name in modules for heavy in HEAVY if name == heavy or name.startswith(heavy + ".")
    )


def test_device_and_network_modules_import_none_of_the_heavy_libraries() -> None:
    # The modules the terminal constructs before its first frame: the hub client (made at
    # boot), the sealing module (the key is loaded at boot), the printer drivers (made at
    # boot), the card types the identify step checks typed values against.
    modules = imported_by(
        "offline_queue.hub_client",
        "offline_queue.delivery",
        "wire.sealing",
        "drivers.printer.escpos_printer",
        "drivers.printer.simulated",
        "drivers.card.access_data",
        "drivers.card.icao.challenge",
    )
    assert heavy_in(modules) == []


def test_the_first_frame_imports_none_of_the_heavy_libraries() -> None:
    modules = imported_by("main", "kiosk.config", "kiosk.terminal", "ui.app")
    assert heavy_in(modules) == []


def test_the_delivery_thread_imports_requests_when_it_first_sends() -> None:
    code = (
        "import sys\n"
        "from offline_queue.hub_client import HubClient\n"
        "token = 'kiosk-1.' + 'x' * 20\n"
        "client = HubClient('http://127.0.0.1:9', token, allow_insecure_loopback=True)\n"
        "before = 'requests' in sys.modules\n"
        "answer = client.send_health(b'{}')\n"
        "print(before, 'requests' in sys.modules, answer.outcome.value)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "retry"]


def provision(data: Path) -> None:
    """A terminal's data folder once set up: the hub's public key and this terminal's
    credential (without them the kiosk starts out of service)."""
    from joserfc.jwk import RSAKey

    data.mkdir(mode=0o700)
    key = RSAKey.generate_key(2048, private=True)
    (data / "hub-public.jwk").write_text(json.dumps(key.as_dict(private=False)), "utf-8")
    (data / "hub-credential").write_text("kiosk-1." + "x" * 20, "utf-8")


def marker(lines: list[str], word: str) -> int:
    """The line the kiosk printed ``word`` on. Its stdout and stderr share one pipe, and
    ``-X importtime`` writes a line to stderr in more than one write: another thread's import
    can put the start of its line before the word, or the word before the rest of its line."""
    for number, line in enumerate(lines):
        if line == word or line.endswith(word) or line.startswith(word):
            return number
    raise AssertionError(f"{word!r} not printed; the output ends: {lines[-25:]}")


def run_kiosk(
    data: Path, *options: str, first: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``main.py --exit-after-first-frame`` offscreen, against a hub that is not there; its
    stderr and stdout in one pipe, in the order written."""
    code = f"import sys{first}, main; sys.exit(main.main(sys.argv[1:]))"
    args = ["--exit-after-first-frame", "--data-dir", str(data), "--hub-url", "http://127.0.0.1:9"]
    return subprocess.run(
        [sys.executable, *options, "-c", code, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
    )


#: What the second step of the start (after the first frame) brings: the session and its
#: flows, the outbox, delivery and its HTTP client, the hub's key, the card stack and the
#: simulated chip, the receipt's image and QR libraries, the on-screen keyboard's settings.
SET_UP_AFTER_THE_FIRST_FRAME = (
    "kiosk.session.facade",
    "kiosk.equipment",
    "kiosk.health",
    "offline_queue.outbox",
    "offline_queue.delivery",
    "offline_queue.hub_client",
    "wire.sealing",
    "joserfc",
    "requests",
    "drivers.factory",
    "drivers.card.simulated",
    "drivers.card.chip_reader",
    "cryptography.x509",
    "PIL.Image",
    "qrcode",
    "escpos.printer",
)


def imported_lines(lines: list[str], names: tuple[str, ...]) -> list[str]:
    """The ``-X importtime`` lines among ``lines`` that import one of ``names`` (or below)."""
    found = []
    for line in lines:
        if not line.startswith("import time:"):
            continue
        name = line.rsplit("|", 1)[-1].strip()
        if any(name == n or name.startswith(n + ".") for n in names):
            found.append(name)
    return found


def test_the_first_frame_waits_for_none_of_the_set_up(tmp_path: Path) -> None:
    # The attract screen is drawn from the catalogue; the rest comes once it is on screen
    # (Terminal.finish_start). Among the rest: the delivery thread, whose first act imports
    # requests (~0.1 s of interpreter time) and talks to the hub.
    provision(tmp_path / "data")
    done = run_kiosk(tmp_path / "data", "-X", "importtime")
    assert done.returncode == 0, done.stdout
    lines = done.stdout.splitlines()
    assert marker(lines, "first-frame") < marker(lines, "ready")
    before = lines[: marker(lines, "first-frame")]
    assert imported_lines(before, SET_UP_AFTER_THE_FIRST_FRAME) == []
    after = imported_lines(lines, SET_UP_AFTER_THE_FIRST_FRAME)
    for name in ("kiosk.session.facade", "offline_queue.outbox", "joserfc", "drivers.factory"):
        assert name in after  # the set-up did run
    assert " INFO kiosk.terminal: terminal in service" in done.stdout


def test_a_second_start_draws_its_first_frame_from_the_kept_catalogue(tmp_path: Path) -> None:
    # PyYAML (~15 ms to import) and the catalogue's checks only when the catalogue changed
    # (kiosk.catalogue_cache); python-escpos's database only when the code page was never asked.
    provision(tmp_path / "data")
    env = {**escpos_env(None), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for first_start in (True, False):
        done = run_kiosk(tmp_path / "data", "-X", "importtime", env=env)
        assert done.returncode == 0, done.stdout
        lines = done.stdout.splitlines()
        before = lines[: marker(lines, "first-frame")]
        assert bool(imported_lines(before, ("yaml",))) is first_start
        assert bool(imported_lines(before, ("escpos.capabilities",))) is first_start
        assert " INFO kiosk.terminal: terminal in service" in done.stdout


def test_the_kiosk_logs_in_its_own_format_although_escpos_configures_logging(
    tmp_path: Path,
) -> None:
    # python-escpos calls logging.basicConfig() at import; main.py's configuration must win
    # (its level, so "terminal in service" and --debug, and its format).
    provision(tmp_path / "data")
    done = run_kiosk(tmp_path / "data", first=", escpos.capabilities")
    assert done.returncode == 0, done.stdout
    assert "first-frame" in done.stdout.splitlines()
    assert " INFO kiosk.terminal: terminal in service" in done.stdout


# --- python-escpos's capabilities cache ----------------------------------------------------


def escpos_env(folder: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != escpos_cache.ENV}
    if folder is not None:
        env[escpos_cache.ENV] = str(folder)
    return env


def import_escpos(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-c", "import escpos.capabilities"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
        check=True,
    )


def test_the_capabilities_pickle_is_built_once_and_reused(tmp_path: Path) -> None:
    environ: dict[str, str] = {"XDG_CACHE_HOME": str(tmp_path)}
    folder = escpos_cache.configure(environ=environ)
    assert folder == tmp_path / "point-of-public" / "escpos"
    assert environ[escpos_cache.ENV] == str(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    pickle = escpos_cache.pickle_path(folder)
    import_escpos(escpos_env(folder))
    built = pickle.stat()
    import_escpos(escpos_env(folder))
    # Loaded, not rebuilt: python-escpos rewrites the file whenever it parses its database.
    assert pickle.stat().st_mtime_ns == built.st_mtime_ns
    assert pickle.stat().st_ino == built.st_ino


def test_a_cache_cut_off_while_written_is_rebuilt_not_fatal(tmp_path: Path) -> None:
    folder = tmp_path / "escpos"
    assert escpos_cache.configure(folder, environ={}) == folder
    import_escpos(escpos_env(folder))
    pickle = escpos_cache.pickle_path(folder)
    whole = pickle.read_bytes()
    pickle.write_bytes(whole[: len(whole) // 2])
    # Without the check python-escpos itself fails to import on every later start.
    with pytest.raises(subprocess.CalledProcessError):
        import_escpos(escpos_env(folder))
    assert escpos_cache.configure(folder, environ={}) == folder
    assert not pickle.exists()
    import_escpos(escpos_env(folder))
    assert pickle.read_bytes() == whole


def test_a_folder_that_cannot_be_made_is_not_used(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    environ: dict[str, str] = {}
    assert escpos_cache.configure(blocker / "escpos", environ=environ) is None
    assert escpos_cache.ENV not in environ  # python-escpos keeps its own temporary folder
    import_escpos(escpos_env(None))


def test_an_open_folder_of_ours_is_closed_and_a_symlink_refused(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    assert escpos_cache.configure(folder, environ={}) == folder
    assert folder.stat().st_mode & 0o777 == 0o700
    link = tmp_path / "link"
    link.symlink_to(folder)
    environ: dict[str, str] = {}
    assert escpos_cache.configure(link, environ=environ) is None
    assert environ == {}


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_folder_of_another_user_is_not_used(tmp_path: Path) -> None:
    # python-escpos unpickles what it finds there: another user's file would run as ours.
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    environ: dict[str, str] = {}
    assert escpos_cache.configure(folder, environ=environ) is None
    assert environ == {}


def test_an_operator_choice_is_kept(tmp_path: Path) -> None:
    environ = {escpos_cache.ENV: str(tmp_path / "chosen")}
    assert escpos_cache.configure(environ=environ) == tmp_path / "chosen"
    assert environ == {escpos_cache.ENV: str(tmp_path / "chosen")}


def test_a_bug_in_the_set_up_is_a_fault_not_a_hang(tmp_path: Path) -> None:
    # The second step raises (a bug in a driver, say): the calm screen and a retry, as any
    # fault; the kiosk still finishes its start (the bench's "ready", the test channel).
    provision(tmp_path / "data")
    code = (
        "import sys, kiosk.terminal as t\n"
        "def broken(self): raise RuntimeError('a bug')\n"
        "t.Terminal.finish_start = broken\n"
        "import main\n"
        "sys.exit(main.main(sys.argv[1:]))\n"
    )
    args = ["--exit-after-first-frame", "--data-dir", str(tmp_path / "data")]
    done = subprocess.run(
        [sys.executable, "-c", code, *args, "--hub-url", "http://127.0.0.1:9"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout
    lines = done.stdout.splitlines()
    assert marker(lines, "first-frame") < marker(lines, "ready")
    assert " ERROR kiosk.terminal: unexpected fault: RuntimeError" in done.stdout
    assert "Traceback" not in done.stdout
