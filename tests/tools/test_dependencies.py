"""Two installable parts, every import declared.

pyproject.toml has a small base (what terminal and hub share) and one extra per program: `kiosk`
(the terminal) and `hub` (the town hall's server). Here every third-party module each program
imports — followed through our own packages, as Python follows it at run time — must come from a
distribution that program declares; and the requirement trees, resolved through the installed
distributions' metadata, keep Qt out of the hub and the web server out of the terminal.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import grimp
import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "point-of-public"


@cache
def pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def ours() -> list[str]:
    packages: list[str] = pyproject()["tool"]["importlinter"]["root_packages"]
    return packages


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def project_requirements(extras: tuple[str, ...]) -> list[Requirement]:
    """The project's own requirements with these extras, self-references expanded."""
    project = pyproject()["project"]
    found = [Requirement(r) for r in project["dependencies"]]
    seen: set[str] = set()
    todo = list(extras)
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for text in project["optional-dependencies"][extra]:
            requirement = Requirement(text)
            if canonical(requirement.name) == PROJECT:
                todo.extend(requirement.extras)
            else:
                found.append(requirement)
    return found


def declared(extras: tuple[str, ...]) -> set[str]:
    return {canonical(r.name) for r in project_requirements(extras)}


def requirement_tree(extras: tuple[str, ...]) -> set[str]:
    """Every distribution `pip install point-of-public[extras]` installs (installed metadata)."""
    found: set[str] = set()
    visited: set[tuple[str, frozenset[str]]] = set()
    todo = [(r, frozenset[str]()) for r in project_requirements(extras)]
    while todo:
        requirement, parent_extras = todo.pop()
        marker = requirement.marker
        if marker is not None and not any(
            marker.evaluate({"extra": e}) for e in (parent_extras or {""})
        ):
            continue
        name = canonical(requirement.name)
        key = (name, frozenset(requirement.extras))
        if key in visited:
            continue
        visited.add(key)
        found.add(name)
        try:
            requires = importlib.metadata.requires(requirement.name) or []
        except importlib.metadata.PackageNotFoundError:
            needed_by = f"{PROJECT}[{','.join(extras)}]"
            pytest.fail(f"{requirement.name} (needed by {needed_by}) is not installed")
        todo.extend((Requirement(r), frozenset(requirement.extras)) for r in requires)
    return found


@cache
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*ours(), include_external_packages=True, cache_dir=None)


def third_party_imports(packages: tuple[str, ...], scripts: tuple[str, ...] = ()) -> set[str]:
    """Top-level names of the modules outside ours and the standard library that these packages
    import, directly or through any of our modules they import."""
    g = graph()
    reached: set[str] = set()
    for package in packages:
        modules = g.find_children(package) | {package}
        modules |= {m for m in g.modules if m.startswith(package + ".")}
        for module in modules:
            reached |= g.find_upstream_modules(module) | {module}
    names = {m.split(".")[0] for m in reached}
    for script in scripts:
        names |= direct_imports(ROOT / script)
    return names - set(ours()) - set(sys.stdlib_module_names)


