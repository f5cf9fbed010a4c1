"""The hub's signed configuration at the terminal (issue 16): only what the terminal's own hub
CA signed for it, for this terminal and newer than what it has, is taken — checked in full
before it replaces the last good one, which stays through any refusal or a cut-off write."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from hub.configuration import Published, SettingsError, Signer, read_settings
from hub.pki import CertificateAuthority
from kiosk.configuration import overlay
from provisioning.configuration import (
    CATALOGUE,
    ConfigurationError,
    ConfigurationStore,
    verify,
)
from tests.hub.test_pki import make_csr
from tests.support.clock import RUN_STARTED
from tests.support.configs import DEMO_CONFIG, demo_config, hub_private_key
from wire.configuration import Configuration, Envelope, TerminalSettings, parse_envelope
from wire.sealing import public_jwk

NOW = RUN_STARTED
CATALOGUE_YAML = (DEMO_CONFIG.parent.parent / "catalogues" / "musterstadt.yaml").read_text("utf-8")


def configuration(version: int = 3, **settings: object) -> Configuration:
    return Configuration(
        version=version,
        terminal_id="",
        published_at="2000-01-01T00:00:00Z",  # (a label for people: never compared)
        catalogue_yaml=CATALOGUE_YAML,
        hub_public_key=public_jwk(hub_private_key()),
        settings=TerminalSettings(**settings),  # type: ignore[arg-type]
    )


def signed(
    ca: CertificateAuthority, found: Configuration, terminal_id: str = "village-01"
) -> bytes:
    return Signer(Published(found), ca).envelope(terminal_id)


@pytest.fixture
def ca(tmp_path: Path) -> CertificateAuthority:
    authority = CertificateAuthority(tmp_path / "pki", now=NOW)
    authority.configuration_signer(NOW)  # (valid from NOW on: the signer uses it after)
    return authority


def no_check(folder: Path) -> None:
    pass


def test_a_configuration_the_hub_signed_for_this_terminal_is_taken_and_laid_over_the_file(
    ca: CertificateAuthority, tmp_path: Path
) -> None:
    body = signed(ca, configuration(3, languages=["de"], inactivity_s=120, health_interval_s=60))
    found = verify(body, write_ca(ca, tmp_path), "village-01", 0, NOW)
    assert found.version == 3 and found.terminal_id == "village-01"
    store = ConfigurationStore(tmp_path / "configuration")
    installed = store.install(found, body, no_check)
    assert store.current() == installed and store.version == 3
    assert installed.catalogue.read_text("utf-8") == CATALOGUE_YAML
    config = overlay(demo_config(tmp_path / "data"), store.current())
    assert config.catalogue_path == installed.catalogue
    assert config.hub.public_key == installed.hub_key
    assert config.languages == ("de",) and config.default_language == "de"
    assert config.timeouts.inactivity_s == 120 and config.hub.health_interval_s == 60
    # What the file says stays where the hub sets nothing.
    assert config.timeouts.done_s == demo_config(tmp_path / "other").timeouts.done_s


def write_ca(ca: CertificateAuthority, folder: Path) -> Path:
    path = folder / "hub-ca.pem"
    path.write_bytes(ca.pem)
    return path


def test_a_changed_byte_another_hub_another_terminal_or_an_older_version_is_refused(
    ca: CertificateAuthority, tmp_path: Path
) -> None:
    ca_file = write_ca(ca, tmp_path)
    body = signed(ca, configuration(3))
    envelope = parse_envelope(body)
    # Tampered on the way: one service's text changed.
    payload = envelope.payload.replace(b"Musterstadt", b"Musterdorf", 1)
    assert payload != envelope.payload
    tampered = replace(envelope, payload=payload).to_json()
    with pytest.raises(ConfigurationError, match="signature does not match"):
        verify(tampered, ca_file, "village-01", 0, NOW)
    # Signed by another hub's CA.
    other = CertificateAuthority(tmp_path / "other-pki", now=NOW)
    with pytest.raises(ConfigurationError, match="not signed by the hub"):
        verify(signed(other, configuration(3)), ca_file, "village-01", 0, NOW)
    # Signed with a terminal's certificate of this CA (not made for configurations).
    key = ec.generate_private_key(ec.SECP256R1())
    device = ca.issue_device(make_csr(key), "village-02", now=NOW)
    forged = Envelope(
        envelope.payload,
        key.sign(envelope.payload, ec.ECDSA(hashes.SHA256())),
        device.pem.decode("ascii"),
    ).to_json()
    with pytest.raises(ConfigurationError, match="not made for configurations"):
        verify(forged, ca_file, "village-01", 0, NOW)
    # Another terminal's configuration, replayed to this one.
    with pytest.raises(ConfigurationError, match="village-02"):
        verify(signed(ca, configuration(3), "village-02"), ca_file, "village-01", 0, NOW)
    # An older version than the one in use (a replayed old configuration).
    with pytest.raises(ConfigurationError, match="older"):
        verify(body, ca_file, "village-01", 4, NOW)
    # The signer's certificate expired (a hub's clock, or a terminal's, far off).
    later = NOW + dt.timedelta(days=400)
    with pytest.raises(ConfigurationError, match="not valid now"):
        verify(body, ca_file, "village-01", 0, later)
    # Not a configuration at all.
    for junk in (b"", b"{}", b"[1]", json.dumps({"format": "pop.configuration/1"}).encode()):
        with pytest.raises(ConfigurationError):
            verify(junk, ca_file, "village-01", 0, NOW)
    bad_base64 = json.loads(body)
    bad_base64["signature"] = "***"
    with pytest.raises(ConfigurationError, match="base64"):
        verify(json.dumps(bad_base64).encode(), ca_file, "village-01", 0, NOW)


def test_a_signed_payload_must_still_be_a_configuration(
    ca: CertificateAuthority, tmp_path: Path
) -> None:
    """The hub's bug, not an attack: refused in words all the same."""
    ca_file = write_ca(ca, tmp_path)
    key, certificate = ca.configuration_signer(NOW)
    signer = certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")
    good = json.loads(configuration(3).payload())
    good["terminal_id"] = "village-01"
    for change, words in (
        ({"version": 0}, "version"),
        ({"hub_public_key": {"kty": "RSA", "d": "x"}}, "public RSA"),
        ({"csca": ["not a certificate"]}, "CSCA"),
        ({"settings": {"inactivity_s": 1}}, "within"),
        ({"settings": {"turn_urls": ["http://x"]}}, "stun:"),
        ({"settings": {"colour": "red"}}, "unknown"),
    ):
        payload = json.dumps({**good, **change}).encode()
        body = Envelope(payload, key.sign(payload, ec.ECDSA(hashes.SHA256())), signer).to_json()
        with pytest.raises(ConfigurationError, match=words):
            verify(body, ca_file, "village-01", 0, NOW)


