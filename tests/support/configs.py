"""Configurations for tests: the demo catalogue, simulated devices, a temporary data folder."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from functools import cache
from pathlib import Path

from joserfc.jwk import RSAKey

from kiosk.config import KioskConfig, Timeouts, load_config
from wire.sealing import import_key, public_jwk

ROOT = Path(__file__).resolve().parents[2]
DEMO_CONFIG = ROOT / "config" / "demo.toml"
#: A hub key pair for tests only (generating a 4096-bit key takes about a second).
TEST_HUB_KEY = Path(__file__).with_name("test-hub-key.jwk")


@cache
def hub_private_key() -> RSAKey:
    """The private half, for tests that play the hub and open what the terminal sealed."""
    return import_key(json.loads(TEST_HUB_KEY.read_text(encoding="utf-8")))


def write_hub_public_key(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(public_jwk(hub_private_key())), encoding="utf-8")
    return path


def demo_config(data_dir: Path, *, hub_url: str = "", **timeouts: float) -> KioskConfig:
    """The demo configuration with data in ``data_dir`` and the test hub key put there.

    No hub by default (submissions stay queued); pass ``hub_url`` for a real one.
    """
    config = load_config(DEMO_CONFIG, data_dir_override=data_dir)
    with contextlib.suppress(OSError):  # tests of unusable data folders
        write_hub_public_key(config.hub.public_key)
    return dataclasses.replace(
        config,
        timeouts=dataclasses.replace(Timeouts(), **timeouts) if timeouts else config.timeouts,
        devices=dataclasses.replace(config.devices, simulated_read_s=0.0),
        hub=dataclasses.replace(config.hub, url=hub_url),
    )
