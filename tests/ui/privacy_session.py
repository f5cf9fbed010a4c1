"""After every session nothing personal remains: not in Python's objects, not in the QML scene,
not in the data folder, not in the log.

Run in a fresh interpreter by test_privacy.py, so that the search of the process's objects sees
the kiosk's state only, not what other tests of the suite keep alive (their sample data)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.conftest import KioskDriver, read_sample_card

# Kept reversed so that the test's own constants are not found by the search.
_SECRETS_REVERSED = ("nnamretsuM", "eßartsedieH", "edommoKsamO", "9210022T")


def secrets() -> list[str]:
    return [s[::-1] for s in _SECRETS_REVERSED]


def python_objects_holding(needles: list[str]) -> list[str]:
    """Every live container that references a string or buffer containing a needle."""
    encoded = [n.encode() for n in needles]
    found = []
    gc.collect()
    for obj in gc.get_objects():
        try:
            referents = gc.get_referents(obj)
        except ReferenceError:
            continue
        for ref in referents:
            if isinstance(ref, str):
                if any(ref is n for n in needles):
                    continue
                hit = any(n in ref for n in needles)
            elif isinstance(ref, bytes | bytearray):
                hit = any(e in ref for e in encoded) and not any(ref is e for e in encoded)
            else:
                continue
            if hit:
                found.append(f"{type(obj).__name__} -> {type(ref).__name__}")
    return found


def scene_texts(k: KioskDriver) -> Iterator[str]:
    for item in k.items():
        for prop in ("text", "placeholderText", "source"):
            value = item.property(prop)
            if isinstance(value, str) and value:
                yield value


def files_holding(folder: Path, needles: list[str]) -> list[Path]:
    hits = []
    for path in folder.rglob("*"):
        # The outbox included: it holds the submission until delivery, sealed for the hub.
        if not path.is_file():
            continue
        data = path.read_bytes()
        if any(n.encode() in data for n in needles):
            hits.append(path)
    return hits


def run_session_with_id_card(k: KioskDriver, end: Callable[[KioskDriver], None]) -> None:
    family, _street, typed, _number = secrets()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_sperrmuell")
    k.click("proceedButton")
    k.wait_screen("identify")
    read_sample_card(k)
    k.wait_screen("form")
    # The chip's data is on screen and in the session while the citizen works.
    assert any(family in t for t in scene_texts(k))
    assert python_objects_holding([family])
    k.click("nextButton")
    k.wait_for("input_items")
    k.type_into("input_items", f"1 Sofa, {typed}")
    k.type_into("input_volume", "2")
    k.type_into("input_preferred_date", k.clock.german(9))  # sperrmuell: 7 to 90 days ahead
    k.click("nextButton")
    k.wait_screen("review")
    end(k)
    k.wait_screen("attract")


def finish_normally(k: KioskDriver) -> None:
    k.click("consentToggle")
    k.click("submitButton")
    k.wait_screen("done")
    k.wait_for("receiptImage")
    k.click("finishButton")


def cancel(k: KioskDriver) -> None:
    k.click("cancelButton")
    k.click("cancelYesButton")


@pytest.mark.parametrize("end", [finish_normally, cancel], ids=["finished", "cancelled"])
def test_nothing_personal_remains_after_the_session(
    make_kiosk: Callable[..., KioskDriver],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    end: Callable[[KioskDriver], None],
) -> None:
    caplog.set_level("DEBUG")
    k = make_kiosk()
    run_session_with_id_card(k, end)
    needles = secrets()
    assert python_objects_holding(needles) == []
    leftovers = [t for t in scene_texts(k) if any(n in t for n in needles)]
    assert leftovers == []
    assert files_holding(tmp_path, needles) == []
    assert not any(n in caplog.text for n in needles)
    session = k.ui.models.session
    assert session is not None
    assert session.photos == [] and session.identity is None and session.print_result is None
    assert k.ui.models.form.fields.rowCount() == 0
