"""The kiosk's side of the hub's configuration without a hub: what it lays over the file, the
checks a new one must pass, and what each outcome of an update leaves (issue 16)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.configuration import ConfigurationUpdates, overlay, restart_needed
from provisioning.configuration import (
    CATALOGUE,
    CSCA,
    HUB_KEY,
    SETTINGS,
    ConfigurationError,
    Installed,
    RefusedConfigurationError,
)
from tests.support.clock import FrozenClock
from tests.support.configs import DEMO_CONFIG, ROOT, demo_config, write_hub_public_key
from tests.support.coturn import coturn
from tests.support.hub_runner import free_port
from wire.configuration import TerminalSettings


def configuration_folder(folder: Path, settings: dict[str, object] | None = None) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "catalogues" / "musterstadt.yaml", folder / CATALOGUE)
    write_hub_public_key(folder / HUB_KEY)
    (folder / SETTINGS).write_text(json.dumps(settings or {}), "utf-8")
    return folder


def updates(tmp_path: Path, installed: list[Installed]) -> ConfigurationUpdates:
    config = demo_config(tmp_path / "data")
    return ConfigurationUpdates(lambda: config, None, FrozenClock(), None, installed.append)  # type: ignore[arg-type]


def test_what_the_hub_sets_is_laid_over_the_file_and_what_needs_a_restart_is_known(
    tmp_path: Path,
) -> None:
    folder = configuration_folder(tmp_path / "7")
    (folder / CSCA).write_text("(certificates)", "ascii")
    settings = TerminalSettings(
        printer_poll_s=60.0, health_interval_s=120.0, turn_urls=("turn:turn.example:3478",)
    )
    config = demo_config(tmp_path / "data")
    laid = overlay(config, Installed(7, folder, settings))
    assert laid.devices.csca_trust_store == (folder / CSCA,)
    assert laid.devices.printer_poll_s == 60.0 and laid.hub.health_interval_s == 120.0
    assert laid.hub.turn_urls == ("turn:turn.example:3478",)
    assert restart_needed(config, laid)
    plain = configuration_folder(tmp_path / "8")  # (no CSCA store, no device settings)
    assert not restart_needed(config, overlay(config, Installed(8, plain, TerminalSettings())))
    assert overlay(config, None) is config


def test_a_new_configuration_must_pass_the_kiosks_own_checks(tmp_path: Path) -> None:
    check = updates(tmp_path, [])._check
    check(configuration_folder(tmp_path / "good"))
    broken = configuration_folder(tmp_path / "broken")
    (broken / CATALOGUE).write_text("municipality: [", "utf-8")
    with pytest.raises(RefusedConfigurationError, match="catalogue"):
        check(broken)
    keyless = configuration_folder(tmp_path / "keyless")
    (keyless / HUB_KEY).write_text("{}", "utf-8")
    with pytest.raises(RefusedConfigurationError):
        check(keyless)
    foreign = configuration_folder(tmp_path / "foreign", {"languages": ["tlh"]})
    with pytest.raises(RefusedConfigurationError, match="cannot show: \\['tlh'\\]"):
        check(foreign)
    # Every language the terminal can show, the catalogue's texts in some of them.
    six = ["de", "en", "tr", "ar", "uk", "ru"]
    check(configuration_folder(tmp_path / "six", {"languages": six}))
    # One language this terminal cannot show does not hold back the rest: it is left out.
    check(configuration_folder(tmp_path / "ahead", {"languages": ["de", "fr"]}))
    config = demo_config(tmp_path / "data")
    ahead = Installed(
        9, configuration_folder(tmp_path / "9"), TerminalSettings(languages=("de", "fr"))
    )
    assert overlay(config, ahead).languages == ("de",)


def test_each_outcome_of_an_update_is_told_and_only_a_refusal_is_not_asked_again(
    tmp_path: Path,
) -> None:
    got: list[Installed] = []
    up = updates(tmp_path, got)
    up._done(RefusedConfigurationError("the signature does not match"), 4)
    assert up.refused == (4, "the signature does not match") and "refused" in up.problem
    up._done(ConfigurationError("the hub cannot be reached (ConnectTimeout)"), 5)
    assert up.refused == (4, "the signature does not match") and "not taken" in up.problem
    up._done(OSError("disk full"), 5)
    assert "OSError" in up.problem
    found = Installed(5, tmp_path, TerminalSettings())
    up._done(found, 5)
    assert got == [found] and up.problem == ""
    with pytest.raises(KeyboardInterrupt):
        up._done(KeyboardInterrupt(), 6)
    # Not enrolled: nothing is fetched (no CA to check a signature with).
    up.offered(9)
    assert not up._running


def test_the_self_test_asks_each_turn_server_from_the_configuration(tmp_path: Path) -> None:
    from kiosk import self_test

    config = demo_config(tmp_path / "data")
    with coturn(tmp_path) as port:
        urls = (f"turn:127.0.0.1:{port}", f"stun:127.0.0.1:{free_port()}", "turn:")
        hub = dataclasses.replace(config.hub, turn_urls=urls)
        checks = self_test._turn(dataclasses.replace(config, hub=hub), None, None)  # type: ignore[arg-type]
    assert [c.result for c in checks] == ["ok", "failed", "failed"]
    assert "answers" in checks[0].detail


def test_the_typed_code_needs_the_hubs_address_and_its_fingerprint_together(
    tmp_path: Path,
) -> None:
    text = DEMO_CONFIG.read_text("utf-8")
    for extra, words in (
        ('enrol_url = "http://hub.example"', "enrol_url"),
        ('enrol_url = "https://hub.example"\nenrol_ca_sha256 = "abc"', "enrol_ca_sha256"),
        ('enrol_url = "https://hub.example"', "go together"),
    ):
        path = DEMO_CONFIG.parent / f"test-enrol-{tmp_path.name}.toml"
        path.write_text(text.replace("[hub]\n", "[hub]\n" + extra + "\n", 1), "utf-8")
        try:
            with pytest.raises(ConfigError, match=words):
                load_config(path, data_dir_override=tmp_path / "data")
        finally:
            path.unlink()
    path = DEMO_CONFIG.parent / f"test-enrol-{tmp_path.name}.toml"
    fingerprint = "ab" * 32
    good = f'enrol_url = "https://hub.example:8443/"\nenrol_ca_sha256 = "{fingerprint.upper()}"'
    path.write_text(text.replace("[hub]\n", "[hub]\n" + good + "\n", 1), "utf-8")
    try:
        config = load_config(path, data_dir_override=tmp_path / "data")
    finally:
        path.unlink()
    assert config.hub.enrol_url == "https://hub.example:8443"
    assert config.hub.enrol_ca_sha256 == fingerprint
