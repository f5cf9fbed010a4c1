"""Orders from the hub to a terminal (``pop.orders/1``): what an administrator decided on the
fleet page or the hub's command line, carried to the terminal with the answer to its health
report, and confirmed by the terminal in its next report.

    hub → terminal   (in the health report's acknowledgement)
                     {"id": "…", "part": "health", …, "orders": [{"id": 7, "kind": "disable"}]}
    terminal → hub   (in its next health report)  {"orders_done": [7], "disabled": true, …}

Kinds: ``disable`` (the terminal shows its out-of-order screen, with the town hall's contact,
until told ``enable``), ``enable``, ``self_test`` (each device and the way to the hub
checked; the results go with the report that confirms the order), ``restart``,
``resend_dead_letters`` and ``decommission``. An order the terminal does
not know is confirmed and ignored (logged), so a newer hub never leaves an older terminal
stuck on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class OrderKind(StrEnum):
    DISABLE = "disable"
    ENABLE = "enable"
    #: Check each device and the way to the hub; the results come with the next report.
    SELF_TEST = "self_test"
    #: Take no more citizens, deliver what is queued, confirm, then wipe keys, queue and
    #: credentials and stay unenrolled (the hub refuses it once it confirmed).
    DECOMMISSION = "decommission"
    #: Restart the program (between two citizens); confirmed by the report after the start.
    RESTART = "restart"
    #: Put the dead letters back into the queue (after the hub was mended): sent again.
    RESEND_DEAD_LETTERS = "resend_dead_letters"


#: At most this many orders in one answer (the rest follow with the next).
MAX_ORDERS = 16
MAX_ORDER_ID = 2**53 - 1


@dataclass(frozen=True)
class Order:
    id: int
    #: An :class:`OrderKind` value, or a kind this terminal does not know (kept as text).
    kind: str

    @property
    def known(self) -> OrderKind | None:
        try:
            return OrderKind(self.kind)
        except ValueError:
            return None


def order_list(orders: list[Order]) -> list[dict[str, Any]]:
    """The orders as the hub's answer carries them."""
    return [{"id": o.id, "kind": o.kind} for o in orders[:MAX_ORDERS]]


def orders_in(answer: Any) -> tuple[Order, ...]:
    """The orders an answer carries; anything not shaped like one is left out (the answer was
    the hub's own acknowledgement already: a malformed order is a bug, not an attack)."""
    if not isinstance(answer, dict) or not isinstance(answer.get("orders"), list):
        return ()
    found = []
    for item in answer["orders"][:MAX_ORDERS]:
        if not isinstance(item, dict):
            continue
        order_id, kind = item.get("id"), item.get("kind")
        if (
            isinstance(order_id, int)
            and not isinstance(order_id, bool)
            and 0 < order_id <= MAX_ORDER_ID
            and isinstance(kind, str)
            and 0 < len(kind) <= 32
            and kind.isascii()
            and kind.replace("_", "").isalnum()
        ):
            found.append(Order(order_id, kind))
    return tuple(found)
