"""One reader slot as the card reader's worker sees it: is a card there, and talk to it.

Implemented by PC/SC (:mod:`drivers.card.pcsc`) and by the in-process virtual chip of the demo
(:mod:`drivers.card.simulated`). Blocking; called only from the reader's worker thread.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from drivers.card.icao.apdu import Transmit


class SlotState(StrEnum):
    NO_READER = "no_reader"
    EMPTY = "empty"
    CARD = "card"
    MUTE = "mute"  # a card is there but does not answer (badly placed, broken)


class CardGoneError(Exception):
    """The card left the reader (or stopped answering) in the middle of a command."""


class Slot(Protocol):
    def wait(self, timeout: float) -> SlotState:
        """The slot's state, waiting up to ``timeout`` seconds for it to change."""
        ...

    def connect(self) -> Transmit:
        """Power the card and return a ``Transmit`` for it (raises CardGoneError)."""
        ...

    def atr(self) -> bytes:
        """The connected card's answer to reset (b"" when unknown)."""
        ...

    def disconnect(self) -> None: ...

    def close(self) -> None: ...
