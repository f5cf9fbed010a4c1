"""The hub's configuration for one terminal: fetched when offered, taken between citizens.

kiosk.configuration fetches, checks and keeps a configuration the hub offers; this module
lays a kept one over the configuration file's settings and has the terminal take it up when
no citizen is at it (a citizen is served with the catalogue they started with).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.availability import DISABLE_CHECK_S, Availability, OutOfServiceReason
from kiosk.configuration import overlay, restart_needed

if TYPE_CHECKING:
    from kiosk.configuration import ConfigurationUpdates
    from kiosk.scheduling import TimerHandle
    from kiosk.terminal import Terminal
    from provisioning.configuration import Installed

__all__ = ["HubConfiguration"]

log = logging.getLogger(__name__)


class HubConfiguration:
    def __init__(self, terminal: Terminal) -> None:
        self._terminal = terminal
        self._updates: ConfigurationUpdates | None = None
        self._timer: TimerHandle | None = None

    @property
    def updates(self) -> ConfigurationUpdates:
        """Fetches and keeps what the hub offers (made when first needed: it uses the
        devices' look-up worker)."""
        if self._updates is None:
            from kiosk.configuration import ConfigurationUpdates

            terminal = self._terminal
            self._updates = ConfigurationUpdates(
                lambda: terminal.config,
                terminal.equipment.lookup_worker,
                terminal.clock,
                terminal.known_icons,
                self._installed,
            )
        return self._updates

    @property
    def problem(self) -> str:
        """Why the last configuration offered was not taken ("" if it was, or none came)."""
        return self._updates.problem if self._updates is not None else ""

    def offered(self, version: int) -> None:
        """The hub has configuration ``version`` for this terminal (with a report's answer)."""
        self.updates.offered(version)

    def _installed(self, found: Installed) -> None:
        """A newer configuration is kept: taken between two citizens."""
        terminal = self._terminal
        before, terminal.config = terminal.config, overlay(terminal.base_config, found)
        if restart_needed(before, terminal.config):
            log.warning("configuration %d: its device settings apply at the next start",
                        found.version)  # fmt: skip
        self.cancel()
        self._take()

    def _take(self) -> None:
        terminal = self._terminal
        self._timer = None
        if terminal.availability is Availability.OUT_OF_SERVICE and terminal.reason in (
            OutOfServiceReason.CATALOGUE,
            OutOfServiceReason.SETUP,
        ):
            # Out of service for want of what it brought: at once.
            terminal.retry_now()
            return
        if terminal.session is None:
            return  # (starting: the catalogue loads from the new files anyway)
        if not terminal.idle:
            # A citizen is being served with the catalogue they started with.
            self._timer = terminal.scheduler.call_later(
                "configuration", DISABLE_CHECK_S, self._take
            )
            return
        terminal.reload()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
