"""``[hub] health_interval_s``: how often the terminal reports its health to the hub."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_config
from tests.kiosk.test_config import problems_of, render, write
from tests.support.configs import ROOT


def test_the_example_documents_the_default() -> None:
    assert load_config(ROOT / "config" / "kiosk.example.toml").hub.health_interval_s == 300.0


def test_an_interval_is_taken(tmp_path: Path) -> None:
    path = write(tmp_path, render({("hub", "health_interval_s"): "60"}))
    assert load_config(path).hub.health_interval_s == 60.0


@pytest.mark.parametrize("value", ["5", "100000", "nan", "inf", '"300"', "-1"])
def test_an_interval_the_hub_would_refuse_is_named(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, render({("hub", "health_interval_s"): value}))
    assert any("health_interval_s" in p for p in problems_of(path))
