"""The terminal with its real card reader: PC/SC through pcscd, our virtual chip on vpcd.

The configuration's ``card_reader = "real"`` path (trust store from files) end to end through
the session: card placed → CAN typed → read → confirmed → the form prefilled.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from drivers.card.base import ChipCheck, ReadFailure
from drivers.card.simulated import SAMPLES_DIR
from drivers.card.virtual.behaviour import ChipBehaviour, PastEnd
from drivers.devices import Devices
from drivers.factory import build_devices
from kiosk.config import DeviceChoice
from kiosk.equipment import device_settings
from kiosk.identify import AccessKind
from kiosk.session import IdentifyState, Screen
from tests.kiosk.conftest import MakeKiosk, simulated_devices
from tests.kiosk.journeys import start_service
from tests.support import pcsc_stack
from tests.support.configs import demo_config
from tests.support.pcsc_stack import READER, VirtualCard


def real_reader(tmp_path: Path, card: VirtualCard) -> Devices:
    """The simulated devices with the real card reader (PC/SC, trusting the card's CSCA)."""
    config = demo_config(tmp_path / "data")
    real = dataclasses.replace(
        config.devices,
        card_reader=DeviceChoice.REAL,
        card_reader_name=READER,
        csca_trust_store=(card.csca,),
    )
    devices = simulated_devices()
    devices.card_reader = build_devices(device_settings(real)).card_reader
    return devices


UNLIKE_OURS = ChipBehaviour(past_end=PastEnd.WARNING, sfi=False, access_denied_sw=0x6988)


@pytest.mark.parametrize(
    "behaviour", [None, UNLIKE_OURS], ids=["our chip", "6282, no SFI, 6988 for a wrong CAN"]
)
def test_identify_with_the_real_reader(
    make_kiosk: MakeKiosk, tmp_path: Path, behaviour: ChipBehaviour | None
) -> None:
    """A wrong CAN brings the citizen back to the CAN entry with "check the entered data" (not
    "place the card again"), whatever status word the chip refuses it with."""
    pcsc_stack.start_pcscd()
    # The card writes its CSCA: the trust store's file.
    card = VirtualCard(tmp_path, behaviour=behaviour).put_down()
    try:
        k = make_kiosk(devices=real_reader(tmp_path, card))
        s = start_service(k, "sperrmuell")
        k.wait_for(lambda: s.identify_state is IdentifyState.ACCESS)
        s.submit_access({"can": "111111"})
        k.wait_for(lambda: s.identify_failure is ReadFailure.ACCESS_DENIED)
        assert s.identify_state is IdentifyState.ACCESS  # the CAN entry again, card stays put
        s.submit_access({"can": "123456"})
        k.wait_for(lambda: s.identify_state is IdentifyState.CONFIRM)
        assert s.identity is not None
        assert (s.identity.authenticity, s.identity.access_protocol) == ("valid", "PACE")
        s.confirm_identity()
        assert s.screen is Screen.FORM
        assert s.values["family_name"] == "Mustermann"
        assert "family_name" in s.prefilled
    finally:
        card.take_away()


@pytest.mark.parametrize("clone", [False, True], ids=["original", "clone"])
def test_a_cloned_passport_is_refused(make_kiosk: MakeKiosk, tmp_path: Path, clone: bool) -> None:
    """The ICAO specimen passport (Chip and Active Authentication) and a copy of its files on
    another chip: the copy is refused with its own message, nothing of it is kept."""
    pcsc_stack.start_pcscd()
    card = VirtualCard(
        tmp_path, SAMPLES_DIR / "anna.json", behaviour=ChipBehaviour(clone=clone)
    ).put_down()
    try:
        k = make_kiosk(devices=real_reader(tmp_path, card))
        s = start_service(k, "sperrmuell")
        k.wait_for(lambda: s.identify_state is IdentifyState.ACCESS)
        assert s.access_kind is AccessKind.MRZ
        s.submit_access(
            {"document_number": "L898902C3", "date_of_birth": "12.08.1974", "expiry": "15.04.2034"}
        )
        if clone:
            k.wait_for(lambda: s.identify_failure is ReadFailure.NOT_GENUINE)
            assert s.identify_state is IdentifyState.FAILED and s.identity is None
        else:
            k.wait_for(lambda: s.identify_state is IdentifyState.CONFIRM)
            assert s.identity is not None
            assert s.identity.chip_authentication is ChipCheck.VERIFIED
            assert s.identity.active_authentication is ChipCheck.VERIFIED
    finally:
        card.take_away()
