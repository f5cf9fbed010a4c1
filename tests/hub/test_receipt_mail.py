"""Receipts by e-mail: a real hub process, a real SMTP server on 127.0.0.1, real SQLite."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from joserfc.jwk import RSAKey

from hub.keys import load_key
from hub.mailer import FIRST_RETRY_S, MailSettings, ReceiptMailer
from hub.store import Store
from kiosk.catalogue.loader import load_catalogue
from tests.hub.conftest import LiveHub, termin
from tests.support.configs import ROOT
from tests.support.hub_runner import HubRunner
from tests.support.smtp import MailSink, body
from wire.sealing import load_public_key, seal

ADDRESS = "erika.mustermann@example.org"


@pytest.fixture(scope="module")
def sink() -> Iterator[MailSink]:
    with MailSink() as running:
        yield running


@pytest.fixture(scope="module")
def mailing_hub(tmp_path_factory: pytest.TempPathFactory, sink: MailSink) -> Iterator[LiveHub]:
    runner = HubRunner(tmp_path_factory.mktemp("mailhub") / "data")
    credential, key = runner.setup("village-02")
    runner.start(
        "--smtp-host", "127.0.0.1", "--smtp-port", str(sink.port),
        "--mail-from", "buergerservice@musterstadt.example",
        "--status-url", "https://buergerservice.musterstadt.example/status/{tracking}",
    )  # fmt: skip
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "village-02")
    yield hub
    hub.http.close()
    runner.stop()


def test_the_receipt_is_mailed_once(mailing_hub: LiveHub, sink: MailSink) -> None:
    before = len(sink.messages)
    doc = termin(mailing_hub.terminal_id, receipt_email=ADDRESS)
    assert mailing_hub.put_data(doc).status_code == 201
    [*_, mail] = sink.wait_for(before + 1)
    assert mail["To"] == ADDRESS
    assert mail["From"] == "buergerservice@musterstadt.example"
    assert doc["tracking_code"] in mail["Subject"]
    assert "Termin im Bürgerbüro" in mail["Subject"]
    text = body(mail)
    assert f"Ihre Vorgangsnummer: {doc['tracking_code']}" in text
    assert f"https://buergerservice.musterstadt.example/status/{doc['tracking_code']}" in text
    assert "Gemeinde Musterstadt" in text
    # Nothing personal from the form goes into the mail.
    assert "Erika" not in text and "0221" not in text
    # The terminal's retry of the same submission sends nothing again.
    assert mailing_hub.put_data(doc).status_code == 200
    rows = mailing_hub.runner.rows(
        "SELECT state, attempts FROM receipt_mails WHERE submission_id = ?", doc["id"]
    )
    assert rows == [("sent", 0)]


def test_no_address_no_mail(mailing_hub: LiveHub) -> None:
    doc = termin(mailing_hub.terminal_id)
    assert mailing_hub.put_data(doc).status_code == 201
    assert (
        mailing_hub.runner.rows("SELECT 1 FROM receipt_mails WHERE submission_id = ?", doc["id"])
        == []
    )


@pytest.mark.parametrize(
    "address",
    ["erika@example.org\r\nBcc: all@example.org", "no-at-sign", "a@b", "a b@example.org", 42],
)
def test_a_bad_address_is_refused_with_the_submission(
    mailing_hub: LiveHub, address: object
) -> None:
    response = mailing_hub.put_data(termin(mailing_hub.terminal_id, receipt_email=address))
    assert response.status_code == 422
    assert "receipt_email" in response.json()["detail"]


# --- the mailer on its own: retries on a clock the test moves -----------------------------


@pytest.fixture
def hub_parts(tmp_path: Path) -> Iterator[tuple[Store, RSAKey]]:
    runner = HubRunner(tmp_path / "data")
    runner.setup("village-03")
    store = Store(tmp_path / "data" / "hub.sqlite")
    yield store, load_key(tmp_path / "data")
    store.close()


def stored(store: Store, key: RSAKey, address: str) -> str:
    doc = termin("village-03", receipt_email=address)
    sealed = seal(json.dumps(doc).encode(), key, "application/json")
    store.put_submission(
        submission_id=doc["id"], terminal_id="village-03", service_id="termin",
        service_version=1, language="de", tracking_digest=doc["tracking_code"],
        submitted_at=doc["submitted_at"], content_sha256="x", sealed_data=sealed,
        receipt_mail=True,
    )  # fmt: skip
    return str(doc["id"])


def test_mail_server_down_then_back(hub_parts: tuple[Store, RSAKey]) -> None:
    store, key = hub_parts
    now = [time.time()]
    sink = MailSink()  # not started: the mail server is down
    settings = MailSettings("127.0.0.1", sink.port, "rathaus@musterstadt.example", "x/{tracking}")
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    mailer = ReceiptMailer(store, key, catalogue, settings, clock=lambda: now[0])
    sid = stored(store, key, ADDRESS)
    store_now = store.due_receipt_mails(now[0] + 10)
    assert [s for s, _ in store_now] == [sid]
    now[0] += 10
    assert mailer.send_due() == 0
    state = store.receipt_mail_state(sid)
    assert state is not None and state[:2] == ("pending", 1) and state[2]
    assert mailer.send_due() == 0  # not due again yet: nothing is tried
    assert store.receipt_mail_state(sid) == state
    with sink:
        now[0] += FIRST_RETRY_S
        assert mailer.send_due() == 1
        [mail] = sink.wait_for(1)
        assert mail["To"] == ADDRESS
        assert store.receipt_mail_state(sid) == ("sent", 1, state[2])
        assert mailer.send_due() == 0  # sent once, never again


def test_a_refused_address_is_not_tried_again(hub_parts: tuple[Store, RSAKey]) -> None:
    store, key = hub_parts
    now = [time.time()]
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    with MailSink() as sink:
        sink.refuse.add("gibt-es-nicht@example.org")
        settings = MailSettings("127.0.0.1", sink.port, "rathaus@musterstadt.example", "")
        mailer = ReceiptMailer(store, key, catalogue, settings, clock=lambda: now[0])
        refused = stored(store, key, "gibt-es-nicht@example.org")
        fine = stored(store, key, ADDRESS)
        now[0] += 1
        assert mailer.send_due() == 1
        assert store.receipt_mail_state(refused) == ("refused", 0, "")
        assert store.receipt_mail_state(fine) == ("sent", 0, "")
        assert [m["To"] for m in sink.messages] == [ADDRESS]


def test_no_mail_server_configured_sends_nothing(hub_parts: tuple[Store, RSAKey]) -> None:
    store, key = hub_parts
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    mailer = ReceiptMailer(store, key, catalogue, MailSettings())
    sid = stored(store, key, ADDRESS)
    assert mailer.send_due() == 0
    assert store.receipt_mail_state(sid) == ("pending", 0, "")
