"""The demo's test PKI is kept in its data folder, so that the local hub can trust its CSCA."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from drivers.card.icao.passive import TrustStore, Verdict, verify
from drivers.card.icao.tlv import tlv
from drivers.card.virtual.pki import TestPki
from tests.support.configs import ROOT

GROUPS = {1: tlv(0x61, tlv(0x5F1F, b"x" * 90))}


def test_kept_and_reused_and_its_csca_printed_for_the_hub(tmp_path: Path) -> None:
    folder = tmp_path / "demo-pki"
    out = subprocess.run(
        [sys.executable, "-m", "drivers.card.virtual.pki", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    assert Path(out) == folder / "csca.pem"
    assert (folder / "ds-key.pem").stat().st_mode & 0o077 == 0
    pki = TestPki.load_or_create(folder)
    trust = TrustStore.from_paths([Path(out)])
    assert verify(pki.sign_sod(GROUPS), GROUPS, trust).verdict is Verdict.VALID
    assert TestPki.load_or_create(folder).csca == pki.csca  # the same on every start
    (folder / "ds-key.pem").write_text("damaged")
    renewed = TestPki.load_or_create(folder)
    assert renewed.csca != pki.csca
    assert verify(renewed.sign_sod(GROUPS), GROUPS, TrustStore.from_paths([folder])).verdict is (
        Verdict.VALID
    )
