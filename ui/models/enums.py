"""The states QML compares by name (``Navigation.screen === Screen.Review``), never as strings.

Each is a small uncreatable QML type holding one enumeration, as AusweisApp's ``EnumUiModule``
does; the properties that carry them are ``int`` (what QML enum values are). The ``*_OF``
tables map the core's enums onto them by name and are built at import, so a core state
without a QML counterpart fails at start-up, not on a citizen's screen.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QEnum, QObject
from PySide6.QtQml import QmlElement, QmlUncreatable

from catalogue import model as catalogue
from drivers.printer.base import PrintOutcome
from kiosk import availability as core_availability
from kiosk import identify as core_identify
from kiosk import session as core
from kiosk.session import states as core_states
from offline_queue import status_lookup
from ui.models.context import mirror

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("an enumeration")
class Screen(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        Attract = 0
        Home = 1
        Service = 2
        Identify = 3
        Form = 4
        Attachments = 5
        Review = 6
        Submitting = 7
        Done = 8
        #: Not a session screen: the terminal is starting or out of service.
        OutOfService = 9
        #: A status look-up's answer (Antragsstatus).
        Status = 10


@QmlElement
@QmlUncreatable("an enumeration")
class OverlayState(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        Closed = 0
        ConfirmCancel = 1
        TimeoutWarning = 2
        #: A flow beside the main one (the video call) lies over the screen.
        SideFlow = 3


@QmlElement
@QmlUncreatable("an enumeration")
class CallStep(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        Consent = 0
        Connecting = 1
        Waiting = 2
        Answered = 3
        InCall = 4
        Ended = 5
        Unavailable = 6
        Reconnecting = 7
        CallBack = 8
        CallBackSent = 9


@QmlElement
@QmlUncreatable("an enumeration")
class IdentifyState(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        Waiting = 0
        Access = 1
        Reading = 2
        Confirm = 3
        Failed = 4
        NoReader = 5


@QmlElement
@QmlUncreatable("an enumeration")
class AccessKind(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        Can = 0
        Mrz = 1


@QmlElement
@QmlUncreatable("an enumeration")
class Identification(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        Required = 0
        Optional = 1
        NotNeeded = 2


@QmlElement
@QmlUncreatable("an enumeration")
class LookupState(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    """Where a status look-up is: asking, or the hub's answer (``LookupOutcome``)."""

    @QEnum
    class Value(IntEnum):
        Asking = 0
        Found = 1
        Unknown = 2
        Busy = 3
        Offline = 4
        Refused = 5


@QmlElement
@QmlUncreatable("an enumeration")
class PrintState(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        Idle = 0
        Printing = 1
        Printed = 2
        PrintedUnconfirmed = 3
        PaperOut = 4
        CoverOpen = 5
        Offline = 6
        Failed = 7


@QmlElement
@QmlUncreatable("an enumeration")
class DeliveryState(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        Pending = 0
        Sent = 1
        Queued = 2


@QmlElement
@QmlUncreatable("an enumeration")
class OutOfServiceReason(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        #: Starting, or no reason known.
        Unknown = 0
        Catalogue = 1
        Storage = 2
        Setup = 3
        Fault = 4
        Disabled = 5
        NotEnrolled = 6


@QmlElement
@QmlUncreatable("an enumeration")
class FieldKind(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    @QEnum
    class Value(IntEnum):
        Text = 0
        Multiline = 1
        Date = 2
        Number = 3
        Choice = 4
        YesNo = 5
        Email = 6
        Phone = 7
        Address = 8


@QmlElement
@QmlUncreatable("an enumeration")
class ScanState(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    """A receipt's QR code held to the camera: not scanning, looking, or why it stopped."""

    @QEnum
    class Value(IntEnum):
        Idle = 0
        Looking = 1
        ForeignCode = 2
        NothingFound = 3
        CameraUnavailable = 4


SCREEN_OF = mirror(core.Screen, Screen.Value)
OVERLAY_OF = {
    **mirror(core.Overlay, OverlayState.Value, skip=("NONE",)),
    core.Overlay.NONE: OverlayState.Value.Closed,
}
IDENTIFY_STATE_OF = mirror(core.IdentifyState, IdentifyState.Value)
CALL_STEP_OF = mirror(core_states.CallStep, CallStep.Value)
ACCESS_KIND_OF = mirror(core_identify.AccessKind, AccessKind.Value)
IDENTIFICATION_OF = {
    **mirror(catalogue.Identification, Identification.Value, skip=("NONE",)),
    catalogue.Identification.NONE: Identification.Value.NotNeeded,
}
PRINT_STATE_OF = mirror(PrintOutcome, PrintState.Value)
DELIVERY_STATE_OF = mirror(core.Delivery, DeliveryState.Value)
OUT_OF_SERVICE_REASON_OF = mirror(core_availability.OutOfServiceReason, OutOfServiceReason.Value)
FIELD_KIND_OF = mirror(catalogue.FieldKind, FieldKind.Value)
LOOKUP_STATE_OF = mirror(status_lookup.LookupOutcome, LookupState.Value)
SCAN_PROBLEM_OF = mirror(core.ScanProblem, ScanState.Value)
