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

from common.supervised import (
    ENVIRONMENT_FAULTS,
    Backoff,
    SupervisedThread,
    WorkerReport,
    WorkerState,
    describe,
)
from drivers.card import emrtd
from drivers.card.base import (
    CardReader,
    CardReaderListener,
    ChipCheck,
    DocumentData,
    DocumentType,
    ReaderStatus,
    ReadFailure,
)
from drivers.card.icao import passive
from drivers.card.icao.apdu import ChipError
from drivers.card.icao.face import face_for_display
from drivers.card.icao.holder import holder
from drivers.card.icao.lds import LdsError
from drivers.card.icao.passive import TrustStore
from drivers.card.slot import CardGoneError, Slot, SlotState

log = logging.getLogger(__name__)

POLL_S = 0.2
REMOVAL_GRACE_S = 0.6
#: After a fault: retry soon (a passing hiccup), but not in a tight loop; at most every 30 s.
READER_BACKOFF = Backoff(first_s=0.5, cap_s=30.0)


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
        active_authentication=reading.active_authentication,
        chip_authentication=reading.chip_authentication,
    )


def unusable(reading: emrtd.ChipReading) -> ReadFailure | None:
    """Why the hub would refuse a submission with this reading (None: it would not).

    The terminal refuses such a reading itself, before anything is prefilled: otherwise the
    citizen goes on to hold a tracking number for something the hub dead-letters."""
    evidence = reading.evidence
    if evidence is None:
        log.warning("document refused: EF.SOD not readable, nothing the hub could check")
        return ReadFailure.NOT_VERIFIABLE
    groups = {n: bytes(g) for n, g in evidence.data_groups.items()}
    # Every group read, the photo too (the citizen confirms it), and what goes to the hub.
    mismatch = reading.mismatch or passive.data_group_mismatch(bytes(evidence.sod), groups)
    if mismatch is not None:
        log.warning("document refused: %s", mismatch)
        return ReadFailure.NOT_GENUINE
    listed = passive.listed_data_groups(bytes(evidence.sod))
    withheld = [n for n in passive.EVIDENCE_GROUPS if n in listed and n not in groups]
    if withheld:
        log.warning("document refused: DG%s listed in EF.SOD but not readable", withheld[0])
        return ReadFailure.NOT_VERIFIABLE
    return None


