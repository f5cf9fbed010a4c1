"""Guards against known defects of the Qt for Python build the kiosk runs on."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal()
    carried = Signal(object)


def test_emitting_signals_does_not_leak_or_steal_references(qapp: object) -> None:
    # PySide6 6.12.0 with Python 3.11 dropped a reference to True on every emit(); a kiosk
    # emits ~60 signals per citizen, so CPython aborted it ("bool_dealloc") after ~30 sessions.
    emitter = _Emitter()
    emitter.carried.connect(lambda value: None)
    before_true, before_false, before_none = (sys.getrefcount(x) for x in (True, False, None))
    for _ in range(200):
        emitter.happened.emit()
        emitter.carried.emit(None)
    assert sys.getrefcount(True) - before_true == 0
    assert sys.getrefcount(False) - before_false == 0
    assert abs(sys.getrefcount(None) - before_none) < 50
