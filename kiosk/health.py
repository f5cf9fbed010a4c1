"""The terminal's health report: what the outbox, the delivery and the worker threads are doing,
sent to the hub's fleet page as :class:`wire.health.TerminalHealth`. Counts, states and short
reasons only; never personal data.
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalogue.model import Catalogue
from common.supervised import WorkerReport, uncaught_faults
from wire.health import Connection as HealthConnection
from wire.health import TerminalHealth, reason

if TYPE_CHECKING:
    from kiosk.outbound import DeviceStates
    from kiosk.terminal import Terminal


@dataclass(frozen=True)
class QueueHealth:
    """The outbox's part of the terminal's health report; sent to the hub's fleet page as
    :class:`wire.health.TerminalHealth` (:func:`health_report`)."""

    connection: str
    depth: int
    oldest_age_s: float
    dead_letters: int
    last_error: str
    #: File name a damaged outbox was moved to at start, or "".
    outbox_recovered_from: str
    storage_ok: bool
    #: The newest dead letter's reason, "" if there is none.
    last_dead_letter: str = ""
    #: What the salvage of a damaged outbox copied and could not read, "" if there was none.
    outbox_salvage: str = ""
    #: The outbox is in trouble while running (damaged, deleted, disk), "" when it is fine.
    outbox_problem: str = ""
    #: Items waiting with their own trouble (e.g. a proxy's 413), and the oldest one's reason.
    held: int = 0
    held_reason: str = ""
    #: The supervised delivery thread: "running", "recovering after 3 faults (bug: KeyError)".
    delivery_worker: str = ""
    #: The card reader's supervised thread, described the same way ("" if it has none).
    card_reader_worker: str = ""
    #: Threads that ended by an uncaught exception since start: "2 (last: camera: bug: …)".
    threads_died: str = ""
    #: The camera's state ("ready", "not_found", "stalled"), "" before the devices exist.
    camera: str = ""
    #: The printer's and the card reader's states ("" before the devices exist).
    printer: str = ""
    card_reader: str = ""
    #: Seconds since the program started.
    uptime_s: float = 0.0
    #: The catalogue's services and their versions, as a short digest ("" before it loads).
    config_version: str = ""
    #: The hub's newest configuration refused or not fetched, and why.
    config_problem: str = ""


def describe_worker(report: WorkerReport | None) -> str:
    if report is None:
        return ""
    fault = f" after {report.failures} faults ({report.last_fault})" if report.failures else ""
    parked = f", {report.parked} parked" if report.parked else ""
    return f"{report.state.value}{fault}{parked}"


def software_version() -> str:
    """The installed package's version (what the fleet page shows), "0" if not installed."""
    try:
        return importlib.metadata.version("point-of-public")
    except importlib.metadata.PackageNotFoundError:
        return "0"


def health_report(health: QueueHealth, version: str, interval_s: float) -> TerminalHealth:
    """The hub's health document (wire.health) from the terminal's own report: counts,
    states and short reasons, cut to the document's bounds; no personal data."""
    return TerminalHealth(
        software_version=version,
        connection=HealthConnection(health.connection),
        depth=health.depth,
        oldest_age_s=min(health.oldest_age_s, 10 * 365 * 86400.0),
        dead_letters=health.dead_letters,
        last_dead_letter=reason(health.last_dead_letter),
        held=health.held,
        held_reason=reason(health.held_reason),
        storage_ok=health.storage_ok,
        outbox_problem=reason(health.outbox_problem),
        delivery_worker=reason(health.delivery_worker),
        card_reader_worker=reason(health.card_reader_worker),
        threads_died=reason(health.threads_died),
        camera=reason(health.camera),
        report_interval_s=interval_s,
        uptime_s=min(max(0.0, health.uptime_s), 10 * 365 * 86400.0),
        printer=health.printer[:32],
        card_reader=health.card_reader[:32],
        config_version=health.config_version[:64],
        config_problem=health.config_problem[:200],
    )


def catalogue_version(catalogue: Catalogue) -> str:
    """Which catalogue a terminal runs, in a few characters: its services and their versions
    (the hub knows each version; two terminals with the same digest offer the same)."""
    import hashlib

    listed = ";".join(f"{s.id}@{s.version}" for s in catalogue.services)
    return hashlib.sha256(f"{catalogue.municipality_id}:{listed}".encode()).hexdigest()[:12]


def threads_died() -> str:
    count, last = uncaught_faults()
    return f"{count} (last: {last})" if count else ""


def device_states(terminal: Terminal) -> DeviceStates | None:
    """(Any thread: attribute reads only.) What the health report says of the devices and the
    configuration; None before the devices are built."""
    from kiosk.configuration import installed
    from kiosk.outbound import DeviceStates

    equipment = terminal.equipment_if_built
    if equipment is None:
        return None
    catalogue = terminal.catalogue
    found = installed(terminal.config)
    version = catalogue_version(catalogue) if catalogue is not None else ""
    return DeviceStates(
        camera=equipment.devices.camera.describe(),
        printer=equipment.print_station.status.value,
        card_reader=equipment.reader_status.value,
        config_version=f"{found.version} · {version}" if found is not None else version,
        config_problem=terminal.configuration.problem,
    )


def queue_health(terminal: Terminal, now: float | None = None) -> QueueHealth:
    """The queue's state for the fleet report and the technician."""
    # Not built yet (out of service since start): nothing to report, nothing to build.
    equipment = terminal.equipment_if_built
    reader = equipment.devices.card_reader.worker_report() if equipment else None
    camera = equipment.devices.camera.describe() if equipment else ""
    return terminal.outbound.queue_health(terminal.delivery_status, reader, now, camera)