def direct_imports(path: Path) -> set[str]:
    """Top-level names of the modules one file imports (absolute imports)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


# program -> (its packages, its top-level scripts, the extras it is installed with)
PROGRAMS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # pcsc and cups are a real terminal's optional hardware (they build from source).
    "terminal": (
        ("kiosk", "ui", "drivers", "offline_queue", "provisioning"),
        ("main.py",),
        ("kiosk", "pcsc", "cups"),
    ),
    "hub": (("hub",), (), ("hub",)),
    # What both sides import: the base alone.
    "shared": (("wire", "catalogue", "common"), (), ()),
}


@pytest.mark.parametrize("program", sorted(PROGRAMS))
def test_every_third_party_import_is_declared_by_its_program(program: str) -> None:
    packages, scripts, extras = PROGRAMS[program]
    allowed = declared(extras)
    distributions = importlib.metadata.packages_distributions()
    undeclared = []
    for name in sorted(third_party_imports(packages, scripts)):
        candidates = distributions.get(name)
        assert candidates, f"{program} imports {name}, which no installed distribution provides"
        if not any(canonical(d) in allowed for d in candidates):
            undeclared.append(f"{name} ({' or '.join(candidates)})")
    assert not undeclared, f"{program} imports, undeclared in {extras or 'the base'}: {undeclared}"


def test_the_tests_tools_and_benchmarks_import_only_what_the_test_extra_declares() -> None:
    allowed = declared(("test",))
    distributions = importlib.metadata.packages_distributions()
    undeclared = []
    for folder in ("tests", "tools", "bench"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for name in sorted(direct_imports(path) - set(ours()) - set(sys.stdlib_module_names)):
                if name in ("tests", "tools", "main") or (path.parent / f"{name}.py").exists():
                    continue  # ours: the test tree, the tools, a benchmark's sibling module
                candidates = distributions.get(name, [])
                if not any(canonical(d) in allowed for d in candidates):
                    undeclared.append(f"{path.relative_to(ROOT)}: {name}")
    assert not undeclared, undeclared


def test_the_scan_sees_what_each_program_imports() -> None:
    """The scan follows our own imports: the hub reaches cryptography through drivers.card.icao
    and the terminal reaches Qt, so an empty scan cannot pass the test above."""
    assert {"fastapi", "argon2", "cryptography", "yaml"} <= third_party_imports(("hub",))
    assert {"PySide6", "requests", "escpos"} <= third_party_imports(("ui", "kiosk"))
    assert "PySide6" not in third_party_imports(("hub",))


def test_the_hub_installs_without_qt() -> None:
    tree = requirement_tree(("hub",))
    assert {"fastapi", "uvicorn", "argon2-cffi", "pydantic"} <= tree
    assert not {"pyside6", "pyside6-addons", "pyside6-essentials", "shiboken6"} & tree, tree


def test_the_terminal_installs_without_the_web_server() -> None:
    tree = requirement_tree(("kiosk",))
    assert {"pyside6-addons", "pyside6-essentials", "requests", "python-escpos"} <= tree
    web = {"fastapi", "starlette", "uvicorn", "argon2-cffi", "jinja2", "python-multipart"}
    assert not web & tree, web & tree


def test_demo_and_test_install_both_programs() -> None:
    for extras in (("demo",), ("test",)):
        assert declared(("kiosk", "hub")) <= declared(extras), extras


# Run in a fresh interpreter: the other program's distributions made unimportable, then every
# module of this program imported, as in an installation of its extra alone.
IMPORT_WITHOUT = """
import importlib, pkgutil, sys

blocked = set(sys.argv[1].split(","))

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"{name} is not installed with this extra", name=name)
        return None

sys.meta_path.insert(0, Blocker())
for package in sys.argv[2].split(","):
    importlib.import_module(package)
    for info in pkgutil.walk_packages(sys.modules[package].__path__, package + "."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
print("imported", len(sys.modules))
"""

TERMINAL_ONLY = "PySide6,shiboken6,PIL,qrcode,requests,escpos,serial,usb,smartcard,cups"
HUB_ONLY = "fastapi,starlette,anyio,uvicorn,jinja2,multipart,python_multipart,argon2"


@pytest.mark.parametrize(
    ("packages", "blocked"),
    [
        ("hub,wire,catalogue,common", TERMINAL_ONLY),
        ("kiosk,ui,offline_queue,drivers,provisioning,wire,catalogue,common", HUB_ONLY),
    ],
    ids=["the hub without the terminal's", "the terminal without the hub's"],
)
def test_each_program_imports_without_the_others_distributions(packages: str, blocked: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_WITHOUT, blocked, packages],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("imported"), result.stdout
