"""The ID check cannot be forged by a terminal (issue 12): the hub verifies the chip's evidence.

A real hub process with its own CSCA trust store (``serve --csca``); the chips are the project's
virtual chips, read in process by the terminal's own reading code. The attacker holds one
terminal's credential and the hub's public key, as any terminal does.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.loader import load_catalogue
from drivers.camera.simulated import SimulatedCamera
from drivers.card import emrtd
from drivers.card.base import DocumentData
from drivers.card.chip_reader import document_data
from drivers.card.icao.active import submission_challenge
from drivers.card.simulated import SAMPLES_DIR, SimulatedCardReader
from drivers.card.virtual.chip import VirtualChip
from drivers.card.virtual.document import Specimen, chip_profile
from drivers.card.virtual.pki import TestPki
from drivers.demo import DemoControls
from drivers.devices import Devices
from drivers.printer.simulated import SimulatedPrinter
from drivers.sound.simulated import SimulatedSound
from hub.identity_check import CLOCK_SKEW, MAX_OFFLINE, IdentityVerdict, check_identity
from kiosk.scheduling import ManualScheduler
from kiosk.session import Delivery
from kiosk.submission import build_document
from kiosk.terminal import Terminal
from tests.hub.conftest import CLERK_PASSWORD, LiveHub
from tests.hub.test_inbox import login
from tests.kiosk.conftest import Kiosk
from tests.kiosk.test_session import JOURNEYS, Journey, submit, to_review
from tests.support.clock import FrozenClock
from tests.support.configs import ROOT, demo_config
from tests.support.hub_runner import HubRunner
from wire.api import ProblemType
from wire.sealing import load_public_key
from wire.submission import parse_document
from wire.tracking import new_tracking_code

#: The hub's trust anchor: the CSCA of the state that issued the citizens' documents.
STATE = TestPki.generate(name="Musterland")
CATALOGUE = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
TERMINAL = "village-01"


def read_chip(
    sample: str = "erika", pki: TestPki = STATE, challenge: bytes = b"", **changes: Any
) -> DocumentData:
    """A document read from a virtual chip by the terminal's own reading code (``challenge``:
    what its Active Authentication signs, where it offers it)."""
    specimen = dataclasses.replace(Specimen.from_json(SAMPLES_DIR / f"{sample}.json"), **changes)
    chip = VirtualChip(chip_profile(specimen, pki))
    found = emrtd.probe(chip.transmit, chip.atr)
    access: emrtd.AccessData = emrtd.CanAccess(specimen.can)
    if not specimen.can:
        access = emrtd.MrzAccess(
            specimen.document_number,
            specimen.date_of_birth.strftime("%y%m%d"),
            specimen.expiry.strftime("%y%m%d"),
        )
    trust = emrtd.passive.TrustStore([pki.csca])
    reading = emrtd.read_document(chip.transmit, found, access, trust, challenge=challenge)
    return document_data(reading)


def briefwahl(
    identity: DocumentData | None,
    form: dict[str, str] | None = None,
    submission_id: str = "",
) -> dict[str, Any]:
    """The postal-vote application as the terminal builds it (kiosk.submission)."""
    values = form
    if values is None:
        assert identity is not None
        values = {
            "given_names": identity.given_names,
            "family_name": identity.family_name,
            "date_of_birth": identity.date_of_birth.isoformat(),
            "delivery": "home",
        }
    now = datetime.now(UTC)
    built = build_document(
        service=CATALOGUE.service("briefwahl"),
        values=dict(values),
        identity=identity,
        prefilled={"given_names", "family_name", "date_of_birth"} if identity else set(),
        photos=[],
        terminal_id=TERMINAL,
        language="de",
        started_at=now - timedelta(minutes=3),
        submitted_at=now,
        submission_id=submission_id or str(uuid.uuid4()),
        tracking_code=new_tracking_code(),
    )
    doc: dict[str, Any] = json.loads(built.data)
    return doc


def victim_form() -> dict[str, str]:
    born = datetime.now(UTC).date().replace(year=datetime.now(UTC).year - 40, day=3)
    return {
        "given_names": "Gabriele",
        "family_name": "Opfer",
        "date_of_birth": born.isoformat(),
        "delivery": "home",
    }


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHub]:
    base = tmp_path_factory.mktemp("idhub")
    runner = HubRunner(base / "data")
    credential, key = runner.setup(TERMINAL)
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    (base / "csca").mkdir()
    (base / "csca" / "musterland.pem").write_bytes(STATE.csca_pem())
    runner.start("--csca", str(base / "csca"))
    live = LiveHub(runner, credential.read_text().strip(), load_public_key(key), TERMINAL)
    yield live
    live.http.close()
    runner.stop()


@pytest.fixture(scope="module")
def clerk(hub: LiveHub) -> requests.Session:
    session, r = login(hub)  # one login per module: the hub limits logins per address
    assert r.status_code == 200
    return session


def refused(r: requests.Response, *words: str) -> None:
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["type"] == ProblemType.IDENTITY_NOT_VERIFIED.value
    for word in words:
        assert word in problem["detail"]


def stored(hub: LiveHub, doc: dict[str, Any]) -> bool:
    return bool(hub.runner.rows("SELECT 1 FROM submissions WHERE id = ?", doc["id"]))


def badge(clerk: requests.Session, hub: LiveHub, doc: dict[str, Any]) -> str:
    page = clerk.get(f"{hub.url}/inbox/{doc['id']}", timeout=10)
    assert page.status_code == 200
    start = page.text.index('id="authenticity">') + len('id="authenticity">')
    return page.text[start : page.text.index("<", start)]


# --- the forgery from the issue --------------------------------------------------------------


def test_the_issues_forgery_a_claimed_valid_check_without_chip_data_is_refused(
    hub: LiveHub,
) -> None:
    """Exactly what was filed: another person's name, and the terminal's word that the chip
    was checked ("valid"), with a terminal's credential."""
    doc = briefwahl(None, victim_form())
    doc["identity"] = {
        "document_type": "id_card",
        "prefilled_fields": ["date_of_birth", "family_name", "given_names"],
        "access_protocol": "PACE",
        "authenticity": "valid",
        "authenticity_reason": "signature, chain and hashes verified",
    }
    refused(hub.put_data(doc), "identity document read from its chip")
    assert not stored(hub, doc)


