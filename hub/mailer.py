"""Receipts by e-mail: the hub mails the tracking number and status link to a citizen who asked.

A terminal whose printer cannot print offers this where the municipality enables it; the address
travels inside the sealed submission, so it is as protected as the rest. The hub queues a mail
in the same transaction that stores the submission, and this worker sends it over SMTP: retried
with growing pauses while the mail server is unreachable, given up after a day, never sent
twice once the server has taken it. The mail says what the paper receipt says — the service,
when, the tracking number and where to look up its status — and nothing else about the citizen.

The worker is a :class:`common.supervised.SupervisedThread` with the mail as its item: a bug
that one submission triggers (found: a service gone from the catalogue, a ``submitted_at`` in
year 1 at +14:00) no longer kills the thread; after a few failures that mail is parked as
``given_up`` with the fault's class as its last error, the mails behind it go out, and the
health report shows what happened.

Never twice: once the mail server has taken a mail, its id is kept in memory until the store
has noted it as sent. While the hub cannot write to its database (disk full, locked), only that
note is tried again — the citizen does not get the mail again with every retry. A database
fault is the environment's: it never counts towards giving a mail up.
"""

from __future__ import annotations

import logging
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from joserfc.jwk import RSAKey

from catalogue.model import Catalogue, Service
from common.supervised import Backoff, SupervisedThread, WorkerReport
from common.texts import Texts, texts_for
from hub.store import Store, StoreError
from wire.sealing import SealError, open_sealed
from wire.submission import DocumentError, parse_document

log = logging.getLogger(__name__)

#: Pauses between tries: 30 s, 1 min, 2 min … up to an hour; given up after this many tries.
FIRST_RETRY_S = 30.0
MAX_RETRY_S = 3600.0
MAX_ATTEMPTS = 30


@dataclass(frozen=True)
class MailSettings:
    """Where receipt mails go out. An empty ``smtp_host`` sends nothing (mails wait)."""

    smtp_host: str = ""
    smtp_port: int = 25
    sender: str = ""
    #: The citizen's status page; ``{tracking}`` becomes the tracking number.
    status_url: str = ""
    timeout_s: float = 20.0

    @property
    def enabled(self) -> bool:
        return bool(self.smtp_host and self.sender)


def _local_time(when: datetime, texts: Texts) -> str:
    """The time in the hub's zone; a time that has none there (year 1 at +14:00) as sent."""
    try:
        local = when.astimezone()
    except (OverflowError, ValueError):
        return when.isoformat(timespec="minutes")
    return texts.translate("Receipt mail", "{year}-{month}-{day} {time}").format(
        year=local.year,
        month=f"{local.month:02}",
        day=f"{local.day:02}",
        time=f"{local:%H:%M}",
    )


def build_mail(
    *,
    to: str,
    sender: str,
    language: str,
    catalogue: Catalogue,
    service_id: str,
    tracking: str,
    submitted_at: datetime,
    status_url: str,
) -> EmailMessage:
    """The receipt as an e-mail, in the citizen's language (German if there is none).

    A service no longer in the catalogue (withdrawn after the citizen submitted) is named by
    the municipality's generic words; the receipt is still due.
    """
    texts = texts_for(language)
    service: Service | None
    try:
        service = catalogue.service(service_id)
    except KeyError:
        service = None
    title = (
        service.title.get(language)
        if service
        else texts.translate("Receipt mail", "Your application")
    )
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = texts.translate("Receipt mail", "Receipt: {service} – {tracking}").format(
        service=title, tracking=tracking
    )
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(
        texts.translate(
            "Receipt mail",
            "Hello,\n\n"
            "Your application “{service}” has reached {municipality}.\n\n"
            "Your tracking number: {tracking}\n"
            "Submitted on: {when}\n\n"
            "{next_steps}\n\n"
            "See the status of your application here: {link}\n\n"
            "This e-mail was requested at the citizen terminal and written automatically. "
            "Please do not reply to it.",
        ).format(
            service=title,
            municipality=catalogue.municipality_name.get(language),
            tracking=tracking,
            when=_local_time(submitted_at, texts),
            next_steps=service.receipt_text.get(language) if service else "",
            link=status_url.format(tracking=tracking) if status_url else "",
        )
    )
    return message


