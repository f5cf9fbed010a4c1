"""What a terminal needs before it takes a citizen: its outbox open, the hub's key, the
devices and delivery started, and the session object that serves citizens.

Imported when the terminal sets up (after the attract screen's first frame), not with
kiosk.terminal: the outbox, the sealing library and the session are not needed before.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.availability import OutOfServiceReason
from kiosk.receipt import read_logo
from kiosk.session import Session
from offline_queue.outbox import OutboxError
from wire.sealing import SealError, load_public_key

if TYPE_CHECKING:
    from kiosk.offer import Offer
    from kiosk.terminal import Terminal

__all__ = ["serve"]

log = logging.getLogger(__name__)


def serve(terminal: Terminal, offer: Offer) -> OutOfServiceReason | None:
    """A new session for ``offer`` in place of the terminal's old one; or why there can be
    none (the outbox cannot be opened, the hub's key cannot be read)."""
    config, outbound = terminal.config, terminal.outbound
    try:
        outbox = outbound.open()
    except (OutboxError, OSError) as exc:
        log.error("outbox: %s", exc)
        return OutOfServiceReason.STORAGE
    try:
        hub_key = load_public_key(config.hub.public_key)
    except SealError as exc:
        log.error("hub key: %s", exc)
        return OutOfServiceReason.SETUP
    equipment = terminal.equipment
    equipment.start()
    outbound.start_delivery(equipment, terminal.delivery_status_changed, terminal.delivered)
    if terminal.session is not None:
        terminal.session.close()
    terminal.session = Session(
        catalogue=offer.catalogue,
        equipment=equipment,
        outbox=outbox,
        scheduler=terminal.scheduler,
        timeouts=config.timeouts,
        terminal_id=config.terminal_id,
        languages=offer.languages,
        default_language=offer.default_language,
        status_url=config.status_url,
        hub_key=hub_key,
        storage_ok=outbound.storage_ok,
        on_stored=terminal.wake_delivery,
        receipt_logo=read_logo(config.receipt_logo),
        receipt_email=config.receipt_email,
        clock=terminal.clock,
    )
    return None
