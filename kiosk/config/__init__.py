"""The terminal's configuration: one TOML file, every key documented in config/kiosk.example.toml.

Loading never raises anything but :class:`ConfigError`, whose message lists every problem found
in plain words (file, table, key, what is wrong, what is allowed), so a technician can fix the
file in one go instead of one error per restart.
"""

from __future__ import annotations

from kiosk.config.loader import load_config
from kiosk.config.model import (
    MIN_WARNING_S,
    ConfigError,
    DeviceChoice,
    Devices,
    Display,
    Hub,
    KioskConfig,
    Orientation,
    Timeouts,
)

__all__ = [
    "MIN_WARNING_S",
    "ConfigError",
    "DeviceChoice",
    "Devices",
    "Display",
    "Hub",
    "KioskConfig",
    "Orientation",
    "Timeouts",
    "load_config",
]
