"""The hub's orders to a terminal (the fleet page, the CLI): carried out once each.

The hub names an order in every answer to a health report until a report confirms it, so an
order is remembered by its id. Orders that touch a citizen's visit (disable, restart, a
self-test) wait until nobody uses the terminal; decommissioning is kiosk.decommissioning.
What must outlive a restart (disabled, a restart still to confirm) is a marker file in the
data folder.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from kiosk.availability import DISABLE_CHECK_S, Availability, OutOfServiceReason
from wire.health import reason

if TYPE_CHECKING:
    from kiosk.scheduling import TimerHandle
    from kiosk.self_test import Check
    from kiosk.terminal import Terminal
    from wire.orders import Order

__all__ = ["DISABLED_MARKER", "MAX_ORDERS_REMEMBERED", "RESTART_MARKER", "HubOrders"]

log = logging.getLogger(__name__)

#: In the data folder while the hub has this terminal disabled: a restart keeps it so.
DISABLED_MARKER = "disabled-by-hub"
#: A restart the hub ordered (the order's id inside): confirmed by the first report after it.
RESTART_MARKER = "restart-ordered"
MAX_ORDERS_REMEMBERED = 256


class HubOrders:
    """Carries out the hub's orders for one terminal (and the service mode's restart)."""

    def __init__(self, terminal: Terminal) -> None:
        self._terminal = terminal
        #: The orders taken up (each is named by the hub until a report confirms it).
        self._seen: dict[int, None] = {}
        self._restart_timer: TimerHandle | None = None
        self._self_testing = False
        #: When the last self-test ran, and its checks.
        self.last_self_test: tuple[float, tuple[Check, ...]] | None = None

    def carry_out(self, orders: tuple[Order, ...]) -> None:
        """The orders with the answer to a health report: carried out once each, and
        confirmed in the next report."""
        from wire.orders import OrderKind

        terminal = self._terminal
        outbound = terminal.outbound
        changed = False
        for order in orders:
            if order.id in self._seen:
                continue
            self._remember(order.id)
            changed = True
            kind = order.known
            if kind is OrderKind.SELF_TEST:
                self.self_test(order.id)
                continue  # (confirmed with its results)
            if kind is OrderKind.DECOMMISSION:
                terminal.decommissioning.order(order.id)
                continue  # (confirmed once the queue is delivered)
            if kind is OrderKind.RESTART:
                self.restart(order.id)
                continue  # (confirmed by the first report after the restart)
            if kind is OrderKind.RESEND_DEAD_LETTERS:
                outbound.resend_dead_letters(order.id, terminal.wake_delivery)
                continue  # (confirmed once they are back in the queue)
            if kind is OrderKind.DISABLE:
                self.disable()
            elif kind is OrderKind.ENABLE:
                self.enable()
            else:
                log.warning("an order this terminal does not know (%s): ignored", order.kind)
            outbound.order_done(order.id)
        if changed:
            outbound.report_soon()

    def _remember(self, order_id: int) -> None:
        self._seen[order_id] = None
        while len(self._seen) > MAX_ORDERS_REMEMBERED:
            del self._seen[next(iter(self._seen))]

    # --- restarting ------------------------------------------------------------------------

    def restart(self, order_id: int | None) -> None:
        """Restart the program when nobody uses the terminal: no citizen, no technician in
        the service mode (the hub's order; ``None``: the service mode's, after enrolling)."""
        self.cancel()
        if order_id is not None:
            marker = self._terminal.config.data_dir / RESTART_MARKER
            log.warning("restart ordered by the hub (once nobody uses the terminal)")
            # (the newest order's id: the hub supersedes an earlier one it gave)
            marker.write_text(f"{order_id}\n", encoding="utf-8")
        self._restart_when_idle()

    def _restart_when_idle(self) -> None:
        terminal = self._terminal
        self._restart_timer = None
        technician = terminal.technician_if_made
        if not terminal.idle or (technician is not None and technician.busy):
            self._restart_timer = terminal.scheduler.call_later(
                "restart", DISABLE_CHECK_S, self._restart_when_idle
            )
            return
        terminal.on_restart()

    def restarted(self) -> None:
        """At start: after a restart the hub ordered, the order is confirmed in the first
        report."""
        outbound = self._terminal.outbound
        marker = self._terminal.config.data_dir / RESTART_MARKER
        try:
            order_id = int(marker.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            if marker.exists():
                marker.unlink(missing_ok=True)  # (damaged: the hub orders it again if it must)
            return
        log.info("restarted on the hub's order")
        self._remember(order_id)
        # The mark goes once the hub has the confirmation: a restart before that (a power
        # cut) confirms it again instead of restarting again.
        outbound.confirm_then(order_id, lambda: marker.unlink(missing_ok=True))
        outbound.order_done(order_id)

    def cancel(self) -> None:
        """A restart waiting for the terminal to be idle is forgotten (shutting down)."""
        if self._restart_timer is not None:
            self._restart_timer.cancel()
            self._restart_timer = None

    # --- self-test ---------------------------------------------------------------------------

    def self_test(self, order_id: int | None = None) -> None:
        """Check each device and the way to the hub (on the service worker: it waits for the
        printer and the hub), when no citizen is at the terminal (a test page must not come
        out beside a citizen's receipt); the results go to the hub with the next report."""
        terminal = self._terminal
        equipment = terminal.equipment_if_built
        if self._self_testing or equipment is None:
            if order_id is not None and equipment is None:
                terminal.outbound.order_done(order_id)  # nothing to test yet: said so by silence
            return
        if not terminal.idle:
            terminal.scheduler.call_later(
                "self-test", DISABLE_CHECK_S, lambda: self.self_test(order_id)
            )
            return
        from kiosk import self_test

        self._self_testing = True
        config, scheduler = terminal.config, terminal.scheduler

        def done(result: tuple[self_test.Check, ...] | BaseException) -> None:
            self._self_testing = False
            if isinstance(result, BaseException):
                raise result
            self.last_self_test = (time.time(), result)
            terminal.outbound.self_test = (
                self.last_self_test[0],
                tuple((reason(c.name)[:32], c.result, reason(c.detail)) for c in result),
            )
            if order_id is not None:
                terminal.outbound.order_done(order_id)
            terminal.outbound.report_soon()
            terminal.changed()

        equipment.service_worker.submit(lambda: self_test.run(config, equipment, scheduler), done)

    # --- disabled ------------------------------------------------------------------------------

    @property
    def disabled(self) -> bool:
        return (self._terminal.config.data_dir / DISABLED_MARKER).exists()

    def disable(self) -> None:
        """Out of order by the hub's order: the out-of-order screen with the town hall's
        contact, until :meth:`enable`. A citizen in the middle of a visit finishes it first."""
        marker = self._terminal.config.data_dir / DISABLED_MARKER
        if not marker.exists():
            log.warning("terminal disabled by the hub")
            marker.write_text("disabled by the hub's order\n", encoding="utf-8")
        self.apply_disabled()

    def enable(self) -> None:
        terminal = self._terminal
        if terminal.decommissioning.state() is not None:
            log.warning("an order to enable a terminal being decommissioned: ignored")
            return
        (terminal.config.data_dir / DISABLED_MARKER).unlink(missing_ok=True)
        terminal.outbound.disabled = False
        if terminal.reason is OutOfServiceReason.DISABLED:
            log.info("terminal enabled again by the hub")
            terminal.set_availability(Availability.IN_SERVICE, None)

    def apply_disabled(self) -> None:
        """Out of order now if nobody is in the middle of a visit; otherwise once they are
        done."""
        terminal = self._terminal
        terminal.outbound.disabled = True
        if terminal.reason is OutOfServiceReason.DISABLED or terminal.session is None:
            out = terminal.availability is Availability.OUT_OF_SERVICE
            if terminal.session is None and not out:
                terminal.set_availability(Availability.OUT_OF_SERVICE, OutOfServiceReason.DISABLED)
            return
        if not terminal.idle:
            terminal.scheduler.call_later("disable", DISABLE_CHECK_S, self._if_still_disabled)
            return
        terminal.set_availability(Availability.OUT_OF_SERVICE, OutOfServiceReason.DISABLED)

    def _if_still_disabled(self) -> None:
        if self.disabled:
            self.apply_disabled()
