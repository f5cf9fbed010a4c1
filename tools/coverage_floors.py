"""Coverage floors for the core: fail when a part's line coverage drops below its floor.

Run by scripts/test after a full pytest run (with --cov: the combined data file `.coverage`).
The floors sit 0.5-1 point under what the full run (scripts/test, which is what checks them)
measured when they were set, so a change that leaves new core code untested fails the test
command instead of slipping by in a long report.
Raise a floor when coverage rises; lower one only with a reason in the commit message.

Every Python file under a part counts, also one no test imported (it counts as not covered).

Usage: ``python tools/coverage_floors.py [--data-file .coverage]`` (exit code 1 and one line
per part below its floor).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import coverage

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Part:
    """Some of the project's files and the line coverage they must keep."""

    floor: float
    #: folders (all their .py files, recursively) and single files, relative to the root
    paths: tuple[str, ...]


FLOORS: dict[str, Part] = {
    "kiosk/": Part(96.0, ("kiosk",)),  # full run 97.0
    "offline_queue/": Part(92.0, ("offline_queue",)),  # 93.0
    "wire/": Part(97.0, ("wire",)),  # 98.0
    "catalogue/": Part(96.5, ("catalogue",)),  # 97.5
    # The drivers' protocol code: ICAO 9303 (APDUs, TLV, secure messaging, PACE, passive and
    # active authentication, the LDS), reading a chip with it, and the receipt's ESC/POS.
    "drivers/card/icao/": Part(90.0, ("drivers/card/icao",)),  # 90.8
    "drivers/card (reading a chip)": Part(
        92.5,  # 93.1
        (
            "drivers/card/base.py",
            "drivers/card/chip_reader.py",
            "drivers/card/emrtd.py",
            "drivers/card/genuine.py",
            "drivers/card/slot.py",
        ),
    ),
    "drivers/printer (ESC/POS)": Part(
        98.0,  # 98.6
        (
            "drivers/printer/base.py",
            "drivers/printer/document.py",
            "drivers/printer/escpos_encoder.py",
            "drivers/printer/layout.py",
            "drivers/printer/settings.py",
            "drivers/printer/text.py",
        ),
    ),
}


@dataclass(frozen=True)
class Measured:
    statements: int
    missing: int

    @property
    def percent(self) -> float:
        if self.statements == 0:
            return 100.0
        return 100.0 * (self.statements - self.missing) / self.statements


def files_of(root: Path, paths: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for rel in paths:
        path = root / rel
        if path.is_dir():
            found.extend(sorted(path.rglob("*.py")))
        elif path.is_file():
            found.append(path)
        else:
            # A floor over a file that moved would otherwise guard nothing, silently.
            raise FileNotFoundError(f"coverage floor names {rel}, which does not exist")
    return found


def measure(
    data_file: Path, root: Path, parts: Mapping[str, Part], config_file: Path | bool
) -> dict[str, Measured]:
    """Line coverage of each part according to the combined data file."""
    if not data_file.is_file():
        raise FileNotFoundError(f"no coverage data at {data_file} (run pytest with --cov)")
    cov = coverage.Coverage(data_file=str(data_file), config_file=config_file)
    cov.load()
    result: dict[str, Measured] = {}
    for name, part in parts.items():
        statements = missing = 0
        for path in files_of(root, part.paths):
            _, lines, _, not_run, _ = cov.analysis2(str(path))
            statements += len(lines)
            missing += len(not_run)
        result[name] = Measured(statements, missing)
    return result


def shortfalls(measured: Mapping[str, Measured], parts: Mapping[str, Part]) -> list[str]:
    return [
        f"{name}: {measured[name].percent:.1f}% covered, below its floor of {part.floor:.1f}%"
        for name, part in parts.items()
        if measured[name].percent < part.floor
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-file", type=Path, default=ROOT / ".coverage")
    args = parser.parse_args(argv)
    measured = measure(args.data_file, ROOT, FLOORS, ROOT / "pyproject.toml")
    for name, part in FLOORS.items():
        print(f"{name:32} {measured[name].percent:5.1f}%  (floor {part.floor:.1f}%)")
    problems = shortfalls(measured, FLOORS)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
