"""Configurations for tests: the demo catalogue, simulated devices, a temporary data folder."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kiosk.config import KioskConfig, Timeouts, load_config

ROOT = Path(__file__).resolve().parents[2]
DEMO_CONFIG = ROOT / "config" / "demo.toml"


def demo_config(data_dir: Path, **timeouts: float) -> KioskConfig:
    config = load_config(DEMO_CONFIG, data_dir_override=data_dir)
    return dataclasses.replace(
        config,
        timeouts=dataclasses.replace(Timeouts(), **timeouts) if timeouts else config.timeouts,
        devices=dataclasses.replace(config.devices, simulated_read_s=0.0),
    )
