"""Whether a headset is plugged in, from the sound server: for reading aloud in private.

Two ways a terminal gets a headset: into the sound card's jack (the card reports it: its
output's active port becomes the headphones port, and the server plays there instead of the
loudspeaker) or as a USB headset (a sound card of its own: a sink appears, named in
``[sound] headset``). Either way the sound server routes the sound; the terminal only needs
to know, to turn reading on and to allow personal data to be spoken.

The server is asked on a thread of its own, four times a second: the screens read the last
answer and never wait for the server; unplugging stops the speech from that thread at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any, Protocol

log = logging.getLogger(__name__)

#: How often the sound server is asked: unplugging must silence personal data at once.
POLL_S = 0.25
#: Words in a port's name that mean a headset or headphones (ALSA's and PipeWire's names:
#: ``analog-output-headphones``, ``analog-output-headset``, ``[Out] Headphones``).
HEADSET_WORDS = ("headphone", "headset")


class SinkView(Protocol):
    """What of a sink the decision needs (pulsectl's ``PulseSinkInfo`` has it)."""

    name: str
    port_active: Any  # (a port with .name and .available, or None)


def headset_in(sinks: Iterable[SinkView], default_sink: str, headset_sink: str) -> bool:
    """A headset is what the sound plays into: the default sink is the configured USB
    headset's, or it plays on a headphones port that is not reported unplugged. (A USB
    headset merely connected does not count: speech goes to the default sink.)"""
    for sink in sinks:
        if sink.name != default_sink:
            continue
        if headset_sink and sink.name == headset_sink:
            return True
        port = sink.port_active
        if port is None:
            return False
        named = any(word in str(port.name).lower() for word in HEADSET_WORDS)
        # (PA_PORT_AVAILABLE: pulsectl's enum compares equal to its name, "no")
        available = getattr(port, "available", None)
        unplugged = available == "no" or available == 1
        return named and not unplugged
    return False


class HeadsetWatch:
    """Asks the sound server about a headset once a second, on a daemon thread."""

    def __init__(
        self, server: str, headset_sink: str, on_unplugged: Callable[[], None] = lambda: None
    ) -> None:
        self._server = server
        #: Called on the watch's thread the moment a headset is found gone (speech stops).
        self._on_unplugged = on_unplugged
        self._headset_sink = headset_sink
        self._plugged = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failed_logged = False

    def plugged(self) -> bool:
        """The last answer (starts asking on first use)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="headset", daemon=True)
            self._thread.start()
        return self._plugged

    def close(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        import pulsectl

        pulse: Any = None
        while not self._stop.is_set():
            try:
                if pulse is None:
                    pulse = pulsectl.Pulse("pop-headset", server=self._server or None)
                default = pulse.server_info().default_sink_name
                plugged = headset_in(pulse.sink_list(), default, self._headset_sink)
                if self._plugged and not plugged:
                    self._on_unplugged()
                self._plugged = plugged
                self._failed_logged = False
            except Exception as exc:  # noqa: BLE001 - a server away is an answer: no headset
                if not self._failed_logged:
                    log.warning("headset: the sound server does not answer (%s)",
                                type(exc).__name__)  # fmt: skip
                    self._failed_logged = True
                self._plugged = False
                if pulse is not None:
                    pulse.close()
                    pulse = None
            self._stop.wait(POLL_S)
        if pulse is not None:
            pulse.close()
