"""scripts/test's last step (run_tests in scripts/setup.sh): arguments reach pytest, pytest's
failure is the script's, and the coverage floors follow a full run only.

The step runs under `set -euo pipefail` as in scripts/test, with a scripted `python` on PATH
that records how it was called and answers with the exit code the test asks for.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "$CALLS"
case "$*" in
    "-m pytest"*) exit "$PYTEST_EXIT" ;;
    "tools/coverage_floors.py"*) exit "$FLOORS_EXIT" ;;
esac
exit 99
"""


def run_tests(
    tmp_path: Path, *args: str, pytest_exit: int = 0, floors_exit: int = 0
) -> tuple[int, list[str]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    fake = bin_dir / "python"
    fake.write_text(FAKE_PYTHON, encoding="utf-8")
    fake.chmod(0o755)
    calls = tmp_path / "calls"
    calls.write_text("", encoding="utf-8")
    script = tmp_path / "test"
    script.write_text(
        "#!/usr/bin/env bash\n"
        "set -euo pipefail\n"
        f"source {shlex.quote(str(ROOT / 'scripts' / 'setup.sh'))}\n"
        'run_tests "$@"\n'
        'echo after >> "$CALLS"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "CALLS": str(calls),
        "PYTEST_EXIT": str(pytest_exit),
        "FLOORS_EXIT": str(floors_exit),
    }
    result = subprocess.run(
        [str(script), *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    return result.returncode, calls.read_text(encoding="utf-8").splitlines()


def test_scripts_test_ends_with_run_tests() -> None:
    lines = (ROOT / "scripts" / "test").read_text(encoding="utf-8").strip().splitlines()
    assert lines[-1] == 'run_tests "$@"'


def test_a_full_run_checks_the_floors(tmp_path: Path) -> None:
    code, calls = run_tests(tmp_path)
    assert code == 0
    assert calls == [
        "-m pytest --cov --cov-report=term:skip-covered",
        "tools/coverage_floors.py",
        "after",
    ]


def test_floors_below_fail_the_test_command(tmp_path: Path) -> None:
    code, calls = run_tests(tmp_path, floors_exit=1)
    assert code == 1
    assert calls[-1] == "tools/coverage_floors.py"


def test_arguments_go_to_pytest_and_skip_the_floors(tmp_path: Path) -> None:
    code, calls = run_tests(tmp_path, "-k", "journey and not slow")
    assert code == 0
    assert calls == [
        "-m pytest --cov --cov-report=term:skip-covered -k journey and not slow",
        "after",
    ]


def test_a_failing_pytest_is_the_test_commands_exit_code(tmp_path: Path) -> None:
    for args in ((), ("-x",)):
        code, calls = run_tests(tmp_path, *args, pytest_exit=2)
        assert code == 2, args
        assert len(calls) == 1, calls
