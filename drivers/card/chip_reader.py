"""The card reader for chip documents, over any :class:`~drivers.card.slot.Slot`.

One worker thread per reader watches the slot. A card arrives → probe it (which document, PACE
or BAC) → ask for the access data (the citizen types the CAN or the MRZ values) → read it with
progress → report the document, or a clear failure. A wrong CAN/MRZ is reported and the card
stays on the reader for another try (nothing locks). Listener methods run on this worker
thread; the receiver marshals them to its own.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from datetime import date

from drivers.card import emrtd
from drivers.card.base import (
    CardReader,
    CardReaderListener,
    DocumentData,
    DocumentType,
    ReaderStatus,
    ReadFailure,
)
from drivers.card.icao.apdu import ChipError
from drivers.card.icao.face import face_for_display
from drivers.card.icao.holder import holder
from drivers.card.icao.lds import LdsError
from drivers.card.icao.passive import TrustStore
from drivers.card.slot import CardGoneError, Slot, SlotState

log = logging.getLogger(__name__)

POLL_S = 0.2
REMOVAL_GRACE_S = 0.6


def document_data(reading: emrtd.ChipReading) -> DocumentData:
    # The same mapping the hub recomputes from the evidence (drivers.card.icao.holder).
    found = holder(reading.mrz, reading.personal, date.today())
    photo = bytearray()
    if reading.face is not None:
        try:
            photo = bytearray(face_for_display(reading.face))
        except LdsError as exc:
            log.info("face image not decodable: %s", exc)
    return DocumentData(
        document_type=DocumentType.PASSPORT if found.passport else DocumentType.ID_CARD,
        document_number=found.document_number,
        given_names=found.given_names,
        family_name=found.family_name,
        date_of_birth=found.date_of_birth,
        nationality=found.nationality,
        expiry=found.expiry,
        address=dict(found.address),
        photo_jpeg=photo,
        authenticity=reading.authentication.verdict.value,
        authenticity_reason=reading.authentication.reason,
        access_protocol=reading.protocol,
        evidence=reading.evidence,
    )


class ChipCardReader(CardReader):
    def __init__(self, slot: Slot, trust: TrustStore, name: str = "card-reader") -> None:
        self._slot = slot
        self._trust = trust
        self._name = name
        self._status = ReaderStatus.NO_READER
        self._stop = threading.Event()
        self._access: queue.Queue[emrtd.AccessData] = queue.Queue()
        self._worker: threading.Thread | None = None

    @property
    def status(self) -> ReaderStatus:
        return self._status

    def start(self, listener: CardReaderListener) -> None:
        # The reader's availability is known before start() returns (the terminal decides
        # on it at once); cards are watched from then on by the worker.
        try:
            first = self._slot.wait(0)
        except Exception:  # reported as "no reader"; the worker retries
            log.exception("card reader slot failed")
            first = SlotState.NO_READER
        self._set_status(
            listener, ReaderStatus.NO_READER if first is SlotState.NO_READER else ReaderStatus.READY
        )
        self._stop.clear()
        self._worker = threading.Thread(
            target=self._run, args=(listener,), name=self._name, daemon=True
        )
        self._worker.start()

    def stop(self) -> None:
        self._stop.set()
        if self._worker is not None:
            self._worker.join(timeout=10)
            self._worker = None
        self._slot.close()
        self._status = ReaderStatus.NO_READER

    def provide_access(self, access: object) -> None:
        if isinstance(access, emrtd.MrzAccess | emrtd.CanAccess):
            self._access.put(access)

    def forget_access(self) -> None:
        self._drain_access()

    # --- the worker ------------------------------------------------------------------------

    def _set_status(self, listener: CardReaderListener, status: ReaderStatus) -> None:
        if status is not self._status:
            self._status = status
            listener.reader_status_changed(status)

    def _run(self, listener: CardReaderListener) -> None:
        state: SlotState | None = None
        while not self._stop.is_set():
            try:
                new = self._slot.wait(POLL_S)
            except Exception:
                log.exception("card reader slot failed")
                new = SlotState.NO_READER
                self._stop.wait(1.0)
            if new is state:
                continue
            previous, state = state, new
            self._set_status(
                listener,
                ReaderStatus.NO_READER if new is SlotState.NO_READER else ReaderStatus.READY,
            )
            if previous in (SlotState.CARD, SlotState.MUTE) and new is not SlotState.CARD:
                listener.card_removed()
            if new is SlotState.MUTE:
                listener.card_inserted()
                listener.read_failed(ReadFailure.UNREADABLE)
            elif new is SlotState.CARD:
                listener.card_inserted()
                state = self._handle_card(listener)

    def _drain_access(self) -> None:
        with contextlib.suppress(queue.Empty):
            while True:
                self._access.get_nowait()

    def _handle_card(self, listener: CardReaderListener) -> SlotState:
        """Probe, ask, read. Returns the slot state it leaves (CARD, or EMPTY if removed)."""
        self._drain_access()  # anything typed for an earlier card is not for this one
        try:
            transmit = self._slot.connect()
            probe = emrtd.probe(transmit, self._slot.atr())
        except (CardGoneError, ChipError) as exc:
            log.info("card does not answer: %s", type(exc).__name__)
            if self._slot.wait(REMOVAL_GRACE_S) is not SlotState.CARD:
                self._slot.disconnect()
                listener.read_failed(ReadFailure.REMOVED_TOO_EARLY)
                listener.card_removed()
                return SlotState.EMPTY
            listener.read_failed(ReadFailure.UNREADABLE)
            return SlotState.CARD
        if probe.kind is emrtd.CardKind.UNKNOWN:
            listener.read_failed(ReadFailure.UNSUPPORTED)
            return SlotState.CARD
        listener.access_needed(probe.kind.value, probe.accepts_can)
        while not self._stop.is_set():
            try:
                access = self._access.get(timeout=POLL_S)
            except queue.Empty:
                if self._slot.wait(0) is not SlotState.CARD:
                    self._slot.disconnect()
                    listener.card_removed()
                    return SlotState.EMPTY
                continue
            outcome = self._read(transmit, probe, access, listener)
            if outcome is None:
                return SlotState.CARD
            listener.read_failed(outcome)
            if outcome is ReadFailure.REMOVED_TOO_EARLY:
                self._slot.disconnect()
                listener.card_removed()
                return SlotState.EMPTY
            if outcome not in (ReadFailure.ACCESS_DENIED, ReadFailure.NEEDS_MRZ):
                return SlotState.CARD
            try:  # a fresh start for the next try: power-cycle the chip
                self._slot.disconnect()
                transmit = self._slot.connect()
                probe = emrtd.probe(transmit, self._slot.atr())
            except (CardGoneError, ChipError):
                listener.read_failed(ReadFailure.UNREADABLE)
                return SlotState.CARD
        return SlotState.CARD

    def _read(
        self,
        transmit: emrtd.Transmit,
        probe: emrtd.Probe,
        access: emrtd.AccessData,
        listener: CardReaderListener,
    ) -> ReadFailure | None:
        try:
            reading = emrtd.read_document(
                transmit, probe, access, self._trust, listener.read_progress
            )
            data = document_data(reading)
        except emrtd.AccessDeniedError:
            return ReadFailure.ACCESS_DENIED
        except emrtd.NeedsMrzError:
            return ReadFailure.NEEDS_MRZ
        except emrtd.ProtectedDocumentError:
            return ReadFailure.PROTECTED
        except CardGoneError:
            # Taken away, or still there but not answering (a broken or badly placed chip).
            # pcscd notices a card leaving within a few tenths of a second: give it that long.
            if self._slot.wait(REMOVAL_GRACE_S) is SlotState.CARD:
                return ReadFailure.UNREADABLE
            return ReadFailure.REMOVED_TOO_EARLY
        except (ChipError, LdsError, ValueError) as exc:
            log.info("document not readable: %s", exc)
            return ReadFailure.UNREADABLE
        if data.expiry < date.today():
            data.wipe()
            return ReadFailure.EXPIRED
        if data.authenticity != "valid":
            log.warning(
                "passive authentication: %s (%s)", data.authenticity, data.authenticity_reason
            )
        listener.document_read(data)
        return None
