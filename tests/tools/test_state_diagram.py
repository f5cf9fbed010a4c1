"""The state diagram in docs/ARCHITECTURE.md is the one the transition table prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.state_diagram import BEGIN, DOC, END, ROOT, diagram, main


def test_the_architecture_document_shows_the_current_table() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "state_diagram.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_stale_diagram_is_found_and_rewritten(tmp_path: Path) -> None:
    doc = tmp_path / "ARCHITECTURE.md"
    current = DOC.read_text(encoding="utf-8")
    start, stop = current.index(BEGIN), current.index(END)
    stale = current[:start] + f"{BEGIN}\n```mermaid\nstateDiagram-v2\n```\n" + current[stop:]
    doc.write_text(stale, encoding="utf-8")
    assert main(["--check", "--doc", str(doc)]) == 1
    assert main(["--write", "--doc", str(doc)]) == 0
    assert main(["--check", "--doc", str(doc)]) == 0
    assert doc.read_text(encoding="utf-8") == current


def test_every_rule_is_an_edge() -> None:
    text = diagram()
    assert text.startswith("stateDiagram-v2\n")
    assert "attract --> home: start" in text
    assert "review --> submitting: store" in text
    assert "confirm_cancel --> resumed: dismiss_cancel" in text
    assert "form --> form: next [page invalid]" in text
