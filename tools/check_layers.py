"""Mechanical check of the layering (see docs/ARCHITECTURE.md):

- only ``ui/`` imports PySide6 (the core, drivers, outbox, provisioning and hub stay headless);
- ``ui → kiosk → drivers, offline_queue, provisioning``: no package imports a layer above it;
- ``wire/`` (what terminal and hub agree on) imports none of our packages;
- ``common/`` (plumbing such as supervised threads) imports none of our packages;
- ``hub/`` is a separate program: of the terminal's code it may use only ``wire/``, the
  catalogue with its validation rules (the ``catalogue`` package) and the pure
  ICAO 9303 functions (``drivers.card.icao``) to check the chips' evidence itself.

Usage: ``python tools/check_layers.py`` (exit code 1 and one line per violation).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: package -> packages of this project it must not import
FORBIDDEN: dict[str, set[str]] = {
    "kiosk": {"ui", "hub"},
    "drivers": {"ui", "kiosk", "offline_queue", "provisioning", "hub"},
    "offline_queue": {"ui", "kiosk", "drivers", "provisioning", "hub"},
    "provisioning": {"ui", "kiosk", "hub"},
    "hub": {"ui", "kiosk", "offline_queue", "provisioning"},
    # The services and their form rules, which terminal and hub both check forms by.
    "catalogue": {"ui", "kiosk", "drivers", "offline_queue", "provisioning", "hub", "common"},
    "wire": {
        "ui",
        "kiosk",
        "drivers",
        "offline_queue",
        "provisioning",
        "hub",
        "common",
        "catalogue",
    },
    # Plumbing every layer may use (supervised threads); it uses none of them.
    "common": {
        "ui",
        "kiosk",
        "drivers",
        "offline_queue",
        "provisioning",
        "hub",
        "wire",
        "catalogue",
    },
}
#: package -> the only modules of a layer it may use (prefixes)
ONLY: dict[str, dict[str, tuple[str, ...]]] = {
    # drivers.card.icao: ICAO 9303 as pure functions (CMS, passive authentication, LDS), so
    # that the hub checks a chip's evidence with the very code the terminal reads it with.
    "hub": {
        "drivers": ("drivers.card.icao",),
    },
}
QT_ALLOWED = {"ui"}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations(root: Path = ROOT) -> list[str]:
    problems: list[str] = []
    for package in sorted({*FORBIDDEN, *QT_ALLOWED}):
        for path in sorted((root / package).rglob("*.py")):
            rel = path.relative_to(root)
            for line, module in imported_modules(path):
                top = module.split(".")[0]
                if top in ("PySide6", "shiboken6") and package not in QT_ALLOWED:
                    problems.append(f"{rel}:{line}: imports {module}; only ui/ may use Qt")
                if top in FORBIDDEN.get(package, set()):
                    problems.append(f"{rel}:{line}: {package}/ must not import {top}/")
                allowed = ONLY.get(package, {}).get(top)
                if allowed is not None and not any(
                    module == a or module.startswith(a + ".") for a in allowed
                ):
                    problems.append(f"{rel}:{line}: {package}/ may use only {', '.join(allowed)}")
    return problems


def main() -> int:
    problems = violations()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
