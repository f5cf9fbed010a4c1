"""Starts the Qt Quick interface around a :class:`kiosk.terminal.Terminal`.

Threads: the Qt (GUI) thread owns the terminal, the session and every QObject. Device I/O runs
on the core's worker threads and comes back through :class:`ui.qt_scheduler.QtScheduler`.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTranslator, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from common.supervised import install_excepthook
from common.texts import FOLDER as TEXTS_FOLDER
from kiosk import catalogue_cache
from kiosk.config import DeviceChoice, KioskConfig, Orientation
from kiosk.languages import language as language_of
from kiosk.scheduling import Clock, system_clock
from kiosk.terminal import Terminal
from ui.icons import KNOWN_ICONS
from ui.images import IconProvider, SessionImageProvider
from ui.models import Models
from ui.models.navigation import NavigationModel
from ui.qt_scheduler import QtScheduler

if TYPE_CHECKING:
    from drivers.devices import Devices
    from ui.explore import ExploreByTouch
    from ui.keypad import Keypad

log = logging.getLogger(__name__)

QML_DIR = Path(__file__).with_name("qml")
I18N_DIR = TEXTS_FOLDER
#: The language the QML source strings are written in; others come from ``pop_<lang>.qm``.
SOURCE_LANGUAGE = "en"

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


def prepare_environment() -> None:
    """Settings Qt reads once, before the QGuiApplication exists."""
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")


def _release_free_memory() -> None:
    """Give memory freed by the last session back to the system (glibc keeps it otherwise, and
    a terminal that runs for months would look as if it leaked). No-op off glibc."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # noqa: B018 - probe: musl has no malloc_trim
    except (OSError, AttributeError):
        return None
    return libc


_LIBC = _load_libc()


def _build_devices(config: KioskConfig) -> Devices:
    # Imported when the devices are built (after the first frame, with defer_setup).
    from drivers.factory import build_devices
    from kiosk.equipment import device_settings

    return build_devices(device_settings(config.devices))


class _ActivityFilter(QObject):
    """Any touch, click or key press counts as the citizen being there."""

    def __init__(self, navigation: NavigationModel) -> None:
        super().__init__()
        self._navigation = navigation

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY_EVENTS:
            self._navigation.user_activity()
        return False


