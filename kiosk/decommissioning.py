"""Decommissioning a terminal on the hub's order: deliver what is queued, confirm, then wipe.

The terminal goes out of order (after a citizen's visit), what is queued is delivered, the
order is confirmed and, once the hub has that report, keys, queue and credentials are wiped
and the terminal stays unenrolled until a technician enrols it again. Dead letters are not
dropped: they wait for the technician to hand them over (``python -m offline_queue``). The
marker file carries the order across restarts (a power cut halfway).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.availability import DECOMMISSIONED_MARKER, DISABLE_CHECK_S, OutOfServiceReason
from kiosk.session.states import EndReason
from provisioning.identity import DeviceIdentity

if TYPE_CHECKING:
    from kiosk.scheduling import TimerHandle
    from kiosk.terminal import Terminal

__all__ = ["DECOMMISSIONED_MARKER", "DECOMMISSIONING_MARKER", "Decommissioning"]

log = logging.getLogger(__name__)

#: While decommissioning (the order's id inside): what is queued is delivered first.
DECOMMISSIONING_MARKER = "decommissioning"


class Decommissioning:
    """One terminal's decommissioning, step by step on its scheduler."""

    def __init__(self, terminal: Terminal) -> None:
        self._terminal = terminal
        self._timer: TimerHandle | None = None
        self._waiting_logged = False

    def order(self, order_id: int) -> None:
        """The hub's order: out of order, deliver, confirm, wipe."""
        terminal = self._terminal
        marker = terminal.config.data_dir / DECOMMISSIONING_MARKER
        if not marker.exists():
            log.warning("terminal decommissioned by the hub: delivering what is queued")
            marker.write_text(f"{order_id}\n", encoding="utf-8")
        terminal.orders.disable()
        self.later(0.0)

    def later(self, delay_s: float) -> None:
        """The next step after ``delay_s`` (unless one is due already)."""
        if self._timer is None:
            self._timer = self._terminal.scheduler.call_later("decommission", delay_s, self.step)

    def state(self) -> tuple[int, bool] | None:
        """(the order's id, whether its confirmation went out) while decommissioning."""
        try:
            words = (self._terminal.config.data_dir / DECOMMISSIONING_MARKER).read_text().split()
            return int(words[0]), words[1:] == ["confirmed"]
        except (OSError, ValueError, IndexError):
            return None

    def step(self) -> None:
        from offline_queue.delivery import Connection

        terminal = self._terminal
        outbound = terminal.outbound
        self._timer = None
        state = self.state()
        if state is None:
            return
        order_id, confirmed = state
        connection = terminal.delivery_status.connection
        if confirmed and connection is Connection.REFUSED:
            # The hub has the confirmation (and refuses this terminal now), though its answer
            # never came (lost, or a restart in between): the wipe is due.
            self.wipe()
            return
        if terminal.reason is not OutOfServiceReason.DISABLED or connection is Connection.UNKNOWN:
            # A citizen still at it, or nothing known of the hub and the queue yet (just
            # started): look again shortly.
            self.later(DISABLE_CHECK_S)
            return
        stats = outbound.queue_stats()
        if stats is None or stats.depth or stats.dead_letters:
            dead = stats.dead_letters if stats is not None and not stats.depth else 0
            if dead and not self._waiting_logged:
                log.warning(
                    "decommissioning waits: %d dead letters to hand over (python -m offline_queue)",
                    dead,
                )
                self._waiting_logged = True
            self.later(DISABLE_CHECK_S)
            return
        if not confirmed:
            (terminal.config.data_dir / DECOMMISSIONING_MARKER).write_text(
                f"{order_id} confirmed\n", encoding="utf-8"
            )
        outbound.confirm_then(order_id, lambda: terminal.scheduler.post(self.wipe))
        outbound.order_done(order_id)
        outbound.report_soon()
        self.later(DISABLE_CHECK_S)  # (for an answer that never comes)

    def wipe(self) -> None:
        """The hub has the confirmation: nothing of this terminal's service is kept."""
        from kiosk.configuration import configuration_folder
        from kiosk.hub_orders import DISABLED_MARKER
        from provisioning.configuration import ConfigurationStore

        terminal = self._terminal
        config = terminal.config
        if self.state() is None:
            return  # (done already)
        stats = terminal.outbound.queue_stats()
        if stats is not None and (stats.depth or stats.dead_letters):
            # Never: the confirmation waited for an empty queue, and the terminal took no
            # citizen since. Kept rather than deleted; the technician sees it in the log.
            log.error("decommissioning: the queue is not empty; nothing wiped")
            return
        log.warning("decommissioned: wiping keys, queue and credentials")
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
        if terminal.session is not None:
            terminal.session.end(EndReason.FINISHED)
        terminal.outbound.stop_delivery()
        terminal.outbound.wipe_outbox()
        DeviceIdentity(config.hub.identity_dir).wipe()
        ConfigurationStore(configuration_folder(config)).wipe()
        for path in (
            config.hub.credential_file,
            terminal.base_config.hub.public_key,
            config.data_dir / DISABLED_MARKER,
        ):
            path.unlink(missing_ok=True)
        (config.data_dir / DECOMMISSIONED_MARKER).write_text("\n", encoding="utf-8")
        (config.data_dir / DECOMMISSIONING_MARKER).unlink(missing_ok=True)
        terminal.not_enrolled()
