"""Receipts by e-mail: a real hub process, a real SMTP server on 127.0.0.1, real SQLite."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from joserfc.jwk import RSAKey

from catalogue.loader import load_catalogue
from catalogue.model import Catalogue, Service
from common.supervised import Backoff, WorkerReport, WorkerState
from hub.keys import load_key
from hub.mailer import FIRST_RETRY_S, MailSettings, ReceiptMailer
from hub.store import Store, StoreError
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
    # The server has the mail a moment before the hub has noted it as sent.
    deadline = time.monotonic() + 10
    pause = threading.Event()
    while (
        rows := mailing_hub.runner.rows(
            "SELECT state, attempts FROM receipt_mails WHERE submission_id = ?", doc["id"]
        )
    ) != [("sent", 0)] and time.monotonic() < deadline:
        pause.wait(0.02)
    assert rows == [("sent", 0)]
    assert len(sink.messages) == before + 1


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


# --- poison pills: one submission must not stop the mailer ------------------------------


def _store_directly(hub: LiveHub, doc: dict[str, object]) -> None:
    """As a hub of an earlier version stored it (before today's checks at intake)."""
    store = Store(hub.runner.data_dir / "hub.sqlite")
    try:
        store.put_submission(
            submission_id=str(doc["id"]), terminal_id=hub.terminal_id,
            service_id=str(doc["service"]["id"]),  # type: ignore[index]
            service_version=1, language="de", tracking_digest=str(doc["tracking_code"]),
            submitted_at=str(doc["submitted_at"]), content_sha256="x",
            sealed_data=seal(json.dumps(doc).encode(), hub.key, "application/json"),
            receipt_mail=True,
        )  # fmt: skip
    finally:
        store.close()


def test_odd_stored_submissions_do_not_stop_the_mailer(
    mailing_hub: LiveHub, sink: MailSink
) -> None:
    # Found: a service withdrawn from the catalogue, a submitted_at in year 1 at +14:00 —
    # the mailer's thread died on each, and again after every restart.
    gone = termin(mailing_hub.terminal_id, receipt_email="gone@example.org")
    gone["service"] = {"id": "abgeschafft", "version": 1}
    ancient = termin(
        mailing_hub.terminal_id,
        receipt_email="ancient@example.org",
        submitted_at="0001-01-01T00:00:00+14:00",
    )
    _store_directly(mailing_hub, gone)
    _store_directly(mailing_hub, ancient)
    before = len(sink.messages)
    fresh = termin(mailing_hub.terminal_id, receipt_email=ADDRESS)
    assert mailing_hub.put_data(fresh).status_code == 201  # wakes the mailer
    mails = sink.wait_for(before + 2)[before:]
    assert {m["To"] for m in mails} == {"gone@example.org", ADDRESS}
    withdrawn = next(m for m in mails if m["To"] == "gone@example.org")
    assert "Ihr Antrag" in withdrawn["Subject"] and gone["tracking_code"] in withdrawn["Subject"]
    # Year 1 is outside what the document model accepts (wire.submission; intake refuses it
    # since issue 12): one stored by an older hub is set aside as unreadable, not retried.
    [(state,)] = mailing_hub.runner.rows(
        "SELECT state FROM receipt_mails WHERE submission_id = ?", ancient["id"]
    )
    assert state == "unreadable"
    health = requests.get(mailing_hub.url + "/healthz", timeout=10).json()
    assert health["status"] == "ok", health
    workers = {w["name"]: w for w in health["workers"]}
    assert workers["receipt-mailer"]["state"] == "running"
    assert workers["orphan-purge"]["state"] == "running"


class _BuggyCatalogue:
    """The real catalogue, but looking up one service is a bug of ours (a stand-in for any
    fault a single mail can trigger)."""

    def __init__(self, real: Catalogue, poison: str) -> None:
        self._real = real
        self._poison = poison
        self.municipality_name = real.municipality_name

    def service(self, service_id: str) -> Service:
        if service_id == self._poison:
            raise RuntimeError("a bug")
        return self._real.service(service_id)


def test_a_mail_that_fails_with_a_bug_is_parked_and_the_rest_go_out(
    hub_parts: tuple[Store, RSAKey],
) -> None:
    store, key = hub_parts
    real = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    catalogue = _BuggyCatalogue(real, "termin")
    reports: list[WorkerReport] = []
    with MailSink() as sink:
        settings = MailSettings("127.0.0.1", sink.port, "rathaus@musterstadt.example", "")
        mailer = ReceiptMailer(
            store, key, catalogue, settings,  # type: ignore[arg-type]
            backoff=Backoff(first_s=0.01, cap_s=0.05), on_report=reports.append,
        )  # fmt: skip
        poison = stored(store, key, "erster@example.org")
        store_doc = termin("village-03", receipt_email=ADDRESS)
        store_doc["service"] = {"id": "maengel-melden", "version": 1}
        fine = str(store_doc["id"])
        store.put_submission(
            submission_id=fine, terminal_id="village-03", service_id="maengel-melden",
            service_version=1, language="de", tracking_digest=store_doc["tracking_code"],
            submitted_at=store_doc["submitted_at"], content_sha256="x",
            sealed_data=seal(json.dumps(store_doc).encode(), key, "application/json"),
            receipt_mail=True,
        )  # fmt: skip
        mailer.start()
        try:
            [mail] = sink.wait_for(1)
        finally:
            mailer.stop()
    assert mail["To"] == ADDRESS
    state = store.receipt_mail_state(poison)
    assert state is not None and state[0] == "given_up" and state[2] == "bug: RuntimeError"
    assert store.receipt_mail_state(fine) == ("sent", 0, "")
    assert any(r.state is WorkerState.RECOVERING for r in reports)
    assert mailer.report().parked == 1


class _WritesFail:
    """The real store, but while ``failing`` is set its receipt-mail writes fail as the store
    fails when the hub's disk is full or a technician's tool locks the database."""

    def __init__(self, real: Store) -> None:
        self._real = real
        self.failing = threading.Event()
        self.failing.set()
        self.failed = 0
        self.written = 0
        self.changed = threading.Condition()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def _write(self, method: Callable[..., None], *args: Any) -> None:
        with self.changed:
            if self.failing.is_set():
                self.failed += 1
                self.changed.notify_all()
                raise StoreError("hub database: OperationalError")
        method(*args)
        with self.changed:
            self.written += 1
            self.changed.notify_all()

    def receipt_mail_done(self, *args: Any) -> None:
        self._write(self._real.receipt_mail_done, *args)

    def receipt_mail_retry(self, *args: Any) -> None:
        self._write(self._real.receipt_mail_retry, *args)


def test_a_mail_is_not_sent_again_while_the_store_cannot_note_it(
    hub_parts: tuple[Store, RSAKey],
) -> None:
    store, key = hub_parts
    writes = _WritesFail(store)
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    with MailSink() as sink:
        settings = MailSettings("127.0.0.1", sink.port, "rathaus@musterstadt.example", "")
        mailer = ReceiptMailer(
            writes,  # type: ignore[arg-type]
            key, catalogue, settings, backoff=Backoff(first_s=0.01, cap_s=0.02),
        )  # fmt: skip
        sid = stored(store, key, ADDRESS)
        mailer.start()
        try:
            with writes.changed:
                # Many rounds with the store failing: more than enough to park the mail.
                assert writes.changed.wait_for(lambda: writes.failed >= 8, 20)
                writes.failing.clear()
                assert writes.changed.wait_for(lambda: writes.written >= 1, 20)
        finally:
            mailer.stop()
        assert len(sink.messages) == 1
    assert store.receipt_mail_state(sid) == ("sent", 0, "")
    assert mailer.report().parked == 0


def test_health_says_when_the_mail_server_is_down(tmp_path: Path) -> None:
    closed = MailSink()  # never started: nothing listens on its port
    runner = HubRunner(tmp_path / "data")
    credential, key = runner.setup("village-04")
    runner.start(
        "--smtp-host", "127.0.0.1", "--smtp-port", str(closed.port),
        "--mail-from", "buergerservice@musterstadt.example",
    )  # fmt: skip
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "village-04")
    try:
        assert requests.get(runner.url + "/healthz", timeout=10).json()["status"] == "ok"
        assert hub.put_data(termin("village-04", receipt_email=ADDRESS)).status_code == 201
        health = _wait_for_health(runner.url, lambda h: h["status"] != "ok")
        assert health["status"] == "degraded"
        assert "mail server not reachable" in health["reasons"]
    finally:
        hub.http.close()
        runner.stop()


def _wait_for_health(url: str, condition: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """Poll another process's health report (nothing in this process to wait on)."""
    deadline = time.monotonic() + 20
    pause = threading.Event()
    while True:
        health: dict[str, Any] = requests.get(url + "/healthz", timeout=10).json()
        if condition(health) or time.monotonic() > deadline:
            return health
        pause.wait(0.05)
