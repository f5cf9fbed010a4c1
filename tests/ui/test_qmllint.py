"""qmllint over every QML file, against the PointOfPublic module as the Python side defines it.

The module's type description is written from the live meta-objects into a temporary folder
(:mod:`ui.models.qmltypes`), so ``unqualified``, ``missing-property`` and the rest check the
QML against the models as they are. The settings (and why one category is off) are in
``ui/qml/.qmllint.ini``; any line of output fails.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.configs import ROOT
from ui.models import qmltypes

QML_DIR = ROOT / "ui" / "qml"


def qmllint() -> str:
    """PySide6's qmllint (the wheel's binary, through its ``pyside6-qmllint`` wrapper)."""
    wrapper = Path(sys.executable).with_name("pyside6-qmllint")
    found = str(wrapper) if wrapper.exists() else shutil.which("pyside6-qmllint")
    assert found, "pyside6-qmllint is not installed (it comes with PySide6)"
    return found


def lint(folder: Path, files: list[Path], types_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run qmllint in ``folder`` (where it finds ``.qmllint.ini``) on ``files``."""
    qmltypes.write(types_dir)
    return subprocess.run(
        [qmllint(), "-I", str(types_dir), *(str(f.relative_to(folder)) for f in files)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_qml_file_is_clean(tmp_path: Path) -> None:
    files = sorted(QML_DIR.rglob("*.qml"))
    assert len(files) > 10
    result = lint(QML_DIR, files, tmp_path)
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and output == "", output


@pytest.mark.parametrize(
    ("broken", "category"),
    [
        ("text: Kiosk.municipalityNam", "missing-property"),
        ("text: session.municipalityName", "unqualified"),
        ("visible: Navigation.screen === Screen.Reveiw", "missing-property"),
    ],
)
def test_a_wrong_binding_fails(tmp_path: Path, broken: str, category: str) -> None:
    """The lint knows the models: a misspelt property, a name that is not there, a misspelt
    state all fail (they would bind to undefined at run time, silently)."""
    folder = tmp_path / "qml"
    folder.mkdir()
    shutil.copy(QML_DIR / ".qmllint.ini", folder / ".qmllint.ini")
    broken_qml = folder / "Broken.qml"
    broken_qml.write_text(
        "import QtQuick\nimport PointOfPublic\n\nText {\n    "
        + broken.replace("visible", "property bool shown")
        + "\n}\n",
        encoding="utf-8",
    )
    result = lint(folder, [broken_qml], tmp_path / "types")
    assert result.returncode != 0
    assert f"[{category}]" in result.stdout + result.stderr
