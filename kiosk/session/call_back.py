"""A call-back request, when no clerk can take the video call: the citizen leaves a phone
number, what it is about and when suits them, over the call's screen. It is the catalogue's
``contact.call_back_service`` form, checked by the catalogue's rules, sealed and stored in the
outbox like any submission (it reaches the hub's inbox, where a clerk works it and marks it
done), without touching the citizen's visit underneath: the form they were filling in stays.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from catalogue.model import Service
from catalogue.validation import FieldProblem, check_field, normalise
from kiosk.session.core import Core
from kiosk.submission import SubmissionDocument, build_document, seal_document
from offline_queue.outbox import Outbox
from wire.tracking import new_tracking_code

if TYPE_CHECKING:
    from joserfc.jwk import RSAKey

log = logging.getLogger(__name__)


class CallBack:
    def __init__(self, core: Core, outbox: Outbox | None, hub_key: RSAKey) -> None:
        self._core = core
        self._outbox = outbox
        self._hub_key = hub_key

    @property
    def service(self) -> Service | None:
        """The call-back form (None: the catalogue offers none, or no outbox to store it in)."""
        contact = self._core.catalogue.contact
        if contact is None or not contact.call_back_service or self._outbox is None:
            return None
        try:
            return self._core.catalogue.service(contact.call_back_service)
        except KeyError:
            return None

    def problems(self, values: dict[str, str]) -> dict[str, FieldProblem]:
        service = self.service
        if service is None:
            return {}
        today = self._core.catalogue.today(self._core.clock())
        found = {f.key: check_field(f, values.get(f.key), today) for f in service.fields()}
        return {key: problem for key, problem in found.items() if problem is not None}

    def send(self, values: dict[str, str], done: Callable[[str | None], None]) -> None:
        """Seal and store the request on the outbox's thread; ``done`` gets its tracking code
        (None if it could not be stored), on the core's thread."""
        service, outbox = self.service, self._outbox
        if service is None or outbox is None or self.problems(values):
            done(None)
            return
        core = self._core
        now = core.clock()
        document = build_document(
            service=service,
            values={
                f.key: normalise(f, values[f.key]) for f in service.fields() if f.key in values
            },
            identity=None,
            prefilled=set(),
            photos=[],
            terminal_id=core.setting.terminal_id,
            language=core.language,
            started_at=now,
            submitted_at=now,
            submission_id=str(uuid.uuid4()),
            tracking_code=new_tracking_code(),
        )
        key = self._hub_key

        def store() -> SubmissionDocument:
            try:
                outbox.enqueue(seal_document(document, key))
            finally:
                document.forget()
            return document

        def stored(result: SubmissionDocument | BaseException) -> None:
            if isinstance(result, SubmissionDocument):
                log.info("call-back request stored")
                done(result.tracking_code)
            else:
                log.error("call-back request could not be stored: %s", type(result).__name__)
                done(None)

        core.equipment.outbox_worker.submit(store, stored)
