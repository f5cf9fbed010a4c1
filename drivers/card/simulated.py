"""The simulated card reader that ships with the product: the virtual chip, in process.

The demo's "cards" are sample documents (``drivers/card/samples/*.json``). Placing one puts a
:class:`~drivers.card.virtual.chip.VirtualChip` built from it on an in-process slot, and the
very same reading code as on a real PC/SC reader runs against it: probe, PACE or BAC with the
CAN/MRZ the citizen types, secure messaging, passive authentication (against a test PKI made
at start, whose CSCA this reader trusts). Like the AusweisApp's simulator: one chip, two
transports.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from datetime import date
from pathlib import Path

from drivers.card.chip_reader import ChipCardReader
from drivers.card.icao.apdu import Transmit, with_transport_rules
from drivers.card.icao.passive import TrustStore
from drivers.card.slot import CardGoneError, SlotState
from drivers.card.virtual.chip import VirtualChip
from drivers.card.virtual.document import Specimen, chip_profile
from drivers.card.virtual.pki import TestPki

log = logging.getLogger(__name__)

SAMPLES_DIR = Path(__file__).with_name("samples")


class InProcessSlot:
    """A slot whose card is a virtual chip in this process."""

    def __init__(self, apdu_delay_s: float = 0.0) -> None:
        self._lock = threading.Condition()
        self._chip: VirtualChip | None = None
        self._mute = False
        self._reader = True
        self._delay = apdu_delay_s
        self._connected: VirtualChip | None = None

    def insert(self, chip: VirtualChip | None, mute: bool = False) -> None:
        with self._lock:
            self._chip, self._mute = chip, mute
            self._lock.notify_all()

    def remove(self) -> None:
        self.insert(None)

    def unplug(self, plugged: bool = False) -> None:
        with self._lock:
            self._reader = plugged
            self._lock.notify_all()

    def _state(self) -> SlotState:
        if not self._reader:
            return SlotState.NO_READER
        if self._connected is not None and self._chip is not self._connected:
            return SlotState.EMPTY  # another card put down in one go: first the old one leaves
        if self._chip is None:
            return SlotState.EMPTY
        return SlotState.MUTE if self._mute else SlotState.CARD

    def wait(self, timeout: float) -> SlotState:
        with self._lock:
            before = self._state()
            if timeout > 0:
                self._lock.wait_for(lambda: self._state() is not before, timeout)
            state = self._state()
            if self._connected is not None and self._chip is not self._connected:
                self._connected = None  # reported once; the next wait sees the new card
            return state

    def connect(self) -> Transmit:
        with self._lock:
            chip, mute = self._chip, self._mute
            if chip is None or mute:
                raise CardGoneError("no card")
            self._connected = chip
        chip.reset()

        def transmit(apdu: bytes) -> bytes:
            if self._delay:
                time.sleep(self._delay)
            with self._lock:
                if self._chip is not chip or not self._reader:
                    raise CardGoneError("card removed")
            return chip.transmit(apdu)

        return with_transport_rules(transmit)

    def atr(self) -> bytes:
        with self._lock:
            return self._connected.atr if self._connected is not None else b""

    def disconnect(self) -> None:
        with self._lock:
            if self._connected is self._chip:
                self._connected = None

    def close(self) -> None:
        self.remove()


class SimulatedCardReader(ChipCardReader):
    def __init__(
        self,
        read_seconds: float = 0.8,
        samples_dir: Path = SAMPLES_DIR,
        pki: TestPki | None = None,
    ) -> None:
        # ``pki``: the document signer and CSCA of the sample chips (the demo's hub trusts its
        # CSCA, so that the hub's own check of the chip data passes); a fresh one by default.
        self._pki = pki or TestPki.generate(name="Demo")
        # About 80 APDUs per read: spread the configured read time over them, so that the demo
        # shows the progress a real reader would.
        self.slot = InProcessSlot(apdu_delay_s=read_seconds / 80)
        super().__init__(self.slot, TrustStore([self._pki.csca]), name="card-reader-sim")
        self._samples_dir = samples_dir

    def samples(self) -> list[str]:
        return sorted(p.stem for p in self._samples_dir.glob("*.json"))

    def sample_mrz(self, sample: str) -> str:
        """The MRZ printed on a sample passport's data page ("" for one without: an ID card's
        is on its back, and the demo holds passports to the camera)."""
        raw = self._raw(sample).get("chip")
        if raw is None:
            return ""
        specimen = Specimen.from_json(self._samples_dir / f"{sample}.json")
        if specimen.document_type != "passport":
            return ""
        from drivers.card.icao.mrz import format_td3

        return format_td3(
            issuing_state=specimen.issuing_state,
            family_name=specimen.family_name,
            given_names=tuple(specimen.given_names.split()),
            document_number=specimen.document_number,
            nationality=specimen.nationality,
            date_of_birth=specimen.date_of_birth.strftime("%y%m%d"),
            sex=specimen.sex,
            date_of_expiry=specimen.expiry.strftime("%y%m%d"),
        )

    def sample_access(self, sample: str) -> dict[str, str]:
        """What is printed on the sample document (shown in the demo's sample panel)."""
        raw = self._raw(sample).get("chip")
        if raw is None:
            return {}
        specimen = Specimen.from_json(self._samples_dir / f"{sample}.json")
        return {
            "can": specimen.can,
            "document_number": specimen.document_number,
            "date_of_birth": specimen.date_of_birth.strftime("%d.%m.%Y"),
            "expiry": specimen.expiry.strftime("%d.%m.%Y"),
        }

    def _raw(self, sample: str) -> dict[str, object]:
        try:
            raw = json.loads((self._samples_dir / f"{sample}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return raw if isinstance(raw, dict) else {}

    def place_card(self, sample: str) -> None:
        """Put the sample document ``sample`` on the reader."""
        raw = self._raw(sample)
        if "chip" not in raw:
            self.slot.insert(VirtualChip(chip_profile(_BLANK, self._pki)), mute=True)
            return
        try:
            specimen = Specimen.from_json(self._samples_dir / f"{sample}.json")
        except (KeyError, TypeError, ValueError):
            log.warning("sample %s is not a usable document", sample)
            self.slot.insert(VirtualChip(chip_profile(_BLANK, self._pki)), mute=True)
            return
        self.slot.insert(VirtualChip(chip_profile(specimen, self._pki)))

    def remove_card(self) -> None:
        self.slot.remove()


_BLANK = Specimen(
    "passport", "UTO", "X0000000", "X", "X", "UTO", date(2000, 1, 1), date(2099, 1, 1)
)
