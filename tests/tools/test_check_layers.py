"""The layering check finds what it must find, and the project itself passes it."""

from __future__ import annotations

from pathlib import Path

from tools.check_layers import violations


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_project_keeps_its_layers() -> None:
    assert violations() == []


def test_qt_outside_ui_and_upward_imports_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "kiosk/core.py", "from PySide6.QtGui import QImage\nimport ui.app\n")
    write(tmp_path, "drivers/card/x.py", "from kiosk.session import Session\n")
    write(tmp_path, "hub/server.py", "import offline_queue.outbox\n")
    write(tmp_path, "ui/app.py", "from PySide6.QtQuick import QQuickView\nimport kiosk\n")
    found = violations(tmp_path)
    assert "kiosk/core.py:1: imports PySide6.QtGui; only ui/ may use Qt" in found
    assert "kiosk/core.py:2: kiosk/ must not import ui/" in found
    assert "drivers/card/x.py:1: drivers/ must not import kiosk/" in found
    assert "hub/server.py:1: hub/ must not import offline_queue/" in found
    assert not any(v.startswith("ui/") for v in found)


def test_the_hub_may_use_only_the_pure_icao_functions_of_the_drivers(tmp_path: Path) -> None:
    source = "from drivers.card.icao import passive\nimport drivers.card.pcsc\n"
    write(tmp_path, "hub/id.py", source)
    found = violations(tmp_path)
    assert found == ["hub/id.py:2: hub/ may use only drivers.card.icao"]
