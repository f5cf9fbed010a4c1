"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it is sent, for the mail tests."""

from __future__ import annotations

import email
import email.policy
import threading
from email.message import EmailMessage, Message
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller

from tests.support.hub_runner import free_port


class _Keep:
    def __init__(self, sink: MailSink) -> None:
        self._sink = sink

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self._sink.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        with self._sink.arrived:
            parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
            self._sink.messages.append(parsed)
            self._sink.arrived.notify_all()
        return "250 Message accepted for delivery"


class MailSink:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.messages: list[Message] = []
        self.refuse: set[str] = set()
        self.arrived = threading.Condition()
        self._controller: Controller | None = None

    def start(self) -> MailSink:
        self._controller = Controller(_Keep(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, count: int, timeout_s: float = 20.0) -> list[Message]:
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.messages) >= count, timeout_s):
                raise TimeoutError(f"{len(self.messages)} of {count} mails arrived")
            return list(self.messages)

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def body(message: Message) -> str:
    assert isinstance(message, EmailMessage)
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())
