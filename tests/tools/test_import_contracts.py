"""The import-linter contracts ([tool.importlinter] in pyproject.toml) hold, and each one bites.

A contract that names a module which does not exist, or a layer spelled wrong, is silently kept
by a broken configuration. So every contract is run on a copy of the project with one
deliberately bad module added, and must then be broken by exactly that module — transitively
and through relative imports, as the contracts promise.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def config() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        section: dict[str, Any] = tomllib.load(f)["tool"]["importlinter"]
    return section


def contract(contract_id: str) -> dict[str, Any]:
    (found,) = [c for c in config()["contracts"] if c["id"] == contract_id]
    return found


def project_copy(tmp_path: Path) -> Path:
    """The project's packages (their Python files) and its pyproject.toml in a fresh folder."""
    copy = tmp_path / "project"
    for package in config()["root_packages"]:
        for source in (ROOT / package).rglob("*.py"):
            target = copy / source.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    shutil.copyfile(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def lint_imports(project: Path, *contract_ids: str) -> subprocess.CompletedProcess[str]:
    args = [str(LINT_IMPORTS), "--no-cache", "--no-logo"]
    for contract_id in contract_ids:
        args += ["--contract", contract_id]
    # The copy, not the installed project, is what grimp must find first.
    env = {**os.environ, "PYTHONPATH": str(project), "COLUMNS": "200"}
    return subprocess.run(
        args, cwd=project, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def write(project: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_project_keeps_every_contract(tmp_path: Path) -> None:
    result = lint_imports(project_copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    kept = len(config()["contracts"])
    assert f"Contracts: {kept} kept, 0 broken." in result.stdout


# contract id -> (bad files added to the copy, the import chain the report must show)
BAD: dict[str, tuple[dict[str, str], str]] = {
    # Upwards through a relative import and a second module: transitive and relative.
    "layers-kiosk-to-ui": (
        {
            "kiosk/_bad.py": "from . import _bad_helper\n",
            "kiosk/_bad_helper.py": "import ui.app\n",
        },
        "kiosk._bad_helper -> ui.app",
    ),
    "layers-drivers-to-kiosk": (
        {"drivers/card/_bad.py": "from kiosk.config import load_config\n"},
        "drivers.card._bad -> kiosk.config",
    ),
    # drivers | offline_queue | provisioning are independent of one another.
    "layers-siblings": (
        {"offline_queue/_bad.py": "from drivers.printer import base\n"},
        "offline_queue._bad -> drivers.printer",
    ),
    "qt-only-in-ui": (
        {"kiosk/_bad.py": "from PySide6.QtGui import QImage\n"},
        "kiosk._bad -> PySide6",
    ),
    "qt-only-in-ui-shiboken": (
        {"hub/_bad.py": "import shiboken6\n"},
        "hub._bad -> shiboken6",
    ),
    "terminal-without-hub": (
        {"drivers/printer/_bad.py": "from hub.store import Store\n"},
        "drivers.printer._bad -> hub.store",
    ),
    "wire-alone": (
        {"wire/_bad.py": "from common import supervised\n"},
        "wire._bad -> common",
    ),
    "common-alone": (
        {"common/_bad.py": "import wire.tracking\n"},
        "common._bad -> wire.tracking",
    ),
    "catalogue-on-wire-only": (
        {"catalogue/_bad.py": "from common.supervised import Supervisor\n"},
        "catalogue._bad -> common.supervised",
    ),
    # Allowed module, forbidden neighbour: the pure ICAO code reaching the PC/SC reader (a
    # relative import inside drivers/) makes the hub depend on it.
    "hub-separate": (
        {
            "hub/_bad.py": "from drivers.card.icao import _bad\n",
            "drivers/card/icao/_bad.py": "from ..pcsc import PcscReaderFactory\n",
        },
        "drivers.card.icao._bad -> drivers.card.pcsc",
    ),
    "hub-separate-kiosk": (
        {"hub/_bad.py": "import kiosk.receipt\n"},
        "hub._bad -> kiosk.receipt",
    ),
    "core-without-simulators": (
        {
            "kiosk/_bad.py": "from drivers.card import emrtd\nfrom . import _bad_helper\n",
            "kiosk/_bad_helper.py": "from drivers.printer.virtual import server\n",
        },
        "kiosk._bad_helper -> drivers.printer.virtual.server",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_contract_bites(case: str, tmp_path: Path) -> None:
    contract_id = next(c["id"] for c in config()["contracts"] if case.startswith(c["id"]))
    files, chain = BAD[case]
    project = project_copy(tmp_path)
    write(project, files)
    result = lint_imports(project, contract_id)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Contracts: 0 kept, 1 broken." in result.stdout, result.stdout
    assert chain in result.stdout, result.stdout


def test_the_hub_contract_forbids_every_driver_but_the_icao_functions() -> None:
    """A new module of drivers/ is forbidden to the hub the day it is added."""
    forbidden = contract("hub-separate")["forbidden_modules"]
    allowed = ("drivers.card.icao",)
    # The packages on the way to drivers.card.icao run their __init__ in the hub; they are
    # checked below to import nothing.
    on_the_way = {"drivers", "drivers.card"}
    for path in sorted((ROOT / "drivers").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        if module in on_the_way or any(module == a or module.startswith(a + ".") for a in allowed):
            continue
        assert any(module == f or module.startswith(f + ".") for f in forbidden), module
    for package in on_the_way:
        init = ROOT / package.replace(".", "/") / "__init__.py"
        assert "import" not in init.read_text(encoding="utf-8"), init