def test_a_genuine_chip_with_another_persons_name_in_the_form_is_refused(hub: LiveHub) -> None:
    """The attacker reads their own (genuine) card and puts the victim's name in the form."""
    doc = briefwahl(read_chip(), victim_form())
    doc["identity"]["prefilled_fields"] = ["date_of_birth", "family_name", "given_names"]
    refused(hub.put_data(doc), "form.date_of_birth", "form.family_name", "form.given_names")
    assert "Opfer" not in hub.put_data(doc).text  # the problem names fields, never values
    assert not stored(hub, doc)


def test_a_data_group_swapped_for_the_victims_is_refused(hub: LiveHub) -> None:
    """DG1 and DG11 from the victim's document (or edited), EF.SOD from the attacker's."""
    attacker, victim = read_chip(), read_chip(family_name="Opfer", given_names="Gabriele")
    doc = briefwahl(victim)
    assert victim.evidence is not None and attacker.evidence is not None
    doc["identity"]["evidence"]["sod"] = base64.b64encode(attacker.evidence.sod).decode()
    refused(hub.put_data(doc), "DG1 does not match its signed hash")
    assert not stored(hub, doc)


def test_unmarked_name_fields_with_another_persons_name_are_refused(hub: LiveHub) -> None:
    """Found by review: genuine evidence, the victim's name typed and the name fields left out
    of ``prefilled_fields`` was stored with the green "echt" badge. The kiosk locks every field
    whose chip value the form accepts, so the hub requires exactly that value, marked or not."""
    doc = briefwahl(read_chip(), victim_form())
    doc["identity"]["prefilled_fields"] = []
    refused(hub.put_data(doc), "form.date_of_birth", "form.family_name", "form.given_names")
    assert not stored(hub, doc)
    # Only the date of birth claimed: the names are still checked.
    doc = briefwahl(read_chip(), {**victim_form(), "date_of_birth": "1983-08-12"})
    doc["identity"]["prefilled_fields"] = ["date_of_birth"]
    refused(hub.put_data(doc), "form.family_name", "form.given_names")


