"""Whether the terminal serves citizens, and if not, why (kiosk.terminal owns the state)."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "DECOMMISSIONED_MARKER",
    "DISABLE_CHECK_S",
    "FAULT_RECOVERY_S",
    "FAULT_WINDOW_S",
    "MAX_FAULTS",
    "Availability",
    "OutOfServiceReason",
]

#: Seconds the out-of-service screen stays after a fault before the terminal comes back.
FAULT_RECOVERY_S = 8.0
#: More faults than this within FAULT_WINDOW_S keep the terminal out of service.
MAX_FAULTS = 3
FAULT_WINDOW_S = 600.0
#: A citizen in the middle of a visit finishes it before the hub's order (disable, restart,
#: a new configuration, a self-test) takes effect: looked at again after this many seconds.
DISABLE_CHECK_S = 5.0
#: In the data folder once decommissioned (kiosk.decommissioning): nothing left to serve with
#: until a technician enrols the terminal again.
DECOMMISSIONED_MARKER = "decommissioned"


class Availability(StrEnum):
    STARTING = "starting"
    IN_SERVICE = "in_service"
    OUT_OF_SERVICE = "out_of_service"


class OutOfServiceReason(StrEnum):
    CATALOGUE = "catalogue"
    STORAGE = "storage"
    SETUP = "setup"  # the hub's key is missing or unusable: nothing could be sealed
    FAULT = "fault"
    DISABLED = "disabled"  # the hub ordered it (fleet page, CLI) until it orders it back
    #: Decommissioned: keys, queue and credentials wiped; a technician must enrol it again.
    NOT_ENROLLED = "not_enrolled"
