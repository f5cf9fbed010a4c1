"""What every model shares: the terminal, the citizen's session, change fan-out, the action fence.

The models are thin: each one reads the session (through the :class:`kiosk.session.Session`
facade) and turns its changes into Qt change signals. They hold no state of their own beyond
presentation (which dialog is open, revision counters that make images reload).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum, IntEnum
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtQml import QJSEngine, QQmlEngine

from kiosk.session import Change
from kiosk.terminal import Terminal

if TYPE_CHECKING:
    from kiosk.session import Session

Changes = frozenset[Change]
ALL_CHANGES: Changes = frozenset(Change)

_P = ParamSpec("_P")
_E = TypeVar("_E", bound=IntEnum)


class ModelContext:
    """The terminal and its current session, and one subscription point for the models.

    Listeners run in the order they subscribed (the app subscribes the navigation model last,
    so a screen change is signalled after the screen's content is up to date)."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self.session: Session | None = None
        self._listeners: list[Callable[[Changes], None]] = []
        terminal.subscribe(self._terminal_changed)
        self._follow_session()

    def subscribe(self, listener: Callable[[Changes], None]) -> None:
        self._listeners.append(listener)

    @property
    def language(self) -> str:
        return self.terminal.language

    def _follow_session(self) -> None:
        session = self.terminal.session
        if session is not self.session:
            self.session = session
            if session is not None:
                session.subscribe(self._changed)

    def _terminal_changed(self) -> None:
        self._follow_session()
        self._changed(ALL_CHANGES)

    def _changed(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def fault(self, exc: BaseException) -> None:
        self.terminal.fault(exc)


class _HasContext(Protocol):
    @property
    def context(self) -> ModelContext: ...


_M = TypeVar("_M", bound=_HasContext)


def fenced(method: Callable[Concatenate[_M, _P], None]) -> Callable[Concatenate[_M, _P], None]:
    """The fence around every slot QML calls.

    An error never travels on into QML: there it would become a JavaScript error whose text
    (possibly personal data) Qt writes to the log. It goes to the terminal's fault handler
    (calm out-of-service screen, wipe, recover) instead."""

    @functools.wraps(method)
    def run(model: _M, /, *args: _P.args, **kwargs: _P.kwargs) -> None:
        try:
            method(model, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the last-resort boundary between UI and core
            model.context.fault(exc)

    run.fenced = True  # type: ignore[attr-defined]  # checked by tests/ui/test_models.py
    return run


def action(
    method: Callable[Concatenate[_M, Session, _P], None],
) -> Callable[Concatenate[_M, _P], None]:
    """A fenced slot that acts on the citizen's session (none, while out of service: nothing
    to do)."""

    @fenced
    @functools.wraps(method)
    def run(model: _M, /, *args: _P.args, **kwargs: _P.kwargs) -> None:
        session = model.context.session
        if session is not None:
            method(model, session, *args, **kwargs)

    return run


def mirror(core: type[Enum], exposed: type[_E], skip: tuple[str, ...] = ()) -> dict[Enum, _E]:
    """Map a core enum onto the enum QML sees, by name (``NO_READER`` → ``NoReader``); the
    names in ``skip`` the caller maps itself (``NONE`` cannot be a Python name).

    Built at import: a core value with no QML counterpart fails at once, not on a screen."""
    return {
        member: exposed["".join(part.capitalize() for part in member.name.split("_"))]
        for member in core
        if member.name not in skip
    }


# --- one instance of each model per QML engine (tests run several kiosks in one process) ------

_BY_ENGINE: dict[int, dict[type[QObject], QObject]] = {}


def _key(engine: QJSEngine) -> int:
    return int(shiboken6.getCppPointer(engine)[0])


def bind(engine: QQmlEngine, models: list[QObject]) -> None:
    """Make ``models`` the singletons QML sees in ``engine`` (before it loads any QML)."""
    _BY_ENGINE[_key(engine)] = {type(m): m for m in models}


def unbind(engine: QQmlEngine) -> None:
    _BY_ENGINE.pop(_key(engine), None)


_Q = TypeVar("_Q", bound=QObject)


def singleton(cls: type[_Q], engine: QJSEngine) -> _Q:
    """The instance of ``cls`` bound to ``engine``; it stays the application's, not the
    engine's (the engine would otherwise delete it with itself)."""
    model = _BY_ENGINE[_key(engine)][cls]
    QQmlEngine.setObjectOwnership(model, QQmlEngine.ObjectOwnership.CppOwnership)
    assert isinstance(model, cls)
    return model