class ReceiptMailer:
    """The one sender of receipt mails; a thread of its own, woken when a mail is queued."""

    def __init__(
        self,
        store: Store,
        key: RSAKey,
        catalogue: Catalogue,
        settings: MailSettings,
        clock: Callable[[], float] = time.time,
        backoff: Backoff | None = None,
        on_report: Callable[[WorkerReport], None] | None = None,
    ) -> None:
        self._store = store
        self._key = key
        self._catalogue = catalogue
        self.settings = settings
        self._clock = clock
        self._server_ok = True
        #: Mails the server has taken whose "sent" the store has not noted yet: never sent
        #: again, only noted (the worker thread's own; lost only with the process).
        self._unrecorded: set[str] = set()
        self._worker = SupervisedThread(
            "receipt-mailer",
            self._step,
            on_poison=self._park,
            environment=(StoreError, OSError),
            backoff=backoff,
            on_report=on_report,
        )

    def start(self) -> None:
        self._worker.start()

    def wake(self) -> None:
        self._worker.wake()

    def stop(self) -> None:
        self._worker.stop()

    def report(self) -> WorkerReport:
        return self._worker.report()

    @property
    def server_ok(self) -> bool:
        """False while the mail server is unreachable (mails wait; health says so)."""
        return self._server_ok

    def _step(self) -> float:
        self.send_due()
        return FIRST_RETRY_S

    def _park(self, submission_id: str, fault: str) -> None:
        """A mail that failed with a bug again and again: given up, the fault kept."""
        if submission_id in self._unrecorded:
            self._record_sent(submission_id)  # it went out: "sent", not "given up"
            return
        self._store.receipt_mail_retry(submission_id, MAX_ATTEMPTS, self._clock(), fault)
        self._store.receipt_mail_done(submission_id, "given_up")

    def send_due(self) -> int:
        """Send every mail that is due now; returns how many went out. A fault that escapes
        is the supervisor's, with the mail it happened on named."""
        if not self.settings.enabled:
            return 0
        sent = 0
        for submission_id, attempts in self._store.due_receipt_mails(self._clock()):
            if self._worker.stopping:
                break
            self._worker.working_on(submission_id)
            if self._send(submission_id, attempts):
                sent += 1
            self._worker.item_done(submission_id)
            if not self._server_ok:
                break  # the server is down: the rest waits for the next round
        return sent

    def _record_sent(self, submission_id: str) -> None:
        self._store.receipt_mail_done(submission_id, "sent")
        self._unrecorded.discard(submission_id)

    def _send(self, submission_id: str, attempts: int) -> bool:
        if submission_id in self._unrecorded:
            # Sent before, but the store could not note it: only the note is tried again.
            self._record_sent(submission_id)
            return False
        row = self._store.submission(submission_id)
        if row is None:
            self._store.receipt_mail_done(submission_id, "gone")
            return False
        try:
            plaintext, _ = open_sealed(row.sealed_data.encode("ascii"), self._key)
            doc = parse_document(plaintext)
        except (SealError, DocumentError):
            log.error("receipt mail: submission %s cannot be opened", submission_id)
            self._store.receipt_mail_done(submission_id, "unreadable")
            return False
        if not doc.receipt_email:
            self._store.receipt_mail_done(submission_id, "no_address")
            return False
        message = build_mail(
            to=doc.receipt_email,
            sender=self.settings.sender,
            language=doc.language,
            catalogue=self._catalogue,
            service_id=doc.service_id,
            tracking=doc.tracking_code,
            submitted_at=doc.submitted_at,
            status_url=self.settings.status_url,
        )
        try:
            with smtplib.SMTP(
                self.settings.smtp_host, self.settings.smtp_port, timeout=self.settings.timeout_s
            ) as smtp:
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused:
            # The address itself is refused: trying again will not help.
            log.warning("receipt mail for %s: address refused", submission_id)
            self._store.receipt_mail_done(submission_id, "refused")
            return False
        except (OSError, smtplib.SMTPException) as exc:
            self._failed(submission_id, attempts, type(exc).__name__)
            return False
        if not self._server_ok:
            log.info("mail server reachable again")
            self._server_ok = True
        self._unrecorded.add(submission_id)
        self._record_sent(submission_id)
        log.info("receipt mail sent for %s", submission_id)
        return True

    def _failed(self, submission_id: str, attempts: int, reason: str) -> None:
        if self._server_ok:
            log.warning("mail server not reachable (%s): receipt mails wait", reason)
            self._server_ok = False
        attempts += 1
        if attempts >= MAX_ATTEMPTS:
            log.error("receipt mail for %s given up after %d tries", submission_id, attempts)
            self._store.receipt_mail_done(submission_id, "given_up")
            return
        pause = min(MAX_RETRY_S, FIRST_RETRY_S * 2 ** (attempts - 1))
        self._store.receipt_mail_retry(submission_id, attempts, self._clock() + pause, reason)