class KioskUi(QObject):
    """Everything the running interface consists of; tests reach in through its attributes."""

    def __init__(
        self,
        config: KioskConfig,
        terminal: Terminal | None = None,
        scheduler: QtScheduler | None = None,
        clock: Clock = system_clock,
        defer_setup: bool = False,
        catalogue_cache: Path | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.scheduler = scheduler or QtScheduler()
        self.terminal = terminal or Terminal(
            config,
            self.scheduler,
            lambda: _build_devices(config),
            clock=clock,
            known_icons=KNOWN_ICONS,
            defer_setup=defer_setup,
            catalogue_cache=catalogue_cache,
        )
        self.models = Models(self.terminal)
        self.theme = self.models.theme
        self._translators: dict[str, QTranslator] = {}
        self._installed: tuple[str, QTranslator | None] | None = None
        self._activity = _ActivityFilter(self.models.navigation)
        self.engine = QQmlApplicationEngine()
        self.models.bind(self.engine)
        self.engine.addImageProvider("session", SessionImageProvider(lambda: self.models.session))
        self.engine.addImageProvider("icons", IconProvider(QML_DIR / "icons"))
        self.models.kiosk.languageChanged.connect(self._apply_language)
        self.models.navigation.sessionEnded.connect(self.theme.reset)
        self.models.navigation.sessionEnded.connect(self.models.read_aloud.reset)
        self.models.navigation.sessionEnded.connect(self._collect_js_garbage_soon)
        self.window: QQuickWindow | None = None
        self.keypad: Keypad | None = None
        self.explore: ExploreByTouch | None = None

    def start(self) -> QQuickWindow:
        self.terminal.boot()
        self._apply_language()
        portrait = self.config.display.orientation is Orientation.PORTRAIT
        width, height = (1080, 1920) if portrait else (1920, 1080)
        self.engine.setInitialProperties(
            {
                "width": width,
                "height": height,
                "fullscreen": self.config.display.fullscreen,
            }
        )
        self.engine.load(QUrl.fromLocalFile(str(QML_DIR / "Main.qml")))
        roots = self.engine.rootObjects()
        if not roots or not isinstance(roots[0], QQuickWindow):
            raise RuntimeError("the QML interface did not load (see the Qt messages above)")
        self.window = roots[0]
        self.window.installEventFilter(self._activity)
        self.models.read_aloud.attach(self.window, self.config.display.read_aloud)
        self.window.frameSwapped.connect(self._after_first_frame)
        return self.window

    def _after_first_frame(self) -> None:
        """The keypad, once the first frame is on screen: its keys are Qt's enums, whose
        namespace costs ~20 ms to build, and nobody presses a key before they see a screen."""
        window = self.window
        if window is None or self.keypad is not None:
            return
        window.frameSwapped.disconnect(self._after_first_frame)
        self.models.read_aloud.shown = True
        from ui.explore import ExploreByTouch
        from ui.keypad import Keypad

        read_aloud = self.models.read_aloud
        self.explore = ExploreByTouch(
            window, read_aloud.describe, lambda: read_aloud.core.on and read_aloud.core.explore
        )
        self.keypad = Keypad(
            window,
            back=self.models.navigation.keypadBack,
            help_=self.models.read_aloud.help,
            on_editing=self.models.read_aloud.keyboard_hint,
        )

    def _collect_js_garbage_soon(self) -> None:
        """The QML engine's JavaScript heap is collected when the engine sees fit; after a
        session it is collected at once (while the attract screen idles), so that nothing of
        the session lingers there and the heap does not creep up session by session."""
        self.scheduler.call_later("collect-js-garbage", 2.5, self.release_idle_memory)

    def release_idle_memory(self) -> None:
        """What the terminal does while the attract screen idles after a session: collect the
        JavaScript heap and return freed memory to the system."""
        if shiboken6.isValid(self.engine):
            self.engine.collectGarbage()
        _release_free_memory()

    def _apply_language(self) -> None:
        app = QGuiApplication.instance()
        if app is None:
            return
        language = self.models.context.language
        if self._installed is not None and self._installed[0] == language:
            return  # every session end reports a language change; most are none
        if self._installed is not None and self._installed[1] is not None:
            app.removeTranslator(self._installed[1])
        translator = self._translator_for(language)
        if translator is not None:
            app.installTranslator(translator)
        self._installed = (language, translator)
        QLocale.setDefault(QLocale(language_of(language).base))
        # (Main.qml mirrors the screens itself; this turns what Qt lays out by itself.)
        QGuiApplication.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if language_of(language).right_to_left
            else Qt.LayoutDirection.LeftToRight
        )
        self.engine.retranslate()

    def _translator_for(self, language: str) -> QTranslator | None:
        """Each language's translator is loaded once and kept."""
        if language not in self._translators:
            translator = QTranslator(self)
            # English is the source language; its file only adds plural forms.
            if not translator.load(str(I18N_DIR / f"pop_{language}.qm")):
                if language != SOURCE_LANGUAGE:
                    log.error("translation for %s missing; showing English", language)
                return None
            self._translators[language] = translator
        return self._translators[language]

    def handle_fault(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """Last resort (installed as ``sys.excepthook``): calm screen, wipe, recover."""
        self.terminal.fault(exc)

    def shutdown(self) -> None:
        """Stop the devices and destroy the QML scene while the view-models it binds to are
        still alive (else every binding reports a null ``session`` on the way out)."""
        self.models.preview.stop_all()  # before the camera closes under the feeds
        self.terminal.shutdown()
        self.scheduler.cancel_all()
        app = QGuiApplication.instance()
        if app is not None and self._installed is not None and self._installed[1] is not None:
            app.removeTranslator(self._installed[1])
        self._installed = None
        self.window = None
        if shiboken6.isValid(self.engine):
            self.models.unbind(self.engine)
            shiboken6.delete(self.engine)


#: The longest the second step of the start waits for the first frame before it runs anyway.
SETUP_HOLD_MAX_S = 5.0


class Closable(Protocol):
    def close(self) -> None: ...


def _start_test_control(config: KioskConfig, window: QQuickWindow) -> Closable | None:
    from ui import test_control

    # Only the demo with nothing but simulated devices: never a terminal with real ones.
    demo = config.demo and all(
        choice is DeviceChoice.SIMULATED
        for choice in (
            config.devices.card_reader,
            config.devices.printer,
            config.devices.camera,
        )
    )
    return test_control.start(window, os.environ["POP_TEST_CONTROL"], demo=demo)


#: run()'s answer when the hub ordered a restart: main.py starts the program again.
RESTART_EXIT_CODE = 75


def run(config: KioskConfig, exit_after_first_frame: bool = False) -> int:
    prepare_environment()
    app = QGuiApplication(sys.argv)
    app.setApplicationName("Point of Public")
    app.setOrganizationName("Point of Public")
    # The attract screen is drawn from the catalogue alone; the outbox, the hub's key, the
    # devices and delivery are set up once its first frame is on screen (Terminal.finish_start).
    ui = KioskUi(
        config,
        clock=system_clock,
        defer_setup=True,
        catalogue_cache=catalogue_cache.default_folder(),
    )
    sys.excepthook = ui.handle_fault
    # A worker thread that dies of a bug is logged once, by type, and counted in the health
    # report (the supervised loops catch their own faults; this is for any other thread).
    install_excepthook()
    window = ui.start()
    restart = False

    def restart_now() -> None:
        # The hub's order, between two citizens: the program ends and starts itself again.
        nonlocal restart
        restart = True
        app.quit()

    ui.terminal.on_restart = restart_now
    control: Closable | None = None
    set_up_done = False

    first_frame_seen = False

    def finish_start() -> None:
        # Once (the frames after it may already be queued): a single-shot connection would
        # need PySide's ``Qt`` namespace, ~20 ms to build before the first frame.
        nonlocal first_frame_seen
        if first_frame_seen:
            return
        first_frame_seen = True
        window.frameSwapped.disconnect(finish_start)
        if exit_after_first_frame:
            print("first-frame", flush=True)  # noqa: T201 - read by bench/cold_start.py
        # Queued: the frame is handed over before the set-up takes the interpreter.
        ui.scheduler.post(set_up)

    def set_up() -> None:
        nonlocal control, set_up_done
        if set_up_done:
            return  # the frame came after the fallback below, or the other way round
        set_up_done = True
        try:
            # A bug in here reaches sys.excepthook (the calm screen, then a retry) after the
            # rest below has run: the kiosk stays up and can be driven and measured.
            ui.terminal.finish_start()
            ui.models.read_aloud.prepare()
        finally:
            # The end-to-end tests' control channel: only when the environment asks for it
            # (and then refused on a terminal's configuration); never imported otherwise.
            # Opened once the terminal is set up: a test's first touch finds a session.
            if os.environ.get("POP_TEST_CONTROL"):
                control = _start_test_control(config, window)
            if exit_after_first_frame:
                # "ready": set up, a touch is served (bench/cold_start.py times it too).
                print("ready", flush=True)  # noqa: T201
                app.quit()

    window.frameSwapped.connect(finish_start)
    # A platform that never swaps a frame (a hidden window) must not keep the terminal waiting.
    ui.scheduler.call_later("finish-start", SETUP_HOLD_MAX_S, set_up)
    code = app.exec()
    if control is not None:
        control.close()
    ui.shutdown()
    return RESTART_EXIT_CODE if restart else code