def meldebescheinigung(identity: DocumentData, address: dict[str, str]) -> dict[str, Any]:
    """A residence certificate with the address as given, the rest from the chip."""
    service = CATALOGUE.service("meldebescheinigung")
    now = datetime.now(UTC)
    values: dict[str, Any] = {
        "given_names": identity.given_names,
        "family_name": identity.family_name,
        "date_of_birth": identity.date_of_birth.isoformat(),
        "address": address,
        "kind": "simple",
    }
    built = build_document(
        service=service,
        values=values,
        identity=identity,
        prefilled={"given_names", "family_name", "date_of_birth"},
        photos=[],
        terminal_id=TERMINAL,
        language="de",
        started_at=now - timedelta(minutes=2),
        submitted_at=now,
        submission_id=str(uuid.uuid4()),
        tracking_code=new_tracking_code(),
    )
    doc: dict[str, Any] = json.loads(built.data)
    return doc


FAKE_ADDRESS = {
    "street": "Angreiferweg",
    "house_number": "1",
    "postcode": "10115",
    "city": "Berlin",
}


def test_a_hand_typed_address_is_refused_even_with_dg11_withheld(hub: LiveHub) -> None:
    """Found by review: leaving DG11 out of the evidence hid a hand-typed address (nothing to
    compare it with). EF.SOD's signed list shows that DG11 exists: withheld, refused."""
    doc = meldebescheinigung(read_chip(), FAKE_ADDRESS)
    refused(hub.put_data(doc), "form.address")
    doc = meldebescheinigung(read_chip(), FAKE_ADDRESS)
    del doc["identity"]["evidence"]["dg11"]
    refused(hub.put_data(doc), "EF.SOD lists DG11, not sent")
    assert not stored(hub, doc)


def test_a_chip_value_the_form_does_not_accept_may_be_corrected_but_is_never_green(
    hub: LiveHub, clerk: requests.Session
) -> None:
    """A street without a house number cannot be locked at the kiosk (the form needs one), so
    the citizen corrects it: stored, the clerk sees which field differs — and no green badge."""
    data = read_chip(address=["Heidestraße", "51147 Köln"])
    corrected = {"street": "Heidestraße", "house_number": "17", "postcode": "51147", "city": "Köln"}
    doc = meldebescheinigung(data, corrected)
    assert hub.put_data(doc).status_code == 201
    page = clerk.get(f"{hub.url}/inbox/{doc['id']}", timeout=10).text
    assert "Erika Mustermann, geboren am 12.08.1983" in page
    assert 'id="differing"' in page and "Meldeadresse" in page
    assert badge(clerk, hub, doc).startswith("echt – aber Angaben weichen vom Ausweis ab")
    assert "authenticity-ok" not in page


def test_a_self_made_state_pki_is_not_verified(hub: LiveHub, clerk: requests.Session) -> None:
    """The attacker makes their own CSCA and document signer (even under the real state's
    name) and signs chip data in the victim's name: consistent, but not trusted by the hub."""
    for pki in (TestPki.generate(name="Musterland"), TestPki.generate(name="Fälschland")):
        doc = briefwahl(read_chip(pki=pki, family_name="Opfer", given_names="Gabriele"))
        doc["identity"]["authenticity"] = "valid"  # the terminal's word counts for nothing
        assert hub.put_data(doc).status_code == 201
        assert badge(clerk, hub, doc).startswith("nicht prüfbar")


def test_a_broken_signature_is_stored_and_shown_as_not_confirmed(
    hub: LiveHub, clerk: requests.Session
) -> None:
    data = read_chip()
    assert data.evidence is not None
    data.evidence.sod[-3] ^= 0x55  # inside the signature
    doc = briefwahl(data)
    assert hub.put_data(doc).status_code == 201
    assert badge(clerk, hub, doc).startswith("NICHT BESTÄTIGT")


@pytest.mark.parametrize(
    ("evidence", "words"),
    [
        # The document model refuses what is not even shaped like evidence (wire.submission),
        # the identity check what does not hold up as chip data.
        ("not an object", ()),
        ({"dg1": "YQ=="}, ("identity.evidence.sod: missing",)),
        ({"sod": "%%%"}, ()),
        ({"sod": base64.b64encode(b"\x77\x01\x00").decode()}, ("EF.SOD malformed",)),
    ],
)
def test_malformed_evidence_is_refused_never_a_500(
    hub: LiveHub, evidence: object, words: tuple[str, ...]
) -> None:
    doc = briefwahl(read_chip())
    doc["identity"]["evidence"] = evidence
    r = hub.put_data(doc)
    if not words:
        assert r.status_code == 422, r.text
        assert r.json()["type"] == ProblemType.INVALID_SUBMISSION.value
        return
    refused(r, *words)


