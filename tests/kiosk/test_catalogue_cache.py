"""The checked catalogue kept between starts: the same catalogue as read anew, never a stale or
broken one, and the attract screen's start without PyYAML."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue.loader import load_catalogue as read_and_check
from catalogue.problems import CatalogueError
from kiosk import catalogue_cache
from kiosk.availability import Availability
from kiosk.catalogue_cache import FILE_NAME, load_catalogue
from kiosk.scheduling import ManualScheduler
from kiosk.terminal import Terminal
from tests.kiosk.conftest import simulated_devices
from tests.support.configs import demo_config
from ui.icons import KNOWN_ICONS

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "catalogues" / "musterstadt.yaml"


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    return Path(shutil.copy(DEMO, tmp_path / "catalogue.yaml"))


def test_the_kept_catalogue_is_the_one_read_anew(tmp_path: Path, catalogue_file: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    first = load_catalogue(catalogue_file, KNOWN_ICONS, folder)
    assert (folder / FILE_NAME).exists()
    kept = load_catalogue(catalogue_file, KNOWN_ICONS, folder)
    assert kept == first == read_and_check(catalogue_file, KNOWN_ICONS)
    assert kept is not first  # it did come from the file


def test_a_start_from_the_kept_catalogue_imports_no_yaml(
    tmp_path: Path, catalogue_file: Path
) -> None:
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from kiosk.catalogue_cache import load_catalogue\n"
        f"c = load_catalogue(Path({str(catalogue_file)!r}), None, Path({str(tmp_path)!r}))\n"
        "print(len(c.services), 'yaml' in sys.modules)\n"
    )

    def start() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        return done.stdout.split()

    assert start() == ["8", "True"]
    assert start() == ["8", "False"]


def test_an_edited_catalogue_is_read_anew_even_with_its_old_size_and_time(
    tmp_path: Path, catalogue_file: Path
) -> None:
    load_catalogue(catalogue_file, KNOWN_ICONS, tmp_path)
    before = catalogue_file.stat()
    text = catalogue_file.read_text(encoding="utf-8")
    assert "Gemeinde Musterstadt" in text
    catalogue_file.write_text(text.replace("Gemeinde Musterstadt", "Gemeinde Musterstedt"), "utf-8")
    assert catalogue_file.stat().st_size == before.st_size
    os.utime(catalogue_file, ns=(before.st_atime_ns, before.st_mtime_ns))  # as rsync -t would
    edited = load_catalogue(catalogue_file, KNOWN_ICONS, tmp_path)
    assert edited.municipality_name.get("de") == "Gemeinde Musterstedt"


def test_a_broken_catalogue_reports_its_lines_every_time_and_is_not_kept(
    tmp_path: Path, catalogue_file: Path
) -> None:
    good = load_catalogue(catalogue_file, KNOWN_ICONS, tmp_path)
    kept = (tmp_path / FILE_NAME).read_bytes()
    catalogue_file.write_text("municipality: {id: x}\nservices: []\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CatalogueError) as caught:
            load_catalogue(catalogue_file, KNOWN_ICONS, tmp_path)
        assert any(p.line == 1 for p in caught.value.problems)
    assert (tmp_path / FILE_NAME).read_bytes() == kept
    shutil.copy(DEMO, catalogue_file)
    assert load_catalogue(catalogue_file, KNOWN_ICONS, tmp_path) == good


def test_icons_the_interface_no_longer_draws_are_checked_again(
    tmp_path: Path, catalogue_file: Path
) -> None:
    load_catalogue(catalogue_file, KNOWN_ICONS, tmp_path)
    with pytest.raises(CatalogueError, match="icon"):
        load_catalogue(catalogue_file, {"nothing"}, tmp_path)


def test_a_damaged_or_foreign_kept_file_is_read_anew_and_replaced(
    tmp_path: Path, catalogue_file: Path
) -> None:
    good = load_catalogue(catalogue_file, KNOWN_ICONS, tmp_path)
    kept = tmp_path / FILE_NAME
    whole = kept.read_bytes()
    kept.write_bytes(whole[: len(whole) // 2])  # cut off by a power loss
    assert load_catalogue(catalogue_file, KNOWN_ICONS, tmp_path) == good
    assert kept.read_bytes() != whole[: len(whole) // 2]
    kept.write_bytes(pickle.dumps(("another stamp", "not a catalogue")))
    assert load_catalogue(catalogue_file, KNOWN_ICONS, tmp_path) == good
    assert {p.name for p in tmp_path.iterdir()} == {"catalogue.yaml", FILE_NAME}  # no leftovers


def test_a_folder_that_cannot_be_written_costs_only_the_reading(
    tmp_path: Path, catalogue_file: Path
) -> None:
    missing = tmp_path / "gone"
    assert load_catalogue(catalogue_file, KNOWN_ICONS, missing) == read_and_check(
        catalogue_file, KNOWN_ICONS
    )
    assert not missing.exists()


def test_the_default_folder_is_private_and_refused_when_it_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = catalogue_cache.default_folder()
    assert folder == tmp_path / "point-of-public" / "catalogue"
    assert folder.stat().st_mode & 0o777 == 0o700
    folder.rmdir()
    folder.symlink_to(tmp_path)  # a folder that is not a folder of ours: never loaded from
    assert catalogue_cache.default_folder() is None


def test_the_terminal_starts_from_the_kept_catalogue(tmp_path: Path) -> None:
    config = demo_config(tmp_path / "data")
    for _ in range(2):
        terminal = Terminal(
            config,
            ManualScheduler(),
            simulated_devices(),
            known_icons=KNOWN_ICONS,
            catalogue_cache=tmp_path,
        )
        try:
            terminal.boot()
            assert terminal.availability is Availability.IN_SERVICE
            assert terminal.catalogue is not None and len(terminal.catalogue.services) == 8
        finally:
            terminal.shutdown()
        assert (tmp_path / FILE_NAME).exists()
