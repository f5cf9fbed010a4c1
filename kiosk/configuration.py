"""The hub's configuration on this terminal (:mod:`provisioning.configuration`): laid over the
local configuration file, and fetched when the hub names a newer version.

The hub names its newest version in every answer to a health report; an enrolled terminal
with an older one fetches, checks and keeps it on a network worker (never the GUI thread), and
the terminal takes it between two citizens: a new catalogue, languages, timeouts and hub key
with the next visit, without a restart. What only a start reads — the CSCA trust store (the
card reader's), the printer's poll and the heartbeat interval — takes effect at the next start
(a restart order from the fleet page does it at once). A configuration that fails its checks
is refused, and the one in use stays: the terminal also starts with it while the hub is away.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import KioskConfig
from kiosk.languages import SUPPORTED as SUPPORTED_LANGUAGES

if TYPE_CHECKING:
    from kiosk.scheduling import Clock, Worker
    from provisioning.configuration import Installed

log = logging.getLogger(__name__)


def configuration_folder(config: KioskConfig) -> Path:
    from provisioning.configuration import FOLDER

    return config.data_dir / FOLDER


def installed(config: KioskConfig) -> Installed | None:
    from provisioning.configuration import ConfigurationStore

    return ConfigurationStore(configuration_folder(config)).current()


def overlay(config: KioskConfig, found: Installed | None) -> KioskConfig:
    """``config`` with what the hub's configuration sets (``found``; None: as it is)."""
    if found is None:
        return config
    settings = found.settings
    timeouts = config.timeouts
    for name in ("inactivity_s", "warning_s", "done_s"):
        value = getattr(settings, name)
        if value is not None:
            timeouts = replace(timeouts, **{name: value})
    devices = config.devices
    if found.csca is not None:
        devices = replace(devices, csca_trust_store=(found.csca,))
    if settings.printer_poll_s is not None:
        devices = replace(devices, printer_poll_s=settings.printer_poll_s)
    hub = replace(config.hub, public_key=found.hub_key)
    if settings.turn_urls:
        hub = replace(hub, turn_urls=settings.turn_urls)
    if settings.health_interval_s is not None:
        hub = replace(hub, health_interval_s=settings.health_interval_s)
    # A language this terminal's software cannot show yet (a hub ahead of it) is left out.
    languages = tuple(lang for lang in settings.languages if lang in SUPPORTED_LANGUAGES)
    languages = languages or config.languages
    default = settings.default_language or config.default_language
    return replace(
        config,
        catalogue_path=found.catalogue,
        hub=hub,
        devices=devices,
        timeouts=timeouts,
        languages=languages,
        default_language=default if default in languages else languages[0],
    )


def restart_needed(before: KioskConfig, after: KioskConfig) -> bool:
    """Whether ``after`` changes something only a start reads."""
    return (
        before.devices.csca_trust_store != after.devices.csca_trust_store
        or before.devices.printer_poll_s != after.devices.printer_poll_s
        or before.hub.health_interval_s != after.hub.health_interval_s
    )


class ConfigurationUpdates:
    """Fetches a newer configuration when the hub names one (on ``worker``), and hands what
    it installed to ``on_installed`` (on the scheduler's thread)."""

    def __init__(
        self,
        config: Callable[[], KioskConfig],
        worker: Worker,
        clock: Clock,
        known_icons: Collection[str] | None,
        on_installed: Callable[[Installed], None],
    ) -> None:
        self._config = config
        self._worker = worker
        self._clock = clock
        self._known_icons = known_icons
        self._on_installed = on_installed
        self._running = False
        #: A version refused (it will not get better by asking again), and why.
        self.refused: tuple[int, str] | None = None
        #: The last attempt's failure, in words ("" when it worked).
        self.problem = ""

    def offered(self, version: int) -> None:
        from provisioning.identity import DeviceIdentity

        config = self._config()
        current = installed(config)
        have = current.version if current is not None else 0
        if version <= have or self._running:
            return
        if self.refused is not None and self.refused[0] == version and current is not None:
            return  # (none in use yet: asked again at every retry of the start, it is cheap)
        identity = DeviceIdentity(config.hub.identity_dir)
        if not identity.enrolled:
            return  # (a bearer terminal has no CA to check a signature with)
        self._running = True
        folder = configuration_folder(config)
        self._worker.submit(
            lambda: self._update(identity, folder), lambda r: self._done(r, version)
        )

    def _update(self, identity: object, folder: Path) -> Installed | None:
        from provisioning.configuration import ConfigurationStore, update
        from provisioning.identity import DeviceIdentity

        assert isinstance(identity, DeviceIdentity)
        return update(identity, ConfigurationStore(folder), self._check, self._clock())

    def _check(self, folder: Path) -> None:
        """What the kiosk checks at start, on the new configuration's files."""
        from catalogue.loader import load_catalogue
        from catalogue.problems import CatalogueError
        from provisioning.configuration import (
            CATALOGUE,
            HUB_KEY,
            SETTINGS,
            RefusedConfigurationError,
        )
        from wire.configuration import settings_from
        from wire.sealing import SealError, load_public_key

        try:
            catalogue = load_catalogue(folder / CATALOGUE, self._known_icons)
        except CatalogueError as exc:
            first = exc.problems[0] if exc.problems else "its checks"
            raise RefusedConfigurationError(f"the catalogue fails {first}") from None
        try:
            load_public_key(folder / HUB_KEY)
        except SealError as exc:
            raise RefusedConfigurationError(str(exc)) from None
        settings = settings_from(json.loads((folder / SETTINGS).read_text("utf-8")))
        languages = settings.languages or self._config().languages
        unknown = [lang for lang in languages if lang not in SUPPORTED_LANGUAGES]
        if unknown and len(unknown) == len(languages):
            raise RefusedConfigurationError(f"languages this terminal cannot show: {unknown}")
        if unknown:
            # The rest is taken: one language more must not hold back a new catalogue.
            log.warning("configuration: languages this terminal cannot show left out: %s", unknown)
        if not any(lang in catalogue.languages for lang in languages):
            raise RefusedConfigurationError("the catalogue has none of the terminal's languages")

    def _done(self, result: object, version: int) -> None:
        from provisioning.configuration import Installed, RefusedConfigurationError

        self._running = False
        if isinstance(result, RefusedConfigurationError):
            self.problem = f"version {version} refused: {result}"
            self.refused = (version, str(result))
            log.error("configuration version %d refused: %s (the one in use stays)",
                      version, result)  # fmt: skip
        elif isinstance(result, Exception):
            # (the hub away, a clock not set yet, a full disk, or a bug of ours: asked again
            # with the next report; the terminal goes on with the configuration it has)
            why = str(result) if isinstance(result, ValueError) else type(result).__name__
            self.problem = f"version {version} not taken: {why}"
            log.warning("configuration version %d not taken: %s", version, why)
        elif isinstance(result, BaseException):
            raise result
        elif isinstance(result, Installed):
            self.problem = ""
            self._on_installed(result)