def test_an_expired_document_is_refused(hub: LiveHub) -> None:
    """The terminal refuses an expired ID card; a terminal that does not is refused here."""
    expired = datetime.now(UTC).date() - timedelta(days=30)
    doc = briefwahl(read_chip(expiry=expired))
    refused(hub.put_data(doc), "had expired")


def test_a_backdated_submission_does_not_revive_an_expired_document(hub: LiveHub) -> None:
    """Found by review: ``submitted_at`` 90 days back let a document expired 60 days ago
    through. The expiry counts no earlier than MAX_OFFLINE before the hub received it."""
    now = datetime.now(UTC)
    doc = briefwahl(read_chip(expiry=now.date() - MAX_OFFLINE - timedelta(days=5)))
    doc["submitted_at"] = (now - MAX_OFFLINE - timedelta(days=60)).isoformat()
    doc["started_at"] = (now - MAX_OFFLINE - timedelta(days=60, minutes=3)).isoformat()
    refused(hub.put_data(doc), "had expired")
    assert not stored(hub, doc)


def test_a_submission_from_the_future_is_refused(hub: LiveHub) -> None:
    """A ``submitted_at`` beyond the allowed clock skew is a wrong clock or a forgery."""
    doc = briefwahl(read_chip())
    later = datetime.now(UTC) + CLOCK_SKEW + timedelta(minutes=5)
    doc["submitted_at"] = later.isoformat()
    r = hub.put_data(doc)
    assert r.status_code == 422, r.text
    assert r.json()["type"] == ProblemType.INVALID_SUBMISSION.value
    assert "future" in r.json()["detail"]
    doc["submitted_at"] = (datetime.now(UTC) + CLOCK_SKEW / 2).isoformat()  # within the skew
    assert hub.put_data(doc).status_code == 201


def test_identification_required_is_enforced(hub: LiveHub) -> None:
    doc = briefwahl(None, victim_form())
    assert doc["identity"] is None
    refused(hub.put_data(doc), "needs an identity document")


def test_an_optional_identification_may_be_skipped_but_not_claimed(hub: LiveHub) -> None:
    from tests.hub.conftest import termin

    assert hub.put_data(termin(TERMINAL)).status_code == 201
    claimed = termin(
        TERMINAL,
        identity={
            "document_type": "id_card",
            "prefilled_fields": ["name"],
            "authenticity": "valid",
        },
    )
    refused(hub.put_data(claimed), "no chip data")


# --- Active Authentication, bound to the submission ----------------------------------------


def test_active_authentication_is_bound_to_the_submission(
    hub: LiveHub, clerk: requests.Session
) -> None:
    """Found by review: a leaked terminal credential plus captured evidence filed a consistent
    application. Where the chip offers Active Authentication, it signs a challenge derived
    from the submission id; the hub checks it against the id it receives."""
    sid = str(uuid.uuid4())
    anna = read_chip("anna", challenge=submission_challenge(sid))
    doc = briefwahl(anna, submission_id=sid)
    assert "aa" in doc["identity"]["evidence"]
    assert hub.put_data(doc).status_code == 201
    page = clerk.get(f"{hub.url}/inbox/{sid}", timeout=10).text
    assert "Chip-Echtheit" in page and "vom Server geprüft (Active Authentication)" in page
    # The same evidence replayed with a new submission: the signature is for another id.
    replay = briefwahl(anna)
    refused(hub.put_data(replay), "Active Authentication is not for this submission")
    # Without the signature, or without the key it is checked with (EF.SOD lists DG15/DG14).
    for part, words in (("aa", "no signature sent"), ("dg15", "DG15"), ("dg14", "DG14")):
        forged = briefwahl(anna, submission_id=str(uuid.uuid4()))
        del forged["identity"]["evidence"][part]
        refused(hub.put_data(forged), words)
        assert not stored(hub, forged)


def test_a_chip_without_active_authentication_is_shown_as_not_checkable(
    hub: LiveHub, clerk: requests.Session
) -> None:
    """The German ID card has only Chip Authentication, which leaves nothing the hub can check
    afterwards: the clerk is told so."""
    doc = briefwahl(read_chip())
    assert hub.put_data(doc).status_code == 201
    page = clerk.get(f"{hub.url}/inbox/{doc['id']}", timeout=10).text
    assert "nicht prüfbar (der Chip bietet keine Active Authentication)" in page


