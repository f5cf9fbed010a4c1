"""*Antragsstatus* and *Mit dem Rathaus sprechen* as a citizen sees them: the status looked up
at a real hub and shown on the screen, the town hall's number and hours in the clerk dialog."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QCoreApplication

from drivers.camera.scenes import Scene
from drivers.camera.simulated import SimulatedCamera
from tests.hub.conftest import termin
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner
from tests.ui.conftest import KioskDriver
from tests.ui.test_text_fits import text_problems
from wire.api import MEDIA_TYPE_JOSE, SUBMISSION_PATH
from wire.sealing import load_public_key, seal

Make = Callable[..., KioskDriver]


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path, Path]]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup(terminal_id="demo-terminal-01")
    runner.start()
    yield runner, credential, key
    runner.stop()


def _delivered(runner: HubRunner, credential: Path, key: Path) -> str:
    """An application that reached the town hall earlier: its tracking code."""
    doc = termin("demo-terminal-01")
    r = requests.put(
        runner.url + SUBMISSION_PATH.format(submission_id=doc["id"]),
        data=seal(json.dumps(doc).encode(), load_public_key(key), "application/json"),
        headers={
            "Authorization": f"Bearer {credential.read_text().strip()}",
            "Content-Type": MEDIA_TYPE_JOSE,
        },
        timeout=30,
    )
    assert r.status_code == 201, r.text
    return str(doc["tracking_code"])


def _ask(k: KioskDriver, typed: str, large: bool = False) -> None:
    k.click("startButton")
    k.wait_screen("home")
    if large:
        k.click("largeTextButton")
        k.qtbot.waitUntil(lambda: bool(k.ui.theme.property("largeText")))
    k.click("tile_antragsstatus")
    k.wait_screen("service")
    assert not k.exists("receiptOnScreenNotice")
    k.click("proceedButton")
    k.wait_screen("form")
    k.type_into("input_tracking_number", typed)
    k.click("nextButton")
    k.wait_screen("status")


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_the_status_is_shown_at_the_terminal(
    make_kiosk: Make,
    tmp_path: Path,
    hub: tuple[HubRunner, Path, Path],
    orientation: str,
    large: bool,
) -> None:
    runner, credential, key = hub
    code = _delivered(runner, credential, key)
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    k = make_kiosk(orientation, config=config)
    _ask(k, code.lower().replace("-", " "), large)
    k.wait_for("statusAnswer")
    assert k.text_of("statusWord") == "Eingegangen"
    assert k.text_of("statusTrackingNumber") == code  # as the receipt writes it
    assert k.text_of("statusReceivedAt").startswith("Eingereicht: ")
    QCoreApplication.processEvents()
    k.window.grabWindow()  # layouts final
    assert text_problems(k) == []  # nothing cut off, at either size, in either orientation
    k.shot("status-found-large" if large else "status-found")
    k.click("statusFinishButton")
    k.wait_screen("attract")


def test_without_the_town_hall_the_citizen_is_told_and_can_ask_again(make_kiosk: Make) -> None:
    k = make_kiosk()  # no hub configured
    _ask(k, "7K3M-Q9XD-2AF8")
    k.wait_for("statusRetryButton")
    assert "nicht erreichbar" in k.text_of("statusProblem")
    assert not k.exists("statusAnswer")
    k.shot("status-offline")
    k.click("statusRetryButton")
    k.wait_for("statusRetryButton")
    k.click("backButton")
    k.wait_screen("form")


def test_the_clerk_dialog_gives_the_town_hall_s_number_and_hours(make_kiosk: Make) -> None:
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("clerkButton")
    k.wait_for("clerkPhone")
    assert k.text_of("clerkPhone") == "+49 30 23125 100"
    assert "Mo–Fr 8–16 Uhr" in k.text_of("clerkHours")
    k.shot("clerk-dialog")
    k.click("clerkCloseButton")


def test_a_receipt_held_to_the_camera_shows_its_status(
    make_kiosk: Make, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    # Antragsstatus as a villager does it: the receipt's QR code to the camera, not typing.
    runner, credential, key = hub
    code = _delivered(runner, credential, key)
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    k = make_kiosk(config=config)
    camera = k.ui.terminal.equipment.devices.camera
    assert isinstance(camera, SimulatedCamera)
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_antragsstatus")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("form")
    # First someone else's code (a poster's link): refused in plain words, never opened.
    k.click("scanButton_tracking_number")
    k.wait_for("scanPanel_tracking_number")
    k.wait_for("cameraPreview")
    k.click("demoHoldForeignCode")  # the demo's own control for the simulated camera
    k.wait_for("scanProblem_tracking_number", timeout=10000)
    assert "nicht von einer Quittung" in k.text_of("scanProblem_tracking_number")
    k.shot("status-scan-foreign-code")
    assert text_problems(k) == []
    # The receipt: its number is read and the status shown.
    camera.hold(Scene.RECEIPT, config.status_url.format(tracking=code))
    k.wait_screen("status", timeout=15000)
    k.wait_for("statusAnswer")
    assert k.text_of("statusTrackingNumber") == code
    assert k.text_of("statusWord") == "Eingegangen"
    assert not camera.frames.wanted  # the camera rests again
    k.shot("status-found-by-scan")
