"""Read aloud (*Vorlesen*): what is spoken, when, and where personal data may be heard.

The screens say what they show (ui.speech gathers a screen's heading, the focused control and
its state, a validation message, the countdown) as :class:`Spoken` parts; this module decides
what of it reaches the speech engine. Its rules:

- Personal data (what a citizen typed, what the chip gave, the review's values) is spoken only
  into a headset, never through the loudspeaker: without one, a part's ``instead`` is spoken
  (e.g. "filled in"), never its text.
- Something new interrupts: a new screen or action stops the old speech at once.
- The citizen's settings (on, rate, volume) last one visit: :meth:`ReadAloud.reset` at the
  session's end. Plugging in a headset turns reading on (EN 301 549 5.1.3.1: the terminal
  cannot be told any other way by someone who cannot see it).

No Qt here: the engine is behind :class:`SpeechOutput` (drivers.sound.speech speaks through
speech-dispatcher), the headset behind a callable (drivers.sound.headset).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "MAX_RATE_STEP",
    "MAX_VOLUME_STEP",
    "ReadAloud",
    "SpeechOutput",
    "Spoken",
]

log = logging.getLogger(__name__)

#: Speech rate in steps either side of the engine's normal rate (0).
MAX_RATE_STEP = 3
#: Volume in steps of the engine's full volume (a headset is loud enough at 3 of 5).
MAX_VOLUME_STEP = 5
DEFAULT_VOLUME_STEP = 3


@dataclass(frozen=True)
class Spoken:
    """One part of what is read: its text, and whether it is the citizen's own data."""

    text: str
    #: The citizen's data: spoken only into a headset.
    personal: bool = False
    #: Said in its place where it may not be heard ("" : left out).
    instead: str = ""


class SpeechOutput(Protocol):
    """The speech engine (any thread may not call it: the UI thread's)."""

    def say(self, text: str, language: str, rate: float, volume: float) -> None:
        """Speak ``text`` in ``language`` (a code of kiosk.languages); rate -1..1 around
        normal, volume 0..1. Stops what it was saying first."""

    def stop(self) -> None: ...


class ReadAloud:
    """The citizen's read-aloud settings and the filter between the screens and the engine."""

    def __init__(
        self,
        make_output: Callable[[], SpeechOutput | None],
        headset: Callable[[], bool],
        on_for_everyone: bool = False,
    ) -> None:
        # (the engine is made when first needed: loading it costs start-up time, and most
        # visits never use it; None: there is none, and reading is not offered)
        self._make_output = make_output
        self._output: SpeechOutput | None = None
        #: The terminal reads aloud for every citizen (``[display] read_aloud``).
        self.on_for_everyone = on_for_everyone
        self._headset = headset
        self.on = on_for_everyone
        #: Explore by touch (ui.explore): a tap reads, a double tap presses.
        self.explore = False
        self.rate_step = 0
        self.volume_step = DEFAULT_VOLUME_STEP
        #: Whether the last headset look saw one (plugging one in turns reading on).
        self._headset_seen = False
        #: What was last said (the technician's check and the tests read it).
        self.last_said = ""

    @property
    def rate(self) -> float:
        return self.rate_step / MAX_RATE_STEP

    @property
    def volume(self) -> float:
        return self.volume_step / MAX_VOLUME_STEP

    @property
    def private(self) -> bool:
        """Speech goes into a headset (personal data may be spoken)."""
        return self._headset_seen

    def turn_on(self) -> None:
        self.on = True

    def turn_off(self) -> None:
        self.on = False
        self.explore = False
        self.stop()

    def explore_by_touch(self, on: bool) -> None:
        """Explore by touch on (and reading with it) or off."""
        self.explore = on
        if on:
            self.on = True

    def faster(self) -> None:
        self.rate_step = min(MAX_RATE_STEP, self.rate_step + 1)

    def slower(self) -> None:
        self.rate_step = max(-MAX_RATE_STEP, self.rate_step - 1)

    def louder(self) -> None:
        self.volume_step = min(MAX_VOLUME_STEP, self.volume_step + 1)

    def quieter(self) -> None:
        self.volume_step = max(1, self.volume_step - 1)

    def look_at_headset(self) -> bool:
        """Poll the headset; True if it was just plugged in (reading turned on)."""
        plugged = self._headset()
        just_plugged = plugged and not self._headset_seen
        if self._headset_seen and not plugged:
            # Unplugged mid-sentence: what was being said may be personal; it stops now.
            self.stop()
        self._headset_seen = plugged
        if just_plugged:
            # Someone who may not see the screen: it reads, and touches explore.
            self.on = True
            self.explore = True
        return just_plugged

    def text_of(self, parts: Sequence[Spoken]) -> str:
        """What may be heard of ``parts`` where speech goes now."""
        private = self.private
        words = []
        for part in parts:
            text = part.text if (private or not part.personal) else part.instead
            text = text.strip()
            if text:
                words.append(text)
        # (a pause between parts; a sentence's own full stop is pause enough)
        return "".join(
            word if i == 0 else (" " if words[i - 1][-1] in ".!?:" else ", ") + word
            for i, word in enumerate(words)
        )

    def say(self, parts: Sequence[Spoken], language: str) -> str:
        """Speak ``parts`` (interrupting what was being said) if reading is on; returns what
        was said ("" if nothing)."""
        if not self.on:
            return ""
        text = self.text_of(parts)
        output = self.output
        if output is None or not text:
            return ""
        output.say(text, language, self.rate, self.volume)
        self.last_said = text
        return text

    @property
    def output(self) -> SpeechOutput | None:
        """The engine (asked for until there is one: the devices are built after the first
        frame)."""
        if self._output is None:
            self._output = self._make_output()
        return self._output

    def stop(self) -> None:
        if self._output is not None:
            self._output.stop()

    def reset(self) -> None:
        """A new citizen: reading off unless a headset is still plugged in (or the terminal
        reads for everyone), normal rate and volume."""
        self.stop()
        self.on = self._headset_seen or self.on_for_everyone
        self.explore = self._headset_seen
        self.rate_step = 0
        self.volume_step = DEFAULT_VOLUME_STEP
        self.last_said = ""
