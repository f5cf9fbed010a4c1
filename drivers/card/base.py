"""The card-reader interface every reader implements: PC/SC (real), the simulator, test fakes.

Reading a document is blocking I/O (APDUs over PC/SC), so readers do it on a worker thread of
their own and report through :class:`CardReaderListener`. The listener's methods are called on
that worker thread: the receiver marshals them to its own thread before touching state.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Protocol

from common.supervised import WorkerReport


class ReaderStatus(StrEnum):
    """Availability of the reader itself (not of a card)."""

    READY = "ready"
    NO_READER = "no_reader"
    FAILED = "failed"  # its worker hit a fault and is recovering (with backoff)


class ReadFailure(StrEnum):
    """Why a document could not be read; the citizen sees a fitting message for each."""

    UNREADABLE = "unreadable"  # chip does not answer: badly placed or broken
    UNSUPPORTED = "unsupported"  # a card that is no identity document
    REMOVED_TOO_EARLY = "removed_too_early"
    ACCESS_DENIED = "access_denied"  # wrong access data (MRZ / CAN)
    EXPIRED = "expired"
    NEEDS_MRZ = "needs_mrz"  # the chip offers only BAC: the CAN cannot open it
    PROTECTED = "protected"  # the chip releases its data only to authorities (or to the eID)
    #: Active or Chip Authentication failed, a data group does not match its signed hash, or
    #: a key EF.SOD lists is withheld: a cloned or forged chip.
    NOT_GENUINE = "not_genuine"
    #: The chip's data cannot be checked (EF.SOD, or a data group it lists, not readable): the
    #: hub would refuse the submission, so the terminal does not use the reading.
    NOT_VERIFIABLE = "not_verifiable"


class ChipCheck(StrEnum):
    """Did the chip prove it is the original — by Active Authentication (ICAO 9303-11 §6.1) or
    Chip Authentication (§6.2)? Passive authentication vouches for the data; only these tell
    the original chip from a copy of its files."""

    VERIFIED = "verified"  # it proved it holds the private key of DG15 (AA) or DG14 (CA)
    FAILED = "failed"  # it offers the check but could not pass it: cloned or forged
    #: No DG15 (AA) / no chip authentication key in DG14 (CA) — decided from EF.SOD's signed
    #: list of data groups, not from the unsigned EF.COM.
    NOT_OFFERED = "not_offered"
    #: Offered in a form this terminal cannot run (a curve or algorithm it does not know), or
    #: (CA) on an EAC 2 card that runs it only after terminal authentication: not a sign of a
    #: clone, and not a proof of the original either.
    NOT_CHECKED = "not_checked"


class DocumentType(StrEnum):
    ID_CARD = "id_card"
    PASSPORT = "passport"


@dataclass
class ChipEvidence:
    """The chip's signed files as read, for the hub to run passive authentication itself:
    EF.SOD and the data groups the form's values come from (DG1, DG11; DG14/DG15 when read).
    Personal data: wiped with the session like the rest of :class:`DocumentData`."""

    sod: bytearray = field(default_factory=bytearray)
    data_groups: dict[int, bytearray] = field(default_factory=dict)
    #: Active Authentication: the chip's signature over the challenge derived from the
    #: submission id (empty: no AA, or no challenge given) — the one chip check the hub can
    #: verify itself afterwards.
    aa_signature: bytearray = field(default_factory=bytearray)

    def wipe(self) -> None:
        for buffer in (self.sod, *self.data_groups.values(), self.aa_signature):
            buffer[:] = bytes(len(buffer))
            buffer.clear()
        self.data_groups.clear()


@dataclass
class DocumentData:
    """What the chip told us. Mutable so that :meth:`wipe` can blank it in place."""

    document_type: DocumentType
    document_number: str
    given_names: str
    family_name: str
    date_of_birth: date
    nationality: str
    expiry: date
    address: dict[str, str] = field(default_factory=dict)
    photo_jpeg: bytearray = field(default_factory=bytearray)  # JPEG or PNG, for display
    #: Passive authentication as the terminal judged it: "valid", "invalid", "unknown_csca" (""
    #: when not checked) — for the terminal's log. The clerk sees the hub's own verdict on the
    #: evidence, never this; the citizen neither.
    authenticity: str = ""
    authenticity_reason: str = ""
    access_protocol: str = ""  # "PACE", "BAC" (or "" for a simulated reading)
    #: EF.SOD and data groups as read (None: not from a chip, e.g. a test's document).
    evidence: ChipEvidence | None = None
    #: The terminal's own chip checks (a FAILED one is refused at the terminal). The hub takes
    #: neither on trust: it verifies the AA signature in the evidence itself; Chip
    #: Authentication leaves nothing it could check, so the clerk sees "nicht prüfbar" for it.
    active_authentication: ChipCheck = ChipCheck.NOT_OFFERED
    chip_authentication: ChipCheck = ChipCheck.NOT_OFFERED

    def wipe(self) -> None:
        """Blank every personal value (the photo's bytes are zeroed, not just dropped)."""
        self.document_number = self.given_names = self.family_name = self.nationality = ""
        self.date_of_birth = self.expiry = date.min
        self.address.clear()
        self.photo_jpeg[:] = bytes(len(self.photo_jpeg))
        self.photo_jpeg.clear()
        if self.evidence is not None:
            self.evidence.wipe()
            self.evidence = None


class CardReaderListener(Protocol):
    """Events from a reader. Called on the reader's worker thread."""

    def card_inserted(self) -> None: ...
    def card_removed(self) -> None: ...
    def document_read(self, data: DocumentData) -> None: ...
    def read_failed(self, failure: ReadFailure) -> None: ...
    def reader_status_changed(self, status: ReaderStatus) -> None: ...
    def access_needed(self, kind: str, accepts_can: bool) -> None:
        """A document is on the reader; to read it, call :meth:`CardReader.provide_access`.

        ``kind`` is a :class:`drivers.card.emrtd.CardKind` value; ``accepts_can``: the chip
        can be opened with the CAN (PACE), otherwise only with the MRZ values."""
        ...

    def read_progress(self, fraction: float) -> None: ...


class CardReader(ABC):
    """A reader for identity documents."""

    @property
    @abstractmethod
    def status(self) -> ReaderStatus: ...

    @abstractmethod
    def start(self, listener: CardReaderListener) -> None:
        """Begin watching for cards; events go to ``listener``."""

    @abstractmethod
    def stop(self) -> None:
        """Stop watching and join the worker thread."""

    def provide_access(self, access: object, challenge: bytes = b"") -> None:
        """The citizen's access data (:data:`drivers.card.emrtd.AccessData`) for the card on
        the reader; readers that need none ignore it. ``challenge``: what the chip's Active
        Authentication is to sign (derived from the submission id, see
        :func:`drivers.card.icao.active.submission_challenge`; empty: a random one)."""
        return

    def forget_access(self) -> None:
        """Drop access data given but not used yet (the session ended)."""
        return

    def worker_report(self) -> WorkerReport | None:
        """How the reader's worker thread is, for the health report (None: it has none).

        While it recovers from a fault the status is :attr:`ReaderStatus.FAILED`."""
        return None