def test_the_holder_is_marked_unchecked_unless_the_verdict_is_valid(
    hub: LiveHub, clerk: requests.Session
) -> None:
    doc = briefwahl(read_chip(pki=TestPki.generate(name="Fälschland")))
    assert hub.put_data(doc).status_code == 201
    page = clerk.get(f"{hub.url}/inbox/{doc['id']}", timeout=10).text
    start = page.index('id="holder">')
    assert "ungeprüft" in page[start : page.index("</dd>", start)]
    assert "nicht prüfbar (Chipdaten nicht bestätigt)" in page


# --- the genuine path ------------------------------------------------------------------------


def kiosk_to_hub(hub: LiveHub, tmp_path: Path, journey: Journey) -> str:
    """The real terminal core (session, virtual chip in process, sealing, outbox, delivery)
    sends ``journey`` to the real hub; the submission's id."""
    if not hub.runner.rows("SELECT 1 FROM terminals WHERE id = 'demo-terminal-01'"):
        credential = tmp_path / "kiosk.credential"
        hub.runner.cli(
            "terminals", "add", "demo-terminal-01", "--name", "Kiosk", "--place", "Rathaus",
            "--credential-file", str(credential),
        )  # fmt: skip
        shutil.copy(credential, hub.runner.data_dir.parent / "kiosk.credential")
    config = demo_config(tmp_path / "data", hub_url=hub.url)
    shutil.copy(hub.runner.data_dir.parent / "kiosk.credential", config.hub.credential_file)
    public = tmp_path / "hub-public.jwk"
    hub.runner.cli("key", "export", "--out", str(public))
    shutil.copy(public, config.hub.public_key)
    devices = Devices(
        card_reader=SimulatedCardReader(read_seconds=0.0, pki=STATE),
        printer=SimulatedPrinter(),
        camera=SimulatedCamera(width=320, height=240, seed=7),
        sound=SimulatedSound(),
    )
    devices.demo = DemoControls(devices)  # the sample cards are placed through the demo's controls
    scheduler = ManualScheduler()
    clock = FrozenClock()
    terminal = Terminal(config, scheduler, devices, monotonic=lambda: scheduler.now, clock=clock)
    try:
        terminal.boot()
        scheduler.drain()
        k = Kiosk(terminal, scheduler, config, clock)
        to_review(k, journey)
        submit(k)
        k.wait_for(lambda: k.session.delivery is Delivery.SENT)
    finally:
        terminal.shutdown()
    [(sid,)] = hub.runner.rows(
        "SELECT id FROM submissions WHERE terminal_id = 'demo-terminal-01' "
        "ORDER BY rowid DESC LIMIT 1"
    )
    return str(sid)


def test_a_genuine_chip_read_at_the_kiosk_is_valid_by_the_hubs_own_check(
    hub: LiveHub, clerk: requests.Session, tmp_path: Path
) -> None:
    journey = next(j for j in JOURNEYS if j.service_id == "briefwahl")
    sid = kiosk_to_hub(hub, tmp_path, journey)
    page = clerk.get(f"{hub.url}/inbox/{sid}", timeout=10).text
    assert 'class="badge authenticity-ok" id="authenticity">echt' in page
    assert "vom Server geprüft" in page
    assert "Erika Mustermann, geboren am 12.08.1983" in page
    assert "gelesen (Personalausweis, PACE)" in page
    assert 'id="differing"' not in page


def test_a_passport_with_active_authentication_read_at_the_kiosk_is_proved_to_the_hub(
    hub: LiveHub, clerk: requests.Session, tmp_path: Path
) -> None:
    """The session makes the submission id when the identify step starts and has the chip
    sign the challenge derived from it; the hub verifies that signature itself."""
    journey = Journey(
        "briefwahl",
        "anna",
        ({}, {"delivery": "home"}),
        photos=0,
        form={
            "given_names": "Anna Maria",
            "family_name": "Eriksson",
            "date_of_birth": "1974-08-12",
            "delivery": "home",
        },
        prefilled=("date_of_birth", "family_name", "given_names"),
    )
    sid = kiosk_to_hub(hub, tmp_path, journey)
    page = clerk.get(f"{hub.url}/inbox/{sid}", timeout=10).text
    assert 'class="badge authenticity-ok" id="authenticity">echt' in page
    assert "vom Server geprüft (Active Authentication)" in page
    assert "gelesen (Reisepass, BAC)" in page


