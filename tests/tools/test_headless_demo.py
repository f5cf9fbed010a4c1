"""A new user without a desktop: the README's headless command works with what the scripts
install, and scripts/demo puts itself on a virtual screen (a real Xvfb) instead of giving up."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"


def debian_packages_installed_by(script: str) -> set[str]:
    """The Debian packages a script asks install_debian_packages for (setup.sh's arrays too)."""
    setup = (SCRIPTS / "setup.sh").read_text(encoding="utf-8")
    arrays = {
        name: set(body.split())
        for name, body in re.findall(r"^(\w+)=\(([^)]*)\)", setup, flags=re.MULTILINE)
    }
    text = (SCRIPTS / script).read_text(encoding="utf-8").replace("\\\n", " ")
    packages = set(arrays["DEBIAN_PACKAGES"])
    for call in re.findall(r"^\s*install_debian_packages([^\n]*)$", text, flags=re.MULTILINE):
        for word in shlex.split(call):
            if array := re.fullmatch(r"\$\{(\w+)\[@\]\}", word):
                packages |= arrays[array.group(1)]
            else:
                packages.add(word)
    # scripts/demo installs through on_a_screen (setup.sh) when there is no screen.
    if "on_a_screen" in text:
        packages |= arrays["HEADLESS_PACKAGES"]
    return packages


def readme_headless_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    readme = re.sub(r"^```.*?^```", "", readme, flags=re.MULTILINE | re.DOTALL)
    return [
        shlex.split(code)
        for code in re.findall(r"`([^`]+)`", readme)
        if code.endswith("scripts/demo") and not code.startswith("scripts/")
    ]


def test_the_readmes_headless_command_is_installed_by_the_demo_script() -> None:
    commands = readme_headless_commands()
    assert commands, "the README no longer says how to run the demo without a desktop"
    for command in commands:
        program = shutil.which(command[0])
        assert program, f"{command[0]} is not installed (scripts/test installs it)"
        owner = subprocess.run(
            ["dpkg-query", "-S", str(Path(program).resolve())],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split(":")[0]
        assert owner in debian_packages_installed_by("demo"), (command[0], owner)
        assert owner in debian_packages_installed_by("test"), (command[0], owner)


def test_without_a_screen_the_demo_runs_itself_on_a_virtual_one(tmp_path: Path) -> None:
    """on_a_screen, as scripts/demo calls it, with a stand-in for the rest of the demo."""
    assert 'on_a_screen "$0" "$@"' in (SCRIPTS / "demo").read_text(encoding="utf-8")
    stand_in = tmp_path / "demo"
    stand_in.write_text(
        "#!/usr/bin/env bash\n"
        "set -euo pipefail\n"
        f"source {shlex.quote(str(SCRIPTS / 'setup.sh'))}\n"
        'on_a_screen "$0" "$@"\n'
        # The X server's socket exists while the demo runs: a real Xvfb, not just a variable.
        'test -S "/tmp/.X11-unix/X${DISPLAY#:}"\n'
        'echo "screen=$DISPLAY args=$*"\n',
        encoding="utf-8",
    )
    stand_in.chmod(0o755)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [str(stand_in), "--portrait", "two words"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"screen=:\d+ args=--portrait two words\n", result.stdout), result.stdout
    assert "running on a virtual screen (1080x1920, xvfb-run)" in result.stderr


def test_with_a_screen_the_demo_stays_on_it(tmp_path: Path) -> None:
    stand_in = tmp_path / "demo"
    stand_in.write_text(
        "#!/usr/bin/env bash\n"
        "set -euo pipefail\n"
        f"source {shlex.quote(str(SCRIPTS / 'setup.sh'))}\n"
        'on_a_screen "$0" "$@"\n'
        'echo "screen=$DISPLAY"\n',
        encoding="utf-8",
    )
    stand_in.chmod(0o755)
    env = {**os.environ, "DISPLAY": ":4711"}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [str(stand_in)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stdout) == (0, "screen=:4711\n"), result.stderr
