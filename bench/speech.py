"""Reading aloud: from a screen change to the first sound, the UI's frame time while the
engine speaks, and the kiosk's cold start with the speech engine loaded.

    .venv/bin/python bench/speech.py               # 20 screen changes, 5 starts of each
    .venv/bin/python bench/speech.py --changes 5 --starts 2   # quick look

The real engine throughout: drivers.sound.speech on a private speech-dispatcher with espeak-ng
(tests/support/speech_server.py), playing into a private PulseAudio server whose loudspeaker
is recorded (``parec`` on its monitor, 10 ms chunks, each stamped on arrival).

- *Screen change to first sound*: the kiosk (offscreen, in this process) reads aloud; the
  citizen goes from the services to a service and back. Time runs from the action (the model's
  slot, as a tap calls it) to the first loud sample on the loudspeaker, split into the UI's part
  (action to the driver's ``say``) and the engine's (``say`` to sound: the speech thread,
  speech-dispatcher, espeak-ng, the sound server). The recording's own latency (~10-20 ms)
  is included.
- *Frame time while speaking*: the service screen redrawn continuously (each swapped frame asks
  for the next) for 3 s in silence, then 3 s while a long text is spoken; the 95th percentile
  of the frame intervals of each, and their ratio.
- *Cold start*: ``main.py --exit-after-first-frame`` (bench/cold_start.py's runs) with and
  without ``--read-aloud``, interleaved: the first frame, and "ready" (set up; with
  ``--read-aloud`` the engine asked for, as a terminal that reads to everyone does).
- *The engine's first use*: from the first text handed over to its first sound (connecting,
  speech-dispatcher starting its espeak-ng module).

The last line of output is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cold_start  # bench/cold_start.py, beside this script

from tests.support.sound_server import sound_server
from tests.support.speech_server import Recording, recording, speech_server

ROOT = Path(__file__).resolve().parent.parent
LONG_TEXT = (
    "Bitte legen Sie Ihren Personalausweis oder Reisepass auf das Lesegerät. "
    "Die Daten werden nur für diesen Antrag verwendet und danach gelöscht. " * 4
)


def pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def process_until(done: Callable[[], bool], timeout_s: float) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    return True


def quiet(rec: Recording, seconds: float) -> Callable[[], bool]:
    """True once the loudspeaker has been silent for ``seconds``."""

    def check() -> bool:
        last = rec.chunks[-1][0] if rec.chunks else 0.0
        return last > 0 and rec.first_sound_after(last - seconds) is None

    return check


def in_process(changes: int, rec: Recording) -> dict[str, float]:
    import dataclasses
    import itertools

    from PySide6.QtGui import QGuiApplication

    from drivers.sound.speech import SpeechDispatcher
    from kiosk.config import load_config
    from ui.app import KioskUi, prepare_environment

    prepare_environment()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="pop-bench-speech-") as tmp:
        data = Path(tmp) / "data"
        cold_start.provision(data)  # (the hub's key and a credential, as cold_start's)
        config = load_config(ROOT / "config" / "demo.toml", data_dir_override=data)
        config = dataclasses.replace(
            config, display=dataclasses.replace(config.display, read_aloud=True)
        )
        ui = KioskUi(config)
        window = ui.start()
        window.show()
        engine = ui.terminal.devices.sound.speech()
        assert isinstance(engine, SpeechDispatcher)
        called: list[float] = []
        real_say = engine.say

        def say(text: str, language: str, rate: float, volume: float) -> None:
            called.append(time.monotonic())
            real_say(text, language, rate, volume)

        engine.say = say  # type: ignore[method-assign]
        # The engine's first use (connecting, speech-dispatcher starting espeak-ng): the
        # terminal set up, reading on for everyone, the attract screen read.
        t0 = time.monotonic()
        ui.terminal.finish_start()
        ui.models.read_aloud.prepare()
        if not process_until(lambda: rec.first_sound_after(t0) is not None, 15):
            raise SystemExit("the kiosk said nothing")
        first = rec.first_sound_after(t0)
        assert first is not None and called
        figures["first_use_sound_ms"] = (first - called[0]) * 1000
        assert ui.terminal.session is not None
        ui.models.navigation.start()
        total, ui_part, engine_part = [], [], []
        for i in range(changes):
            engine.stop()
            process_until(quiet(rec, 0.3), 10)
            called.clear()
            t_change = time.monotonic()
            if i % 2 == 0:
                ui.models.kiosk.chooseService("maengel-melden")
            else:
                ui.models.navigation.back()

            def heard(t: float = t_change) -> bool:
                return rec.first_sound_after(t) is not None

            if not process_until(heard, 10):
                raise SystemExit(f"no sound after change {i}")
            sound_at = rec.first_sound_after(t_change)
            assert sound_at is not None and called
            total.append((sound_at - t_change) * 1000)
            ui_part.append((called[0] - t_change) * 1000)
            engine_part.append((sound_at - called[0]) * 1000)
        figures.update(
            first_sound_median_ms=statistics.median(total),
            first_sound_p95_ms=pct(total, 0.95),
            first_sound_ui_median_ms=statistics.median(ui_part),
            first_sound_engine_median_ms=statistics.median(engine_part),
        )
        # Frame time, silent and speaking, on the service screen.
        engine.stop()
        ui.models.read_aloud.core.turn_off()
        process_until(quiet(rec, 0.3), 10)
        frames: list[float] = []

        def swapped() -> None:
            frames.append(time.perf_counter())
            window.update()

        window.frameSwapped.connect(swapped)

        def intervals(seconds: float) -> list[float]:
            frames.clear()
            window.update()
            process_until(lambda: False, seconds)
            return [(b - a) * 1000 for a, b in itertools.pairwise(frames)]

        silent = intervals(3.0)
        real_say(LONG_TEXT, "de", 0.0, 0.6)
        speaking = intervals(3.0)
        window.frameSwapped.disconnect(swapped)
        engine.stop()
        figures.update(
            frame_p95_silent_ms=pct(silent, 0.95),
            frame_p95_speaking_ms=pct(speaking, 0.95),
            frame_p95_speaking_ratio=pct(speaking, 0.95) / pct(silent, 0.95),
            frames_silent=len(silent),
            frames_speaking=len(speaking),
        )
        ui.shutdown()
    del app
    return figures


def cold_starts(starts: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="pop-bench-speech-start-") as tmp:
        bench = cold_start.Bench(Path(tmp))
        bench.kiosk()  # warm-up: byte-compiles, fills the kiosk's cache
        bench.kiosk(options=["--read-aloud"])
        plain: list[cold_start.Run] = []
        speaking: list[cold_start.Run] = []
        for i in range(starts):
            order = [False, True] if i % 2 == 0 else [True, False]
            for read_aloud in order:
                run = bench.kiosk(options=["--read-aloud"] if read_aloud else [])
                (speaking if read_aloud else plain).append(run)
    first = statistics.median(r.ready_s for r in plain)
    first_speech = statistics.median(r.ready_s for r in speaking)
    return {
        "cold_start_s": first,
        "cold_start_read_aloud_s": first_speech,
        "cold_start_read_aloud_ratio": first_speech / first,
        "ready_s": statistics.median(r.serving_s or r.ready_s for r in plain),
        "ready_read_aloud_s": statistics.median(r.serving_s or r.ready_s for r in speaking),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=20, help="screen changes timed (20)")
    parser.add_argument("--starts", type=int, default=5, help="cold starts of each (5)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    figures: dict[str, float] = {}
    with sound_server() as sound, speech_server(sound) as server:
        os.environ["SPEECHD_ADDRESS"] = server.address
        figures.update(cold_starts(args.starts))
        with recording(sound) as rec:
            figures.update(in_process(args.changes, rec))
    print(f"screen change to first sound: median {figures['first_sound_median_ms']:.0f} ms, "
          f"p95 {figures['first_sound_p95_ms']:.0f} ms (UI "
          f"{figures['first_sound_ui_median_ms']:.1f} ms, engine "
          f"{figures['first_sound_engine_median_ms']:.0f} ms)")  # fmt: skip
    print(f"frame time p95: silent {figures['frame_p95_silent_ms']:.1f} ms, speaking "
          f"{figures['frame_p95_speaking_ms']:.1f} ms "
          f"({figures['frame_p95_speaking_ratio']:.2f}x)")  # fmt: skip
    print(f"cold start: {figures['cold_start_s']:.3f} s, with --read-aloud "
          f"{figures['cold_start_read_aloud_s']:.3f} s "
          f"({figures['cold_start_read_aloud_ratio']:.2f}x); ready "
          f"{figures['ready_s']:.3f} / {figures['ready_read_aloud_s']:.3f} s")  # fmt: skip
    print(f"first use (connect, speech-dispatcher starts espeak-ng): first sound after "
          f"{figures['first_use_sound_ms']:.0f} ms")  # fmt: skip
    print(json.dumps({k: round(v, 4) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