def test_the_verdict_is_the_hubs_at_the_time_of_receipt() -> None:
    """Unit level: the same evidence is valid with the state's CSCA, unknown without, and the
    terminal's claims do not enter into it."""
    doc = briefwahl(read_chip())
    doc["identity"]["authenticity"] = "invalid"
    parsed = parse_document(json.dumps(doc).encode())
    service = CATALOGUE.service("briefwahl")
    trust = emrtd.passive.TrustStore([STATE.csca])
    now = datetime.now(UTC)
    check = check_identity(parsed, service, trust, now)
    assert (check.verdict, check.refusal, check.differing) == (IdentityVerdict.VALID, None, ())
    assert check.holder is not None and check.holder.family_name == "Mustermann"
    # A stored submission whose service left the catalogue still opens with the chip's verdict.
    assert check_identity(parsed, None, trust, now).verdict is IdentityVerdict.VALID
    empty = emrtd.passive.TrustStore()
    assert check_identity(parsed, service, empty, now).verdict is IdentityVerdict.UNKNOWN_CSCA
    # Long after the document signer's certificate ran out, a look at a submission received
    # today still gives today's verdict: the hub checks as of the time of receipt.
    assert check_identity(parsed, service, trust, now + timedelta(days=1)).verdict is (
        IdentityVerdict.VALID
    )
    assert check_identity(parsed, service, trust, now + timedelta(days=365 * 12)).verdict is (
        IdentityVerdict.INVALID
    )


GENUINE = briefwahl(read_chip())


@settings(max_examples=200, deadline=None)
@given(
    part=st.sampled_from(["sod", "dg1", "dg11"]),
    position=st.integers(0, 4000),
    value=st.integers(0, 255),
    cut=st.integers(0, 4000),
)
def test_any_damage_to_the_evidence_gives_a_verdict_never_an_exception(
    part: str, position: int, value: int, cut: int
) -> None:
    doc = json.loads(json.dumps(GENUINE))
    original = base64.b64decode(doc["identity"]["evidence"][part])
    raw = bytearray(original)
    raw[position % len(raw)] = value
    damaged = bytes(raw[: max(1, cut)])
    doc["identity"]["evidence"][part] = base64.b64encode(damaged).decode()
    parsed = parse_document(json.dumps(doc).encode())
    trust = emrtd.passive.TrustStore([STATE.csca])
    check = check_identity(parsed, CATALOGUE.service("briefwahl"), trust, datetime.now(UTC))
    if part != "sod" and damaged != original:
        # A changed data group cannot match EF.SOD's hash: refused, whoever signed EF.SOD.
        assert check.refusal is not None
    elif damaged != original and check.verdict is IdentityVerdict.VALID:
        # Only bytes outside what is signed may change without consequence (e.g. the
        # unsigned digestAlgorithms set): the signed content is still the state's.
        assert check.refusal is None


def test_serve_refuses_a_csca_path_that_does_not_exist(tmp_path: Path) -> None:
    runner = HubRunner(tmp_path / "data")
    runner.cli("init")
    with pytest.raises(RuntimeError, match=r"--csca .*no such file or folder"):
        runner.cli("serve", "--csca", str(tmp_path / "missing.pem"))


ANNA_ID = "0b1c7d9e-5f00-4c3a-9d1e-2a3b4c5d6e7f"
GENUINE_AA = briefwahl(
    read_chip("anna", challenge=submission_challenge(ANNA_ID)), submission_id=ANNA_ID
)


@settings(max_examples=150, deadline=None)
@given(
    part=st.sampled_from(["aa", "dg14", "dg15"]),
    position=st.integers(0, 4000),
    value=st.integers(0, 255),
    cut=st.integers(0, 4000),
)
def test_any_damage_to_the_chip_proof_is_refused_never_an_exception(
    part: str, position: int, value: int, cut: int
) -> None:
    doc = json.loads(json.dumps(GENUINE_AA))
    original = base64.b64decode(doc["identity"]["evidence"][part])
    raw = bytearray(original)
    raw[position % len(raw)] = value
    damaged = bytes(raw[: max(1, cut)])
    doc["identity"]["evidence"][part] = base64.b64encode(damaged).decode()
    parsed = parse_document(json.dumps(doc).encode())
    trust = emrtd.passive.TrustStore([STATE.csca])
    check = check_identity(parsed, CATALOGUE.service("briefwahl"), trust, datetime.now(UTC))
    if damaged != original:
        assert check.refusal is not None
    else:
        assert check.refusal is None and check.chip.value == "active_authentication"