class ChipCardReader(CardReader):
    def __init__(
        self,
        slot: Slot,
        trust: TrustStore,
        name: str = "card-reader",
        backoff: Backoff = READER_BACKOFF,
    ) -> None:
        self._slot = slot
        self._trust = trust
        self._name = name
        self._backoff = backoff
        self._status = ReaderStatus.NO_READER
        self._stop = threading.Event()
        #: The citizen's access data with the Active Authentication challenge for this session.
        self._access: queue.Queue[tuple[emrtd.AccessData, bytes]] = queue.Queue()
        self._worker: SupervisedThread | None = None
        self._listener: CardReaderListener | None = None
        self._state: SlotState | None = None  # the slot as the worker last saw it
        #: The card on the reader waiting for the citizen's access data, once probed.
        self._card: tuple[emrtd.Transmit, emrtd.Probe] | None = None

    @property
    def status(self) -> ReaderStatus:
        return self._status

    def worker_report(self) -> WorkerReport | None:
        return self._worker.report() if self._worker is not None else None

    def start(self, listener: CardReaderListener) -> None:
        # The reader's availability is known before start() returns (the terminal decides
        # on it at once); cards are watched from then on by the worker.
        try:
            first = self._slot.wait(0)
        except Exception as exc:  # noqa: BLE001 - reported as "no reader"; the worker retries
            log.error("card reader slot failed (%s)", describe(exc, ENVIRONMENT_FAULTS))
            first = SlotState.NO_READER
        self._set_status(
            listener, ReaderStatus.NO_READER if first is SlotState.NO_READER else ReaderStatus.READY
        )
        self._stop.clear()
        self._listener = listener
        self._state, self._card = None, None
        # Supervised: whatever escapes a step (a bug in a parser, a driver's surprise) is caught,
        # logged once, the reader shows FAILED, and the watch goes on after a pause — the
        # thread never dies while the terminal still believes the reader is READY.
        self._worker = SupervisedThread(
            self._name, self._step, backoff=self._backoff, on_report=self._on_report
        )
        self._worker.start()

    def stop(self) -> None:
        self._stop.set()
        if self._worker is not None:
            self._worker.stop(timeout_s=10)
            self._worker = None
        self._slot.close()
        self._status = ReaderStatus.NO_READER

    def provide_access(self, access: object, challenge: bytes = b"") -> None:
        if isinstance(access, emrtd.MrzAccess | emrtd.CanAccess):
            self._access.put((access, bytes(challenge)))

    def forget_access(self) -> None:
        self._drain_access()

    # --- the worker ------------------------------------------------------------------------

    def _set_status(self, listener: CardReaderListener, status: ReaderStatus) -> None:
        if status is not self._status:
            self._status = status
            listener.reader_status_changed(status)

    def _on_report(self, report: WorkerReport) -> None:
        listener = self._listener
        if report.state is not WorkerState.RECOVERING or listener is None:
            return
        # A step failed: whatever card was being handled is abandoned (the next good step
        # finds it again as newly placed), and the reader is out of order until then.
        self._state, self._card = None, None
        try:
            self._slot.disconnect()
        except Exception as exc:  # noqa: BLE001 - the slot may be what is broken
            log.debug("disconnect after a fault failed (%s)", type(exc).__name__)
        self._set_status(listener, ReaderStatus.FAILED)

    def _step(self) -> float | None:
        """One look at the slot, and the card's whole handling if one arrived."""
        listener = self._listener
        assert listener is not None
        if self._card is not None:
            self._await_access(listener)
            return None
        new = self._slot.wait(POLL_S)
        if new is self._state:
            return None
        previous, self._state = self._state, new
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
            self._state = self._handle_card(listener)
        return None

    def _drain_access(self) -> None:
        with contextlib.suppress(queue.Empty):
            while True:
                self._access.get_nowait()

    def _handle_card(self, listener: CardReaderListener) -> SlotState:
        """Probe and ask for the access data. Returns the slot state it leaves (CARD, or EMPTY
        if removed); the card then waits in ``self._card`` for the citizen's access data."""
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
        self._card = (transmit, probe)
        listener.access_needed(probe.kind.value, probe.accepts_can)
        return SlotState.CARD

    def _await_access(self, listener: CardReaderListener) -> None:
        """One step while a card waits for its access data: read it when they come.

        A step of its own (not a loop inside one), so that the supervisor sees every poll: a
        card left on the reader does not keep a "recovering" report alive."""
        assert self._card is not None
        transmit, probe = self._card
        try:
            access = self._access.get(timeout=POLL_S)
        except queue.Empty:
            if self._slot.wait(0) is not SlotState.CARD:
                self._card, self._state = None, SlotState.EMPTY
                self._slot.disconnect()
                listener.card_removed()
            return
        outcome = self._read(transmit, probe, access, listener)
        if outcome is None:
            self._card = None
            return
        listener.read_failed(outcome)
        if outcome is ReadFailure.REMOVED_TOO_EARLY:
            self._card, self._state = None, SlotState.EMPTY
            self._slot.disconnect()
            listener.card_removed()
            return
        if outcome not in (ReadFailure.ACCESS_DENIED, ReadFailure.NEEDS_MRZ):
            self._card = None
            return
        try:  # a fresh start for the next try: power-cycle the chip
            self._slot.disconnect()
            transmit = self._slot.connect()
            probe = emrtd.probe(transmit, self._slot.atr())
        except (CardGoneError, ChipError):
            self._card = None
            listener.read_failed(ReadFailure.UNREADABLE)
            return
        self._card = (transmit, probe)

    def _read(
        self,
        transmit: emrtd.Transmit,
        probe: emrtd.Probe,
        access: tuple[emrtd.AccessData, bytes],
        listener: CardReaderListener,
    ) -> ReadFailure | None:
        try:
            reading = emrtd.read_document(
                transmit, probe, access[0], self._trust, listener.read_progress, access[1]
            )
            refusal = unusable(reading)
            if refusal is not None:
                if reading.evidence is not None:
                    reading.evidence.wipe()
                return refusal
            data = document_data(reading)
        except emrtd.AccessDeniedError:
            return ReadFailure.ACCESS_DENIED
        except emrtd.NeedsMrzError:
            return ReadFailure.NEEDS_MRZ
        except emrtd.ProtectedDocumentError:
            return ReadFailure.PROTECTED
        except emrtd.NotGenuineError:
            log.warning("chip authentication failed: document refused")
            return ReadFailure.NOT_GENUINE
        except CardGoneError:
            # Taken away, or still there but not answering (a broken or badly placed chip).
            # pcscd notices a card leaving within a few tenths of a second: give it that long.
            if self._slot.wait(REMOVAL_GRACE_S) is SlotState.CARD:
                return ReadFailure.UNREADABLE
            return ReadFailure.REMOVED_TOO_EARLY
        except (ChipError, LdsError, ValueError, ArithmeticError) as exc:
            # ArithmeticError: a number out of a library's range in what a hostile chip sent
            # (an RSASSA-PSS salt of 2**64 raised OverflowError) — a bad card, not a broken
            # reader: the citizen hears so, and the reader stays READY.
            log.info("document not readable: %s", type(exc).__name__)
            return ReadFailure.UNREADABLE
        if data.active_authentication is ChipCheck.FAILED:
            # The chip offers Active Authentication and could not sign our challenge: the files
            # were copied onto another chip (or forged). Nothing of it is used.
            data.wipe()
            log.warning("active authentication failed: document refused")
            return ReadFailure.NOT_GENUINE
        if data.expiry < date.today():
            data.wipe()
            return ReadFailure.EXPIRED
        if data.authenticity != "valid":
            log.warning(
                "passive authentication: %s (%s)", data.authenticity, data.authenticity_reason
            )
        listener.document_read(data)
        return None
