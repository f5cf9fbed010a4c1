"""The terminal's link to the hub: a client for the configured hub, or the reason there is none,
and the queue's state as the "offline — N waiting" indicator tells it."""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from kiosk.call.dialer import HubDialer
from kiosk.config import Hub
from offline_queue.credential import Credential
from offline_queue.delivery import Connection, DeliveryStatus
from offline_queue.hub_address import HubAddressError, hub_url_problem
from offline_queue.hub_client import HubClient
from offline_queue.outbox import Outbox, OutboxError
from offline_queue.probe import HubProbe

if TYPE_CHECKING:
    from drivers.sound.base import Sound
from offline_queue.status_lookup import StatusLookup

log = logging.getLogger(__name__)


def queue_status(outbox: Outbox, connection: Connection) -> DeliveryStatus:
    try:
        stats = outbox.stats()
    except OutboxError:
        return DeliveryStatus(connection, 0, None, 0)
    return DeliveryStatus(
        connection,
        stats.depth,
        stats.oldest_created_at,
        stats.dead_letters,
        last_dead_letter=stats.last_dead_letter,
    )


def _token(hub: Hub) -> str:
    try:
        return hub.credential_file.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def credential(hub: Hub) -> tuple[str, Credential | None]:
    """(the hub's address, how to prove who this terminal is): the device certificate and the
    address the hub gave at enrolment, or else the configured address and bearer credential;
    (url, None) when there is neither."""
    from provisioning.identity import DeviceIdentity

    identity = DeviceIdentity(hub.identity_dir)
    enrolment = identity.enrolment() if identity.enrolled else None
    if enrolment is not None:
        return enrolment.terminal_url, Credential.device(
            enrolment.terminal_id, identity.cert_file, identity.key_file, identity.ca_file
        )
    token = _token(hub)
    return hub.url, (Credential.bearer(token) if token else None)


def hub_probe(hub: Hub) -> HubProbe | None:
    """The cheap "are you back?" question the delivery worker asks while the hub cannot be
    reached (None without a hub; why not is logged once by :func:`hub_client`)."""
    url, proof = credential(hub)
    if not url or proof is None:
        return None
    try:
        return HubProbe(
            url,
            proof,
            connect_timeout_s=hub.connect_timeout_s,
            read_timeout_s=hub.connect_timeout_s,
            allow_insecure_loopback=hub.allow_insecure_loopback,
        )
    except HubAddressError:
        return None


def call_dialer(hub: Hub, sound: Sound | None = None) -> HubDialer | None:
    """What places video calls to the hub's clerks (None without a hub to call)."""
    url, proof = credential(hub)
    if not url or proof is None:
        return None
    if hub_url_problem(url, hub.allow_insecure_loopback) is not None:
        return None
    return HubDialer(url, proof, sound)


def status_lookup(hub: Hub) -> StatusLookup | None:
    """A client for citizens' status look-ups at the configured hub (None without one; why
    not is logged once by :func:`hub_client`)."""
    url, proof = credential(hub)
    if not url or proof is None:
        return None
    try:
        return StatusLookup(
            url,
            proof,
            connect_timeout_s=hub.connect_timeout_s,
            # A citizen is waiting: a shorter read than a photo upload's.
            read_timeout_s=min(hub.read_timeout_s, 10.0),
            allow_insecure_loopback=hub.allow_insecure_loopback,
        )
    except HubAddressError:
        return None


def hub_client(hub: Hub, outbox: Outbox) -> HubClient | DeliveryStatus:
    """A client for the configured hub, or the queue's status saying why nothing can be sent."""
    url, proof = credential(hub)
    if not url:
        log.warning("no hub configured: submissions stay queued on this terminal")
        return queue_status(outbox, Connection.OFFLINE)
    if proof is None:
        log.error(
            "hub credential missing (%s, and not enrolled): nothing can be sent",
            hub.credential_file.name,
        )
        return queue_status(outbox, Connection.REFUSED)
    if proof.mutual_tls:
        log.info("talking to the hub at %s with the device certificate", url)
    try:
        return HubClient(
            url,
            proof,
            connect_timeout_s=hub.connect_timeout_s,
            read_timeout_s=hub.read_timeout_s,
            allow_insecure_loopback=hub.allow_insecure_loopback,
        )
    except HubAddressError as exc:
        # The configuration file is checked when loaded; an address set another way (a
        # command-line override) is checked here, by the same rule.
        log.error("hub address refused: %s", exc)
        status = queue_status(outbox, Connection.REFUSED)
        return dataclasses.replace(status, last_error="hub address refused: not https://")
