"""The code-page answers kept between starts: the configuration's check before the first frame
does not import python-escpos's printer database once it has been asked, and never answers
from a database that has changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.printer import codepages, escpos_cache
from drivers.printer.codepages import EncodeError, codepage_number

ROOT = Path(__file__).resolve().parents[3]

ASK = """
import sys
from drivers.printer.codepages import codepage_number
print(codepage_number("default", "CP858"), "escpos.capabilities" in sys.modules)
"""


def ask_in_a_new_process(folder: Path, **extra: str) -> tuple[int, bool]:
    env = {**os.environ, escpos_cache.ENV: str(folder), **extra}
    done = subprocess.run(
        [sys.executable, "-c", ASK], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    number, imported = done.stdout.split()
    return int(number), imported == "True"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(escpos_cache.ENV, str(tmp_path))
    codepage_number.cache_clear()
    yield tmp_path / codepages.CACHE_NAME
    codepage_number.cache_clear()


def test_the_second_start_answers_without_the_printer_database(tmp_path: Path) -> None:
    assert ask_in_a_new_process(tmp_path) == (19, True)
    assert ask_in_a_new_process(tmp_path) == (19, False)


def test_another_printer_database_is_asked_again(tmp_path: Path) -> None:
    ask_in_a_new_process(tmp_path)
    # An operator's database (python-escpos reads ESCPOS_CAPABILITIES_FILE): not the cached one.
    spec_file = Path(__import__("escpos").__file__).with_name("capabilities.json")
    own = tmp_path / "capabilities.json"
    own.write_bytes(spec_file.read_bytes())
    assert ask_in_a_new_process(tmp_path, ESCPOS_CAPABILITIES_FILE=str(own)) == (19, True)
    assert ask_in_a_new_process(tmp_path, ESCPOS_CAPABILITIES_FILE=str(own)) == (19, False)
    # The same file edited (a new python-escpos): asked again.
    os.utime(own, ns=(own.stat().st_atime_ns, own.stat().st_mtime_ns + 10**9))
    assert ask_in_a_new_process(tmp_path, ESCPOS_CAPABILITIES_FILE=str(own)) == (19, True)


def test_a_cache_cut_off_or_tampered_is_asked_again_and_rewritten(cache: Path) -> None:
    assert codepage_number("default", "CP858") == 19
    whole = cache.read_text()
    cache.write_text(whole[: len(whole) // 2])
    codepage_number.cache_clear()
    assert codepage_number("default", "CP858") == 19
    assert json.loads(cache.read_text()) == json.loads(whole)
    # A non-number answer is not believed.
    data = json.loads(whole)
    data["answers"] = dict.fromkeys(data["answers"], "19; rm -rf /")
    cache.write_text(json.dumps(data))
    codepage_number.cache_clear()
    assert codepage_number("default", "CP858") == 19


def test_a_bad_code_page_keeps_its_exact_message_and_is_not_cached(cache: Path) -> None:
    with pytest.raises(EncodeError, match=r"'TM-T88V' has no code page 'ISO_8859-1'"):
        codepage_number("TM-T88V", "ISO_8859-1")
    with pytest.raises(EncodeError, match="unknown printer profile 'no-such-printer'"):
        codepage_number("no-such-printer", "CP858")
    assert not cache.exists()


def test_a_cache_folder_that_cannot_be_written_costs_only_the_lookup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(escpos_cache.ENV, str(tmp_path / "missing"))
    codepage_number.cache_clear()
    assert codepage_number("default", "CP858") == 19
    assert not (tmp_path / "missing").exists()
    assert not list(tmp_path.iterdir())
    codepage_number.cache_clear()