def test_a_configuration_that_fails_the_kiosks_checks_leaves_the_last_good_one(
    ca: CertificateAuthority, tmp_path: Path
) -> None:
    store = ConfigurationStore(tmp_path / "configuration")
    first = verify(signed(ca, configuration(3)), write_ca(ca, tmp_path), "village-01", 0, NOW)
    store.install(first, b"{}", no_check)

    def refuse(folder: Path) -> None:
        assert (folder / CATALOGUE).exists()  # (the check sees the new files in full)
        raise ConfigurationError("the catalogue fails line 3: …")

    second = replace(first, version=4, catalogue_yaml="services: [")
    with pytest.raises(ConfigurationError, match="line 3"):
        store.install(second, b"{}", refuse)
    current = store.current()
    assert current is not None and current.version == 3
    assert current.catalogue.read_text("utf-8") == CATALOGUE_YAML
    assert sorted(p.name for p in store.folder.iterdir()) == ["3", "current"]
    # A power cut while the next one was being written: its half is not used.
    (store.folder / "4.part").mkdir()
    (store.folder / "4.part" / CATALOGUE).write_text("serv", "utf-8")
    current = store.current()
    assert current is not None and current.version == 3
    # The next good one replaces it (and tidies the half away); the one before is kept.
    store.install(replace(first, version=5), b"{}", no_check)
    assert sorted(p.name for p in store.folder.iterdir()) == ["3", "5", "current", "previous"]
    store.install(replace(first, version=6), b"{}", no_check)
    assert sorted(p.name for p in store.folder.iterdir()) == ["5", "6", "current", "previous"]
    # The new one's files lost (a power cut before the disk had them): the one before.
    (store.folder / "6" / CATALOGUE).unlink()
    current = store.current()
    assert current is not None and current.version == 5
    # Both pointers damaged: no configuration (the kiosk's file is used; the hub sends anew).
    (store.folder / "current").write_text("x", "ascii")
    (store.folder / "previous").write_text("x", "ascii")
    assert store.current() is None and store.version == 0


def test_the_hubs_terminal_settings_file_is_checked_at_start(tmp_path: Path) -> None:
    assert read_settings(tmp_path / "none.json") == TerminalSettings()
    path = tmp_path / "terminal-settings.json"
    path.write_text(json.dumps({"languages": ["de", "en"], "inactivity_s": 120}), "utf-8")
    found = read_settings(path, ("turn:turn.example:3478",))
    assert found.languages == ("de", "en") and found.inactivity_s == 120
    assert found.turn_urls == ("turn:turn.example:3478",)
    path.write_text(json.dumps({"inactivity_s": 5}), "utf-8")
    with pytest.raises(SettingsError, match="inactivity_s"):
        read_settings(path)
    path.write_text("{", "utf-8")
    with pytest.raises(SettingsError, match="JSON"):
        read_settings(path)


def test_the_signing_certificate_is_for_code_signing_and_kept_while_it_is_good(
    ca: CertificateAuthority,
) -> None:
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID

    _, first = ca.configuration_signer(NOW)
    usage = first.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(usage) == [ExtendedKeyUsageOID.CODE_SIGNING]
    assert ca.configuration_signer(NOW)[1] == first
    # A month before it expires, a new one.
    _, renewed = ca.configuration_signer(first.not_valid_after_utc - dt.timedelta(days=20))
    assert renewed.serial_number != first.serial_number
