"""The real card reader: one PC/SC reader slot through pcscd, with pyscard's low-level API.

The reader's worker thread (:class:`drivers.card.chip_reader.ChipCardReader`) owns this slot:
``wait`` blocks in ``SCardGetStatusChange`` for at most the poll interval (so stopping is never
delayed), and every call happens on that one thread — pyscard's contexts are not shared. A
reader unplugged, pcscd restarted or not yet running all read as NO_READER and are retried on
the next wait; a card removed mid-read or not answering ends the running command with
:class:`~drivers.card.slot.CardGoneError`.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from drivers.card.icao.apdu import Transmit, with_transport_rules
from drivers.card.slot import CardGoneError, SlotState

log = logging.getLogger(__name__)


def _scard() -> Any:
    # Imported on first use: the demo and the tests of everything else run without pcsclite.
    import smartcard.scard as scard

    return scard


class PcscSlot:
    def __init__(self, reader_name: str = "") -> None:
        """``reader_name``: a part of the PC/SC reader's name; empty takes the first reader."""
        self._wanted = reader_name
        self._context: Any = None
        self._reader: str | None = None
        self._known_state = 0  # SCARD_STATE_UNAWARE
        self._card: Any = None
        self._protocol: Any = None

    # --- context and reader ----------------------------------------------------------------

    def _drop_context(self) -> None:
        self.disconnect()
        if self._context is not None:
            try:
                _scard().SCardReleaseContext(self._context)
            except Exception:
                log.debug("releasing the PC/SC context failed", exc_info=True)
        self._context = None
        self._reader = None
        self._known_state = 0

    def _find_reader(self) -> str | None:
        s = _scard()
        if self._context is None:
            result, context = s.SCardEstablishContext(s.SCARD_SCOPE_USER)
            if result != s.SCARD_S_SUCCESS:
                return None
            self._context = context
        result, readers = s.SCardListReaders(self._context, [])
        if result in (s.SCARD_E_NO_SERVICE, s.SCARD_E_SERVICE_STOPPED, s.SCARD_E_INVALID_HANDLE):
            self._drop_context()
            return None
        if result != s.SCARD_S_SUCCESS:
            return None
        for name in readers:
            if self._wanted in name:
                return str(name)
        return None

    def wait(self, timeout: float) -> SlotState:
        s = _scard()
        if self._reader is None:
            self._reader = self._find_reader()
            if self._reader is None:
                if timeout > 0:
                    time.sleep(timeout)
                return SlotState.NO_READER
            log.info("card reader found: %s", self._reader)
        result, states = s.SCardGetStatusChange(
            self._context, int(timeout * 1000), [(self._reader, self._known_state)]
        )
        if result == s.SCARD_E_TIMEOUT:
            return self._state(self._known_state)
        if result != s.SCARD_S_SUCCESS:
            log.info("card reader lost (%s)", s.SCardGetErrorMessage(result))
            self._drop_context()
            return SlotState.NO_READER
        _, event, _ = states[0]
        self._known_state = event & ~s.SCARD_STATE_CHANGED
        state = self._state(event)
        if state is SlotState.NO_READER:
            self._drop_context()
        return state

    @staticmethod
    def _state(event: int) -> SlotState:
        s = _scard()
        if event & (s.SCARD_STATE_UNAVAILABLE | s.SCARD_STATE_UNKNOWN | s.SCARD_STATE_IGNORE):
            return SlotState.NO_READER
        if event & s.SCARD_STATE_MUTE:
            return SlotState.MUTE
        if event & s.SCARD_STATE_PRESENT:
            return SlotState.CARD
        return SlotState.EMPTY

    # --- the card ----------------------------------------------------------------------------

    def connect(self) -> Transmit:
        s = _scard()
        self.disconnect()
        if self._context is None or self._reader is None:
            raise CardGoneError("no reader")
        result, card, protocol = s.SCardConnect(
            self._context,
            self._reader,
            s.SCARD_SHARE_EXCLUSIVE,
            s.SCARD_PROTOCOL_T0 | s.SCARD_PROTOCOL_T1,
        )
        if result != s.SCARD_S_SUCCESS:
            raise CardGoneError(s.SCardGetErrorMessage(result))
        self._card, self._protocol = card, protocol

        def transmit(apdu: bytes) -> bytes:
            if self._card is not card:
                raise CardGoneError("card disconnected")
            result, response = s.SCardTransmit(card, protocol, list(apdu))
            if result != s.SCARD_S_SUCCESS:
                # Removed, unpowered, not answering: the citizen is asked to place it again.
                raise CardGoneError(s.SCardGetErrorMessage(result))
            answer = bytes(response)
            if len(answer) < 2:
                # No status word: the card went away while the reader waited for it (vpcd
                # answers this way when the card's connection drops).
                raise CardGoneError("no answer from the card")
            return answer

        # T=0 cards: 61xx (GET RESPONSE for the rest) and 6Cxx (Le again), as in every slot.
        return with_transport_rules(transmit)

    def atr(self) -> bytes:
        if self._card is None:
            return b""
        s = _scard()
        result, _, _, _, atr = s.SCardStatus(self._card)
        return bytes(atr) if result == s.SCARD_S_SUCCESS else b""

    def disconnect(self) -> None:
        if self._card is None:
            return
        s = _scard()
        try:
            s.SCardDisconnect(self._card, s.SCARD_UNPOWER_CARD)
        except Exception:
            log.debug("disconnect failed", exc_info=True)
        self._card = None

    def close(self) -> None:
        self._drop_context()
