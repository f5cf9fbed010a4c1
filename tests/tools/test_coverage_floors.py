"""The coverage floors measure what they name and fail below the floor."""

from __future__ import annotations

from pathlib import Path

import pytest
from coverage import CoverageData

from tools.coverage_floors import FLOORS, ROOT, Part, files_of, main, measure, shortfalls

FOUR_STATEMENTS = "a = 1\nb = 2\nc = 3\nd = 4\n"


def project(tmp_path: Path) -> Path:
    for rel in ("core/one.py", "core/deep/two.py", "core/__init__.py", "other.py"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(FOUR_STATEMENTS if rel != "core/__init__.py" else "", encoding="utf-8")
    return tmp_path


def data_file(root: Path, executed: dict[str, list[int]]) -> Path:
    path = root / ".coverage"
    data = CoverageData(basename=str(path))
    data.add_lines({str(root / rel): lines for rel, lines in executed.items()})
    data.write()
    return path


def test_a_part_below_its_floor_is_reported(tmp_path: Path) -> None:
    root = project(tmp_path)
    # core/one.py fully run, core/deep/two.py never imported: 4 of 8 statements.
    data = data_file(root, {"core/one.py": [1, 2, 3, 4], "other.py": [1, 2, 3, 4]})
    parts = {"core/": Part(60.0, ("core",)), "other": Part(100.0, ("other.py",))}
    measured = measure(data, root, parts, config_file=False)
    assert measured["core/"].statements == 8
    assert measured["core/"].percent == 50.0
    assert measured["other"].percent == 100.0
    assert shortfalls(measured, parts) == ["core/: 50.0% covered, below its floor of 60.0%"]


def test_a_part_at_its_floor_passes(tmp_path: Path) -> None:
    root = project(tmp_path)
    data = data_file(root, {"core/one.py": [1, 2, 3, 4], "core/deep/two.py": [1, 2]})
    parts = {"core/": Part(75.0, ("core",))}
    assert shortfalls(measure(data, root, parts, config_file=False), parts) == []


def test_a_floor_over_a_missing_path_or_data_fails_loudly(tmp_path: Path) -> None:
    root = project(tmp_path)
    data = data_file(root, {})
    with pytest.raises(FileNotFoundError, match="moved"):
        measure(data, root, {"x": Part(1.0, ("moved",))}, config_file=False)
    with pytest.raises(FileNotFoundError, match="no coverage data"):
        main(["--data-file", str(tmp_path / "none")])


def test_every_floor_names_existing_core_files() -> None:
    for name, part in FLOORS.items():
        assert files_of(ROOT, part.paths), name
        assert 0 < part.floor <= 100, name
